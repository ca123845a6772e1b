import { LazyDomainComparisonChart } from "@/components/charts/lazy-domain-comparison-chart";
import { formatPointsFromThousandths, formatSignedThousandths, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";
import type { AgencyProfileDetail, AgencyProfileDomain } from "@/lib/services/get-agency-profile";

import { percentText } from "./profile-format";

type DomainSectionProps = { agencyName: string; detail: AgencyProfileDetail & { domains: AgencyProfileDomain[] } };

/** The latest published year's domains: the agency's % beside its unit type's average, table and chart. */
export function DomainSection({ agencyName, detail }: DomainSectionProps) {
  const { publicProfile } = getMessages("vi");
  const columns = publicProfile.domainColumns;
  const { year, precision, unitTypeName } = detail;
  const percent = (figure: { thousandths: number } | null) => (figure ? percentText(figure.thousandths, precision) : publicProfile.notCounted);
  return (
    <section aria-labelledby="theo-linh-vuc" className="space-y-3">
      <h2 id="theo-linh-vuc" className="text-lg font-semibold">
        {interpolate(publicProfile.domainsHeading, { year })}
      </h2>
      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{interpolate(publicProfile.domainsCaption, { agency: agencyName, year, unitType: unitTypeName })}</caption>
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2">{columns.domain}</th>
              <th scope="col" className="px-3 py-2 text-right">{columns.points}</th>
              <th scope="col" className="px-3 py-2 text-right">{columns.agency}</th>
              <th scope="col" className="px-3 py-2 text-right">{columns.average}</th>
              <th scope="col" className="px-3 py-2 text-right">{columns.difference}</th>
            </tr>
          </thead>
          <tbody>
            {detail.domains.map((domain) => (
              <tr key={domain.code} className="border-t border-slate-100">
                <th scope="row" className="min-w-48 px-3 py-2 font-medium">
                  {domain.code}. {domain.title}
                </th>
                <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                  {interpolate(publicProfile.pointsOf, { points: formatPointsFromThousandths(domain.pointsThousandths), max: formatPointsFromThousandths(domain.maxThousandths) })}
                </td>
                <td className="whitespace-nowrap px-3 py-2 text-right font-semibold tabular-nums">{percent(domain.percent)}</td>
                <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{percent(domain.averagePercent)}</td>
                <td className={`whitespace-nowrap px-3 py-2 text-right tabular-nums ${differenceColour(domain.differenceThousandths)}`}>
                  {domain.differenceThousandths === null ? "—" : interpolate(publicProfile.differencePoints, { value: formatSignedThousandths(domain.differenceThousandths, precision) })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <figure className="overflow-hidden rounded-lg border border-slate-200 bg-white p-2 print:hidden">
        <figcaption className="px-2 text-sm text-slate-700">{interpolate(publicProfile.domainsChartCaption, { agency: agencyName, unitType: unitTypeName, year })}</figcaption>
        <LazyDomainComparisonChart
          placeholder={publicProfile.chartLoading}
          agencyLabel={publicProfile.chartAgency}
          averageLabel={publicProfile.chartAverage}
          data={detail.domains.map((domain) => ({
            name: `${domain.code}. ${domain.title}`,
            agency: domain.percent ? domain.percent.thousandths / 1000 : null,
            agencyText: percent(domain.percent),
            average: domain.averagePercent ? domain.averagePercent.thousandths / 1000 : null,
            averageText: percent(domain.averagePercent),
          }))}
        />
      </figure>
    </section>
  );
}

// The sign is printed too: colour is never the only signal.
function differenceColour(thousandths: number | null): string {
  if (thousandths === null || thousandths === 0) return "";
  return thousandths > 0 ? "text-green-800" : "text-red-800";
}
