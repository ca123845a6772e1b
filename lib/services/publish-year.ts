import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/prisma";
import { checkIssuedOn, ZAnnouncementNumber, ZDayMonthYear } from "@/lib/domain/announcement";
import { checkYearPhaseChange, type YearPhase } from "@/lib/domain/workflow";
import { formatDate, interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

import { appendAuditEvent } from "./audit";
import { failure, success, validationFailure, type ServiceResult } from "./service-result";
import { buildYearSnapshot, resultsComputedAt } from "./year-snapshot";

const text = vi.adminPublication;

export const ZPublishYearInput = z.object({
  yearId: z.string().min(1).max(100),
  number: ZAnnouncementNumber,
  /** dd/mm/yyyy, as the form sends it. */
  issuedOn: ZDayMonthYear,
  note: z
    .string()
    .trim()
    .max(2000, text.errors.noteTooLong)
    .optional()
    .transform((note) => (note ? note : null)),
});
export type TPublishYearInput = z.input<typeof ZPublishYearInput>;

export type PublishedAnnouncement = { publicationId: string; year: number; number: string; issuedOn: Date };

/** The year row, locked: a second publication, a correction or a phase change waits for this one. */
export async function lockYear(tx: Prisma.TransactionClient, yearId: string): Promise<{ year: number; phase: YearPhase } | null> {
  const [year] = await tx.$queryRaw<{ year: number; phase: YearPhase }[]>`
    SELECT "year", "phase" FROM "AssessmentYear" WHERE "id" = ${yearId} FOR UPDATE`;
  return year ?? null;
}

/**
 * Publishes a FINALIZED year (issue 7 item 6): one transaction stores the Publication with an
 * immutable snapshot of the stored Results (validated by ZPublicationSnapshot), moves the year to
 * PUBLISHED and appends YEAR_PUBLISHED and YEAR_PHASE_CHANGED — the same pair of events as
 * finalizeYear writes (RESULTS_COMPUTED, YEAR_PHASE_CHANGED), so the phase history reads alike.
 * The caller revalidates the public pages.
 *
 * Refused: not an administrator (FORBIDDEN); a bad number, date or note (VALIDATION_FAILED, per
 * field; the date rules are checkIssuedOn's); a year not FINALIZED, or one that already has a
 * publication — a change after publication is a correction (WRONG_PHASE); a year with no stored
 * results (VALIDATION_FAILED). Two administrators publishing at once: the year row is locked, the
 * second one finds it PUBLISHED; the database also allows one first publication per year.
 */
export async function publishYear(
  db: PrismaClient,
  actorId: string | null | undefined,
  rawInput: unknown,
  now: Date = new Date(),
): Promise<ServiceResult<PublishedAnnouncement>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  if (!can(actor, "year.publish", { kind: "province" })) return failure("FORBIDDEN");
  const parsed = ZPublishYearInput.safeParse(rawInput);
  if (!parsed.success) return validationFailure(parsed.error);
  const { yearId, number, issuedOn, note } = parsed.data;

  return db.$transaction(
    async (tx) => {
      const year = await lockYear(tx, yearId);
      if (!year) return failure("NOT_FOUND");
      const hasPublication = (await tx.publication.count({ where: { yearId } })) > 0;
      if (year.phase === "PUBLISHED" || hasPublication) {
        return failure("WRONG_PHASE", { message: interpolate(text.errors.alreadyPublished, { year: year.year }) });
      }
      if (year.phase !== "FINALIZED" || !checkYearPhaseChange(year.phase, "PUBLISHED").ok) {
        return failure("WRONG_PHASE", { message: interpolate(text.errors.notFinalized, { phase: vi.labels.yearPhase[year.phase] }) });
      }
      const dateProblem = checkIssuedOn(issuedOn, { resultsComputedAt: await resultsComputedAt(tx, yearId), now });
      if (dateProblem) return failure("VALIDATION_FAILED", { issues: [{ path: "issuedOn", message: dateProblem }] });

      const snapshot = await buildYearSnapshot(tx, yearId);
      const rows = snapshot.unitTypes.reduce((sum, unitType) => sum + unitType.rows.length, 0);
      if (rows === 0) return failure("VALIDATION_FAILED", { message: interpolate(text.errors.noResults, { year: year.year }) });

      const publication = await tx.publication.create({
        data: { yearId, number, issuedOn, publishedAt: now, publishedById: actor.id, snapshot: snapshot as Prisma.InputJsonValue, note },
        select: { id: true },
      });
      await tx.assessmentYear.update({ where: { id: yearId }, data: { phase: "PUBLISHED" } });
      const scope = { actor, subjectType: "AssessmentYear", subjectId: yearId, yearId };
      await appendAuditEvent(tx, {
        ...scope,
        type: "YEAR_PUBLISHED",
        before: { phase: "FINALIZED" },
        after: {
          phase: "PUBLISHED",
          publicationId: publication.id,
          number,
          issuedOn: formatDate(issuedOn),
          note,
          unitTypes: snapshot.unitTypes.map((unitType) => ({ name: unitType.unitTypeName, agencies: unitType.rows.length })),
        },
      });
      await appendAuditEvent(tx, { ...scope, type: "YEAR_PHASE_CHANGED", before: { phase: "FINALIZED" }, after: { phase: "PUBLISHED" } });
      return success({ publicationId: publication.id, year: year.year, number, issuedOn });
    },
    { timeout: 30_000 },
  );
}
