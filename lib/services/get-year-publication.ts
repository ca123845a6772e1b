import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/prisma";
import { diffPublicationSnapshots, ZPublicationSnapshot, type SnapshotChange, type TPublicationSnapshot } from "@/lib/domain/publication-snapshot";
import type { YearPhase } from "@/lib/domain/workflow";

import { failure, success, type ServiceResult } from "./service-result";
import { buildYearSnapshot } from "./year-snapshot";

export const ZYearNumberInput = z.object({ year: z.coerce.number().int().min(1900).max(9999) });

export type PublicationListItem = {
  id: string;
  number: string;
  issuedOn: Date;
  publishedAt: Date;
  publishedByName: string | null;
  note: string | null;
  /** The publication this one corrects. */
  supersedes: { id: string; number: string } | null;
  /** The correction that replaced this one; null for the current publication. */
  supersededBy: { id: string; number: string } | null;
};

export type YearPublication = {
  year: { id: string; year: number; phase: YearPhase; precision: 2 | 3 };
  /** Newest first; the first one is current when the year is PUBLISHED. */
  publications: PublicationListItem[];
  /** What the public pages show now: the current publication's snapshot. */
  current: { publication: PublicationListItem; snapshot: TPublicationSnapshot } | null;
  /** What publishing (FINALIZED) or a correction (PUBLISHED) would announce now; null before FINALIZED. */
  draft: TPublicationSnapshot | null;
  /** The draft against the current publication (a correction's differences); empty otherwise. */
  changes: SnapshotChange[];
};

/** The publication page of one year, for the administrator: history, current snapshot, draft. */
export async function getYearPublication(db: PrismaClient, actorId: string | null | undefined, rawInput: unknown): Promise<ServiceResult<YearPublication>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  if (!can(actor, "year.publish", { kind: "province" })) return failure("FORBIDDEN");
  const parsed = ZYearNumberInput.safeParse(rawInput);
  if (!parsed.success) return failure("NOT_FOUND");

  const year = await db.assessmentYear.findUnique({ where: { year: parsed.data.year }, select: { id: true, year: true, phase: true, precision: true } });
  if (!year) return failure("NOT_FOUND");
  const rows = await db.publication.findMany({
    where: { yearId: year.id },
    orderBy: { publishedAt: "desc" },
    select: {
      id: true,
      number: true,
      issuedOn: true,
      publishedAt: true,
      publishedById: true,
      note: true,
      snapshot: true,
      supersedes: { select: { id: true, number: true } },
      supersededBy: { select: { id: true, number: true } },
    },
  });
  // publishedById keeps no foreign key (a publication outlives its author's account): names by lookup.
  const authorIds = [...new Set(rows.map((row) => row.publishedById).filter((id): id is string => id !== null))];
  const authors = new Map((await db.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } })).map((user) => [user.id, user.name]));
  const publications: PublicationListItem[] = rows.map((row) => ({
    id: row.id,
    number: row.number,
    issuedOn: row.issuedOn,
    publishedAt: row.publishedAt,
    publishedByName: row.publishedById ? (authors.get(row.publishedById) ?? null) : null,
    note: row.note,
    supersedes: row.supersedes,
    supersededBy: row.supersededBy,
  }));

  const currentRow = year.phase === "PUBLISHED" ? rows.find((row) => row.supersededBy === null) : undefined;
  const currentItem = currentRow ? publications.find((item) => item.id === currentRow.id) : undefined;
  const current = currentRow && currentItem ? { publication: currentItem, snapshot: ZPublicationSnapshot.parse(currentRow.snapshot) } : null;
  const draft = year.phase === "FINALIZED" || year.phase === "PUBLISHED" ? await buildYearSnapshot(db, year.id) : null;
  return success({
    year: { ...year, precision: year.precision === 3 ? 3 : 2 },
    publications,
    current,
    draft,
    changes: current && draft ? diffPublicationSnapshots(current.snapshot, draft) : [],
  });
}
