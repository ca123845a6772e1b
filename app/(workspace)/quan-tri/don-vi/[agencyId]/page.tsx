import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { AgencyForm } from "@/components/admin/agency-form";
import { OrganisationNav } from "@/components/admin/organisation-nav";
import { requireArea } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { calendarDateOf, dateValueOf } from "@/lib/domain/calendar-date";
import { formatDate, formatPercent, formatPoints, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";
import { getAgencyLineage, type LineageAgency } from "@/lib/services/get-agency-lineage";

import { agencyOptions, unitTypeOptions } from "../form-options";

const { adminOrg: text } = getMessages("vi");

export const metadata: Metadata = { title: text.agencies.title };

/** One agency: its form, its predecessors and successors, and its results, which stay under its name. */
export default async function AgencyPage({ params, searchParams }: { params: Promise<{ agencyId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireArea("workspace.admin");
  const { agencyId } = await params;
  const isNew = (await searchParams).moi === "1";
  const db = getPrisma();
  const agency = await db.agency.findUnique({
    where: { id: agencyId },
    select: {
      id: true,
      name: true,
      shortName: true,
      slug: true,
      unitTypeId: true,
      parentId: true,
      activeFrom: true,
      activeTo: true,
      isRanked: true,
      _count: { select: { assessments: true, users: true } },
      results: {
        orderBy: { year: { year: "desc" } },
        select: { id: true, totalPoints: true, maxPoints: true, indexPercent: true, rank: true, rankedCount: true, bandLabel: true, year: { select: { year: true, precision: true } } },
      },
    },
  });
  if (!agency) notFound();
  const [unitTypes, parents, lineage] = await Promise.all([unitTypeOptions(db, agency.unitTypeId), agencyOptions(db, agency.id), getAgencyLineage(agency.id, db)]);
  const historyColumns = text.agencies.historyColumns;
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-bold text-brand-800">{agency.name}</h1>
      <OrganisationNav current={null} />
      {isNew ? <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-green-900">{text.agencies.created}</p> : null}

      <AgencyForm
        key={agency.id}
        agency={{
          id: agency.id,
          name: agency.name,
          shortName: agency.shortName,
          slug: agency.slug,
          unitTypeId: agency.unitTypeId,
          parentId: agency.parentId,
          activeFrom: agency.activeFrom ? calendarDateOf(agency.activeFrom) : null,
          activeTo: agency.activeTo ? calendarDateOf(agency.activeTo) : null,
          isRanked: agency.isRanked,
        }}
        unitTypes={unitTypes}
        parents={parents}
        isSlugFrozen={agency.results.length > 0}
      />

      <section aria-labelledby="lineage" className="space-y-2">
        <h2 id="lineage" className="text-xl font-semibold text-brand-800">{text.agencies.lineage}</h2>
        <LineageList title={text.agencies.predecessors} agencies={lineage.predecessors} />
        <LineageList title={text.agencies.successors} agencies={lineage.successors} />
        <p className="flex flex-wrap gap-4">
          <Link href={`/quan-tri/don-vi/sap-nhap?tu=${agency.id}`} className="text-brand-700 underline">{text.agencies.mergeThis}</Link>
          <Link href={`/quan-tri/don-vi/chia-tach?tu=${agency.id}`} className="text-brand-700 underline">{text.agencies.splitThis}</Link>
        </p>
      </section>

      <section aria-labelledby="history" className="space-y-2">
        <h2 id="history" className="text-xl font-semibold text-brand-800">{text.agencies.history}</h2>
        <p>{interpolate(text.agencies.assessments, { count: agency._count.assessments })} · {interpolate(text.agencies.users, { count: agency._count.users })}</p>
        {agency.results.length === 0 ? (
          <p>{text.agencies.noHistory}</p>
        ) : (
          <table className="w-full max-w-2xl rounded-lg border border-slate-200 bg-white text-left text-sm">
            <thead className="bg-slate-100">
              <tr>
                {Object.values(historyColumns).map((label) => (
                  <th key={label} scope="col" className="px-3 py-2">{label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {agency.results.map((result) => (
                <tr key={result.id} className="border-t border-slate-100">
                  <th scope="row" className="px-3 py-2 font-medium">{result.year.year}</th>
                  <td className="px-3 py-2">{formatPoints(result.totalPoints.toFixed(3))}/{formatPoints(result.maxPoints.toFixed(3))}</td>
                  <td className="px-3 py-2">{formatPercent(result.indexPercent.toFixed(result.year.precision), result.year.precision)}</td>
                  <td className="px-3 py-2">{result.rank !== null ? `${result.rank}/${result.rankedCount ?? "—"}` : text.agencies.notRanked}</td>
                  <td className="px-3 py-2">{result.bandLabel ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}

function LineageList({ title, agencies }: { title: string; agencies: LineageAgency[] }) {
  return (
    <div>
      <h3 className="font-medium">{title}</h3>
      {agencies.length === 0 ? (
        <p className="text-slate-700">{text.agencies.noLineage}</p>
      ) : (
        <ul className="list-disc pl-6">
          {agencies.map((agency) => (
            <li key={`${agency.id}-${agency.effectiveOn}`}>
              <Link href={`/quan-tri/don-vi/${agency.id}`} className="text-brand-700 underline">
                {interpolate(text.agencies.lineageItem, { name: agency.name, kind: text.succession.kinds[agency.kind], date: formatDate(dateValueOf(agency.effectiveOn)) })}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
