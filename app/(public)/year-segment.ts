// The [year] segment of the public URLs: a year ("2025") or "moi-nhat", the latest published year,
// which "/", "/tong-quan" and "/phuong-phap" are rewritten to (next.config.ts).

export const LATEST_YEAR_SEGMENT = "moi-nhat";

/** The year asked for, null for the latest, undefined when the segment is neither (a 404). */
export function parseYearSegment(segment: string): number | null | undefined {
  if (segment === LATEST_YEAR_SEGMENT) return null;
  if (!/^\d{4}$/.test(segment)) return undefined;
  return Number(segment);
}

/**
 * Rendered on the first request, then cached until a publication revalidates the public pages:
 * nothing is rendered at build time, when the database may not be there.
 */
export async function noPagesAtBuildTime(): Promise<never[]> {
  return [];
}
