import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/prisma";
import { checkAssessmentAction } from "@/lib/domain/workflow";

import { ASSESSMENT_WORKFLOW_COLUMNS, workflowContextOf, workflowRefusal } from "./assessment-workflow";
import { appendAuditEvent } from "./audit";
import { failure, success, type ServiceResult } from "./service-result";

export const ZCarryOverFromLastYearInput = z.object({
  /** This year's assessment; last year's is found from its agency and year, never given by the client. */
  assessmentId: z.string().min(1).max(100),
});
export type TCarryOverFromLastYearInput = z.input<typeof ZCarryOverFromLastYearInput>;

export type CarryOverCounts = {
  fromYear: number;
  /** Criteria that received a note or evidence links, now marked "to review". */
  criteriaCarried: number;
  notesCopied: number;
  evidenceCopied: number;
  /** Criteria with something to carry over that the agency had already worked on this year. */
  criteriaSkipped: number;
};

/**
 * "Start from last year" (issue 5 item 6): copies, from the agency's assessment of the previous
 * year, the self note and the evidence links of every criterion whose code exists in both criteria
 * sets, and marks those scores "to review" (isToReview; saveSelfScore clears it). Never inputs,
 * points or anything of the appraisal: this year's figures must be entered for this year.
 *
 * - Evidence links are new EvidenceFile rows pointing at the same content (same SHA-256, name,
 *   type and size): the storage is content-addressed, so no bytes are copied — and removing the
 *   link this year must not delete bytes last year's row still points at.
 * - A criterion the agency has already touched this year (an input, a note, an explanation or an
 *   evidence file) is skipped whole: the agency's own work this year always wins over last year's.
 * - Idempotent: what was carried over counts as touched, so a second run adds nothing (and writes
 *   no audit event, since it writes nothing).
 * - Codes match across years only where the province kept its numbering; a criterion renumbered
 *   between years is not carried over. Agencies that merged are not followed to their predecessors.
 */
