import { getPrisma } from "@/lib/db/prisma";
import { openDataCsv, openDataDocument, openDataXlsx } from "@/lib/exports/open-data";
import { getPublishedRanking } from "@/lib/services/get-latest-published-ranking";

const FILE_NAME = /^(\d{4})\.(csv|json|xlsx)$/;

const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/** GET /api/public/results/2025.csv|json|xlsx: a published year's results; 404 for anything else. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const match = FILE_NAME.exec((await params).file);
  if (!match) return new Response("Not found", { status: 404 });
  const [, year, format] = match as unknown as [string, string, keyof typeof CONTENT_TYPES];
  const ranking = await getPublishedRanking(getPrisma(), Number(year));
  if (!ranking) return new Response("Not found", { status: 404 });
  const document = openDataDocument(ranking);
  const body = format === "csv" ? openDataCsv(document) : format === "json" ? JSON.stringify(document) : await openDataXlsx(document);
  return new Response(body, {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="chi-so-cchc-${year}.${format}"`,
      "X-Content-Type-Options": "nosniff",
      // Published data changes only by a correction; a few minutes of caching is harmless.
      "Cache-Control": "public, max-age=300",
    },
  });
}
