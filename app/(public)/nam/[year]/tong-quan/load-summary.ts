import "server-only";

import { notFound } from "next/navigation";
import { cache } from "react";

import { getYearSummary, type YearSummary } from "@/lib/services/get-year-summary";

import { parseYearSegment } from "../../../year-segment";

/**
 * The summary a /nam/[year]/tong-quan page shows, read once per render (metadata and page share
 * it). A year that is not published is a 404; "moi-nhat" with nothing published yet is null.
 */
export const loadSummary = cache(async (yearSegment: string): Promise<YearSummary | null> => {
  const year = parseYearSegment(yearSegment);
  if (year === undefined) notFound();
  const summary = await getYearSummary(year);
  if (!summary && year !== null) notFound();
  return summary;
});
