import Link from "next/link";
import type { ReactNode } from "react";

import type { TGradingBand } from "@/lib/domain/bands";
import { hasCriteriaSetChanges, type CriteriaSetChanges, type YearRuleChange } from "@/lib/domain/criteria-set-diff";
import type { TCriterionMethod } from "@/lib/domain/criterion-params";
import { describeScoringRule } from "@/lib/domain/scoring-rule-text";
import { formatPointsFromThousandths, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";
import type { Methodology, MethodologyCriterion, MethodologyUnitType } from "@/lib/services/get-methodology";

import { BandBadge } from "./band-badge";
import { summaryPath } from "./year-summary";
import { YearSwitcher } from "./year-switcher";

export function methodologyPath(year: number): string {
  return `/nam/${year}/phuong-phap`;
}

/** The methodology of a published year (/nam/[year]/phuong-phap), every word and figure from the data. */
export function MethodologyView({ methodology }: { methodology: Methodology }) {
  const { publicMethodology: text, publicSite } = getMessages("vi");
  const { year, rules, previousYear } = methodology;
  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold text-brand-800">{interpolate(text.title, { year })}</h1>
        <p className="text-slate-700">{interpolate(text.intro, { year })}</p>
        <YearSwitcher years={methodology.publishedYears} current={year} pathOf={methodologyPath} label={publicSite.yearNavigation} />
        <p className="print:hidden">
          <Link href={summaryPath(year)} className="text-brand-800 underline underline-offset-4">
            {interpolate(text.summaryLink, { year })}
          </Link>
        </p>
      </header>

      <section aria-labelledby="quy-dinh-chung" className="space-y-3">
        <h2 id="quy-dinh-chung" className="text-xl font-semibold">
          {interpolate(text.rulesHeading, { year })}
        </h2>
        <p>{text.formula}</p>
        <dl className="grid gap-x-6 sm:grid-cols-[auto_1fr] sm:gap-y-2">
          <dt className="font-semibold">{text.precision}</dt>
          <dd className="mb-2 sm:mb-0">{interpolate(text.precisionValue, { digits: rules.precision, example: rules.precision === 3 ? text.precisionExample3 : text.precisionExample2 })}</dd>
          <dt className="font-semibold">{text.survey}</dt>
          <dd className="mb-2 sm:mb-0">{rules.isSurveyIncluded ? text.surveyIncluded : text.surveyExcluded}</dd>
          <dt className="font-semibold">{text.bonusCap}</dt>
          <dd className="mb-2 sm:mb-0">{interpolate(text.pointsValue, { points: formatPointsFromThousandths(rules.maxBonusPoints) })}</dd>
          <dt className="font-semibold">{text.penaltyCap}</dt>
          <dd className="mb-2 sm:mb-0">{interpolate(text.pointsValue, { points: formatPointsFromThousandths(rules.maxPenaltyPoints) })}</dd>
        </dl>
        <p className="text-sm text-slate-600">{text.noDataNote}</p>
      </section>

      {methodology.unitTypes.map((unitType) => (
        <UnitTypeMethodology key={unitType.unitTypeId} unitType={unitType} methodology={methodology} />
      ))}

      <section aria-labelledby="thay-doi" className="space-y-3">
        <h2 id="thay-doi" className="text-xl font-semibold">
          {previousYear === null ? text.changesHeadingFirstYear : interpolate(text.changesHeading, { previousYear })}
        </h2>
        {previousYear === null ? (
          <p>{interpolate(text.noPreviousYear, { year })}</p>
        ) : (
          <>
            {methodology.ruleChanges.length > 0 ? (
              <>
                <h3 className="text-lg font-semibold">{text.yearRulesChanges}</h3>
                <ul className="list-disc space-y-1 pl-6">
                  {methodology.ruleChanges.map((change) => (
                    <li key={change.rule}>{ruleChangeText(change)}</li>
                  ))}
                </ul>
              </>
            ) : null}
            {methodology.unitTypes.map((unitType) => (
              <div key={unitType.unitTypeId} className="space-y-2">
                <h3 className="text-lg font-semibold">{interpolate(text.unitTypeHeading, { unitType: unitType.name })}</h3>
                {!unitType.hasPreviousSet || !unitType.changes ? (
                  <p>{interpolate(text.noSetLastYear, { previousYear })}</p>
                ) : hasCriteriaSetChanges(unitType.changes) ? (
                  <SetChanges changes={unitType.changes} year={year} previousYear={previousYear} />
                ) : (
                  <p>{interpolate(text.noChanges, { previousYear })}</p>
                )}
              </div>
            ))}
          </>
        )}
      </section>
    </article>
  );
}

