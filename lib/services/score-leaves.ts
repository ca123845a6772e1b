import "server-only";

import type { LeafPoints, LeafScore } from "@/lib/domain/assessment-totals";
import type { CriterionDefinition } from "@/lib/domain/criteria-tree";
import { toThousandths } from "@/lib/domain/points";
import { storedLeafPoints } from "@/lib/domain/stored-points";

// Stored scores as lib/domain's totals take them (lib/domain/stored-points.ts).

type DecimalLike = { toFixed(digits: number): string };

export type StoredScoreInputs = {
  criterionId: string;
  selfInput: unknown;
  selfPoints: DecimalLike | null;
  round1Input: unknown;
  round1Points: DecimalLike | null;
  round2Input: unknown;
  round2Points: DecimalLike | null;
};

type LeafCriterion = Pick<CriterionDefinition, "code" | "maxPoints" | "method"> & { id: string };

function leafPoints(criterion: LeafCriterion, input: unknown, points: DecimalLike | null): LeafPoints | null {
  return storedLeafPoints(criterion, input, points?.toFixed(3) ?? null);
}

/**
 * Leaf scores keyed by criterion code. `withRound2` false hides round 2 (the agency sees it only
 * once finalized); survey criteria take the imported survey points.
 */
export function leafScoresOf(
  criteria: readonly LeafCriterion[],
  scores: readonly StoredScoreInputs[],
  surveys: readonly { criterionId: string; points: DecimalLike }[],
  { withRound2 }: { withRound2: boolean },
): Map<string, LeafScore> {
  const byId = new Map(criteria.map((criterion) => [criterion.id, criterion]));
  const leaves = new Map<string, LeafScore>();
  for (const score of scores) {
    const criterion = byId.get(score.criterionId);
    if (!criterion) continue;
    leaves.set(criterion.code, {
      self: leafPoints(criterion, score.selfInput, score.selfPoints),
      round1: leafPoints(criterion, score.round1Input, score.round1Points),
      round2: withRound2 ? leafPoints(criterion, score.round2Input, score.round2Points) : null,
    });
  }
  for (const survey of surveys) {
    const criterion = byId.get(survey.criterionId);
    if (criterion) leaves.set(criterion.code, { ...leaves.get(criterion.code), survey: toThousandths(survey.points.toFixed(3)) });
  }
  return leaves;
}
