import "server-only";

import type { Option } from "@/components/admin/form-fields";
import type { PrismaClient } from "@/lib/db/prisma";
import { vietnamDateOf } from "@/lib/domain/calendar-date";
import { notEndedOn } from "@/lib/services/admin-input";

/**
 * The agencies and appraiser units an account form offers: agencies that have not ended, plus
 * `keepAgencyId` (the account's own agency, even if it has ended since), and every appraiser unit.
 */
export async function userFormOptions(db: PrismaClient, keepAgencyId: string | null = null): Promise<{ agencies: Option[]; appraiserUnits: Option[] }> {
  const [agencies, appraiserUnits] = await Promise.all([
    db.agency.findMany({
      where: { OR: [notEndedOn(vietnamDateOf(new Date())), ...(keepAgencyId ? [{ id: keepAgencyId }] : [])] },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db.appraiserUnit.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return {
    agencies: agencies.map((agency) => ({ value: agency.id, label: agency.name })),
    appraiserUnits: appraiserUnits.map((unit) => ({ value: unit.id, label: unit.name })),
  };
}