function UnitTypeMethodology({ unitType, methodology }: { unitType: MethodologyUnitType; methodology: Methodology }) {
  const { publicMethodology: text } = getMessages("vi");
  const { year, rules } = methodology;
  const id = `khoi-${unitType.code}`;
  return (
    <section aria-labelledby={id} className="space-y-4">
      <h2 id={id} className="text-xl font-semibold">
        {interpolate(text.unitTypeHeading, { unitType: unitType.name })}
      </h2>
      <p className="text-slate-700">
        {unitType.title}. {interpolate(text.totalMax, { points: formatPointsFromThousandths(unitType.totalMaxPoints) })}
      </p>

      <h3 className="text-lg font-semibold">{text.bandsHeading}</h3>
      <div className="overflow-x-auto">
        <table className="min-w-full bg-white text-sm sm:min-w-0" data-testid={`xep-loai-${unitType.code}`}>
          <caption className="px-3 py-2 text-left text-sm text-slate-700">{interpolate(text.bandsCaption, { unitType: unitType.name, year })}</caption>
          <thead>
            <tr>
              <th scope="col" className="border-b border-slate-300 px-3 py-2 text-left font-semibold">
                {text.bandColumns.band}
              </th>
              <th scope="col" className="border-b border-slate-300 px-3 py-2 text-left font-semibold">
                {text.bandColumns.range}
              </th>
            </tr>
          </thead>
          <tbody>
            {unitType.bands.map((band, index) => (
              <tr key={band.label}>
                <th scope="row" className="border-b border-slate-200 px-3 py-2 text-left font-normal">
                  <BandBadge label={band.label} bands={unitType.bands} />
                </th>
                <td className="border-b border-slate-200 px-3 py-2">{bandRange(unitType.bands, index)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3 className="text-lg font-semibold">{text.criteriaHeading}</h3>
      <p className="text-sm text-slate-600 print:hidden">{text.criteriaHint}</p>
      <ul className="space-y-2" aria-label={interpolate(text.criteriaListLabel, { unitType: unitType.name })}>
        {unitType.domains.map((domain) => (
          <li key={domain.code}>
            <details className="rounded border border-slate-200 bg-white">
              <summary className="cursor-pointer px-3 py-2 font-medium">
                {domain.code}. {domain.title} <span className="font-normal text-slate-700">— {interpolate(text.maxPoints, { points: formatPointsFromThousandths(domain.maxPoints) })}</span>
              </summary>
              <div className="border-t border-slate-200 px-3 py-2">
                <CriteriaList criteria={domain.children} />
              </div>
            </details>
          </li>
        ))}
      </ul>

      <h4 className="font-semibold">{interpolate(text.bonusHeading, { cap: formatPointsFromThousandths(rules.maxBonusPoints) })}</h4>
      {unitType.bonusItems.length === 0 ? <p>{text.none}</p> : <CriteriaList criteria={unitType.bonusItems} />}
      <h4 className="font-semibold">{interpolate(text.penaltyHeading, { cap: formatPointsFromThousandths(rules.maxPenaltyPoints) })}</h4>
      {unitType.penaltyItems.length === 0 ? <p>{text.none}</p> : <CriteriaList criteria={unitType.penaltyItems} />}
    </section>
  );
}

/** Criteria as nested lists: readable without JavaScript, and in print. */
function CriteriaList({ criteria }: { criteria: readonly MethodologyCriterion[] }) {
  const { publicMethodology: text } = getMessages("vi");
  return (
    <ul className="space-y-2">
      {criteria.map((criterion) => (
        <li key={criterion.code} className="space-y-1">
          <p>
            <span className="font-medium">
              {criterion.code}. {criterion.title}
            </span>{" "}
            <span className="whitespace-nowrap text-slate-700">— {interpolate(text.maxPoints, { points: formatPointsFromThousandths(criterion.maxPoints) })}</span>
          </p>
          <p className="text-sm text-slate-700">
            <span className="font-medium">{text.ruleLabel}:</span> {criterion.rule ?? text.parentRule}
          </p>
          {criterion.children.length > 0 ? (
            <div className="border-l-2 border-slate-200 pl-3 sm:pl-4">
              <CriteriaList criteria={criterion.children} />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function bandRange(bands: readonly TGradingBand[], index: number): string {
  const { publicMethodology: text } = getMessages("vi");
  const band = bands[index] as TGradingBand;
  const above = bands[index - 1];
  const min = formatPointsFromThousandths(band.minPercentThousandths);
  if (!above) return interpolate(text.bandFrom, { min });
  const next = formatPointsFromThousandths(above.minPercentThousandths);
  return band.minPercentThousandths === 0 ? interpolate(text.bandBelow, { next }) : interpolate(text.bandBetween, { min, next });
}

function ruleChangeText(change: YearRuleChange): string {
  const { changeLines } = getMessages("vi").publicMethodology;
  switch (change.rule) {
    case "precision":
      return interpolate(changeLines.precision, { before: change.before, after: change.after });
    case "isSurveyIncluded": {
      const word = (value: boolean) => (value ? changeLines.counted : changeLines.notCounted);
      return interpolate(changeLines.isSurveyIncluded, { before: word(change.before), after: word(change.after) });
    }
    case "maxBonusPoints":
    case "maxPenaltyPoints":
      return interpolate(changeLines[change.rule], { before: formatPointsFromThousandths(change.before), after: formatPointsFromThousandths(change.after) });
  }
}

function SetChanges({ changes, year, previousYear }: { changes: CriteriaSetChanges; year: number; previousYear: number }) {
  const { publicMethodology: text } = getMessages("vi");
  const lines = text.changeLines;
  const percent = (value: number | null) => (value === null ? "—" : formatPointsFromThousandths(value));
  const ruleOf = (method: TCriterionMethod | null, maxPoints: number) => (method ? describeScoringRule(method, maxPoints) : lines.parent);
  const groups: { key: keyof CriteriaSetChanges; items: { key: string; content: ReactNode }[] }[] = [
    { key: "added", items: changes.added.map((item) => ({ key: item.code, content: interpolate(lines.criterion, { code: item.code, title: item.title, points: formatPointsFromThousandths(item.maxPoints) }) })) },
    { key: "removed", items: changes.removed.map((item) => ({ key: item.code, content: interpolate(lines.criterion, { code: item.code, title: item.title, points: formatPointsFromThousandths(item.maxPoints) }) })) },
    { key: "renamed", items: changes.renamed.map((item) => ({ key: item.code, content: interpolate(lines.renamed, item) })) },
    {
      key: "maxChanged",
      items: changes.maxChanged.map((item) => ({
        key: item.code,
        content: interpolate(lines.maxChanged, { code: item.code, title: item.title, before: formatPointsFromThousandths(item.before), after: formatPointsFromThousandths(item.after) }),
      })),
    },
    {
      key: "methodChanged",
      items: changes.methodChanged.map((item) => ({
        key: item.code,
        content: (
          <>
            {item.code}. {item.title}
            <ul className="list-[circle] pl-6 text-sm text-slate-700">
              {/* The maxima of that year: a rule such as BOOLEAN reads its own maximum. */}
              <li>{interpolate(lines.methodInYear, { year: previousYear, rule: ruleOf(item.before, item.beforeMaxPoints) })}</li>
              <li>{interpolate(lines.methodInYear, { year, rule: ruleOf(item.after, item.afterMaxPoints) })}</li>
            </ul>
          </>
        ),
      })),
    },
    {
      key: "bandsChanged",
      items: changes.bandsChanged.map((item) => ({
        key: item.label,
        content: interpolate(item.before === null ? lines.bandAdded : item.after === null ? lines.bandRemoved : lines.bandChanged, {
          label: item.label,
          before: percent(item.before),
          after: percent(item.after),
        }),
      })),
    },
  ];
  return (
    <>
      {groups
        .filter((group) => group.items.length > 0)
        .map((group) => (
          <div key={group.key} className="space-y-1">
            <h4 className="font-semibold">{text.changeGroups[group.key]}</h4>
            <ul className="list-disc space-y-1 pl-6">
              {group.items.map((item) => (
                <li key={item.key}>{item.content}</li>
              ))}
            </ul>
          </div>
        ))}
    </>
  );
}
