import { describe, expect, it } from "vitest";

import { appraisalChange, compareDomains, parseDomainBreakdown } from "@/lib/domain/agency-profile";

describe("parseDomainBreakdown", () => {
  it("reads the engine's breakdown in thousandths, ignoring the title it may carry", () => {
    expect(parseDomainBreakdown([{ code: "1", title: "Chỉ đạo, điều hành", points: "7.160", maxPoints: "10.000" }, { code: "2", points: "0", maxPoints: "0.000" }])).toEqual([
      { code: "1", pointsThousandths: 7160, maxThousandths: 10000 },
      { code: "2", pointsThousandths: 0, maxThousandths: 0 },
    ]);
  });

  it("gives null for a result without a breakdown (imported years) and refuses a malformed one", () => {
    expect(parseDomainBreakdown(null)).toBeNull();
    expect(() => parseDomainBreakdown([{ code: "1", points: 7.16, maxPoints: "10" }])).toThrow();
  });
});

describe("compareDomains", () => {
  const average = (code: string, text: string, thousandths: number) => ({ code, agencyCount: 3, averagePoints: null, averagePercent: { text, thousandths } });

  it("rounds the agency's domain % half-up at the year's precision and subtracts the rounded average", () => {
    // 2/3 = 66.666…% → 66.67 at 2 decimals, 66.667 at 3; 1/8 = 12.5% exactly.
    const [first, second] = compareDomains(
      [
        { code: "1", pointsThousandths: 2000, maxThousandths: 3000 },
        { code: "2", pointsThousandths: 1000, maxThousandths: 8000 },
      ],
      [average("1", "70.00", 70000), average("2", "12.00", 12000)],
      2,
    );
    expect(first).toMatchObject({ percent: { text: "66.67", thousandths: 66670 }, differenceThousandths: -3330 });
    expect(second).toMatchObject({ percent: { text: "12.50", thousandths: 12500 }, differenceThousandths: 500 });
    expect(compareDomains([{ code: "1", pointsThousandths: 2000, maxThousandths: 3000 }], [], 3)[0]).toMatchObject({
      percent: { text: "66.667", thousandths: 66667 },
      averagePercent: null,
      differenceThousandths: null,
    });
  });

  it("has no % for a domain whose criteria were all excluded from the agency's maximum", () => {
    expect(compareDomains([{ code: "4", pointsThousandths: 0, maxThousandths: 0 }], [average("4", "80.00", 80000)], 2)[0]).toMatchObject({
      percent: null,
      differenceThousandths: null,
    });
  });
});

describe("appraisalChange", () => {
  const none = { selfThousandths: 2000, round1Thousandths: null, round1Reason: null, round2Thousandths: null, round2Reason: null };

  it("is null when no appraiser changed the self score", () => {
    expect(appraisalChange(none)).toBeNull();
    expect(appraisalChange({ ...none, round1Thousandths: 2000, round1Reason: "Đạt." })).toBeNull();
  });

  it("gives round 1's points and reason when there was no round 2", () => {
    expect(appraisalChange({ ...none, round1Thousandths: 1500, round1Reason: "Thiếu tài liệu kiểm chứng." })).toEqual({
      selfThousandths: 2000,
      appraisedThousandths: 1500,
      reason: "Thiếu tài liệu kiểm chứng.",
    });
  });

  it("follows round 2: none when it restored the self score, its own reason when it changed it again", () => {
    const lowered = { ...none, round1Thousandths: 1500, round1Reason: "Thiếu tài liệu kiểm chứng." };
    expect(appraisalChange({ ...lowered, round2Thousandths: 2000, round2Reason: "Chấp nhận giải trình." })).toBeNull();
    expect(appraisalChange({ ...lowered, round2Thousandths: 1750, round2Reason: "Chấp nhận một phần giải trình." })).toEqual({
      selfThousandths: 2000,
      appraisedThousandths: 1750,
      reason: "Chấp nhận một phần giải trình.",
    });
    expect(appraisalChange({ ...lowered, round2Thousandths: 1750, round2Reason: "  " })?.reason).toBeNull();
  });

  it("is null for a criterion without a self score (survey points are imported, not appraised)", () => {
    expect(appraisalChange({ ...none, selfThousandths: null, round1Thousandths: 1000 })).toBeNull();
  });
});
