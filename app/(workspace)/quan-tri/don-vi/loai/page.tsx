import type { Metadata } from "next";

import { OrganisationNav } from "@/components/admin/organisation-nav";
import { UnitTypeActions, UnitTypeForm } from "@/components/admin/unit-type-forms";
import { requireArea } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { vietnamDateOf } from "@/lib/domain/calendar-date";
import { formatVietnamDate, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";
import { notEndedOn } from "@/lib/services/admin-input";

const { adminOrg: text } = getMessages("vi");

export const metadata: Metadata = { title: text.unitTypes.title };

export default async function UnitTypesPage() {
  await requireArea("workspace.admin");
  const unitTypes = await getPrisma().unitType.findMany({
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      code: true,
      sortOrder: true,
      deactivatedAt: true,
      _count: { select: { agencies: { where: notEndedOn(vietnamDateOf(new Date())) } } },
    },
  });
  const columns = text.unitTypes.columns;
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold text-brand-800">{text.unitTypes.title}</h1>
      <OrganisationNav current="/quan-tri/don-vi/loai" />
      <p className="max-w-3xl">{text.unitTypes.intro}</p>
      {unitTypes.length === 0 ? (
        <p>{text.unitTypes.empty}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-100">
              <tr>
                {Object.values(columns).map((label) => (
                  <th key={label} scope="col" className="px-3 py-2">{label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {unitTypes.map((unitType) => (
                <tr key={unitType.id} className="border-t border-slate-100 align-top">
                  <th scope="row" className="px-3 py-2 font-medium">
                    {unitType.name}
                    <details className="mt-2 font-normal">
                      <summary className="cursor-pointer text-brand-700 underline">{text.edit}</summary>
                      <div className="mt-2" role="group" aria-label={interpolate(text.unitTypes.editOf, { name: unitType.name })}>
                        <UnitTypeForm unitType={unitType} />
                      </div>
                    </details>
                  </th>
                  <td className="px-3 py-2 font-mono">{unitType.code}</td>
                  <td className="px-3 py-2">{unitType.sortOrder}</td>
                  <td className="px-3 py-2">{unitType._count.agencies}</td>
                  <td className="px-3 py-2">{unitType.deactivatedAt ? interpolate(text.unitTypes.deactivatedOn, { date: formatVietnamDate(unitType.deactivatedAt) }) : text.unitTypes.inUse}</td>
                  <td className="px-3 py-2">
                    <UnitTypeActions unitType={unitType} isActive={unitType.deactivatedAt === null} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="add-unit-type" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="add-unit-type" className="text-xl font-semibold text-brand-800">{text.unitTypes.add}</h2>
        <UnitTypeForm unitType={null} />
      </section>
    </section>
  );
}