export async function carryOverFromLastYear(
  db: PrismaClient,
  actorId: string | null | undefined,
  rawInput: unknown,
  now: Date = new Date(),
): Promise<ServiceResult<CarryOverCounts>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  const parsed = ZCarryOverFromLastYearInput.safeParse(rawInput);
  if (!parsed.success) return failure("VALIDATION_FAILED");

  const assessment = await db.assessment.findUnique({ where: { id: parsed.data.assessmentId }, select: ASSESSMENT_WORKFLOW_COLUMNS });
  if (!assessment) return failure("NOT_FOUND");
  const target = { kind: "assessment", agencyId: assessment.agencyId, yearId: assessment.yearId } as const;
  // It writes self notes and evidence links: whoever may do both.
  if (!can(actor, "assessment.editSelfScore", target) || !can(actor, "evidence.upload", target)) return failure("FORBIDDEN");
  const when = checkAssessmentAction("EDIT_SELF_SCORE", workflowContextOf(assessment, now));
  if (!when.ok) return workflowRefusal(when.code);

  const fromYear = assessment.year.year - 1;
  const previous = await db.assessment.findFirst({
    where: { agencyId: assessment.agencyId, year: { year: fromYear } },
    select: {
      id: true,
      scores: {
        where: { OR: [{ selfNote: { not: null } }, { evidence: { some: {} } }] },
        select: {
          selfNote: true,
          criterion: { select: { code: true } },
          evidence: { orderBy: { uploadedAt: "asc" }, select: { sha256: true, fileName: true, mimeType: true, sizeBytes: true } },
        },
      },
    },
  });
  if (!previous) return failure("NOT_FOUND");
  const carried = new Map(
    previous.scores
      .map((score) => ({ code: score.criterion.code, note: score.selfNote?.trim() ? score.selfNote : null, evidence: score.evidence }))
      .filter((score) => score.note !== null || score.evidence.length > 0)
      .map((score) => [score.code, score]),
  );
  // SURVEY criteria have no self-assessment to carry anything into.
  const criteria = (
    await db.criterion.findMany({
      where: { criteriaSetId: assessment.criteriaSetId, method: { notIn: ["SURVEY"] } },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      select: { id: true, code: true },
    })
  ).filter((criterion) => carried.has(criterion.code));

  return db.$transaction(async (tx) => {
    // Like a save: serialises with a submission, so nothing is carried into a submitted assessment.
    const [locked] = await tx.$queryRaw<{ status: string }[]>`SELECT "status" FROM "Assessment" WHERE "id" = ${assessment.id} FOR SHARE`;
    if (locked?.status !== "DRAFT") return workflowRefusal("WRONG_STATUS");

    const existing = new Map(
      (
        await tx.score.findMany({
          where: { assessmentId: assessment.id, criterionId: { in: criteria.map((criterion) => criterion.id) } },
          select: { id: true, criterionId: true, version: true, selfInput: true, selfNote: true, selfExplanation: true, _count: { select: { evidence: true } } },
        })
      ).map((score) => [score.criterionId, score]),
    );
    const counts: CarryOverCounts = { fromYear, criteriaCarried: 0, notesCopied: 0, evidenceCopied: 0, criteriaSkipped: 0 };
    const carriedCodes: string[] = [];
    const selfFields = (note: string | null) => ({ selfNote: note, isToReview: true, selfUpdatedById: actor.id, selfUpdatedAt: now });

    const toCreate: typeof criteria = [];
    const scoreIds = new Map<string, string>();
    for (const criterion of criteria) {
      const from = carried.get(criterion.code);
      if (!from) continue;
      const score = existing.get(criterion.id);
      if (!score) {
        toCreate.push(criterion);
        continue;
      }
      const isTouched = score.selfInput !== null || !!score.selfNote?.trim() || !!score.selfExplanation?.trim() || score._count.evidence > 0;
      if (isTouched) {
        counts.criteriaSkipped += 1;
        continue;
      }
      // The version in the WHERE: an editor saving this criterion meanwhile keeps their answer, and
      // an editor who loaded the empty row gets STALE_VERSION with the carried note, not an overwrite.
      const updated = await tx.score.updateMany({ where: { id: score.id, version: score.version }, data: { ...selfFields(from.note), version: { increment: 1 } } });
      if (updated.count === 0) counts.criteriaSkipped += 1;
      else scoreIds.set(criterion.code, score.id);
    }
    if (toCreate.length > 0) {
      // skipDuplicates: a first save racing this one keeps its row; that criterion is then skipped.
      const created = await tx.score.createManyAndReturn({
        data: toCreate.map((criterion) => ({ assessmentId: assessment.id, criterionId: criterion.id, ...selfFields(carried.get(criterion.code)?.note ?? null), version: 1 })),
        skipDuplicates: true,
        select: { id: true, criterionId: true },
      });
      const codeOf = new Map(toCreate.map((criterion) => [criterion.id, criterion.code]));
      for (const row of created) scoreIds.set(codeOf.get(row.criterionId) ?? "", row.id);
      counts.criteriaSkipped += toCreate.length - created.length;
    }

    const evidence: Prisma.EvidenceFileCreateManyInput[] = [];
    for (const criterion of criteria) {
      const scoreId = scoreIds.get(criterion.code);
      const from = carried.get(criterion.code);
      if (!scoreId || !from) continue;
      counts.criteriaCarried += 1;
      carriedCodes.push(criterion.code);
      if (from.note !== null) counts.notesCopied += 1;
      evidence.push(...from.evidence.map((file) => ({ scoreId, ...file, uploadedById: actor.id, uploadedAt: now })));
    }
    if (evidence.length > 0) counts.evidenceCopied = (await tx.evidenceFile.createMany({ data: evidence, skipDuplicates: true })).count;

    if (counts.criteriaCarried === 0) return success(counts);
    await appendAuditEvent(tx, {
      type: "ASSESSMENT_CARRIED_OVER",
      actor,
      subjectType: "Assessment",
      subjectId: assessment.id,
      assessmentId: assessment.id,
      yearId: assessment.yearId,
      before: null,
      after: {
        carriedOverFrom: { assessmentId: previous.id, year: fromYear },
        criteria: carriedCodes,
        notesCopied: counts.notesCopied,
        evidenceCopied: counts.evidenceCopied,
        criteriaSkipped: counts.criteriaSkipped,
      },
    });
    return success(counts);
  });
}
