import type { Metadata } from "next";
import Link from "next/link";

import { OrganisationNav } from "@/components/admin/organisation-nav";
import { requireArea } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { calendarDateOf, vietnamDateOf } from "@/lib/domain/calendar-date";
import { formatDate, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

import { AGENCY_PARAMS, agencyFiltersFrom, agencyWhere } from "./agency-filters";

const { adminOrg: text } = getMessages("vi");

export const metadata: Metadata = { title: text.agencies.title };

/** At most this many rows: a province has a few hundred agencies at most; the filters narrow the rest. */
const LIMIT = 500;

export default async function AgenciesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireArea("workspace.admin");
  const filters = agencyFiltersFrom(await searchParams);
  const today = vietnamDateOf(new Date());
  const db = getPrisma();
  const where = agencyWhere(filters, today);
  const [agencies, total, unitTypes] = await Promise.all([
    db.agency.findMany({
      where,
      orderBy: [{ unitType: { sortOrder: "asc" } }, { name: "asc" }],
      take: LIMIT,
      select: {
        id: true,
        name: true,
        shortName: true,
        activeFrom: true,
        activeTo: true,
        isRanked: true,
        unitType: { select: { name: true } },
        parent: { select: { name: true } },
      },
    }),
    db.agency.count({ where }),
    db.unitType.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
  ]);
  const columns = text.agencies.columns;
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold text-brand-800">{text.agencies.title}</h1>
      <OrganisationNav current="/quan-tri/don-vi" />
      <p>
        <Link href="/quan-tri/don-vi/moi" className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white">
          {text.agencies.add}
        </Link>
      </p>

      <form method="get" role="search" aria-label={text.filters} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-300 bg-white p-3">
        <label className="flex flex-col text-sm">
          {text.agencies.search}
          <input type="search" name={AGENCY_PARAMS.search} defaultValue={filters.search} className="rounded border border-slate-400 px-2 py-1" />
        </label>
        <label className="flex flex-col text-sm">
          {text.agencies.unitType}
          <select name={AGENCY_PARAMS.unitTypeId} defaultValue={filters.unitTypeId ?? ""} className="rounded border border-slate-400 px-2 py-1">
            <option value="">{text.all}</option>
            {unitTypes.map((unitType) => (
              <option key={unitType.id} value={unitType.id}>
                {unitType.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {text.agencies.status}
          <select name={AGENCY_PARAMS.status} defaultValue={filters.status} className="rounded border border-slate-400 px-2 py-1">
            {(["active", "ended", "all"] as const).map((status) => (
              <option key={status} value={status}>
                {text.agencies.statuses[status]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white">
          {text.apply}
        </button>
        <Link href="/quan-tri/don-vi" className="px-2 py-1.5 text-brand-700 underline">
          {text.resetFilters}
        </Link>
      </form>

      <p role="status">{interpolate(text.shown, { shown: agencies.length, total })}</p>
      {agencies.length === 0 ? (
        <p>{text.agencies.empty}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-100">
              <tr>
                {Object.values(columns).map((label) => (
                  <th key={label} scope="col" className="px-3 py-2">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {agencies.map((agency) => {
                const isEnded = agency.activeTo !== null && calendarDateOf(agency.activeTo) < today;
                return (
                  <tr key={agency.id} className="border-t border-slate-100 align-top">
                    <th scope="row" className="px-3 py-2 font-medium">
                      <Link href={`/quan-tri/don-vi/${agency.id}`} className="text-brand-700 underline">
                        {agency.name}
                      </Link>
                    </th>
                    <td className="px-3 py-2">{agency.shortName ?? "—"}</td>
                    <td className="px-3 py-2">{agency.unitType.name}</td>
                    <td className="px-3 py-2">{agency.parent?.name ?? "—"}</td>
                    <td className="px-3 py-2">{activePeriod(agency.activeFrom, agency.activeTo)}</td>
                    <td className="px-3 py-2">{agency.isRanked ? text.yes : text.agencies.notRanked}</td>
                    <td className="px-3 py-2">{isEnded ? text.agencies.statuses.ended : text.agencies.statuses.active}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function activePeriod(from: Date | null, to: Date | null): string {
  if (from && to) return interpolate(text.agencies.periodBoth, { from: formatDate(from), to: formatDate(to) });
  if (from) return interpolate(text.agencies.periodFrom, { from: formatDate(from) });
  if (to) return interpolate(text.agencies.periodTo, { to: formatDate(to) });
  return "—";
}
