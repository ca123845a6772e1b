import "server-only";

import { z } from "zod";

import type { PrismaClient } from "@/lib/db/prisma";
import { checkCriteriaSet } from "@/lib/domain/criteria-set-check";
import type { FlatCriterion } from "@/lib/domain/criteria-set-draft";
import type { TCriterionMethod } from "@/lib/domain/criterion-params";
import { SCORING_METHODS } from "@/lib/domain/criterion-params-fields";
import { MAX_CRITERIA } from "@/lib/domain/criteria-set-document";
import { formatThousandths, toThousandths } from "@/lib/domain/points";
import { interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

import { appendAuditEvent } from "./audit";
import { frozenRefusal, loadSetForAdmin, replaceCriteria, setSummary, storedCriteriaOf, yearCaps } from "./criteria-set-storage";
import { failure, success, validationFailure, type ServiceResult } from "./service-result";

const ZPoints = z.number().positive().max(100_000);

export const ZSavedCriterion = z.object({
  /** The stored criterion this node edits; null for a new one. */
  id: z.string().min(1).max(100).nullable(),
  code: z.string().trim().min(1).max(50),
  parentCode: z.string().trim().min(1).max(50).nullable(),
  title: z.string().trim().min(1).max(1000),
  guidance: z.string().trim().max(5000).nullable(),
  section: z.enum(["MAIN", "BONUS", "PENALTY"]),
  maxPoints: ZPoints,
  method: z.enum(SCORING_METHODS).nullable(),
  /** Checked against the method by lib/domain/criterion-params.ts. */
  params: z.record(z.string(), z.unknown()).nullable(),
  isEvidenceRequired: z.boolean(),
  appraiserUnitId: z.string().min(1).max(100).nullable(),
});

export const ZSaveCriteriaSetInput = z.object({
  criteriaSetId: z.string().min(1).max(100),
  /** The set's updatedAt when the editor loaded it: a save by someone else since then wins. */
  expectedUpdatedAt: z.coerce.date(),
  title: z.string().trim().min(1).max(300),
  totalMaxPoints: ZPoints,
  criteria: z.array(ZSavedCriterion).max(MAX_CRITERIA),
});
export type TSaveCriteriaSetInput = z.input<typeof ZSaveCriteriaSetInput>;

export type SavedCriteriaSet = { updatedAt: Date; added: number; removed: number; changed: number };

const text = vi.adminCriteria.refusals;

/**
 * The criteria set editor saves the whole set at once: title, declared total and every node
 * (DESIGN §2). The set must pass every rule (lib/domain/criteria-set-check.ts), else
 * VALIDATION_FAILED lists each problem by criterion code and nothing is written. Nodes keep their
 * ids; deleting a criterion that has scores, or changing its method, is refused (see
 * replaceCriteria). Refused (WRONG_PHASE) while the set is frozen, and (STALE_VERSION) when it
 * changed since the editor loaded it. One transaction with a CRITERIA_SET_SAVED event whose
 * before/after summarise the set and list the codes added, removed and changed.
 */
export async function saveCriteriaSet(db: PrismaClient, actorId: string | null | undefined, rawInput: unknown): Promise<ServiceResult<SavedCriteriaSet>> {
  const parsed = ZSaveCriteriaSetInput.safeParse(rawInput);
  const loaded = await loadSetForAdmin(db, actorId, parsed.success ? parsed.data.criteriaSetId : "");
  if (!loaded.ok && loaded.code !== "NOT_FOUND") return loaded;
  if (!parsed.success) return validationFailure(parsed.error);
  if (!loaded.ok) return loaded;
  const { actor, set } = loaded.value;
  const input = parsed.data;

  const frozen = frozenRefusal(set);
  if (frozen) return frozen;
  if (set.updatedAt.getTime() !== input.expectedUpdatedAt.getTime()) return failure("STALE_VERSION");

  const issues: { path: string; message: string }[] = [];
  const thousandths = (value: number, path: string) => {
    try {
      return toThousandths(value);
    } catch {
      issues.push({ path, message: text.tooManyDecimals });
      return Number.NaN;
    }
  };
  const totalMaxPoints = thousandths(input.totalMaxPoints, "totalMaxPoints");
  const criteria: FlatCriterion[] = input.criteria.map((criterion) => ({
    id: criterion.id,
    code: criterion.code,
    parentCode: criterion.parentCode,
    title: criterion.title,
    guidance: criterion.guidance || null,
    section: criterion.section,
    maxPoints: thousandths(criterion.maxPoints, criterion.code),
    method: criterion.method ? ({ method: criterion.method, params: criterion.params ?? {} } as TCriterionMethod) : null,
    isEvidenceRequired: criterion.isEvidenceRequired,
    appraiserUnitId: criterion.appraiserUnitId,
  }));
  const unitIds = new Set((await db.appraiserUnit.findMany({ select: { id: true } })).map((unit) => unit.id));
  for (const criterion of criteria) {
    if (criterion.appraiserUnitId && !unitIds.has(criterion.appraiserUnitId)) issues.push({ path: criterion.code, message: interpolate(text.unknownAppraiserUnit, { code: criterion.code }) });
  }
  const check = checkCriteriaSet({ criteria, totalMaxPoints, ...yearCaps(set.year) });
  if (!check.ok) issues.push(...check.problems.map((problem) => ({ path: problem.criterionCode ?? "", message: problem.message })));
  if (issues.length > 0 || !check.ok) return failure("VALIDATION_FAILED", { message: interpolate(text.notSaved, { n: issues.length }), issues });
  // Store the methods as the schema parsed them.
  const checked = criteria.map((criterion) => ({ ...criterion, method: check.tree.byCode.get(criterion.code)?.method ?? null }));

  return db.$transaction(async (tx) => {
    const before = await storedCriteriaOf(tx, set.id);
    const replaced = await replaceCriteria(tx, set.id, checked, "id");
    if (!replaced.ok) return replaced;
    // The version check again, now inside the transaction: the last writer since the load loses.
    const updated = await tx.criteriaSet.updateMany({
      where: { id: set.id, updatedAt: set.updatedAt, frozenAt: null },
      data: { title: input.title, totalMaxPoints: formatThousandths(totalMaxPoints) },
    });
    if (updated.count === 0) throw new StaleSave();
    const after = await tx.criteriaSet.findUniqueOrThrow({ where: { id: set.id }, select: { updatedAt: true } });
    await appendAuditEvent(tx, {
      type: "CRITERIA_SET_SAVED",
      actor,
      subjectType: "CriteriaSet",
      subjectId: set.id,
      yearId: set.year.id,
      before: setSummary({ title: set.title, totalMaxPoints: toThousandths(set.totalMaxPoints.toFixed(3)) }, before),
      after: { ...setSummary({ title: input.title, totalMaxPoints }, checked), ...replaced.value },
    });
    return success({ updatedAt: after.updatedAt, added: replaced.value.added.length, removed: replaced.value.removed.length, changed: replaced.value.changed.length });
  }).catch((error: unknown) => {
    if (error instanceof StaleSave) return failure("STALE_VERSION");
    throw error;
  });
}

/** Thrown to roll back the node changes when the set moved on under the transaction. */
class StaleSave extends Error {}
