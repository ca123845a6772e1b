import "server-only";

import { validateBands, type TGradingBand } from "@/lib/domain/bands";
import { formatThousandths, toThousandths } from "@/lib/domain/points";
import { interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

import { parseDecimalText } from "@/lib/domain/decimal-input";

/**
 * A year's bands for one unit type as the history import form takes them — one per line, the label,
 * a colon and the inclusive lower bound in percent: "Nhóm 1: 90", "Xuất sắc: 92,5%" (a tab, as pasted
 * from Excel, also separates). Blank text means the announcement gave no bands. The bands are then
 * checked by lib/domain/bands.ts (from 0%, no duplicates); every problem is returned.
 */
export type BandLines = { ok: true; bands: TGradingBand[] } | { ok: false; problems: string[] };

const text = vi.adminImports.bandLines;

export function parseBandLines(input: string): BandLines {
  const bands: TGradingBand[] = [];
  const problems: string[] = [];
  input.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === "") return;
    const separator = Math.max(line.lastIndexOf(":"), line.lastIndexOf("\t"));
    const label = separator > 0 ? line.slice(0, separator).trim() : "";
    const decimal = separator > 0 ? parseDecimalText(line.slice(separator + 1).replace(/%\s*$/, "")) : null;
    if (label === "" || decimal === null) {
      problems.push(interpolate(text.badLine, { line: index + 1, text: line }));
      return;
    }
    try {
      bands.push({ label, minPercentThousandths: toThousandths(decimal) });
    } catch {
      problems.push(interpolate(text.tooPrecise, { line: index + 1, value: line.slice(separator + 1).trim() }));
    }
  });
  if (problems.length > 0) return { ok: false, problems };
  if (bands.length === 0) return { ok: true, bands };
  const bandProblems = validateBands(bands);
  return bandProblems.length > 0 ? { ok: false, problems: bandProblems.map((problem) => problem.message) } : { ok: true, bands };
}

/** Bands back as the form's text, highest first: what the form shows by default (last year's). */
export function bandLinesOf(bands: readonly TGradingBand[]): string {
  return [...bands]
    .sort((a, b) => b.minPercentThousandths - a.minPercentThousandths)
    .map((band) => `${band.label}: ${formatThousandths(band.minPercentThousandths).replace(/\.?0+$/, "").replace(".", ",")}`)
    .join("\n");
}
