import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/prisma";
import { ZPublicationSnapshot, type TPublicationSnapshot } from "@/lib/domain/publication-snapshot";
import { vi } from "@/lib/i18n/vi";

import { failure, success, type ServiceResult } from "./service-result";
import { buildYearSnapshot } from "./year-snapshot";

export const ZAnnouncementTableInput = z.object({
  year: z.coerce.number().int().min(1900).max(9999),
  /** A publication of that year; without it, the current one. */
  publicationId: z.string().min(1).max(100).optional(),
});

/**
 * The results table attached to an announcement, for the XLSX and the printable appendix. Output
 * data leaving the system: the snapshot is parsed by ZPublicationSnapshot on the way out.
 */
export type AnnouncementTable = {
  snapshot: TPublicationSnapshot;
  /** Null for a draft. */
  announcement: { number: string; issuedOn: Date; supersededByNumber: string | null } | null;
  /** A FINALIZED year's stored results, not published yet: every copy says so. */
  isDraft: boolean;
};

/**
 * For a PUBLISHED year, the announcement exactly as published (its immutable snapshot; the current
 * one unless another publication of the year is asked for). For a FINALIZED year, the stored
 * results as publishing would announce them, marked as a draft. Administrators only (year.publish);
 * before FINALIZED there is nothing to export (WRONG_PHASE).
 */
export async function getAnnouncementTable(db: PrismaClient, actorId: string | null | undefined, rawInput: unknown): Promise<ServiceResult<AnnouncementTable>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  if (!can(actor, "year.publish", { kind: "province" })) return failure("FORBIDDEN");
  const parsed = ZAnnouncementTableInput.safeParse(rawInput);
  if (!parsed.success) return failure("NOT_FOUND");
  const { publicationId } = parsed.data;

  const year = await db.assessmentYear.findUnique({ where: { year: parsed.data.year }, select: { id: true, phase: true } });
  if (!year) return failure("NOT_FOUND");
  if (year.phase === "FINALIZED" && publicationId === undefined) {
    return success({ snapshot: await buildYearSnapshot(db, year.id), announcement: null, isDraft: true });
  }
  // A FINALIZED year has no publication to ask for; earlier phases have nothing to export.
  if (year.phase === "FINALIZED") return failure("NOT_FOUND");
  if (year.phase !== "PUBLISHED") return failure("WRONG_PHASE", { message: vi.adminPublication.errors.exportNotReady });

  const publication = await db.publication.findFirst({
    where: publicationId ? { id: publicationId, yearId: year.id } : { yearId: year.id, supersededBy: null },
    orderBy: { publishedAt: "desc" },
    select: { number: true, issuedOn: true, snapshot: true, supersededBy: { select: { number: true } } },
  });
  if (!publication) return failure("NOT_FOUND");
  return success({
    snapshot: ZPublicationSnapshot.parse(publication.snapshot),
    announcement: { number: publication.number, issuedOn: publication.issuedOn, supersededByNumber: publication.supersededBy?.number ?? null },
    isDraft: false,
  });
}
