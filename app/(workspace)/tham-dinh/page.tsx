import { requireArea } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { formatVietnamDate, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";
import { getOpenYear } from "@/lib/services/get-open-year";

export default async function AppraisalHomePage() {
  await requireArea("workspace.appraisal");
  const { appraisalHome, labels, agencyHome } = getMessages("vi");
  const db = getPrisma();
  const year = await getOpenYear(db);
  if (!year) return <p>{agencyHome.noOpenYear}</p>;
  const assessments = await db.assessment.findMany({
    where: { yearId: year.id },
    orderBy: [{ agency: { unitType: { sortOrder: "asc" } } }, { agency: { name: "asc" } }],
    select: { id: true, status: true, submittedAt: true, agency: { select: { name: true, unitType: { select: { name: true } } } } },
  });
  return (
    <section className="space-y-3">
      <h1 className="text-2xl font-bold text-brand-800">{interpolate(appraisalHome.title, { year: year.year })}</h1>
      {assessments.length === 0 ? (
        <p>{appraisalHome.empty}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2">{appraisalHome.columns.agency}</th>
                <th scope="col" className="px-3 py-2">{appraisalHome.columns.unitType}</th>
                <th scope="col" className="px-3 py-2">{appraisalHome.columns.status}</th>
                <th scope="col" className="px-3 py-2">{appraisalHome.columns.submittedAt}</th>
              </tr>
            </thead>
            <tbody>
              {assessments.map((assessment) => (
                <tr key={assessment.id} className="border-t border-slate-100">
                  <th scope="row" className="px-3 py-2 font-medium">{assessment.agency.name}</th>
                  <td className="px-3 py-2">{assessment.agency.unitType.name}</td>
                  <td className="px-3 py-2">{labels.assessmentStatus[assessment.status]}</td>
                  <td className="px-3 py-2">{assessment.submittedAt ? formatVietnamDate(assessment.submittedAt) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
