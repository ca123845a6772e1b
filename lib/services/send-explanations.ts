import "server-only";

import type { PrismaClient } from "@/lib/db/prisma";
import { isDisputed } from "@/lib/domain/appraisal-view";

import { transitionAssessment, ZAssessmentTransitionInput } from "./assessment-transition";

export const ZSendExplanationsInput = ZAssessmentTransitionInput;

/**
 * The agency head sends the agency's explanations (giải trình) back to the appraisers:
 * RETURNED → UNDER_APPRAISAL, within the explanation window. A disputed criterion left without an
 * explanation is the agency accepting the appraised points, so sending is allowed with none; the
 * audit event records how many of the disputes were answered. Explanation saves hold the
 * assessment FOR SHARE, so what the appraisers read is exactly what was sent.
 */
export async function sendExplanations(db: PrismaClient, actorId: string | null | undefined, rawInput: unknown, now: Date = new Date()) {
  return transitionAssessment<{ disputed: number; explained: number }>(db, actorId, rawInput, now, {
    action: "SEND_EXPLANATIONS",
    permission: "assessment.sendExplanations",
    auditType: "EXPLANATIONS_SENT",
    inspect: async (tx, assessment) => {
      const scores = await tx.score.findMany({
        where: { assessmentId: assessment.id, round1Points: { not: null } },
        select: { selfPoints: true, round1Points: true, explanation: true },
      });
      const disputed = scores.filter((score) => isDisputed(score.selfPoints?.toFixed(3) ?? null, score.round1Points?.toFixed(3) ?? null));
      return { disputed: disputed.length, explained: disputed.filter((score) => score.explanation !== null).length };
    },
  });
}

export type SentExplanations = Extract<Awaited<ReturnType<typeof sendExplanations>>, { ok: true }>["value"];
