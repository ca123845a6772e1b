import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/prisma";
import { isReasonRequired } from "@/lib/domain/appraisal-view";
import { checkAssessmentAction } from "@/lib/domain/workflow";

import { ASSESSMENT_WORKFLOW_COLUMNS, workflowContextOf, workflowRefusal } from "./assessment-workflow";
import { appendAuditEvent } from "./audit";
import { failure, success, type ServiceResult } from "./service-result";

export const ZAcceptSelfScoresInput = z.object({
  assessmentId: z.string().min(1).max(100),
  /** A domain or criterion code ("2", "2.3"): that node and everything under it; absent: the whole assessment. */
  underCode: z.string().trim().min(1).max(50).optional(),
});
export type TAcceptSelfScoresInput = z.input<typeof ZAcceptSelfScoresInput>;

export type AcceptedSelfScores = { round: 1 | 2; accepted: string[]; skipped: number };

/**
 * "Accept the self score" for a domain or the whole assessment: every criterion in scope that the
 * appraiser may appraise, that the agency answered and that this round has not appraised yet gets
 * the agency's own input and points. Criteria needing a reason (round 2 over a changed round 1)
 * are skipped — they need a decision, not a bulk click — as are other units' criteria; the count
 * says how many. One audit event per criterion, as if appraised one by one.
 */
export async function acceptSelfScores(
  db: PrismaClient,
  actorId: string | null | undefined,
  rawInput: unknown,
  now: Date = new Date(),
): Promise<ServiceResult<AcceptedSelfScores>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  const parsed = ZAcceptSelfScoresInput.safeParse(rawInput);
  if (!parsed.success) return failure("VALIDATION_FAILED");
  const { assessmentId, underCode } = parsed.data;

  const assessment = await db.assessment.findUnique({ where: { id: assessmentId }, select: ASSESSMENT_WORKFLOW_COLUMNS });
  if (!assessment) return failure("NOT_FOUND");
  const target = { kind: "assessment", agencyId: assessment.agencyId, yearId: assessment.yearId } as const;
  // An appraiser who may act on this assessment at all (no conflict of interest); which criteria
  // are theirs is checked per criterion below.
  if (!can(actor, "assessment.openForAppraisal", target)) return failure("FORBIDDEN");
  const when = checkAssessmentAction("APPRAISE", workflowContextOf(assessment, now));
  if (!when.ok) return workflowRefusal(when.code);
  const round = when.round ?? 1;

  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ status: string }[]>`SELECT "status" FROM "Assessment" WHERE "id" = ${assessment.id} FOR SHARE`;
    if (locked?.status !== "UNDER_APPRAISAL") return workflowRefusal("WRONG_STATUS");

    const scores = await tx.score.findMany({
      where: {
        assessmentId: assessment.id,
        criterion: { method: { notIn: ["SURVEY"] }, ...(underCode ? { OR: [{ code: underCode }, { code: { startsWith: `${underCode}.` } }] } : {}) },
      },
      orderBy: { criterion: { sortOrder: "asc" } },
      select: {
        id: true,
        version: true,
        selfInput: true,
        selfPoints: true,
        round1Points: true,
        round2Points: true,
        criterion: { select: { code: true, appraiserUnitId: true } },
      },
    });
    if (underCode && scores.length === 0) {
      const exists = await tx.criterion.count({ where: { criteriaSetId: assessment.criteriaSetId, code: underCode } });
      if (exists === 0) return failure("NOT_FOUND");
    }
    const isMine = (score: (typeof scores)[number]) => can(actor, "criterion.appraise", { ...target, kind: "criterion", appraiserUnitId: score.criterion.appraiserUnitId });
    if (scores.length > 0 && !scores.some(isMine)) return failure("FORBIDDEN");
    const accepted: string[] = [];
    let skipped = 0;
    for (const score of scores) {
      const mayAppraise = isMine(score);
      const selfPoints = score.selfPoints?.toFixed(3) ?? null;
      const isDone = (round === 1 ? score.round1Points : score.round2Points) !== null;
      if (!mayAppraise || score.selfInput === null || selfPoints === null || isDone) {
        skipped += 1;
        continue;
      }
      if (isReasonRequired({ round, points: selfPoints, selfPoints, round1Points: score.round1Points?.toFixed(3) ?? null })) {
        skipped += 1;
        continue;
      }
      const input = score.selfInput as Prisma.InputJsonValue;
      const data =
        round === 1
          ? { round1Input: input, round1Points: selfPoints, round1Reason: null, round1ById: actor.id, round1At: now }
          : { round2Input: input, round2Points: selfPoints, round2Reason: null, round2ById: actor.id, round2At: now };
      // Someone appraising the same criterion meanwhile wins; this one is then skipped, not overwritten.
      const updated = await tx.score.updateMany({ where: { id: score.id, version: score.version }, data: { ...data, version: { increment: 1 } } });
      if (updated.count === 0) {
        skipped += 1;
        continue;
      }
      accepted.push(score.criterion.code);
      await appendAuditEvent(tx, {
        type: "SCORE_APPRAISED",
        actor,
        subjectType: "Score",
        subjectId: score.criterion.code,
        assessmentId: assessment.id,
        yearId: assessment.yearId,
        before: { round, input: null, points: null, reason: null },
        after: { round, input, points: selfPoints, reason: null, isSelfScoreAccepted: true },
      });
    }
    return success({ round, accepted, skipped });
  });
}
