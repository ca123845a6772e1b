import { z } from "zod";

import { formatThousandths, toThousandths } from "./points";
import { compareForDisplay } from "./rank-results";

// The immutable content of a publication: every result exactly as announced. Validated on write
// and on read, since public pages and exports serve it as is.

const ZDecimalText = z.string().regex(/^-?\d+\.\d+$/, "decimal text such as 91.790");

export const ZPublishedResultRow = z.object({
  agencyId: z.string().min(1),
  agencySlug: z.string().min(1),
  agencyName: z.string().min(1),
  totalPoints: ZDecimalText,
  maxPoints: ZDecimalText,
  /** At the year's precision, e.g. "91.79". */
  indexPercent: ZDecimalText,
  rank: z.number().int().positive().nullable(),
  rankedCount: z.number().int().min(0),
  bandLabel: z.string().nullable(),
  rankChange: z.number().int().nullable(),
});
export type TPublishedResultRow = z.infer<typeof ZPublishedResultRow>;

export const ZPublicationSnapshot = z.object({
  year: z.number().int(),
  precision: z.union([z.literal(2), z.literal(3)]),
  unitTypes: z.array(
    z.object({
      unitTypeId: z.string().min(1),
      unitTypeName: z.string().min(1),
      rows: z.array(ZPublishedResultRow),
    }),
  ),
});
export type TPublicationSnapshot = z.infer<typeof ZPublicationSnapshot>;

/** One stored result as the snapshot needs it: exact figures in thousandths (lib/domain/points). */
export type SnapshotResult = {
  agencyId: string;
  agencySlug: string;
  agencyName: string;
  totalThousandths: number;
  maxThousandths: number;
  /** Thousandths of a percent, already at the year's precision (91.79% → 91790). */
  indexPercentThousandths: number;
  rank: number | null;
  rankedCount: number;
  bandLabel: string | null;
  rankChange: number | null;
};

export type SnapshotInput = {
  year: number;
  precision: 2 | 3;
  /** In the order the year lists its unit types. */
  unitTypes: { unitTypeId: string; unitTypeName: string; results: readonly SnapshotResult[] }[];
};

/** "91.790" at precision 2 → "91.79"; a figure finer than the precision is a stored-data bug. */
function percentText(thousandths: number, precision: 2 | 3): string {
  const step = 10 ** (3 - precision);
  if (thousandths % step !== 0) throw new RangeError(`Index % ${thousandths / 1000} is finer than the year's precision (${precision})`);
  const fixed = formatThousandths(thousandths);
  return fixed.slice(0, fixed.length - (3 - precision));
}

/**
 * The publication snapshot of a year's stored results: each unit type in the year's order, each
 * listed as the ranking lists it (compareForDisplay), figures as decimal text the way the seed
 * and the public pages write them. Validated by ZPublicationSnapshot before it leaves.
 */
export function buildPublicationSnapshot(input: SnapshotInput): TPublicationSnapshot {
  return ZPublicationSnapshot.parse({
    year: input.year,
    precision: input.precision,
    unitTypes: input.unitTypes
      .filter((unitType) => unitType.results.length > 0)
      .map((unitType) => ({
        unitTypeId: unitType.unitTypeId,
        unitTypeName: unitType.unitTypeName,
        rows: [...unitType.results]
          .sort((a, b) => compareForDisplay(a, b))
          .map((result) => ({
            agencyId: result.agencyId,
            agencySlug: result.agencySlug,
            agencyName: result.agencyName,
            totalPoints: formatThousandths(result.totalThousandths),
            maxPoints: formatThousandths(result.maxThousandths),
            indexPercent: percentText(result.indexPercentThousandths, input.precision),
            rank: result.rank,
            rankedCount: result.rankedCount,
            bandLabel: result.bandLabel,
            rankChange: result.rankChange,
          })),
      })),
  } satisfies TPublicationSnapshot);
}

/** The figures a correction can change, compared row by row. */
export const SNAPSHOT_FIELDS = ["unitTypeName", "agencyName", "totalPoints", "maxPoints", "indexPercent", "rank", "rankedCount", "bandLabel", "rankChange"] as const;
export type SnapshotField = (typeof SNAPSHOT_FIELDS)[number];

export type SnapshotChange = {
  agencyId: string;
  /** The name in the newer snapshot, or in the older one when the row was removed. */
  agencyName: string;
  unitTypeName: string;
  kind: "ADDED" | "REMOVED" | "CHANGED";
  /** For CHANGED: each field that differs; values as stored text (null: none). */
  fields: { field: SnapshotField; before: string | null; after: string | null }[];
};

type FlatRow = TPublishedResultRow & { unitTypeName: string };

function flatten(snapshot: TPublicationSnapshot): Map<string, FlatRow> {
  return new Map(snapshot.unitTypes.flatMap((unitType) => unitType.rows.map((row) => [row.agencyId, { ...row, unitTypeName: unitType.unitTypeName }] as const)));
}

/** A figure as comparable text: decimals compared by value ("91.790" = "91.79"), null kept. */
function fieldText(row: FlatRow, field: SnapshotField): string | null {
  const value = row[field];
  if (value === null) return null;
  if (field === "totalPoints" || field === "maxPoints" || field === "indexPercent") return formatThousandths(toThousandths(String(value)));
  return String(value);
}

/**
 * What a correction changes against the announcement it supersedes, one entry per agency, in the
 * newer snapshot's order (removed rows last). Empty when every figure and name is the same.
 */
export function diffPublicationSnapshots(before: TPublicationSnapshot, after: TPublicationSnapshot): SnapshotChange[] {
  const older = flatten(before);
  const newer = flatten(after);
  const changes: SnapshotChange[] = [];
  for (const row of newer.values()) {
    const previous = older.get(row.agencyId);
    if (!previous) {
      changes.push({ agencyId: row.agencyId, agencyName: row.agencyName, unitTypeName: row.unitTypeName, kind: "ADDED", fields: [] });
      continue;
    }
    const fields = SNAPSHOT_FIELDS.map((field) => ({ field, before: fieldText(previous, field), after: fieldText(row, field) })).filter(
      (change) => change.before !== change.after,
    );
    if (fields.length > 0) changes.push({ agencyId: row.agencyId, agencyName: row.agencyName, unitTypeName: row.unitTypeName, kind: "CHANGED", fields });
  }
  for (const row of older.values()) {
    if (!newer.has(row.agencyId)) changes.push({ agencyId: row.agencyId, agencyName: row.agencyName, unitTypeName: row.unitTypeName, kind: "REMOVED", fields: [] });
  }
  return changes;
}

/** Whether two snapshots announce the same thing: same precision, unit types in the same order, no row changed. */
export function isSameSnapshot(a: TPublicationSnapshot, b: TPublicationSnapshot): boolean {
  return (
    a.year === b.year &&
    a.precision === b.precision &&
    a.unitTypes.map((unitType) => unitType.unitTypeId).join("\u0000") === b.unitTypes.map((unitType) => unitType.unitTypeId).join("\u0000") &&
    diffPublicationSnapshots(a, b).length === 0
  );
}
