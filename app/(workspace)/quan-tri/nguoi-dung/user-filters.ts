import { z } from "zod";

import { ROLES } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/db/generated/prisma/client";

/** The user list's URL parameters, in Vietnamese like the routes. */
export const USER_PARAMS = { search: "tim", role: "vai-tro", status: "trang-thai" } as const;

export const ZUserFilters = z.object({
  search: z.string().trim().max(100).catch(""),
  role: z.enum(ROLES).optional().catch(undefined),
  status: z.enum(["active", "disabled", "all"]).catch("all"),
});
export type UserFilters = z.infer<typeof ZUserFilters>;

type Params = Record<string, string | string[] | undefined>;

function read(params: Params, key: string): string | undefined {
  const value = params[key];
  return (Array.isArray(value) ? value[0] : value) || undefined;
}

/** Filters from the URL; anything unknown falls back to "no filter". */
export function userFiltersFrom(params: Params): UserFilters {
  return ZUserFilters.parse({ search: read(params, USER_PARAMS.search) ?? "", role: read(params, USER_PARAMS.role), status: read(params, USER_PARAMS.status) });
}

/** The query for the filters: the search matches the name or the e-mail, as typed. */
export function userWhere(filters: UserFilters): Prisma.UserWhereInput {
  return {
    AND: [
      filters.search
        ? { OR: [{ name: { contains: filters.search, mode: "insensitive" } }, { email: { contains: filters.search.toLowerCase() } }] }
        : {},
      filters.role ? { roles: { has: filters.role } } : {},
      filters.status === "all" ? {} : { isActive: filters.status === "active" },
    ],
  };
}
