import "server-only";

import { toThousandths } from "@/lib/domain/points";
import type { PublishedFigures } from "@/lib/domain/imported-results";
import { formatPointsFromThousandths, interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

import { buildNameIndex, exactNameKey, type NameLookup } from "./name-index";
import { parseDecimalText } from "@/lib/domain/decimal-input";

import type { TableColumn, TableRow } from "./read-table";

/**
 * The historical results template (README "Administration — survey and historical results"): one
 * row per agency of a past announcement, with its unit type (rankings are per unit type), the points
 * and the maximum; optionally the index %, rank and band the announcement published, which the app
 * compares with what it computes. The announcement's number and date, the precision and the bands
 * are entered in the form, not in the file.
 */
export const HISTORY_COLUMNS: readonly TableColumn[] = [
  { key: "agency", header: "Cơ quan, đơn vị", aliases: ["Đơn vị", "Tên đơn vị", "Agency"], isRequired: true },
  { key: "unitType", header: "Loại đơn vị", aliases: ["Khối", "Nhóm đơn vị", "Unit type"], isRequired: true },
  { key: "points", header: "Điểm đạt được", aliases: ["Điểm", "Tổng điểm", "Points"], isRequired: true },
  { key: "maxPoints", header: "Điểm tối đa", aliases: ["Max points"], isRequired: true },
  { key: "publishedPercent", header: "Chỉ số (%) công bố", aliases: ["Chỉ số", "Chỉ số (%)", "Chỉ số %", "Published index", "Published percent"], isRequired: false },
  { key: "publishedRank", header: "Xếp hạng công bố", aliases: ["Xếp hạng", "Thứ hạng", "Hạng", "Published rank"], isRequired: false },
  { key: "publishedBand", header: "Xếp loại công bố", aliases: ["Xếp loại", "Published band"], isRequired: false },
];

export type HistoryAgency = { id: string; name: string; shortName: string | null; slug: string; unitTypeId: string; isRanked: boolean };
export type HistoryUnitType = { id: string; code: string; name: string };

export type HistoryContext = {
  agencies: readonly HistoryAgency[];
  /** In display order. */
  unitTypes: readonly HistoryUnitType[];
  /** Whether agencies named by the file but unknown are to be created (else each is a row error). */
  isCreatingAgencies: boolean;
};

export type HistoryEntry = {
  rowNumber: number;
  /** An agency of the database, or one the import creates (name and unit type from the file). */
  agency: { kind: "existing"; id: string; name: string; slug: string; isRanked: boolean } | { kind: "new"; name: string };
  unitTypeId: string;
  unitTypeName: string;
  totalThousandths: number;
  maxThousandths: number;
  published: PublishedFigures;
};

export type HistoryCheck = {
  entries: HistoryEntry[];
  errors: { rowNumber: number; messages: string[] }[];
};

const text = vi.adminImports.historyRows;
const rowText = vi.adminImports.rowProblems;

/** Checks every row of a past announcement against the agencies and unit types; pure. */
export function checkHistoryRows(tableRows: readonly TableRow[], context: HistoryContext): HistoryCheck {
  const agencies = buildNameIndex(context.agencies, (agency) => [agency.name, agency.shortName, agency.slug]);
  const unitTypes = buildNameIndex(context.unitTypes, (unitType) => [unitType.name, unitType.code]);
  const entries: HistoryEntry[] = [];
  const errors: HistoryCheck["errors"] = [];
  const firstRowOf = new Map<string, number>();

  for (const tableRow of tableRows) {
    const values = tableRow.values as Record<"agency" | "unitType" | "points" | "maxPoints" | "publishedPercent" | "publishedRank" | "publishedBand", string>;
    const messages: string[] = [];

    let unitType: HistoryUnitType | null = null;
    if (values.unitType === "") {
      messages.push(text.unitTypeMissing);
    } else {
      const found = unitTypes.lookup(values.unitType);
      if (found.kind === "found") unitType = found.item;
      else messages.push(interpolate(text.unitTypeUnknown, { name: values.unitType, names: context.unitTypes.map((candidate) => candidate.name).join("; ") }));
    }

    let agency: HistoryEntry["agency"] | null = null;
    if (values.agency === "") {
      messages.push(rowText.agencyMissing);
    } else {
      const found = preferUnitType(agencies.lookup(values.agency), unitType);
      if (found.kind === "found") agency = { kind: "existing", id: found.item.id, name: found.item.name, slug: found.item.slug, isRanked: found.item.isRanked };
      else if (found.kind === "ambiguous") messages.push(interpolate(rowText.agencyAmbiguous, { name: values.agency, slugs: found.items.map((item) => item.slug).join(", ") }));
      else if (context.isCreatingAgencies) agency = { kind: "new", name: values.agency.replace(/\s+/g, " ") };
      else messages.push(interpolate(text.agencyUnknownNotCreated, { name: values.agency }));
    }
    if (agency) {
      const key = agency.kind === "existing" ? agency.id : `new:${exactNameKey(agency.name)}`;
      const first = firstRowOf.get(key);
      if (first !== undefined) messages.push(interpolate(text.duplicateAgency, { agency: agency.name, row: first }));
      else firstRowOf.set(key, tableRow.rowNumber);
    }

    const points = decimalOf(values.points, text.columns.points, messages, true);
    const max = decimalOf(values.maxPoints, text.columns.maxPoints, messages, true);
    if (points !== null && points < 0) messages.push(interpolate(text.pointsNegative, { value: values.points }));
    if (max !== null && max <= 0) messages.push(text.maxNotPositive);
    if (points !== null && max !== null && max > 0 && points > max) {
      messages.push(interpolate(text.pointsAboveMax, { points: formatPointsFromThousandths(points), max: formatPointsFromThousandths(max) }));
    }
    const percentText = values.publishedPercent.replace(/\s*%$/, "");
    const percent = decimalOf(percentText, text.columns.publishedPercent, messages, false);
    if (percent !== null && (percent < 0 || percent > 100_000)) messages.push(interpolate(text.percentOutOfRange, { value: values.publishedPercent }));
    let rank: number | null = null;
    if (values.publishedRank !== "") {
      if (/^\d+$/.test(values.publishedRank) && Number(values.publishedRank) > 0 && Number.isSafeInteger(Number(values.publishedRank))) rank = Number(values.publishedRank);
      else messages.push(interpolate(text.rankInvalid, { value: values.publishedRank }));
    }

    if (messages.length > 0) {
      errors.push({ rowNumber: tableRow.rowNumber, messages });
      continue;
    }
    entries.push({
      rowNumber: tableRow.rowNumber,
      agency: agency!,
      unitTypeId: unitType!.id,
      unitTypeName: unitType!.name,
      totalThousandths: points!,
      maxThousandths: max!,
      published: { percentThousandths: percent, rank, bandLabel: values.publishedBand === "" ? null : values.publishedBand },
    });
  }
  return { entries, errors };
}

/** Two agencies of one name (a department and a district office, say): the one of the row's unit type. */
function preferUnitType(found: NameLookup<HistoryAgency>, unitType: HistoryUnitType | null): NameLookup<HistoryAgency> {
  if (found.kind !== "ambiguous" || unitType === null) return found;
  const same = found.items.filter((agency) => agency.unitTypeId === unitType.id);
  return same.length === 1 ? { kind: "found", item: same[0]! } : found;
}

/** A decimal cell in thousandths; null (with a message when it was required or malformed) otherwise. */
function decimalOf(cell: string, column: string, messages: string[], isRequired: boolean): number | null {
  if (cell === "") {
    if (isRequired) messages.push(interpolate(text.valueMissing, { column }));
    return null;
  }
  const decimal = parseDecimalText(cell);
  if (decimal === null) {
    messages.push(interpolate(text.notNumber, { column: capitalize(column), value: cell }));
    return null;
  }
  try {
    return toThousandths(decimal);
  } catch {
    messages.push(interpolate(text.tooPrecise, { column: capitalize(column), value: cell }));
    return null;
  }
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
