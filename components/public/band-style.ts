import type { TGradingBand } from "@/lib/domain/bands";

// Band colours by position from the top band down. Colour is never the only signal: the band's
// label is always printed beside it (WCAG 1.4.1). Text colours reach 4.5:1 on their backgrounds.
const BAND_STYLES = [
  { badge: "border-green-700 bg-green-50 text-green-900", fill: "#15803d" },
  { badge: "border-blue-700 bg-blue-50 text-blue-900", fill: "#1d4ed8" },
  { badge: "border-amber-700 bg-amber-50 text-amber-900", fill: "#b45309" },
  { badge: "border-red-700 bg-red-50 text-red-900", fill: "#b91c1c" },
] as const;
const NO_BAND = { badge: "border-slate-400 bg-slate-50 text-slate-700", fill: "#64748b" } as const;

export type BandStyle = { badge: string; fill: string };

/** The position of a band label among the year's bands (0 = the top band), or -1. */
export function bandPosition(bands: readonly TGradingBand[], label: string | null): number {
  if (label === null) return -1;
  const fromTop = [...bands].sort((a, b) => b.minPercentThousandths - a.minPercentThousandths);
  return fromTop.findIndex((band) => band.label === label);
}

export function bandStyle(position: number): BandStyle {
  if (position < 0) return NO_BAND;
  return BAND_STYLES[Math.min(position, BAND_STYLES.length - 1)] as BandStyle;
}
