import type { ReactNode } from "react";

/** One headline figure (term above, value below) inside a `<dl>`: averages, counts, a band badge. */
export function FigureTile({ term, value }: { term: string; value: ReactNode }) {
  return (
    <div className="rounded border border-slate-200 bg-white px-3 py-2">
      <dt className="text-xs text-slate-600">{term}</dt>
      <dd className="text-lg font-semibold tabular-nums">{value}</dd>
    </div>
  );
}
