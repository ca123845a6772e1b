import { formatPercent, formatPoints, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";
import type { SelfAssessmentForm, TotalSummary } from "@/lib/services/get-self-assessment-form";

const { appraisalOutcome: text } = getMessages("vi");

type Appraisal = NonNullable<SelfAssessmentForm["appraisal"]>;

/** The assessment's totals side by side — self, appraised, final — and the year's result once computed. */
export function AppraisalSummary({ appraisal, status, year, precision }: { appraisal: Appraisal; status: string; year: number; precision: 2 | 3 }) {
  const line = (total: TotalSummary) =>
    interpolate(text.totalLine, {
      points: formatPoints(total.points),
      max: formatPoints(total.maxPoints),
      percent: total.indexPercent ? formatPercent(total.indexPercent, precision) : "—",
    });
  const { result } = appraisal;
  return (
    <section aria-labelledby="appraisal-summary-title" className="space-y-2 rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="appraisal-summary-title" className="text-lg font-semibold">{text.title}</h2>
      {status === "UNDER_APPRAISAL" ? <p>{text.underReview}</p> : null}
      {status === "FINALIZED" ? <p>{text.finalized}</p> : null}
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">{text.selfTotal}</dt>
        <dd>{line(appraisal.selfTotal)}</dd>
        <dt className="font-medium">{text.appraisedTotal}</dt>
        <dd>{line(appraisal.appraisedTotal)}</dd>
        {appraisal.finalTotal ? (
          <>
            <dt className="font-medium">{text.finalTotal}</dt>
            <dd className="font-semibold">{line(appraisal.finalTotal)}</dd>
          </>
        ) : null}
      </dl>
      {result ? (
        <p className="font-semibold">
          {interpolate(result.rank === null ? text.resultNotRanked : text.result, {
            year,
            points: formatPoints(result.totalPoints),
            max: formatPoints(result.maxPoints),
            percent: formatPercent(result.indexPercent, precision),
            rank: result.rank ?? "",
            count: result.rankedCount ?? "",
            band: result.bandLabel ?? "",
          })}
        </p>
      ) : null}
    </section>
  );
}
