import type { Metadata } from "next";

import { AppraiserUnitForm } from "@/components/admin/appraiser-unit-form";
import { OrganisationNav } from "@/components/admin/organisation-nav";
import { requireArea } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

import { agencyOptions } from "../form-options";

const { adminOrg: text } = getMessages("vi");

export const metadata: Metadata = { title: text.appraiserUnits.title };

export default async function AppraiserUnitsPage() {
  await requireArea("workspace.admin");
  const db = getPrisma();
  const [units, agencies] = await Promise.all([
    db.appraiserUnit.findMany({
      orderBy: [{ isCoordinator: "desc" }, { name: "asc" }],
      select: { id: true, name: true, agencyId: true, isCoordinator: true, agency: { select: { name: true } }, _count: { select: { users: true, criteria: true } } },
    }),
    agencyOptions(db),
  ]);
  const columns = text.appraiserUnits.columns;
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold text-brand-800">{text.appraiserUnits.title}</h1>
      <OrganisationNav current="/quan-tri/don-vi/don-vi-tham-dinh" />
      <p className="max-w-3xl">{text.appraiserUnits.intro}</p>
      {units.length === 0 ? (
        <p>{text.appraiserUnits.empty}</p>
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
              {units.map((unit) => (
                <tr key={unit.id} className="border-t border-slate-100 align-top">
                  <th scope="row" className="px-3 py-2 font-medium">{unit.name}</th>
                  <td className="px-3 py-2">{unit.agency?.name ?? "—"}</td>
                  <td className="px-3 py-2">{unit.isCoordinator ? text.yes : text.no}</td>
                  <td className="px-3 py-2">{unit._count.users}</td>
                  <td className="px-3 py-2">{unit._count.criteria}</td>
                  <td className="px-3 py-2">
                    <details>
                      <summary className="cursor-pointer text-brand-700 underline" aria-label={interpolate(text.appraiserUnits.editOf, { name: unit.name })}>{text.edit}</summary>
                      <div className="mt-2 min-w-72">
                        <AppraiserUnitForm unit={{ id: unit.id, name: unit.name, agencyId: unit.agencyId, isCoordinator: unit.isCoordinator }} agencies={agencies} />
                      </div>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="add-appraiser-unit" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="add-appraiser-unit" className="text-xl font-semibold text-brand-800">{text.appraiserUnits.add}</h2>
        <AppraiserUnitForm unit={null} agencies={agencies} />
      </section>
    </section>
  );
}
