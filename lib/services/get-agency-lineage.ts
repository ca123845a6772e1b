import "server-only";

import { getPrisma, type PrismaClient } from "@/lib/db/prisma";
import { agencyLineage, type SuccessionKind } from "@/lib/domain/agency-succession";
import { calendarDateOf } from "@/lib/domain/calendar-date";

export type LineageAgency = { id: string; name: string; slug: string; kind: SuccessionKind; effectiveOn: string };
export type AgencyLineage = { predecessors: LineageAgency[]; successors: LineageAgency[] };

/**
 * An agency's direct predecessors and successors with their names and slugs, oldest first
 * (lib/domain/agency-succession.ts: agencyLineage). Public data — the public profile links them —
 * so it asks no permission; it reads only the successions touching the agency.
 */
export async function getAgencyLineage(agencyId: string, db: PrismaClient = getPrisma()): Promise<AgencyLineage> {
  const rows = await db.agencySuccession.findMany({
    where: { OR: [{ predecessorId: agencyId }, { successorId: agencyId }] },
    select: {
      predecessorId: true,
      successorId: true,
      kind: true,
      effectiveOn: true,
      predecessor: { select: { id: true, name: true, slug: true } },
      successor: { select: { id: true, name: true, slug: true } },
    },
  });
  const agencies = new Map(rows.flatMap((row) => [row.predecessor, row.successor]).map((agency) => [agency.id, agency]));
  const lineage = agencyLineage(
    agencyId,
    rows.map((row) => ({ predecessorId: row.predecessorId, successorId: row.successorId, kind: row.kind, effectiveOn: calendarDateOf(row.effectiveOn) })),
  );
  const named = (link: { agencyId: string; kind: SuccessionKind; effectiveOn: string }): LineageAgency => {
    const agency = agencies.get(link.agencyId)!;
    return { id: agency.id, name: agency.name, slug: agency.slug, kind: link.kind, effectiveOn: link.effectiveOn };
  };
  return { predecessors: lineage.predecessors.map(named), successors: lineage.successors.map(named) };
}
