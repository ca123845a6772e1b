import { z } from "zod";

import { computeIndexPercent, type IndexPercent, type Precision } from "./index-percent";
import { toThousandths } from "./points";
import type { DomainResultForStatistics, DomainStatistics, RoundedFigure } from "./province-statistics";

// The figures of an agency's public profile that are not in the announcement: its domains against
// its unit type's average, and where the appraisers changed its self score.

const ZDecimalText = z.string().regex(/^-?\d+(\.\d+)?$/, "decimal text such as 12.500");

/**
 * Result.domainBreakdown as the scoring engine stores it (lib/services/year-results.ts and the demo
 * seed): one entry per top-level domain with its points and maximum. Other keys (the domain's title
 * at the time) are ignored: names come from the year's criteria set.
 */
export const ZDomainBreakdown = z.array(z.object({ code: z.string().min(1), points: ZDecimalText, maxPoints: ZDecimalText }));

/** A stored breakdown in thousandths, or null when the result has none (years imported from history). */
export function parseDomainBreakdown(stored: unknown): DomainResultForStatistics[] | null {
  if (stored === null || stored === undefined) return null;
  return ZDomainBreakdown.parse(stored).map((domain) => ({
    code: domain.code,
    pointsThousandths: toThousandths(domain.points),
    maxThousandths: toThousandths(domain.maxPoints),
  }));
}

export type DomainComparison = {
  code: string;
  pointsThousandths: number;
  maxThousandths: number;
  /** The agency's points / maximum at the year's precision, half-up; null when nothing counted (max 0). */
  percent: IndexPercent | null;
  /** The unit type's average % for the domain (computeProvinceStatistics), null when none counted. */
  averagePercent: RoundedFigure | null;
  /** percent − averagePercent in thousandths of a percent: both already at the year's precision, so exact. */
  differenceThousandths: number | null;
};

/**
 * The agency's domains beside its unit type's averages, in the order of `domains` (the agency's
 * breakdown). An agency's domain % is computed like any index % (computeIndexPercent: half-up at
 * the year's precision), so it is the figure the average is the mean of, rounded the same way.
 */
export function compareDomains(
  domains: readonly DomainResultForStatistics[],
  averages: readonly DomainStatistics[],
  precision: Precision,
): DomainComparison[] {
  const averageOf = new Map(averages.map((average) => [average.code, average.averagePercent]));
  return domains.map((domain) => {
    const percent = domain.maxThousandths > 0 ? computeIndexPercent(domain.pointsThousandths, domain.maxThousandths, precision) : null;
    const averagePercent = averageOf.get(domain.code) ?? null;
    return {
      code: domain.code,
      pointsThousandths: domain.pointsThousandths,
      maxThousandths: domain.maxThousandths,
      percent,
      averagePercent,
      differenceThousandths: percent && averagePercent ? percent.thousandths - averagePercent.thousandths : null,
    };
  });
}

/** One criterion's scores as stored, in thousandths (null: not given). */
export type StoredScorePoints = {
  selfThousandths: number | null;
  round1Thousandths: number | null;
  round1Reason: string | null;
  round2Thousandths: number | null;
  round2Reason: string | null;
};

export type AppraisalChange = {
  selfThousandths: number;
  appraisedThousandths: number;
  /** The reason of the round that decided (round 2 when there was one); null if none was written. */
  reason: string | null;
};

/**
 * Where the appraisers' final word differs from the agency's self score: round 2 when there was a
 * round 2, otherwise round 1. Null when they kept the self score — including when round 1 lowered
 * it and round 2, after the agency's explanation, restored it — or when there is no self score to
 * change (survey criteria) or no appraisal.
 */
export function appraisalChange(score: StoredScorePoints): AppraisalChange | null {
  const isRound2 = score.round2Thousandths !== null;
  const appraised = isRound2 ? score.round2Thousandths : score.round1Thousandths;
  if (score.selfThousandths === null || appraised === null || appraised === score.selfThousandths) return null;
  return {
    selfThousandths: score.selfThousandths,
    appraisedThousandths: appraised,
    reason: (isRound2 ? score.round2Reason : score.round1Reason)?.trim() || null,
  };
}
