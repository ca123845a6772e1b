import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/prisma";
import { checkIssuedOn, ZAnnouncementNumber, ZDayMonthYear } from "@/lib/domain/announcement";
import { diffPublicationSnapshots, isSameSnapshot, ZPublicationSnapshot } from "@/lib/domain/publication-snapshot";
import { formatDate, interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

import { appendAuditEvent } from "./audit";
import { lockYear, type PublishedAnnouncement } from "./publish-year";
import { failure, success, validationFailure, type ServiceResult } from "./service-result";
import { buildYearSnapshot, resultsComputedAt } from "./year-snapshot";

const text = vi.adminPublication;

export const ZCorrectPublicationInput = z.object({
  yearId: z.string().min(1).max(100),
  /** The publication the administrator saw as current and means to correct (optimistic lock). */
  supersedesId: z.string().min(1).max(100),
  number: ZAnnouncementNumber,
  /** dd/mm/yyyy, as the form sends it. */
  issuedOn: ZDayMonthYear,
  /** Required: the public and the archive must be able to tell what the correction changed. */
  note: z.string().trim().min(10, text.errors.correctionNoteRequired).max(2000, text.errors.noteTooLong),
});
export type TCorrectPublicationInput = z.input<typeof ZCorrectPublicationInput>;

/**
 * Publishes a correction of a PUBLISHED year (issue 7 item 6): a new Publication that supersedes
 * the current one (supersedesId), with its own number, date and required note, and a snapshot
 * rebuilt from the stored Results and the agencies' current names. Both publications are kept
 * (the table refuses updates and deletes); the public pages show the one not superseded.
 *
 * The year stays PUBLISHED. lib/domain/workflow.ts makes PUBLISHED final (PUBLISHED_IS_FINAL: "a
 * correction is a new publication superseding the old one, not a rewind of the year"), and the
 * public pages show only PUBLISHED years, so reopening would take the announced results off them
 * while the correction is prepared. A correction therefore republishes what is stored now: a fixed
 * number or date, a renamed agency, results stored again by an administrator's import.
 *
 * Refused: not an administrator (FORBIDDEN); bad number, date (before the corrected one included)
 * or a note under 10 characters (VALIDATION_FAILED); a year not PUBLISHED (WRONG_PHASE); another
 * correction published since the page was loaded (STALE_VERSION: supersedesId is no longer
 * current); a correction identical to the current announcement in number, date and every figure
 * (VALIDATION_FAILED). Two at once: the year row is locked, and supersedesId is unique.
 */
export async function correctPublication(
  db: PrismaClient,
  actorId: string | null | undefined,
  rawInput: unknown,
  now: Date = new Date(),
): Promise<ServiceResult<PublishedAnnouncement & { changes: number }>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  if (!can(actor, "year.publish", { kind: "province" })) return failure("FORBIDDEN");
  const parsed = ZCorrectPublicationInput.safeParse(rawInput);
  if (!parsed.success) return validationFailure(parsed.error);
  const { yearId, supersedesId, number, issuedOn, note } = parsed.data;

  return db.$transaction(
    async (tx) => {
      const year = await lockYear(tx, yearId);
      if (!year) return failure("NOT_FOUND");
      if (year.phase !== "PUBLISHED") {
        return failure("WRONG_PHASE", { message: interpolate(text.errors.notPublished, { phase: vi.labels.yearPhase[year.phase] }) });
      }
      const current = await tx.publication.findFirst({
        where: { yearId, supersededBy: null },
        orderBy: { publishedAt: "desc" },
        select: { id: true, number: true, issuedOn: true, snapshot: true },
      });
      if (!current) return failure("NOT_FOUND");
      if (current.id !== supersedesId) {
        const seen = await tx.publication.findFirst({ where: { id: supersedesId, yearId }, select: { number: true } });
        if (!seen) return failure("NOT_FOUND");
        return failure("STALE_VERSION", { message: interpolate(text.errors.supersededMeanwhile, { number: current.number }) });
      }
      const dateProblem = checkIssuedOn(issuedOn, { resultsComputedAt: await resultsComputedAt(tx, yearId), now, notBefore: current.issuedOn });
      if (dateProblem) return failure("VALIDATION_FAILED", { issues: [{ path: "issuedOn", message: dateProblem }] });

      const previous = ZPublicationSnapshot.parse(current.snapshot);
      const snapshot = await buildYearSnapshot(tx, yearId);
      const changes = diffPublicationSnapshots(previous, snapshot);
      if (number === current.number && issuedOn.getTime() === current.issuedOn.getTime() && isSameSnapshot(previous, snapshot)) {
        return failure("VALIDATION_FAILED", { message: text.errors.nothingToCorrect });
      }

      const publication = await tx.publication.create({
        data: { yearId, number, issuedOn, publishedAt: now, publishedById: actor.id, snapshot: snapshot as Prisma.InputJsonValue, supersedesId: current.id, note },
        select: { id: true },
      });
      await appendAuditEvent(tx, {
        actor,
        type: "PUBLICATION_CORRECTED",
        subjectType: "Publication",
        subjectId: publication.id,
        yearId,
        before: { publicationId: current.id, number: current.number, issuedOn: formatDate(current.issuedOn) },
        after: { publicationId: publication.id, number, issuedOn: formatDate(issuedOn), note, changes },
      });
      return success({ publicationId: publication.id, year: year.year, number, issuedOn, changes: changes.length });
    },
    { timeout: 30_000 },
  );
}
