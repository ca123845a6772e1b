import "server-only";

import { notFound } from "next/navigation";
import { cache } from "react";

import { getMethodology, type Methodology } from "@/lib/services/get-methodology";

import { parseYearSegment } from "../../../year-segment";

/**
 * The methodology a /nam/[year]/phuong-phap page shows, read once per render (metadata and page
 * share it). A year that is not published is a 404; "moi-nhat" with nothing published yet is null.
 */
export const loadMethodology = cache(async (yearSegment: string): Promise<Methodology | null> => {
  const year = parseYearSegment(yearSegment);
  if (year === undefined) notFound();
  const methodology = await getMethodology(year);
  if (!methodology && year !== null) notFound();
  return methodology;
});
