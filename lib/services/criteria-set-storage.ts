import "server-only";

import { randomUUID } from "node:crypto";

import { loadActor, type Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { Prisma } from "@/lib/db/generated/prisma/client";
import type { FlatCriterion } from "@/lib/domain/criteria-set-draft";
import type { TCriterionMethod } from "@/lib/domain/criterion-params";
import { formatThousandths, toThousandths } from "@/lib/domain/points";
import { formatVietnamDate, interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

import { failure, success, type ServiceError, type ServiceResult } from "./service-result";

// What the criteria set services share: loading a set for an administrator, reading its nodes in
// tree order, and replacing them in place so that criteria keep their ids (and their scores).

type Tx = Prisma.TransactionClient;
type DecimalLike = { toFixed(digits: number): string };

const text = vi.adminCriteria.refusals;

export const CRITERIA_SET_COLUMNS = {
  id: true,
  title: true,
  totalMaxPoints: true,
  frozenAt: true,
  updatedAt: true,
  unitType: { select: { id: true, code: true, name: true } },
  year: { select: { id: true, year: true, phase: true, maxBonusPoints: true, maxPenaltyPoints: true } },
} as const;

export type AdminCriteriaSet = Prisma.CriteriaSetGetPayload<{ select: typeof CRITERIA_SET_COLUMNS }>;

/** The acting administrator and the set, or why not (UNAUTHENTICATED, NOT_FOUND, FORBIDDEN). */
export async function loadSetForAdmin(db: Tx, actorId: string | null | undefined, criteriaSetId: string): Promise<ServiceResult<{ actor: Actor; set: AdminCriteriaSet }>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  if (!can(actor, "criteriaSet.manage", { kind: "province" })) return failure("FORBIDDEN");
  const set = await db.criteriaSet.findUnique({ where: { id: criteriaSetId }, select: CRITERIA_SET_COLUMNS });
  if (!set) return failure("NOT_FOUND");
  return success({ actor, set });
}

/** The refusal to change a frozen set, saying since when and how to unfreeze it. */
export function frozenRefusal(set: { frozenAt: Date | null }): ServiceError | null {
  if (!set.frozenAt) return null;
  return failure("WRONG_PHASE", { message: interpolate(text.frozen, { date: formatVietnamDate(set.frozenAt) }) });
}

export function yearCaps(year: { maxBonusPoints: DecimalLike; maxPenaltyPoints: DecimalLike }) {
  return { maxBonusPoints: toThousandths(year.maxBonusPoints.toFixed(3)), maxPenaltyPoints: toThousandths(year.maxPenaltyPoints.toFixed(3)) };
}

const STORED_COLUMNS = {
  id: true,
  parentId: true,
  code: true,
  title: true,
  guidance: true,
  section: true,
  maxPoints: true,
  method: true,
  params: true,
  isEvidenceRequired: true,
  appraiserUnitId: true,
  sortOrder: true,
} as const;

/** The set's criteria in tree order: each parent before its children, siblings by sortOrder. */
export async function storedCriteriaOf(db: Tx, criteriaSetId: string): Promise<FlatCriterion[]> {
  const rows = await db.criterion.findMany({ where: { criteriaSetId }, select: STORED_COLUMNS, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] });
  const codeById = new Map(rows.map((row) => [row.id, row.code]));
  const childrenOf = new Map<string | null, typeof rows>();
  for (const row of rows) {
    const parentId = row.parentId !== null && codeById.has(row.parentId) ? row.parentId : null;
    childrenOf.set(parentId, [...(childrenOf.get(parentId) ?? []), row]);
  }
  const ordered: FlatCriterion[] = [];
  const visit = (row: (typeof rows)[number]) => {
    ordered.push({
      id: row.id,
      code: row.code,
      parentCode: row.parentId ? (codeById.get(row.parentId) ?? null) : null,
      title: row.title,
      guidance: row.guidance,
      section: row.section,
      maxPoints: toThousandths(row.maxPoints.toFixed(3)),
      method: row.method ? ({ method: row.method, params: row.params ?? {} } as TCriterionMethod) : null,
      isEvidenceRequired: row.isEvidenceRequired,
      appraiserUnitId: row.appraiserUnitId,
    });
    for (const child of childrenOf.get(row.id) ?? []) visit(child);
  };
  for (const root of childrenOf.get(null) ?? []) visit(root);
  return ordered;
}

export type ReplaceSummary = { added: string[]; removed: string[]; changed: string[] };

type Plan = {
  matches: { criterion: FlatCriterion; stored: FlatCriterion | null }[];
  removed: FlatCriterion[];
  summary: ReplaceSummary;
  /** Changes refused because the criterion has scores or survey results, by stored code. */
  blocked: { path: string; message: string }[];
};

/**
 * What replacing the set's criteria by `desired` would do. A desired criterion is matched to a
 * stored one by id (the editor) or by code (an import). Deleting a criterion that has
 * self-assessment or appraisal scores or survey results is blocked, and so is changing the scoring
 * method of one that has them (its stored inputs would no longer fit).
 */
