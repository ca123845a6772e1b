import "server-only";

import type { Prisma } from "@/lib/db/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/prisma";
import { countDisputes, finalPointsOf, findAppraisalGaps, type AppraisalScore, type AppraisalStage } from "@/lib/domain/appraisal-check";
import { interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

import { transitionAssessment } from "./assessment-transition";
import type { WorkflowAssessment } from "./assessment-workflow";
import { failure, type ServiceError } from "./service-result";

// The appraisal leads' status changes of one assessment (issue 6 item 3). Each goes through
// transitionAssessment: zod, actor, policy (leads only), workflow, lock, version, audit.

type StoredScore = AppraisalScore & { id: string; code: string };

/** The assessment's criteria and scores, read inside the transaction after the row is locked. */
async function loadScores(tx: Prisma.TransactionClient, assessment: WorkflowAssessment) {
  const [criteria, rows] = await Promise.all([
    tx.criterion.findMany({
      where: { criteriaSetId: assessment.criteriaSetId, method: { not: null } },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      select: { id: true, code: true, title: true, method: true },
    }),
    tx.score.findMany({
      where: { assessmentId: assessment.id },
      select: { id: true, criterionId: true, selfInput: true, selfPoints: true, round1Points: true, round2Points: true, explanation: true },
    }),
  ]);
  const codeById = new Map(criteria.map((criterion) => [criterion.id, criterion.code]));
  const scores = new Map<string, StoredScore>();
  for (const row of rows) {
    const code = codeById.get(row.criterionId);
    if (!code) continue;
    scores.set(code, {
      id: row.id,
      code,
      // Prisma reads a JSON null column as null: cleared answers are stored as SQL NULL.
      hasSelfInput: row.selfInput !== null,
      selfPoints: row.selfPoints?.toFixed(3) ?? null,
      round1Points: row.round1Points?.toFixed(3) ?? null,
      round2Points: row.round2Points?.toFixed(3) ?? null,
      explanation: row.explanation,
    });
  }
  return { criteria, scores };
}

function gapsRefusal(stage: AppraisalStage, gaps: ReturnType<typeof findAppraisalGaps>): ServiceError | null {
  if (gaps.length === 0) return null;
  return failure("INCOMPLETE", { message: interpolate(vi.appraisal.incomplete[stage], { n: gaps.length }), missing: gaps });
}

/**
 * Round 1 is done for this agency: UNDER_APPRAISAL → RETURNED, so that it explains the criteria
 * whose appraised points differ from its own. Refused while a criterion it answered is not yet
 * appraised, and when there is nothing to explain.
 */
export async function returnForExplanation(db: PrismaClient, actorId: string | null | undefined, rawInput: unknown, now: Date = new Date()) {
  return transitionAssessment<{ disputed: number }>(db, actorId, rawInput, now, {
    action: "RETURN_FOR_EXPLANATION",
    permission: "assessment.returnForExplanation",
    auditType: "ASSESSMENT_RETURNED",
    inspect: async (tx, assessment) => {
      const { criteria, scores } = await loadScores(tx, assessment);
      const refusal = gapsRefusal("RETURN_FOR_EXPLANATION", findAppraisalGaps(criteria, scores, "RETURN_FOR_EXPLANATION"));
      if (refusal) return refusal;
      const disputed = countDisputes(scores.values());
      if (disputed === 0) return failure("VALIDATION_FAILED", { message: vi.appraisal.nothingToExplain });
      return { disputed };
    },
    extraData: (when) => ({ returnedAt: when }),
  });
}

/**
 * The explanation deadline has passed without the agency sending its answer: a lead takes the
 * assessment back (RETURNED → UNDER_APPRAISAL), so one silent agency cannot hold up the year.
 */
export async function closeExplanation(db: PrismaClient, actorId: string | null | undefined, rawInput: unknown, now: Date = new Date()) {
  return transitionAssessment(db, actorId, rawInput, now, {
    action: "CLOSE_EXPLANATION",
    permission: "assessment.closeExplanation",
    auditType: "EXPLANATION_CLOSED",
  });
}

/**
 * The appraisal of the assessment is complete: UNDER_APPRAISAL → FINALIZED (locked), in the
 * explanation phase, once every answered criterion is appraised and every explained dispute has
 * its round-2 decision. The points that count are written to every score in the same transaction.
 */
export async function finalizeAssessment(db: PrismaClient, actorId: string | null | undefined, rawInput: unknown, now: Date = new Date()) {
  let toWrite: StoredScore[] = [];
  return transitionAssessment<{ criteriaCounted: number }>(db, actorId, rawInput, now, {
    action: "FINALIZE",
    permission: "assessment.finalize",
    auditType: "ASSESSMENT_FINALIZED",
    inspect: async (tx, assessment) => {
      const { criteria, scores } = await loadScores(tx, assessment);
      const refusal = gapsRefusal("FINALIZE", findAppraisalGaps(criteria, scores, "FINALIZE"));
      if (refusal) return refusal;
      toWrite = [...scores.values()];
      return { criteriaCounted: toWrite.filter((score) => finalPointsOf(score) !== null).length };
    },
    extraData: (when, actor) => ({ finalizedAt: when, finalizedById: actor.id }),
    alsoWrite: async (tx) => {
      for (const score of toWrite) {
        await tx.score.update({ where: { id: score.id }, data: { finalPoints: finalPointsOf(score) } });
      }
    },
  });
}

/**
 * A lead reopens a finalized assessment (a complaint upheld, an error found) while the year still
 * runs its appraisal: FINALIZED → UNDER_APPRAISAL. The final points are cleared, so nothing counts
 * until it is finalized again.
 */
export async function reopenAssessment(db: PrismaClient, actorId: string | null | undefined, rawInput: unknown, now: Date = new Date()) {
  return transitionAssessment(db, actorId, rawInput, now, {
    action: "REOPEN",
    permission: "assessment.reopen",
    auditType: "ASSESSMENT_REOPENED",
    extraData: () => ({ finalizedAt: null, finalizedById: null }),
    alsoWrite: async (tx, assessment) => {
      await tx.score.updateMany({ where: { assessmentId: assessment.id }, data: { finalPoints: null } });
    },
  });
}
