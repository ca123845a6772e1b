// How a visitor narrows and orders a published ranking (search box, sortable columns). Pure.

import { toThousandths } from "./points";
import { compareForDisplay } from "./rank-results";

/**
 * A name as search compares it: lower case, diacritics dropped ("đ" → "d"), punctuation and runs of
 * spaces as one space — so "so tu phap", "Sở Tư pháp" and "SỞ TƯ PHÁP" all read "so tu phap".
 */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * The rows whose name contains every word of the query, with or without diacritics, in any order
 * ("tu phap so" finds "Sở Tư pháp"). A query typed with diacritics still matches only by letters:
 * "sở" also finds "So" — visitors type on phones without Vietnamese keyboards, and the reverse
 * (a name typed without marks by a data-entry clerk) happens too. A blank query keeps every row.
 */
export function filterRowsByName<T extends { agencyName: string }>(rows: readonly T[], query: string): T[] {
  const words = foldForSearch(query).split(" ").filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const name = ` ${foldForSearch(row.agencyName)} `;
    return words.every((word) => name.includes(word));
  });
}

/** Sortable columns, by their URL value (?sap-xep=…). */
export const LEADERBOARD_SORT_KEYS = ["hang", "ten", "chi-so", "thay-doi"] as const;
export type LeaderboardSortKey = (typeof LEADERBOARD_SORT_KEYS)[number];
export type SortDirection = "tang" | "giam";
export type LeaderboardSort = { key: LeaderboardSortKey; direction: SortDirection };

/** The official order: by rank. */
export const DEFAULT_LEADERBOARD_SORT: LeaderboardSort = { key: "hang", direction: "tang" };

/** The direction a column sorts in when first chosen: best first for figures, A→Z for names. */
export const FIRST_DIRECTION: Record<LeaderboardSortKey, SortDirection> = { hang: "tang", ten: "tang", "chi-so": "giam", "thay-doi": "giam" };

/** Reads ?sap-xep= and ?chieu=; anything unknown falls back to the official order. */
export function parseLeaderboardSort(key: string | undefined, direction: string | undefined): LeaderboardSort {
  const sortKey = LEADERBOARD_SORT_KEYS.find((candidate) => candidate === key);
  if (!sortKey) return DEFAULT_LEADERBOARD_SORT;
  return { key: sortKey, direction: direction === "tang" || direction === "giam" ? direction : FIRST_DIRECTION[sortKey] };
}

type SortableRow = { agencyName: string; rank: number | null; indexPercent: string; rankChange: number | null };

const vietnameseNames = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

/**
 * The rows in the chosen order. Ties fall back to the official order, so equal figures keep the
 * announcement's sequence. Unranked rows stay last whatever the direction (they have no rank, and
 * their change is shown as "—"), and so do rows new this year when sorting by change.
 */
export function sortLeaderboardRows<T extends SortableRow>(rows: readonly T[], sort: LeaderboardSort): T[] {
  const sign = sort.direction === "tang" ? 1 : -1;
  const official = (a: T, b: T) =>
    compareForDisplay(
      { rank: a.rank, indexPercentThousandths: toThousandths(a.indexPercent), agencyName: a.agencyName },
      { rank: b.rank, indexPercentThousandths: toThousandths(b.indexPercent), agencyName: b.agencyName },
    );
  const lastWhenMissing = (a: unknown, b: unknown) => Number(a === null) - Number(b === null);
  const byKey: Record<LeaderboardSortKey, (a: T, b: T) => number> = {
    hang: (a, b) => lastWhenMissing(a.rank, b.rank) || sign * official(a, b),
    ten: (a, b) => sign * vietnameseNames.compare(a.agencyName, b.agencyName) || official(a, b),
    "chi-so": (a, b) => lastWhenMissing(a.rank, b.rank) || sign * (toThousandths(a.indexPercent) - toThousandths(b.indexPercent)) || official(a, b),
    "thay-doi": (a, b) =>
      lastWhenMissing(a.rank, b.rank) || lastWhenMissing(a.rankChange, b.rankChange) || sign * ((a.rankChange ?? 0) - (b.rankChange ?? 0)) || official(a, b),
  };
  return [...rows].sort(byKey[sort.key]);
}
