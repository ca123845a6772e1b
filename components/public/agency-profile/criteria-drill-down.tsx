import { formatPoints, formatPointsFromThousandths, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";
import type { AgencyProfileDomain, ProfileCriterion } from "@/lib/services/get-agency-profile";

import { percentText } from "./profile-format";

type CriteriaDrillDownProps = { year: number; precision: 2 | 3; domains: AgencyProfileDomain[] };

/**
 * Each domain as a <details> (no JavaScript needed) listing its criteria with their maximum, the
 * points that counted and, where the appraisers changed the self score, their reason.
 */
export function CriteriaDrillDown({ year, precision, domains }: CriteriaDrillDownProps) {
  const { publicProfile } = getMessages("vi");
  const columns = publicProfile.criterionColumns;
  return (
    <section aria-labelledby="tung-tieu-chi" className="space-y-3">
      <h2 id="tung-tieu-chi" className="text-lg font-semibold">
        {interpolate(publicProfile.drillDownHeading, { year })}
      </h2>
      <p className="text-sm text-slate-700">{publicProfile.drillDownIntro}</p>
      {domains.map((domain) => (
        <details key={domain.code} id={`linh-vuc-${domain.code}`} className="group rounded-lg border border-slate-200 bg-white">
          <summary className="cursor-pointer list-item rounded-lg px-4 py-3 font-medium hover:bg-slate-50">
            {interpolate(publicProfile.domainSummary, { code: domain.code, title: domain.title })}
            <span className="ml-2 whitespace-nowrap text-sm font-normal text-slate-700">
              {interpolate(publicProfile.domainSummaryFigures, {
                points: formatPointsFromThousandths(domain.pointsThousandths),
                max: formatPointsFromThousandths(domain.maxThousandths),
                percent: domain.percent ? percentText(domain.percent.thousandths, precision) : publicProfile.notCounted,
              })}
            </span>
          </summary>
          {domain.criteria.length === 0 ? (
            <p className="px-4 pb-4 text-sm text-slate-700">{publicProfile.noCriteria}</p>
          ) : (
            <div className="relative overflow-x-auto border-t border-slate-200">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{interpolate(publicProfile.criteriaCaption, { code: domain.code, title: domain.title, year })}</caption>
                <thead className="bg-slate-100 text-slate-700">
                  <tr>
                    <th scope="col" className="px-3 py-2">{columns.code}</th>
                    <th scope="col" className="px-3 py-2">{columns.criterion}</th>
                    <th scope="col" className="px-3 py-2 text-right">{columns.maxPoints}</th>
                    <th scope="col" className="px-3 py-2 text-right">{columns.finalPoints}</th>
                    <th scope="col" className="px-3 py-2">{columns.appraisal}</th>
                  </tr>
                </thead>
                <tbody>
                  {domain.criteria.map((node) => (
                    <CriterionRow key={node.code} node={node} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </details>
      ))}
    </section>
  );
}

function CriterionRow({ node }: { node: ProfileCriterion }) {
  const { publicProfile } = getMessages("vi");
  const indent = { paddingLeft: `${0.75 + node.depth * 1.25}rem` };
  if (node.kind === "group") {
    return (
      <tr className="border-t border-slate-200 bg-slate-50">
        <td className="whitespace-nowrap px-3 py-2 font-semibold tabular-nums">{node.code}</td>
        <th scope="row" className="min-w-56 py-2 pr-3 font-semibold" style={indent}>
          {node.title}
        </th>
        <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{formatPoints(node.maxPoints)}</td>
        <td className="px-3 py-2" />
        <td className="px-3 py-2" />
      </tr>
    );
  }
  return (
    <tr className="border-t border-slate-100 align-top">
      <td className="whitespace-nowrap px-3 py-2 tabular-nums">{node.code}</td>
      <th scope="row" className="min-w-56 py-2 pr-3 font-normal" style={indent}>
        {node.title}
      </th>
      <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{formatPoints(node.maxPoints)}</td>
      <td className="whitespace-nowrap px-3 py-2 text-right font-semibold tabular-nums">{node.finalPoints === null ? "—" : formatPoints(node.finalPoints)}</td>
      <td className="min-w-56 px-3 py-2">
        {node.change ? (
          <>
            <span className="block">
              {interpolate(publicProfile.appraisalChanged, { self: formatPointsFromThousandths(node.change.selfThousandths), appraised: formatPointsFromThousandths(node.change.appraisedThousandths) })}
            </span>
            <span className="block text-slate-700">{node.change.reason ? interpolate(publicProfile.appraisalReason, { reason: node.change.reason }) : publicProfile.noReason}</span>
          </>
        ) : (
          <span className="text-slate-500">—</span>
        )}
      </td>
    </tr>
  );
}
