import "server-only";

import { createHash } from "node:crypto";

/**
 * What an import's preview showed, as a token: the SHA-256 of the file's bytes and of the form's
 * other inputs. Applying an import re-reads and re-checks everything and requires the token of the
 * preview the administrator confirmed, so a file picked after previewing, or a band changed since,
 * is never stored unseen. The token carries nothing the server trusts: it is recomputed.
 */
export function previewTokenOf(bytes: Uint8Array, options: unknown): string {
  return createHash("sha256").update(bytes).update("\u0000").update(JSON.stringify(options)).digest("hex");
}

/** The file's own SHA-256, recorded in the audit event. */
export function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export const PREVIEW_TOKEN_PATTERN = /^[0-9a-f]{64}$/;
