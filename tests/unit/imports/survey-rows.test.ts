import { describe, expect, it } from "vitest";

import type { TableRow } from "@/lib/imports/read-table";
import { checkSurveyRows, type SurveyContext } from "@/lib/imports/survey-rows";

// The row checks against a small in-memory year: one set with two survey components, one of them
// named by a single criterion (so its label identifies it) and one by two.
const context: SurveyContext = {
  year: 2026,
  agencies: [
    { id: "a1", name: "Sở Y tế", shortName: "SYT", slug: "so-y-te", unitTypeId: "dept", unitTypeName: "Sở, ban, ngành", isCurrent: true },
    { id: "a2", name: "Sở Tư pháp", shortName: null, slug: "so-tu-phap", unitTypeId: "dept", unitTypeName: "Sở, ban, ngành", isCurrent: true },
    { id: "a3", name: "Sở Tư pháp", shortName: null, slug: "so-tu-phap-cu", unitTypeId: "dept", unitTypeName: "Sở, ban, ngành", isCurrent: false },
  ],
  sets: [
    {
      id: "set",
      unitTypeId: "dept",
      unitTypeName: "Sở, ban, ngành",
      criteria: [
        { id: "c1", code: "1.6", title: "Vai trò người đứng đầu", method: "SURVEY", surveyLabel: "Khảo sát lãnh đạo", maxThousandths: 1000 },
        { id: "c2", code: "8.1.1", title: "Hài lòng về tiếp cận dịch vụ", method: "SURVEY", surveyLabel: "SIPAS", maxThousandths: 2500 },
        { id: "c3", code: "8.1.2", title: "Hài lòng về thủ tục hành chính", method: "SURVEY", surveyLabel: "SIPAS", maxThousandths: 2500 },
        { id: "c4", code: "1.2", title: "Ban hành kế hoạch", method: "MANUAL", surveyLabel: null, maxThousandths: 1000 },
      ],
    },
  ],
  assessments: [
    { agencyId: "a1", criteriaSetId: "set" },
    { agencyId: "a2", criteriaSetId: "set" },
  ],
  existing: [
    { agencyId: "a1", criterionId: "c2", thousandths: 2000 },
    { agencyId: "a2", criterionId: "c1", thousandths: 900 },
  ],
};

const rows = (...cells: [string, string, string][]): TableRow[] =>
  cells.map(([agency, criterion, points], index) => ({ rowNumber: index + 2, values: { agency, criterion, points, title: "", maxPoints: "", note: "" } }));

describe("checkSurveyRows", () => {
  it("finds a criterion by code, by a survey component naming one criterion, or by title", () => {
    const check = checkSurveyRows(rows(["SYT", "khảo sát lãnh đạo", "0,8"], ["Sở Y tế", "Hài lòng về thủ tục hành chính", "2"], ["so-y-te", "8.1.1", "2"]), context);
    expect(check.errors).toEqual([]);
    expect(check.rows.map((row) => [row.criterionCode, row.thousandths, row.previousThousandths, row.change])).toEqual([
      ["1.6", 800, null, "NEW"],
      ["8.1.2", 2000, null, "NEW"],
      ["8.1.1", 2000, 2000, "UNCHANGED"],
    ]);
  });

  it("refuses a title that names a criterion not scored by survey, and a component of several criteria", () => {
    const check = checkSurveyRows(rows(["Sở Y tế", "Ban hành kế hoạch", "1"], ["Sở Y tế", "sipas", "1"]), context);
    expect(check.errors).toEqual([
      { rowNumber: 2, messages: ["Tiêu chí 1.2 của bộ chỉ số Sở, ban, ngành không chấm qua điều tra xã hội học nên không nhập điểm khảo sát được."] },
      { rowNumber: 3, messages: ["“sipas” ứng với nhiều tiêu chí (8.1.1, 8.1.2) của bộ chỉ số Sở, ban, ngành: hãy ghi mã tiêu chí."] },
    ]);
  });

  it("takes the agency of this year when a name is shared with one of the past", () => {
    const check = checkSurveyRows(rows(["Sở Tư pháp", "1.6", "1"]), context);
    expect(check.rows.map((row) => [row.agencyId, row.previousThousandths, row.change])).toEqual([["a2", 900, "REPLACED"]]);
  });

  it("accepts 0 and the maximum, with up to 3 decimals", () => {
    const check = checkSurveyRows(rows(["Sở Y tế", "1.6", "0"], ["Sở Y tế", "8.1.2", "2,500"], ["Sở Tư pháp", "8.1.1", "1.125"]), context);
    expect(check.errors).toEqual([]);
    expect(check.rows.map((row) => row.thousandths)).toEqual([0, 2500, 1125]);
  });

  it("lists what each assessed agency still misses, counting what is stored and what the file brings", () => {
    const check = checkSurveyRows(rows(["Sở Y tế", "1.6", "1"], ["Sở Tư pháp", "8.1.2", ""]), context);
    expect(check.skippedRowNumbers).toEqual([3]);
    expect(check.missing).toEqual([
      { agencyId: "a2", agencyName: "Sở Tư pháp", unitTypeName: "Sở, ban, ngành", codes: ["8.1.1", "8.1.2"] },
      { agencyId: "a1", agencyName: "Sở Y tế", unitTypeName: "Sở, ban, ngành", codes: ["8.1.2"] },
    ]);
  });
});
