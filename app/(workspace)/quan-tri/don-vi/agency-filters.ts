import { z } from "zod";

import type { Prisma } from "@/lib/db/generated/prisma/client";
import { dateValueOf } from "@/lib/domain/calendar-date";
import { slugify } from "@/lib/domain/slug";
import { notEndedOn } from "@/lib/services/admin-input";

/** The agency list's URL parameters, in Vietnamese like the routes. */
export const AGENCY_PARAMS = { search: "tim", unitTypeId: "loai", status: "trang-thai" } as const;

export const ZAgencyFilters = z.object({
  search: z.string().trim().max(100).catch(""),
  unitTypeId: z.string().max(100).optional().catch(undefined),
  status: z.enum(["active", "ended", "all"]).catch("active"),
});
export type AgencyFilters = z.infer<typeof ZAgencyFilters>;

type Params = Record<string, string | string[] | undefined>;

function read(params: Params, key: string): string | undefined {
  const value = params[key];
  return (Array.isArray(value) ? value[0] : value) || undefined;
}

/** Filters from the URL; anything unknown falls back to the default (active agencies, any type). */
export function agencyFiltersFrom(params: Params): AgencyFilters {
  return ZAgencyFilters.parse({
    search: read(params, AGENCY_PARAMS.search) ?? "",
    unitTypeId: read(params, AGENCY_PARAMS.unitTypeId),
    status: read(params, AGENCY_PARAMS.status),
  });
}

/**
 * The query for the filters on `today` ("YYYY-MM-DD"). The search matches the name and short name
 * as typed, and the slug without diacritics: "y te" finds "Sở Y tế" through "so-y-te".
 */
export function agencyWhere(filters: AgencyFilters, today: string): Prisma.AgencyWhereInput {
  const conditions: Prisma.AgencyWhereInput[] = [];
  if (filters.search) {
    const slugPart = slugify(filters.search);
    conditions.push({
      OR: [
        { name: { contains: filters.search, mode: "insensitive" } },
        { shortName: { contains: filters.search, mode: "insensitive" } },
        ...(slugPart ? [{ slug: { contains: slugPart } }] : []),
      ],
    });
  }
  if (filters.unitTypeId) conditions.push({ unitTypeId: filters.unitTypeId });
  if (filters.status === "active") conditions.push(notEndedOn(today));
  if (filters.status === "ended") conditions.push({ activeTo: { lt: dateValueOf(today) } });
  return { AND: conditions };
}
