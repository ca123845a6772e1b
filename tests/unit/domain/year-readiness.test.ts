import { describe, expect, it } from "vitest";

import type { CriterionDefinition } from "@/lib/domain/criteria-tree";
import { toThousandths } from "@/lib/domain/points";
import {
  checkLeavingSetup,
  checkOneOpenYear,
  checkReopeningSelfAssessment,
  checkStartingAppraisal,
  checkStartingExplanation,
  type UnitTypeSetup,
} from "@/lib/domain/year-readiness";

type Criterion = CriterionDefinition & { appraiserUnitId: string | null };

const criterion = (code: string, parentCode: string | null, max: number, method: unknown, appraiserUnitId: string | null, section: Criterion["section"] = "MAIN"): Criterion => ({
  code,
  parentCode,
  title: `Tiêu chí ${code}`,
  section,
  maxPoints: toThousandths(max),
  method,
  appraiserUnitId,
});
const yesNo = { method: "BOOLEAN", params: {} };
const survey = { method: "SURVEY", params: { survey: "SIPAS" } };
const bands = [
  { label: "Tốt", minPercentThousandths: 80_000 },
  { label: "Khá", minPercentThousandths: 0 },
];
const validSet = [
  criterion("1", null, 2, null, null),
  criterion("1.1", "1", 1, yesNo, "snv"),
  criterion("1.2", "1", 1, yesNo, "stp"),
  criterion("2", null, 1, survey, null),
  criterion("T1", null, 1, yesNo, "snv", "BONUS"),
];
const departments = (overrides: Partial<UnitTypeSetup> = {}): UnitTypeSetup => ({
  name: "Sở, ban, ngành",
  activeAgencies: 16,
  criteriaSet: { totalMaxPoints: toThousandths(3), criteria: validSet },
  bands,
  ...overrides,
});
const NOW = new Date("2026-12-01T09:00:00+07:00");
const setupFacts = { year: 2026, maxBonusPoints: toThousandths(1), maxPenaltyPoints: toThousandths(1), selfAssessmentDeadline: new Date("2027-01-15T23:59:59.999+07:00"), now: NOW };

describe("checkLeavingSetup", () => {
  it("passes a year whose assessed unit types have a valid set, assigned leaves and bands, with a deadline ahead", () => {
    expect(checkLeavingSetup({ ...setupFacts, unitTypes: [departments()] })).toEqual([]);
  });

  it("lists every problem of every unit type with active agencies, and of the deadline", () => {
    const problems = checkLeavingSetup({
      ...setupFacts,
      selfAssessmentDeadline: null,
      unitTypes: [
        departments({
          criteriaSet: { totalMaxPoints: toThousandths(4), criteria: [validSet[0]!, { ...validSet[1]!, appraiserUnitId: null }, validSet[2]!, validSet[3]!] },
          bands: [{ label: "Tốt", minPercentThousandths: 80_000 }],
        }),
        { name: "UBND cấp xã", activeAgencies: 12, criteriaSet: null, bands: [] },
        // No active agency: nobody is assessed against it, so it is not checked.
        { name: "UBND cấp huyện", activeAgencies: 0, criteriaSet: null, bands: [] },
      ],
    });
    expect(problems).toEqual([
      { subject: "Sở, ban, ngành", message: "Tổng điểm tối đa của bộ chỉ số là 4 nhưng tổng các lĩnh vực là 3." },
      { subject: "Sở, ban, ngành", message: "Các tiêu chí chưa có đơn vị thẩm định: 1.1." },
      { subject: "Sở, ban, ngành", message: "Xếp loại: Các mức xếp loại phải phủ từ 0%: mức thấp nhất cần có ngưỡng dưới 0%." },
      { subject: "UBND cấp xã", message: "Chưa có bộ chỉ số năm 2026 cho 12 đơn vị đang hoạt động của khối." },
      { subject: "UBND cấp xã", message: "Xếp loại: Chưa có mức xếp loại nào." },
      { subject: "Thời hạn", message: "Chưa đặt hạn kết thúc giai đoạn Tự đánh giá." },
    ]);
  });

  it("refuses a self-assessment deadline already passed, and a province with nobody to assess", () => {
    expect(checkLeavingSetup({ ...setupFacts, unitTypes: [departments({ activeAgencies: 0 })], selfAssessmentDeadline: new Date("2026-12-01T08:00:00+07:00") })).toEqual([
      { subject: "Kỳ đánh giá", message: "Chưa có cơ quan, đơn vị nào đang hoạt động để đánh giá." },
      { subject: "Thời hạn", message: "Hạn tự đánh giá (01/12/2026) đã qua: đặt hạn mới trước khi mở tự đánh giá." },
    ]);
  });
});

