import { attachmentDisposition } from "@/lib/domain/evidence-file-type";
import { vi } from "@/lib/i18n/vi";
import type { ImportTemplateFile } from "@/lib/services/get-import-template";
import type { ServiceErrorCode, ServiceResult } from "@/lib/services/service-result";

// What the import routes share: reading the multipart upload and answering with the service's result.

const STATUS: Partial<Record<ServiceErrorCode, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, WRONG_PHASE: 409, VALIDATION_FAILED: 422 };

/** The form and its file (field "file"); null when the body is not a form with a file. */
export async function readUpload(request: Request): Promise<{ form: FormData; fileName: string; bytes: Uint8Array } | null> {
  try {
    const form = await request.formData();
    const file = form.get("file");
    if (!(file instanceof File)) return null;
    return { form, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  } catch {
    return null;
  }
}

export function noFile(): Response {
  return Response.json({ ok: false, code: "VALIDATION_FAILED", message: vi.adminImports.upload.fileRequired }, { status: 422, headers: { "Cache-Control": "no-store" } });
}

export function resultResponse<T>(result: ServiceResult<T>): Response {
  return Response.json(result, { status: result.ok ? 200 : (STATUS[result.code] ?? 400), headers: { "Cache-Control": "no-store" } });
}

export function templateResponse(result: ServiceResult<ImportTemplateFile>): Response {
  if (!result.ok) {
    return new Response(result.message, { status: STATUS[result.code] ?? 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
  }
  return new Response(Buffer.from(result.value.bytes), {
    status: 200,
    headers: {
      "Content-Type": result.value.contentType,
      "Content-Disposition": attachmentDisposition(result.value.fileName),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
