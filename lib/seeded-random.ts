/**
 * A small deterministic random generator (mulberry32) for generated data — the demo province and
 * the benchmarks — so every machine gets the same figures. Not for anything secret.
 */
export function seededRandom(seed: string | number): () => number {
  let state =
    typeof seed === "number"
      ? seed >>> 0
      : [...seed].reduce((acc, char) => Math.imul(acc ^ char.charCodeAt(0), 2654435761) >>> 0, 2166136261);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