async function planReplacement(tx: Tx, criteriaSetId: string, desired: readonly FlatCriterion[], matchBy: "id" | "code"): Promise<Plan> {
  const stored = await storedCriteriaOf(tx, criteriaSetId);
  const storedById = new Map(stored.map((row) => [row.id as string, row]));
  const storedByCode = new Map(stored.map((row) => [row.code, row]));
  const matches = desired.map((criterion) => {
    const match = matchBy === "id" ? (criterion.id ? storedById.get(criterion.id) : undefined) : storedByCode.get(criterion.code);
    return { criterion, stored: match ?? null };
  });
  const keptIds = new Set(matches.flatMap(({ stored: match }) => (match ? [match.id as string] : [])));
  const removed = stored.filter((row) => !keptIds.has(row.id as string));
  const methodChanged = matches.flatMap(({ criterion, stored: match }) => (match && (match.method?.method ?? null) !== (criterion.method?.method ?? null) ? [match] : []));

  const blocked: Plan["blocked"] = [];
  const idsToCheck = [...removed, ...methodChanged].map((row) => row.id as string);
  if (idsToCheck.length > 0) {
    const [scored, surveyed] = await Promise.all([
      tx.score.findMany({ where: { criterionId: { in: idsToCheck } }, select: { criterionId: true }, distinct: ["criterionId"] }),
      tx.surveyResult.findMany({ where: { criterionId: { in: idsToCheck } }, select: { criterionId: true }, distinct: ["criterionId"] }),
    ]);
    const usedIds = new Set([...scored, ...surveyed].map((row) => row.criterionId));
    for (const row of removed) if (usedIds.has(row.id as string)) blocked.push({ path: row.code, message: interpolate(text.scoredDeleted, { code: row.code }) });
    for (const row of methodChanged) if (usedIds.has(row.id as string)) blocked.push({ path: row.code, message: interpolate(text.scoredMethodChanged, { code: row.code }) });
  }
  const summary = {
    added: matches.flatMap(({ criterion, stored: match }) => (match ? [] : [criterion.code])),
    removed: removed.map((row) => row.code),
    changed: matches.flatMap(({ criterion, stored: match }) => (match && isChanged(match, criterion) ? [criterion.code] : [])),
  };
  return { matches, removed, summary, blocked };
}

/** What an import would change, and what it may not, without writing anything. */
export async function previewReplacement(tx: Tx, criteriaSetId: string, desired: readonly FlatCriterion[]): Promise<Pick<Plan, "summary" | "blocked">> {
  const { summary, blocked } = await planReplacement(tx, criteriaSetId, desired, "code");
  return { summary, blocked };
}

/**
 * Makes the set's criteria exactly `desired` (checked beforehand, in tree order): matched rows are
 * updated in place, so scores and survey results stay attached; the others are created or
 * deleted. Refused (VALIDATION_FAILED, nothing written) for a blocked change (planReplacement).
 * Call inside the transaction of the change.
 */
export async function replaceCriteria(tx: Tx, criteriaSetId: string, desired: readonly FlatCriterion[], matchBy: "id" | "code"): Promise<ServiceResult<ReplaceSummary>> {
  const { matches, removed, summary, blocked } = await planReplacement(tx, criteriaSetId, desired, matchBy);
  if (blocked.length > 0) return failure("VALIDATION_FAILED", { message: text.scoredCriteria, issues: blocked });

  const matchedIds = matches.flatMap(({ stored: match }) => (match ? [match.id as string] : []));
  // Detach the kept rows first: deleting a removed parent must not cascade to a kept child, and a
  // kept row's code may be another's new code (renumbering), so changed codes pass through a
  // temporary one that no real code can be.
  if (matchedIds.length > 0) await tx.criterion.updateMany({ where: { id: { in: matchedIds } }, data: { parentId: null } });
  if (removed.length > 0) await tx.criterion.deleteMany({ where: { id: { in: removed.map((row) => row.id as string) } } });
  for (const { criterion, stored: match } of matches) {
    if (match && match.code !== criterion.code) await tx.criterion.update({ where: { id: match.id as string }, data: { code: `#${match.id}` }, select: { id: true } });
  }

  const idByCode = new Map(matches.map(({ criterion, stored: match }) => [criterion.code, match ? (match.id as string) : randomUUID()]));
  const rowData = (criterion: FlatCriterion, sortOrder: number) => ({
    parentId: criterion.parentCode ? (idByCode.get(criterion.parentCode) ?? null) : null,
    code: criterion.code,
    title: criterion.title,
    guidance: criterion.guidance,
    section: criterion.section,
    maxPoints: formatThousandths(criterion.maxPoints),
    method: criterion.method?.method ?? null,
    params: criterion.method ? (criterion.method.params as Prisma.InputJsonValue) : Prisma.DbNull,
    isEvidenceRequired: criterion.isEvidenceRequired,
    appraiserUnitId: criterion.appraiserUnitId,
    sortOrder,
  });

  // New rows in one statement, parents before children (the foreign key is checked per statement).
  const created = matches.flatMap(({ criterion, stored: match }, index) => (match ? [] : [{ id: idByCode.get(criterion.code) as string, criteriaSetId, ...rowData(criterion, index) }]));
  if (created.length > 0) await tx.criterion.createMany({ data: created });
  for (const [index, { criterion, stored: match }] of matches.entries()) {
    if (match) await tx.criterion.update({ where: { id: match.id as string }, data: rowData(criterion, index), select: { id: true } });
  }
  return success(summary);
}

function isChanged(before: FlatCriterion, after: FlatCriterion): boolean {
  const comparable = (criterion: FlatCriterion) =>
    canonicalJson([
      criterion.code,
      criterion.parentCode,
      criterion.title,
      criterion.guidance,
      criterion.section,
      criterion.maxPoints,
      criterion.method,
      criterion.isEvidenceRequired,
      criterion.appraiserUnitId,
    ]);
  return comparable(before) !== comparable(after);
}

/** JSON with object keys sorted: PostgreSQL's jsonb gives stored params back in its own key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === "object" && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : item,
  );
}

/** Summary of a set for an audit event's before/after. */
export function setSummary(set: { title: string; totalMaxPoints: number }, criteria: readonly FlatCriterion[]) {
  return {
    title: set.title,
    totalMaxPoints: formatThousandths(set.totalMaxPoints),
    criteriaCount: criteria.length,
    leafCount: criteria.filter((criterion) => criterion.method !== null).length,
  };
}
