import "server-only";

import { normalizeHeader } from "./read-table";

/**
 * Finds the agency, unit type or criterion an imported cell names, as people type names in Excel:
 * any case and spacing, by any of the item's names (an agency's name, short name or slug), and,
 * failing an exact match, without diacritics — which also absorbs the two Vietnamese spellings of
 * the tone mark ("Hòa" / "Hoà") and names typed without accents. Two items answering the same
 * cell are reported, never guessed between.
 */

export type NameLookup<T> = { kind: "found"; item: T } | { kind: "ambiguous"; items: T[] } | { kind: "none" };

export type NameIndex<T> = { lookup(text: string): NameLookup<T> };

/** NFC, lower case, single spaces: what two spellings of one name share exactly. */
export function exactNameKey(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}

export function buildNameIndex<T>(items: readonly T[], namesOf: (item: T) => readonly (string | null | undefined)[]): NameIndex<T> {
  const exact = new Map<string, T[]>();
  const loose = new Map<string, T[]>();
  const add = (map: Map<string, T[]>, key: string, item: T) => {
    if (key === "") return;
    const found = map.get(key);
    if (!found) map.set(key, [item]);
    else if (!found.includes(item)) found.push(item);
  };
  for (const item of items) {
    for (const name of namesOf(item)) {
      if (!name) continue;
      add(exact, exactNameKey(name), item);
      add(loose, normalizeHeader(name), item);
    }
  }
  const answer = (found: T[] | undefined): NameLookup<T> | null => {
    if (!found || found.length === 0) return null;
    return found.length === 1 ? { kind: "found", item: found[0]! } : { kind: "ambiguous", items: [...found] };
  };
  return {
    lookup(text) {
      return answer(exact.get(exactNameKey(text))) ?? answer(loose.get(normalizeHeader(text))) ?? { kind: "none" };
    },
  };
}
