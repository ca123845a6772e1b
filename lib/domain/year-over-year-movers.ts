// Who moved most between two published years (the year summary's "most improved" and "biggest
// drops"). Pure: the announced rows of both years in, the lists out.

/** One agency's announced figures in one year, as the publication snapshot lists them. */
export type MoverRow = {
  agencyId: string;
  agencySlug: string;
  agencyName: string;
  /** The published index % in thousandths (91.79% → 91790). */
  indexPercentThousandths: number;
  /** Null when the agency is scored but not ranked. */
  rank: number | null;
};

export type Mover = {
  agencyId: string;
  agencySlug: string;
  agencyName: string;
  previousPercentThousandths: number;
  currentPercentThousandths: number;
  /** Current − previous index %, in thousandths of a percentage point (+3.25 points → 3250). */
  changeThousandths: number;
  previousRank: number | null;
  currentRank: number;
  /** Previous rank − current rank (positive = moved up); null when the agency was not ranked before. */
  rankChange: number | null;
};

export type Movers = { improved: Mover[]; dropped: Mover[] };

export const MOVERS_LIMIT = 5;

/**
 * The agencies whose announced index % rose most (`improved`) and fell most (`dropped`) between the
 * previous published year and this one, at most `limit` each.
 *
 * Who is compared: the agencies ranked this year that also appear (ranked or not) in the previous
 * year's announcement, matched by agency — an agency without a previous year has no change and is
 * left out, as is one not ranked this year (it is outside this year's comparison). The `current`
 * rows should be one unit type's; `previous` may hold every unit type of the previous year, so an
 * agency that changed unit type is still matched.
 *
 * Order: by the change in index % points (largest rise first; largest fall first), ties by the
 * change in rank (more places gained first; more places lost first; no previous rank last), then by
 * this year's order in `current`. An unchanged index % is neither a rise nor a drop. The change in
 * rank is computed from the two announcements given, so it compares the same two years as the
 * change in %, even when the previous published year is not the calendar year before.
 */
export function findMovers(current: readonly MoverRow[], previous: readonly MoverRow[], limit: number = MOVERS_LIMIT): Movers {
  if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`Limit must be a non-negative integer, not ${String(limit)}`);
  const previousById = new Map<string, MoverRow>();
  for (const row of previous) {
    if (previousById.has(row.agencyId)) throw new RangeError(`Agency ${row.agencyId} listed twice in the previous year`);
    previousById.set(row.agencyId, row);
  }
  const seen = new Set<string>();
  const compared: { mover: Mover; order: number }[] = [];
  current.forEach((row, order) => {
    if (seen.has(row.agencyId)) throw new RangeError(`Agency ${row.agencyId} listed twice in the current year`);
    seen.add(row.agencyId);
    const before = previousById.get(row.agencyId);
    if (row.rank === null || !before) return;
    compared.push({
      order,
      mover: {
        agencyId: row.agencyId,
        agencySlug: row.agencySlug,
        agencyName: row.agencyName,
        previousPercentThousandths: before.indexPercentThousandths,
        currentPercentThousandths: row.indexPercentThousandths,
        changeThousandths: row.indexPercentThousandths - before.indexPercentThousandths,
        previousRank: before.rank,
        currentRank: row.rank,
        rankChange: before.rank === null ? null : before.rank - row.rank,
      },
    });
  });

  const missingLast = (a: number | null, b: number | null) => Number(a === null) - Number(b === null);
  const improved = compared
    .filter(({ mover }) => mover.changeThousandths > 0)
    .sort(
      (a, b) =>
        b.mover.changeThousandths - a.mover.changeThousandths ||
        missingLast(a.mover.rankChange, b.mover.rankChange) ||
        (b.mover.rankChange ?? 0) - (a.mover.rankChange ?? 0) ||
        a.order - b.order,
    );
  const dropped = compared
    .filter(({ mover }) => mover.changeThousandths < 0)
    .sort(
      (a, b) =>
        a.mover.changeThousandths - b.mover.changeThousandths ||
        missingLast(a.mover.rankChange, b.mover.rankChange) ||
        (a.mover.rankChange ?? 0) - (b.mover.rankChange ?? 0) ||
        a.order - b.order,
    );
  return { improved: improved.slice(0, limit).map(({ mover }) => mover), dropped: dropped.slice(0, limit).map(({ mover }) => mover) };
}
