import "server-only";

import { toThousandths } from "@/lib/domain/points";
import { formatPointsFromThousandths, interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

import { buildNameIndex, exactNameKey, type NameIndex, type NameLookup } from "./name-index";
import { parseDecimalText } from "@/lib/domain/decimal-input";

import type { TableColumn, TableRow } from "./read-table";

/**
 * The survey results template (README "Administration — survey and historical results"): one row
 * per agency and SURVEY criterion, with the POINTS the criterion gets (0 to its maximum, at most 3
 * decimals, decimal comma or point) — not a satisfaction percentage: the Department of Home Affairs
 * converts its SIPAS and leaders' survey results into points before announcing them, and points are
 * what the announcement tables and SurveyResult hold. The criterion is named by its code ("8.1.1"),
 * by its survey component (params.survey, e.g. "SIPAS") where that names one criterion of the
 * agency's set, or by its title. The other columns help whoever fills the file and are ignored.
 */
export const SURVEY_COLUMNS: readonly TableColumn[] = [
  { key: "agency", header: "Cơ quan, đơn vị", aliases: ["Đơn vị", "Tên đơn vị", "Agency"], isRequired: true },
  {
    key: "criterion",
    header: "Mã tiêu chí hoặc thành phần khảo sát",
    aliases: ["Mã tiêu chí", "Tiêu chí", "Thành phần khảo sát", "Criterion", "Criterion code", "Survey component"],
    isRequired: true,
  },
  { key: "points", header: "Điểm", aliases: ["Điểm khảo sát", "Giá trị", "Points", "Value"], isRequired: true },
  { key: "title", header: "Tên tiêu chí", aliases: ["Criterion title"], isRequired: false },
  { key: "maxPoints", header: "Điểm tối đa", aliases: ["Max points"], isRequired: false },
  { key: "note", header: "Ghi chú", aliases: ["Note"], isRequired: false },
];

export type SurveyAgency = {
  id: string;
  name: string;
  shortName: string | null;
  slug: string;
  unitTypeId: string;
  unitTypeName: string;
  /** Assessed this year or active during it: chosen when a name also answers agencies of the past. */
  isCurrent: boolean;
};
export type SurveyCriterion = { id: string; code: string; title: string; method: string | null; surveyLabel: string | null; maxThousandths: number };
export type SurveySet = { id: string; unitTypeId: string; unitTypeName: string; criteria: readonly SurveyCriterion[] };

export type SurveyContext = {
  year: number;
  agencies: readonly SurveyAgency[];
  /** The year's criteria sets, in unit type order. */
  sets: readonly SurveySet[];
  /** The year's assessments: the agencies whose survey points finalizing the year requires. */
  assessments: readonly { agencyId: string; criteriaSetId: string }[];
  /** The survey points already stored for the year. */
  existing: readonly { agencyId: string; criterionId: string; thousandths: number }[];
};

export type SurveyRowChange = "NEW" | "REPLACED" | "UNCHANGED";

export type CheckedSurveyRow = {
  rowNumber: number;
  agencyId: string;
  agencyName: string;
  unitTypeName: string;
  criterionId: string;
  criterionCode: string;
  criterionTitle: string;
  thousandths: number;
  maxThousandths: number;
  /** The points stored now for this agency and criterion; null when there are none. */
  previousThousandths: number | null;
  change: SurveyRowChange;
};

export type ImportRowError = { rowNumber: number; messages: string[] };

export type SurveyMissing = { agencyId: string; agencyName: string; unitTypeName: string; codes: string[] };

export type SurveyCheck = {
  /** Rows to store, in file order. */
  rows: CheckedSurveyRow[];
  /** Rows whose points cell is blank: nothing is imported for them (a partly filled template). */
  skippedRowNumbers: number[];
  /** Every problem of every row, in file order; nothing may be stored while there is one. */
  errors: ImportRowError[];
  /** Assessed agencies whose SURVEY criteria would still have no points after this import. */
  missing: SurveyMissing[];
};

const text = vi.adminImports.surveyRows;
const rowText = vi.adminImports.rowProblems;
const vietnameseOrder = new Intl.Collator("vi");

type IndexedSet = SurveySet & {
  byCode: Map<string, SurveyCriterion>;
  byLabel: NameIndex<SurveyCriterion>;
  byTitle: NameIndex<SurveyCriterion>;
};

/** Checks every row of a survey file against the year's agencies and criteria sets; pure. */
export function checkSurveyRows(tableRows: readonly TableRow[], context: SurveyContext): SurveyCheck {
  const agencies = buildNameIndex(context.agencies, (agency) => [agency.name, agency.shortName, agency.slug]);
  const sets: IndexedSet[] = context.sets.map((set) => ({
    ...set,
    byCode: new Map(set.criteria.map((criterion) => [exactNameKey(criterion.code), criterion])),
    byLabel: buildNameIndex(
      set.criteria.filter((criterion) => criterion.method === "SURVEY"),
      (criterion) => [criterion.surveyLabel],
    ),
    byTitle: buildNameIndex(set.criteria, (criterion) => [criterion.title]),
  }));
  const setById = new Map(sets.map((set) => [set.id, set]));
  const assessedSet = new Map(context.assessments.map((assessment) => [assessment.agencyId, assessment.criteriaSetId]));
  const existing = new Map(context.existing.map((row) => [pairKey(row.agencyId, row.criterionId), row.thousandths]));

  const rows: CheckedSurveyRow[] = [];
  const skippedRowNumbers: number[] = [];
  const errors: ImportRowError[] = [];
  const firstRowOfPair = new Map<string, number>();

  for (const tableRow of tableRows) {
    const { agency: agencyText, criterion: criterionText, points: pointsText } = tableRow.values as Record<"agency" | "criterion" | "points", string>;
    const messages: string[] = [];

    // The agency, and the set it is scored against this year.
    let agency: SurveyAgency | null = null;
    let set: IndexedSet | null = null;
    if (agencyText === "") {
      messages.push(rowText.agencyMissing);
    } else {
      const found = preferCurrent(agencies.lookup(agencyText));
      if (found.kind === "none") messages.push(interpolate(rowText.agencyUnknown, { name: agencyText }));
      else if (found.kind === "ambiguous") messages.push(interpolate(rowText.agencyAmbiguous, { name: agencyText, slugs: found.items.map((item) => item.slug).join(", ") }));
      else agency = found.item;
    }
    if (agency) {
      const assessed = assessedSet.get(agency.id);
      set = (assessed ? setById.get(assessed) : undefined) ?? sets.find((candidate) => candidate.unitTypeId === agency!.unitTypeId) ?? null;
    }

    // The criterion, looked up in the agency's set when the agency is known.
    let criterion: SurveyCriterion | null = null;
    if (criterionText === "") {
      messages.push(text.criterionMissing);
    } else if (agency && !set) {
      messages.push(interpolate(text.noCriteriaSet, { year: context.year, agency: agency.name, unitType: agency.unitTypeName }));
    } else if (agency && set) {
      const found = findCriterion(set, criterionText);
      if (found.kind === "found") {
        if (found.item.method === "SURVEY") criterion = found.item;
        else messages.push(interpolate(text.criterionNotSurvey, { code: found.item.code, unitType: set.unitTypeName }));
      } else if (found.kind === "ambiguous") {
        messages.push(interpolate(text.criterionAmbiguous, { criterion: criterionText, codes: found.items.map((item) => item.code).join(", "), unitType: set.unitTypeName }));
      } else {
        const elsewhere = sets.filter((other) => other !== set && findCriterion(other, criterionText).kind !== "none");
        messages.push(
          elsewhere.length > 0
            ? interpolate(text.criterionOtherUnitType, {
                criterion: criterionText,
                otherUnitTypes: elsewhere.map((other) => other.unitTypeName).join(", "),
                agency: agency.name,
                unitType: set.unitTypeName,
              })
            : interpolate(text.criterionUnknown, { criterion: criterionText, year: context.year }),
        );
      }
    } else if (!sets.some((candidate) => findCriterion(candidate, criterionText).kind !== "none")) {
      // The agency is unknown, but a criterion no set has is worth saying too.
      messages.push(interpolate(text.criterionUnknown, { criterion: criterionText, year: context.year }));
    }

    // The points.
    let thousandths: number | null = null;
    if (pointsText !== "") {
      const decimal = parseDecimalText(pointsText);
      if (decimal === null) {
        messages.push(interpolate(text.pointsNotNumber, { value: pointsText }));
      } else {
        let parsed: number | null = null;
        try {
          parsed = toThousandths(decimal);
        } catch {
          messages.push(interpolate(text.pointsTooPrecise, { value: pointsText }));
        }
        if (parsed !== null && (parsed < 0 || (criterion !== null && parsed > criterion.maxThousandths))) {
          messages.push(
            criterion
              ? interpolate(text.pointsOutOfRange, { value: pointsText, max: formatPointsFromThousandths(criterion.maxThousandths), code: criterion.code })
              : interpolate(text.pointsNegative, { value: pointsText }),
          );
        } else if (parsed !== null) {
          thousandths = parsed;
        }
      }
    }

    // The same agency and criterion twice: which value counts would be a guess.
    if (agency && criterion && pointsText !== "") {
      const key = pairKey(agency.id, criterion.id);
      const first = firstRowOfPair.get(key);
      if (first !== undefined) messages.push(interpolate(text.duplicate, { row: first }));
      else firstRowOfPair.set(key, tableRow.rowNumber);
    }

    if (messages.length > 0) {
      errors.push({ rowNumber: tableRow.rowNumber, messages });
      continue;
    }
    if (pointsText === "") {
      skippedRowNumbers.push(tableRow.rowNumber);
      continue;
    }
    const previous = existing.get(pairKey(agency!.id, criterion!.id)) ?? null;
    rows.push({
      rowNumber: tableRow.rowNumber,
      agencyId: agency!.id,
      agencyName: agency!.name,
      unitTypeName: set!.unitTypeName,
      criterionId: criterion!.id,
      criterionCode: criterion!.code,
      criterionTitle: criterion!.title,
      thousandths: thousandths!,
      maxThousandths: criterion!.maxThousandths,
      previousThousandths: previous,
      change: previous === null ? "NEW" : previous === thousandths ? "UNCHANGED" : "REPLACED",
    });
  }

  return { rows, skippedRowNumbers, errors, missing: missingAfter(context, rows) };
}

/** A name shared with merged or dissolved agencies means the one scored this year, if just one is. */
function preferCurrent(found: NameLookup<SurveyAgency>): NameLookup<SurveyAgency> {
  if (found.kind !== "ambiguous") return found;
  const current = found.items.filter((agency) => agency.isCurrent);
  return current.length === 1 ? { kind: "found", item: current[0]! } : found;
}

function findCriterion(set: IndexedSet, criterionText: string): NameLookup<SurveyCriterion> {
  const byCode = set.byCode.get(exactNameKey(criterionText));
  if (byCode) return { kind: "found", item: byCode };
  const byLabel = set.byLabel.lookup(criterionText);
  return byLabel.kind !== "none" ? byLabel : set.byTitle.lookup(criterionText);
}

/** What finalizing the year would still refuse for want of survey points, were these rows stored. */
function missingAfter(context: SurveyContext, rows: readonly CheckedSurveyRow[]): SurveyMissing[] {
  const has = new Set([...context.existing.map((row) => pairKey(row.agencyId, row.criterionId)), ...rows.map((row) => pairKey(row.agencyId, row.criterionId))]);
  const agencyById = new Map(context.agencies.map((agency) => [agency.id, agency]));
  const setOrder = new Map(context.sets.map((set, index) => [set.id, index]));
  const missing: { agency: SurveyMissing; order: number }[] = [];
  for (const assessment of context.assessments) {
    const set = context.sets.find((candidate) => candidate.id === assessment.criteriaSetId);
    const agency = agencyById.get(assessment.agencyId);
    if (!set || !agency) continue;
    const codes = set.criteria.filter((criterion) => criterion.method === "SURVEY" && !has.has(pairKey(agency.id, criterion.id))).map((criterion) => criterion.code);
    if (codes.length > 0) missing.push({ agency: { agencyId: agency.id, agencyName: agency.name, unitTypeName: set.unitTypeName, codes }, order: setOrder.get(set.id) ?? 0 });
  }
  return missing.sort((a, b) => a.order - b.order || vietnameseOrder.compare(a.agency.agencyName, b.agency.agencyName)).map((entry) => entry.agency);
}

function pairKey(agencyId: string, criterionId: string): string {
  return `${agencyId}\u0000${criterionId}`;
}
