import type { TGradingBand } from "@/lib/domain/bands";

import { bandPosition, bandStyle } from "./band-style";

/** A band as text on its colour: "Nhóm 1 (Xuất sắc)". A dash when the agency has no band. */
export function BandBadge({ label, bands }: { label: string | null; bands: readonly TGradingBand[] }) {
  if (label === null) return <span className="text-slate-500">—</span>;
  const style = bandStyle(bandPosition(bands, label));
  return <span className={`inline-block whitespace-nowrap rounded border px-2 py-0.5 text-xs font-medium ${style.badge}`}>{label}</span>;
}
