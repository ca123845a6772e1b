import "server-only";

import { z } from "zod";

import { storedBand } from "@/lib/domain/bands";
import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/prisma";
import { computeFinalTotals } from "@/lib/domain/assessment-totals";
import type { Precision } from "@/lib/domain/index-percent";
import { formatThousandths, toThousandths } from "@/lib/domain/points";
import { rankResults } from "@/lib/domain/rank-results";
import { checkYearPhaseChange } from "@/lib/domain/workflow";
import { interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

import { appendAuditEvent } from "./audit";
import { CRITERION_DEFINITION_COLUMNS, criteriaTreeOf, toCriterionDefinition } from "./criteria-definitions";
import { leafScoresOf } from "./score-leaves";
import { failure, success, type ServiceResult } from "./service-result";

// Year finalization (issue 6 item 4): every assessment's points that count, summed, ranked and
// banded per unit type by lib/domain — the same functions the seed and the public pages rely on.

export const ZYearInput = z.object({ yearId: z.string().min(1).max(100) });

export type YearResultRow = {
  agencyId: string;
  agencyName: string;
  agencySlug: string;
  totalPoints: string;
  maxPoints: string;
  surveyPoints: string;
  bonusPoints: string;
  penaltyPoints: string;
  /** At the year's precision, e.g. "91.79". */
  indexPercent: string;
  rank: number | null;
  rankedCount: number;
  bandLabel: string | null;
  rankChange: number | null;
  isNew: boolean;
  domains: { code: string; title: string; points: string; maxPoints: string }[];
};

export type YearResultsPreview = {
  year: number;
  precision: Precision;
  unitTypes: { unitTypeId: string; name: string; rows: YearResultRow[] }[];
  /** What keeps the year from being finalized; empty when it may be. */
  blockers: { agencyName: string; problem: string }[];
};

/** Computes every agency's result of the year from the stored scores; writes nothing. */
export async function computeYearResults(tx: Prisma.TransactionClient, yearId: string): Promise<YearResultsPreview> {
  const year = await tx.assessmentYear.findUniqueOrThrow({
    where: { id: yearId },
    select: { year: true, precision: true, isSurveyIncluded: true, maxBonusPoints: true, maxPenaltyPoints: true },
  });
  const precision: Precision = year.precision === 3 ? 3 : 2;
  const sets = await tx.criteriaSet.findMany({
    where: { yearId },
    orderBy: { unitType: { sortOrder: "asc" } },
    select: {
      id: true,
      unitType: { select: { id: true, name: true } },
      criteria: {
        orderBy: { sortOrder: "asc" },
        select: CRITERION_DEFINITION_COLUMNS,
      },
      assessments: {
        select: {
          status: true,
          agency: { select: { id: true, name: true, slug: true, isRanked: true } },
          scores: { select: { criterionId: true, selfInput: true, selfPoints: true, round1Input: true, round1Points: true, round2Input: true, round2Points: true } },
        },
      },
    },
  });
  // One after another: inside a transaction the queries share one connection (pg deprecates overlapping them).
  const surveys = await tx.surveyResult.findMany({ where: { yearId }, select: { agencyId: true, criterionId: true, points: true } });
  const previous = await tx.result.findMany({ where: { year: { year: year.year - 1 } }, select: { agencyId: true, unitTypeId: true, rank: true, indexPercent: true } });
  const bands = await tx.gradingBand.findMany({ where: { yearId }, select: { unitTypeId: true, label: true, minPercent: true } });

  const blockers: YearResultsPreview["blockers"] = [];
  const unitTypes: YearResultsPreview["unitTypes"] = [];
  for (const set of sets) {
    const criteria = set.criteria.map(toCriterionDefinition);
    const tree = criteriaTreeOf(criteria, year, set.unitType.name);
    const surveyCriteria = set.criteria.filter((criterion) => criterion.method === "SURVEY");

    const entries = set.assessments.map((assessment) => {
      const { agency } = assessment;
      if (assessment.status !== "FINALIZED") {
        blockers.push({ agencyName: agency.name, problem: interpolate(vi.yearResults.notFinalized, { status: vi.labels.assessmentStatus[assessment.status] }) });
      }
      const agencySurveys = surveys.filter((survey) => survey.agencyId === agency.id);
      const missingSurvey = surveyCriteria.filter((criterion) => !agencySurveys.some((survey) => survey.criterionId === criterion.id));
      if (missingSurvey.length > 0) {
        blockers.push({ agencyName: agency.name, problem: interpolate(vi.yearResults.surveyMissing, { codes: missingSurvey.map((criterion) => criterion.code).join(", ") }) });
      }
      const totals = computeFinalTotals(tree, leafScoresOf(criteria, assessment.scores, agencySurveys, { withRound2: true }), { isSurveyIncluded: year.isSurveyIncluded, precision });
      const last = previous.find((row) => row.agencyId === agency.id && row.unitTypeId === set.unitType.id);
      return {
        agency,
        totals,
        entry: {
          agencyId: agency.id,
          agencyName: agency.name,
          totalThousandths: totals.totalPoints,
          maxThousandths: totals.maxPoints,
          isRanked: agency.isRanked,
          previous: last ? { rank: last.rank, indexPercentThousandths: toThousandths(last.indexPercent.toFixed(3)) } : null,
        },
      };
    });
    const unitBands = bands
      .filter((band) => band.unitTypeId === set.unitType.id)
      .map(storedBand);
    const byAgency = new Map(entries.map((entry) => [entry.agency.id, entry]));
    const ranked = entries.length === 0 ? [] : rankResults(entries.map((entry) => entry.entry), unitBands, precision);
    unitTypes.push({
      unitTypeId: set.unitType.id,
      name: set.unitType.name,
      rows: ranked.map((result) => {
        const { agency, totals } = byAgency.get(result.agencyId)!;
        return {
          agencyId: agency.id,
          agencyName: agency.name,
          agencySlug: agency.slug,
          totalPoints: formatThousandths(totals.totalPoints),
          maxPoints: formatThousandths(totals.maxPoints),
          surveyPoints: formatThousandths(totals.surveyPoints),
          bonusPoints: formatThousandths(totals.bonusPoints),
          penaltyPoints: formatThousandths(totals.penaltyPoints),
          indexPercent: result.indexPercent.text,
          rank: result.rank,
          rankedCount: result.rankedCount,
          bandLabel: result.bandLabel,
          rankChange: result.rankChange,
          isNew: result.isNew,
          domains: totals.domains.map((domain) => ({ code: domain.code, title: domain.title, points: formatThousandths(domain.points), maxPoints: formatThousandths(domain.maxPoints) })),
        };
      }),
    });
  }
  return { year: year.year, precision, unitTypes, blockers };
}

/** The ranking the year would get, for the lead or administrator to check before finalizing. */
export async function previewYearResults(db: PrismaClient, actorId: string | null | undefined, rawInput: unknown): Promise<ServiceResult<YearResultsPreview>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  const parsed = ZYearInput.safeParse(rawInput);
  if (!parsed.success) return failure("VALIDATION_FAILED");
  if (!can(actor, "year.finalize", { kind: "province" })) return failure("FORBIDDEN");
  const exists = await db.assessmentYear.findUnique({ where: { id: parsed.data.yearId }, select: { id: true } });
  if (!exists) return failure("NOT_FOUND");
  return success(await computeYearResults(db, parsed.data.yearId));
}

