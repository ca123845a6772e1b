/**
 * Competition ranking ("1224"): equal entries share a rank and the next rank skips, as in the
 * published tables (Hà Nội 2023: two districts both 95.7%). `compare` orders best first and
 * returns 0 for a tie. Returns the ranks in the input order. O(n log n).
 */
export function rankCompetition<T>(items: readonly T[], compare: (a: T, b: T) => number): number[] {
  const order = items.map((item, index) => ({ item, index })).sort((a, b) => compare(a.item, b.item) || a.index - b.index);
  const ranks = new Array<number>(items.length);
  order.forEach((entry, position) => {
    const previous = order[position - 1];
    ranks[entry.index] =
      previous && compare(previous.item, entry.item) === 0 ? (ranks[previous.index] as number) : position + 1;
  });
  return ranks;
}

/** Orders by points over maximum, best first, comparing the exact ratios (cross-multiplication). */
export function compareByExactRatio(
  a: { totalThousandths: number; maxThousandths: number },
  b: { totalThousandths: number; maxThousandths: number },
): number {
  const left = BigInt(b.totalThousandths) * BigInt(a.maxThousandths);
  const right = BigInt(a.totalThousandths) * BigInt(b.maxThousandths);
  return left === right ? 0 : left > right ? 1 : -1;
}
