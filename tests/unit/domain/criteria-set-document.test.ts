import { describe, expect, it } from "vitest";

import {
  checkImportedCriteria,
  criteriaFromJson,
  criteriaFromTemplateRows,
  criteriaSetDocument,
  TEMPLATE_COLUMNS,
  templateHeader,
  templateRows,
  type TemplateColumn,
} from "@/lib/domain/criteria-set-document";
import type { FlatCriterion } from "@/lib/domain/criteria-set-draft";
import { loadReferenceCriteriaSet } from "@/prisma/seed/criteria-set-source";

const reference = loadReferenceCriteriaSet("criteria-set-departments.json");
const UNITS = [...new Set(reference.criteria.flatMap((criterion) => (criterion.appraiserUnitName ? [criterion.appraiserUnitName] : [])))].map((name, index) => ({ id: `unit-${index}`, name }));
const unitId = (name: string | null) => (name ? (UNITS.find((unit) => unit.name === name)?.id ?? null) : null);
const STORED: FlatCriterion[] = reference.criteria.map((criterion) => ({
  id: `id-${criterion.code}`,
  code: criterion.code,
  parentCode: criterion.parentCode,
  title: criterion.title,
  guidance: criterion.guidance,
  section: criterion.section,
  maxPoints: criterion.maxPoints,
  method: criterion.method,
  isEvidenceRequired: criterion.isEvidenceRequired,
  appraiserUnitId: unitId(criterion.appraiserUnitName),
}));
const DOCUMENT = criteriaSetDocument(
  { title: reference.title, year: 2026, unitType: "Sở, ban, ngành", totalMaxPoints: reference.totalMaxPoints },
  STORED,
  new Map(UNITS.map((unit) => [unit.id, unit.name])),
);
const CONTEXT = { appraiserUnits: UNITS, maxBonusPoints: reference.maxBonusPoints, maxPenaltyPoints: reference.maxPenaltyPoints, columnName: templateHeader };
const withoutIds = (criteria: readonly FlatCriterion[]) => criteria.map((criterion) => ({ ...criterion, id: null }));

/** Template rows as the shared reader returns them: trimmed text by column, numbered from 2 (row 1 is the header). */
function asReadRows(rows: (string | number)[][]) {
  return rows.map((cells, index) => ({
    rowNumber: index + 2,
    values: Object.fromEntries(TEMPLATE_COLUMNS.map((column, position) => [column, String(cells[position] ?? "").trim()])) as Record<TemplateColumn, string>,
  }));
}

