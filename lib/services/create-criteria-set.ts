import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/prisma";
import { formatThousandths, toThousandths } from "@/lib/domain/points";
import { interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

import { appendAuditEvent } from "./audit";
import { replaceCriteria, setSummary, storedCriteriaOf } from "./criteria-set-storage";
import { failure, success, validationFailure, type ServiceResult } from "./service-result";

export const ZCreateCriteriaSetInput = z.object({
  yearId: z.string().min(1).max(100),
  unitTypeId: z.string().min(1).max(100),
  /** EMPTY: a set with no criteria yet; PREVIOUS_YEAR: a copy of the latest earlier year's set of this unit type. */
  source: z.enum(["EMPTY", "PREVIOUS_YEAR"]),
});
export type TCreateCriteriaSetInput = z.input<typeof ZCreateCriteriaSetInput>;

export type CreatedCriteriaSet = { criteriaSetId: string; clonedFromYear: number | null; criteriaCount: number };

const text = vi.adminCriteria.refusals;
const DEFAULT_TOTAL_MAX = 100_000;

/**
 * Creates the criteria set of a (year, unit type), empty or cloned from the latest earlier year
 * that has one for that unit type: codes, titles, guidance, sections, maxima, methods and their
 * parameters, evidence flags, appraiser units and order — never scores, survey results or the
 * frozen state. Refused (WRONG_PHASE) unless the year is in SETUP: a set added later would skip
 * the checks made when the year opened. Refused (VALIDATION_FAILED) when the set exists already,
 * there is no earlier set to clone, or the unit type is deactivated. One transaction with a CRITERIA_SET_SAVED event.
 */
export async function createCriteriaSet(db: PrismaClient, actorId: string | null | undefined, rawInput: unknown): Promise<ServiceResult<CreatedCriteriaSet>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  if (!can(actor, "criteriaSet.manage", { kind: "province" })) return failure("FORBIDDEN");
  const parsed = ZCreateCriteriaSetInput.safeParse(rawInput);
  if (!parsed.success) return validationFailure(parsed.error);
  const input = parsed.data;

  const [year, unitType] = await Promise.all([
    db.assessmentYear.findUnique({ where: { id: input.yearId }, select: { id: true, year: true, phase: true } }),
    db.unitType.findUnique({ where: { id: input.unitTypeId }, select: { id: true, name: true, deactivatedAt: true } }),
  ]);
  if (!year || !unitType) return failure("NOT_FOUND");
  // A deactivated unit type keeps its past sets but gets none for a new year (issue 7 item 2).
  if (unitType.deactivatedAt !== null) return failure("VALIDATION_FAILED", { message: interpolate(vi.adminOrg.unitTypes.refusals.noNewSets, { name: unitType.name }) });
  if (year.phase !== "SETUP") return failure("WRONG_PHASE", { message: text.createOnlyInSetup });
  const exists = interpolate(text.exists, { year: year.year, unitType: unitType.name });
  if (await db.criteriaSet.count({ where: { yearId: year.id, unitTypeId: unitType.id } })) return failure("VALIDATION_FAILED", { message: exists });

  const source =
    input.source === "PREVIOUS_YEAR"
      ? await db.criteriaSet.findFirst({
          where: { unitTypeId: unitType.id, year: { year: { lt: year.year } } },
          orderBy: { year: { year: "desc" } },
          select: { id: true, title: true, totalMaxPoints: true, year: { select: { year: true } } },
        })
      : null;
  if (input.source === "PREVIOUS_YEAR" && !source) return failure("VALIDATION_FAILED", { message: interpolate(text.noPreviousSet, { unitType: unitType.name, year: year.year }) });

  const title = source
    ? source.title.includes(String(source.year.year))
      ? source.title.replaceAll(String(source.year.year), String(year.year))
      : source.title
    : interpolate(vi.adminCriteria.defaultTitle, { unitType: unitType.name, year: year.year });
  const totalMaxPoints = source ? toThousandths(source.totalMaxPoints.toFixed(3)) : DEFAULT_TOTAL_MAX;

  return db
    .$transaction(async (tx) => {
      const created = await tx.criteriaSet.create({
        data: { yearId: year.id, unitTypeId: unitType.id, title, totalMaxPoints: formatThousandths(totalMaxPoints) },
        select: { id: true },
      });
      const criteria = source ? (await storedCriteriaOf(tx, source.id)).map((criterion) => ({ ...criterion, id: null })) : [];
      if (criteria.length > 0) {
        const copied = await replaceCriteria(tx, created.id, criteria, "code");
        if (!copied.ok) throw new Error(`Cloning into an empty set cannot be refused: ${copied.message}`);
      }
      await appendAuditEvent(tx, {
        type: "CRITERIA_SET_SAVED",
        actor,
        subjectType: "CriteriaSet",
        subjectId: created.id,
        yearId: year.id,
        after: { ...setSummary({ title, totalMaxPoints }, criteria), unitType: unitType.name, clonedFromYear: source?.year.year ?? null },
      });
      return success({ criteriaSetId: created.id, clonedFromYear: source?.year.year ?? null, criteriaCount: criteria.length });
    })
    .catch((error: unknown) => {
      // Two administrators creating the same set at once: the unique (year, unit type) decides.
      if (error instanceof Error && "code" in error && error.code === "P2002") return failure("VALIDATION_FAILED", { message: exists });
      throw error;
    });
}