describe("checkStartingAppraisal", () => {
  const deadline = new Date("2027-01-15T23:59:59.999+07:00");
  const appraisalDeadline = new Date("2027-02-10T23:59:59.999+07:00");

  it("needs the appraisal deadline", () => {
    expect(checkStartingAppraisal({ selfAssessmentDeadline: deadline, appraisalDeadline: null, notSubmitted: [], now: new Date("2027-01-16T08:00:00+07:00") })).toEqual([
      { subject: "Thời hạn", message: "Chưa đặt hạn kết thúc giai đoạn Thẩm định." },
    ]);
  });

  it("before the self-assessment deadline, waits for every agency to submit; after it, does not", () => {
    const early = new Date("2027-01-15T23:59:59.999+07:00");
    expect(checkStartingAppraisal({ selfAssessmentDeadline: deadline, appraisalDeadline, notSubmitted: ["Sở Y tế", "Xã Kim Liên"], now: early })).toEqual([
      { subject: "Thời hạn", message: "Hạn tự đánh giá (15/01/2027) chưa qua và còn 2 đơn vị chưa gửi kết quả tự đánh giá: Sở Y tế, Xã Kim Liên." },
    ]);
    expect(checkStartingAppraisal({ selfAssessmentDeadline: deadline, appraisalDeadline, notSubmitted: [], now: early })).toEqual([]);
    expect(checkStartingAppraisal({ selfAssessmentDeadline: deadline, appraisalDeadline, notSubmitted: ["Sở Y tế"], now: new Date(early.getTime() + 1) })).toEqual([]);
  });
});

describe("checkStartingExplanation", () => {
  it("needs the explanation deadline and names each agency whose extension would be cut short", () => {
    expect(checkStartingExplanation({ explanationDeadline: new Date("2027-02-20T23:59:59+07:00"), runningExtensions: [] })).toEqual([]);
    expect(checkStartingExplanation({ explanationDeadline: null, runningExtensions: [{ agencyName: "Sở Y tế", until: new Date("2027-02-01T23:59:59+07:00") }] })).toEqual([
      { subject: "Thời hạn", message: "Chưa đặt hạn kết thúc giai đoạn Giải trình." },
      { subject: "Sở Y tế", message: "Được gia hạn tự đánh giá đến 01/02/2027; chuyển sang giai đoạn giải trình sẽ chấm dứt gia hạn này." },
    ]);
  });
});

describe("checkReopeningSelfAssessment", () => {
  it("needs a self-assessment deadline still ahead, or the reopening would give nobody time", () => {
    const deadline = new Date("2027-01-15T23:59:59.999+07:00");
    expect(checkReopeningSelfAssessment({ selfAssessmentDeadline: deadline, now: new Date("2027-01-10T08:00:00+07:00") })).toEqual([]);
    expect(checkReopeningSelfAssessment({ selfAssessmentDeadline: deadline, now: new Date("2027-01-20T08:00:00+07:00") })).toEqual([
      { subject: "Thời hạn", message: "Hạn tự đánh giá (15/01/2027) đã qua: đặt hạn mới trước khi mở lại giai đoạn tự đánh giá." },
    ]);
  });
});

describe("checkOneOpenYear", () => {
  it("names every other open year: the workspaces show only one", () => {
    expect(checkOneOpenYear([])).toEqual([]);
    expect(checkOneOpenYear([{ year: 2026, phase: "APPRAISAL" }])).toEqual([
      { subject: "Kỳ đánh giá năm 2026", message: "Đang ở giai đoạn Thẩm định. Các khu vực làm việc chỉ mở một kỳ đánh giá tại một thời điểm: hãy chốt kết quả kỳ đó trước." },
    ]);
  });
});