describe("the portable criteria set", () => {
  it("round-trips the reference set through template rows to the same criteria", () => {
    const read = criteriaFromTemplateRows(asReadRows(templateRows(DOCUMENT)));
    expect(read.problems).toEqual([]);
    const checked = checkImportedCriteria(read.criteria, CONTEXT);
    expect(checked.problems).toEqual([]);
    expect(checked.criteria).toEqual(withoutIds(STORED));
  });

  it("round-trips the reference set through JSON to the same criteria and total", () => {
    const read = criteriaFromJson(JSON.stringify(DOCUMENT));
    expect(read.problems).toEqual([]);
    expect(read.document?.totalMaxPoints).toBe(100);
    const checked = checkImportedCriteria(read.criteria, { ...CONTEXT, totalMaxPoints: 100_000, columnName: (column) => column });
    expect(checked.problems).toEqual([]);
    expect(checked.criteria).toEqual(withoutIds(STORED));
  });

  it("lists every problem of a template file with its row and column, reading errors once", () => {
    const rows = templateRows(DOCUMENT);
    const positions = new Map(rows.map((row, index) => [row[0], index]));
    const at = (code: string) => positions.get(code)!;
    const column = (name: TemplateColumn) => TEMPLATE_COLUMNS.indexOf(name);
    rows[at("1.1.1")]![column("maxPoints")] = "một";
    rows[at("1.1.2")]![column("params")] = "{tiers: [}";
    rows[at("1.2")]![column("section")] = "Phụ";
    rows[at("2.1")]![column("method")] = "GUESS";
    rows[at("1.3")]![column("isEvidenceRequired")] = "Có lẽ";
    rows[at("3.1")]![column("appraiserUnit")] = "Sở Không Tồn Tại";
    rows[at("3.2")]![column("title")] = "";
    rows[at("4")]![column("code")] = "3";
    const read = criteriaFromTemplateRows(asReadRows(rows));
    const checked = checkImportedCriteria(read.criteria, { ...CONTEXT, readProblems: read.problems });
    const row = (code: string) => at(code) + 2;
    const found = checked.problems.map((problem) => [problem.row, problem.column, problem.message]);
    expect(found).toEqual(
      expect.arrayContaining([
        [row("1.1.1"), "Điểm tối đa", "Không phải là số."],
        [row("1.1.2"), "Tham số (JSON)", "Tham số không phải JSON hợp lệ."],
        [row("1.2"), "Phần", "Phần phải là Chính, Điểm thưởng hoặc Điểm trừ."],
        [row("2.1"), "Phương pháp chấm", expect.stringContaining("Phương pháp chấm không hợp lệ")],
        [row("1.3"), "Yêu cầu tài liệu kiểm chứng", "Chỉ ghi Có hoặc Không."],
        [row("3.1"), "Đơn vị thẩm định", 'Không có đơn vị thẩm định tên "Sở Không Tồn Tại".'],
        [row("3.2"), "Tên lĩnh vực, tiêu chí", "Ô này không được để trống."],
        [row("4"), "Mã", "Mã tiêu chí 3 bị trùng."],
        [row("4.1"), "Mã", "Tiêu chí 4.1: không tìm thấy tiêu chí cha 4."],
      ]),
    );
    // Each cell that could not be read is reported once, not again by the rule it then breaks.
    expect(found.filter(([problemRow, problemColumn]) => problemRow === row("1.1.1") && problemColumn === "Điểm tối đa")).toHaveLength(1);
    expect(found.filter(([problemRow]) => problemRow === row("3.1"))).toHaveLength(1);
    // Sorted by row.
    expect(checked.problems.map((problem) => problem.row ?? 0)).toEqual([...checked.problems.map((problem) => problem.row ?? 0)].sort((a, b) => a - b));
  });

  it("reads an empty section from the code and accepts the enum names and yes/no variants", () => {
    const values = (code: string, section: string, evidence: string) => ({ code, title: `Mục ${code}`, section, maxPoints: "1", method: "boolean", params: "", isEvidenceRequired: evidence, appraiserUnit: "Sở Nội vụ", guidance: "" });
    const read = criteriaFromTemplateRows([
      { rowNumber: 2, values: values("1", "", "x") },
      { rowNumber: 3, values: values("T1", "", "không") },
      { rowNumber: 4, values: values("P1", "penalty", "") },
    ]);
    expect(read.problems).toEqual([]);
    expect(read.criteria.map((criterion) => [criterion.section, criterion.isEvidenceRequired, criterion.method, criterion.params])).toEqual([
      ["MAIN", true, "BOOLEAN", {}],
      ["BONUS", false, "BOOLEAN", {}],
      ["PENALTY", false, "BOOLEAN", {}],
    ]);
  });

  it("places a JSON file's problems at the criterion's position and field", () => {
    const broken = structuredClone(DOCUMENT) as unknown as { criteria: Record<string, unknown>[] };
    broken.criteria[2]!.maxPoints = "2";
    broken.criteria[5]!.extra = true;
    const read = criteriaFromJson(JSON.stringify(broken));
    expect(read.document).toBeNull();
    expect(read.problems.map((problem) => [problem.row, problem.column])).toEqual([
      [3, "maxPoints"],
      [6, null],
    ]);
    expect(criteriaFromJson("{ not json").problems).toEqual([{ row: null, column: null, message: "Tệp không phải JSON hợp lệ." }]);
    expect(criteriaFromJson(JSON.stringify({ ...DOCUMENT, version: 2 })).problems).toEqual([{ row: null, column: "version", message: expect.any(String) }]);
  });

  it("checks the sums and method rules of a JSON document, by criterion position", () => {
    const changed = structuredClone(DOCUMENT);
    const index = changed.criteria.findIndex((criterion) => criterion.code === "1.1.1");
    changed.criteria[index]!.params = { options: [{ label: "Chỉ một mức", points: 1 }] };
    const read = criteriaFromJson(JSON.stringify(changed));
    const checked = checkImportedCriteria(read.criteria, { ...CONTEXT, totalMaxPoints: 100_000, columnName: (column) => column });
    expect(checked.problems).toEqual([{ row: index + 1, column: "params", message: expect.stringMatching(/^Tiêu chí 1\.1\.1: phương pháp chấm hoặc tham số không hợp lệ/) }]);
  });
});
