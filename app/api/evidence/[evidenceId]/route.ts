import { getSessionUserId } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { attachmentDisposition, inlineDisposition, isViewableInline } from "@/lib/domain/evidence-file-type";
import { getEvidenceFile } from "@/lib/services/get-evidence-file";
import type { ServiceErrorCode } from "@/lib/services/service-result";

/** Nothing here may be stored by a shared cache or guessed into something executable by a browser. */
const PRIVATE_HEADERS = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" } as const;

const STATUS: Partial<Record<ServiceErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  // A malformed id names no file.
  VALIDATION_FAILED: 404,
};

/**
 * Downloads one evidence file. The session only says who is asking; getEvidenceFile decides
 * whether they may, from the evidence's assessment in the database.
 */
export async function GET(request: Request, context: { params: Promise<{ evidenceId: string }> }): Promise<Response> {
  const { evidenceId } = await context.params;
  const userId = await getSessionUserId();
  const result = await getEvidenceFile(getPrisma(), userId, { evidenceId });
  if (!result.ok) {
    return new Response(result.message, {
      status: STATUS[result.code] ?? 400,
      headers: { ...PRIVATE_HEADERS, "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const { bytes, fileName, mimeType } = result.value;
  return new Response(chunked(bytes), {
    status: 200,
    headers: {
      ...PRIVATE_HEADERS,
      // From the content, checked at upload: never HTML or script. With nosniff, and the evidence
      // paths' own policy (lib/security-headers.ts evidenceHeaders: nothing may load, only this
      // site may frame), not even a file shown inline can act as a page of this origin.
      "Content-Type": mimeType,
      // ?xem=1 asks to view a PDF or an image in the page (its own restrictive policy, next.config.ts);
      // anything else is always a download.
      "Content-Disposition": new URL(request.url).searchParams.get("xem") === "1" && isViewableInline(mimeType) ? inlineDisposition(fileName) : attachmentDisposition(fileName),
    },
  });
}

const CHUNK_BYTES = 1024 * 1024;

/** The file in 1 MB chunks, so a slow client holds back the socket rather than one 20 MB write. */
function chunked(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.byteLength) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.subarray(offset, offset + CHUNK_BYTES));
      offset += CHUNK_BYTES;
    },
  });
}