/**
 * Finalizes the year: EXPLANATION → FINALIZED, allowed only when every assessment is finalized and
 * every survey criterion has its imported points. Every Result is computed and stored in the same
 * transaction (replacing any of an earlier finalization), with the audit events.
 */
export async function finalizeYear(
  db: PrismaClient,
  actorId: string | null | undefined,
  rawInput: unknown,
  now: Date = new Date(),
): Promise<ServiceResult<{ resultsStored: number }>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  const parsed = ZYearInput.safeParse(rawInput);
  if (!parsed.success) return failure("VALIDATION_FAILED");
  if (!can(actor, "year.finalize", { kind: "province" })) return failure("FORBIDDEN");
  const { yearId } = parsed.data;

  return db.$transaction(
    async (tx) => {
      // FOR UPDATE: a second finalization, or a phase change, waits and then finds the year moved on.
      const [year] = await tx.$queryRaw<{ phase: "SETUP" | "SELF_ASSESSMENT" | "APPRAISAL" | "EXPLANATION" | "FINALIZED" | "PUBLISHED" }[]>`
        SELECT "phase" FROM "AssessmentYear" WHERE "id" = ${yearId} FOR UPDATE`;
      if (!year) return failure("NOT_FOUND");
      const change = checkYearPhaseChange(year.phase, "FINALIZED");
      if (!change.ok || year.phase !== "EXPLANATION") return failure("WRONG_PHASE", { message: vi.yearResults.wrongPhase });
      // Assessments change status under their own row lock; lock them all so none moves meanwhile.
      await tx.$queryRaw`SELECT "id" FROM "Assessment" WHERE "yearId" = ${yearId} FOR SHARE`;

      const preview = await computeYearResults(tx, yearId);
      if (preview.blockers.length > 0) {
        return failure("VALIDATION_FAILED", {
          message: interpolate(vi.yearResults.blocked, { n: preview.blockers.length }),
          issues: preview.blockers.map((blocker) => ({ path: blocker.agencyName, message: blocker.problem })),
        });
      }
      await tx.result.deleteMany({ where: { yearId } });
      const rows = preview.unitTypes.flatMap((unitType) =>
        unitType.rows.map((row) => ({
          yearId,
          agencyId: row.agencyId,
          unitTypeId: unitType.unitTypeId,
          totalPoints: row.totalPoints,
          maxPoints: row.maxPoints,
          surveyPoints: row.surveyPoints,
          bonusPoints: row.bonusPoints,
          penaltyPoints: row.penaltyPoints,
          indexPercent: row.indexPercent,
          rank: row.rank,
          rankedCount: row.rankedCount,
          bandLabel: row.bandLabel,
          rankChange: row.rankChange,
          domainBreakdown: row.domains,
          computedAt: now,
        })),
      );
      await tx.result.createMany({ data: rows });
      await tx.assessmentYear.update({ where: { id: yearId }, data: { phase: "FINALIZED" } });
      const scope = { actor, subjectType: "AssessmentYear", subjectId: yearId, yearId };
      await appendAuditEvent(tx, {
        ...scope,
        type: "RESULTS_COMPUTED",
        before: null,
        after: { results: rows.length, unitTypes: preview.unitTypes.map((unitType) => ({ name: unitType.name, agencies: unitType.rows.length })) },
      });
      await appendAuditEvent(tx, { ...scope, type: "YEAR_PHASE_CHANGED", before: { phase: "EXPLANATION" }, after: { phase: "FINALIZED" } });
      return success({ resultsStored: rows.length });
    },
    // A province's whole year in one transaction: a few thousand rows read, tens written.
    { timeout: 60_000 },
  );
}
