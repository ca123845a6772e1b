import Link from "next/link";

import { requireArea } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { formatVietnamDate, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";
import { getOpenYear } from "@/lib/services/get-open-year";

export default async function AgencyHomePage() {
  const actor = await requireArea("workspace.agency");
  const { agencyHome, labels, selfAssessment } = getMessages("vi");
  const db = getPrisma();
  // The agency comes from the account in the database, never from the URL.
  const agency = await db.agency.findUniqueOrThrow({ where: { id: actor.agencyId ?? "" }, select: { id: true, name: true } });
  const year = await getOpenYear(db);
  if (!year) return <p>{agencyHome.noOpenYear}</p>;

  const assessment = await db.assessment.findUnique({
    where: { agencyId_yearId: { agencyId: agency.id, yearId: year.id } },
    select: { status: true, criteriaSetId: true, _count: { select: { scores: { where: { selfPoints: { not: null } } } } } },
  });
  const selfScoredTotal = assessment
    ? await db.criterion.count({ where: { criteriaSetId: assessment.criteriaSetId, method: { notIn: ["SURVEY"] }, children: { none: {} } } })
    : 0;
  const deadline = year.deadlines[0]?.endsAt;

  return (
    <section className="space-y-3">
      <h1 className="text-2xl font-bold text-brand-800">{interpolate(agencyHome.title, { year: year.year, agency: agency.name })}</h1>
      <p>{interpolate(agencyHome.phase, { phase: labels.yearPhase[year.phase] })}</p>
      {deadline ? <p>{interpolate(agencyHome.deadline, { date: formatVietnamDate(deadline) })}</p> : null}
      {assessment ? (
        <>
          <p>{interpolate(agencyHome.status, { status: labels.assessmentStatus[assessment.status] })}</p>
          <p>
            <progress max={selfScoredTotal} value={assessment._count.scores} className="mr-2 align-middle" aria-hidden="true" />
            {interpolate(agencyHome.progress, { answered: assessment._count.scores, total: selfScoredTotal })}
          </p>
        </>
      ) : (
        <p>{agencyHome.notStarted}</p>
      )}
      <Link href="/co-quan/tu-danh-gia" className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white">
        {selfAssessment.openForm}
      </Link>
    </section>
  );
}
