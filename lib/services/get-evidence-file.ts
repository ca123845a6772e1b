import "server-only";

import { createHash } from "node:crypto";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/prisma";
import { getEvidenceStorage, type EvidenceStorage } from "@/lib/storage/evidence-storage";

import { failure, success, validationFailure, type ServiceResult } from "./service-result";

export const ZGetEvidenceFileInput = z.object({
  evidenceId: z.string().min(1).max(100),
});
export type TGetEvidenceFileInput = z.input<typeof ZGetEvidenceFileInput>;

export type EvidenceFileDownload = { fileName: string; mimeType: string; sizeBytes: number; bytes: Buffer };

/**
 * One evidence file for download, to whoever may download the assessment's evidence (its agency's
 * staff, appraisers, the administrator). No workflow rule: evidence stays readable in every
 * phase, since appraisers and complaints need it long after the agency stops editing. Reading
 * writes nothing, so there is no transaction and no audit event.
 *
 * The MIME type is the one detected from the content at upload, never the browser's.
 */
export async function getEvidenceFile(
  db: PrismaClient,
  actorId: string | null | undefined,
  rawInput: unknown,
  storage: EvidenceStorage = getEvidenceStorage(),
): Promise<ServiceResult<EvidenceFileDownload>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  const parsed = ZGetEvidenceFileInput.safeParse(rawInput);
  if (!parsed.success) return validationFailure(parsed.error);

  const evidence = await db.evidenceFile.findUnique({
    where: { id: parsed.data.evidenceId },
    select: {
      sha256: true,
      fileName: true,
      mimeType: true,
      sizeBytes: true,
      score: { select: { assessment: { select: { agencyId: true, yearId: true } } } },
    },
  });
  if (!evidence) return failure("NOT_FOUND");
  const { assessment } = evidence.score;
  if (!can(actor, "evidence.download", { kind: "assessment", agencyId: assessment.agencyId, yearId: assessment.yearId })) {
    return failure("FORBIDDEN");
  }

  const bytes = await storage.get(evidence.sha256);
  // A row whose content is missing or altered is lost data, not something the user caused: throw,
  // so it is logged with an event id, rather than serve other bytes than were uploaded.
  if (!bytes) throw new Error(`Evidence content ${evidence.sha256} is missing from storage`);
  if (createHash("sha256").update(bytes).digest("hex") !== evidence.sha256) {
    throw new Error(`Evidence content ${evidence.sha256} does not match its hash`);
  }
  return success({ fileName: evidence.fileName, mimeType: evidence.mimeType, sizeBytes: bytes.length, bytes });
}
