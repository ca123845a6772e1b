import { describe, expect, it } from "vitest";

import { findBand, storedBand, validateBands } from "@/lib/domain/bands";

const departmentBands = [
  { label: "Nhóm 1", minPercentThousandths: 90_000 },
  { label: "Nhóm 2", minPercentThousandths: 80_000 },
  { label: "Nhóm 3", minPercentThousandths: 0 },
];

describe("findBand", () => {
  it("uses inclusive lower bounds", () => {
    expect(findBand(90_000, departmentBands)?.label).toBe("Nhóm 1");
    expect(findBand(89_990, departmentBands)?.label).toBe("Nhóm 2");
    expect(findBand(0, departmentBands)?.label).toBe("Nhóm 3");
  });

  it("lets two unit types of one year use different bands (Nam Định 2020: districts Nhóm I from 80%)", () => {
    const districtBands = [
      { label: "Nhóm I", minPercentThousandths: 80_000 },
      { label: "Nhóm II", minPercentThousandths: 70_000 },
      { label: "Nhóm III", minPercentThousandths: 0 },
    ];
    expect([findBand(85_000, departmentBands)?.label, findBand(85_000, districtBands)?.label]).toEqual(["Nhóm 2", "Nhóm I"]);
  });
});

describe("validateBands", () => {
  it("accepts bands covering 0–100%", () => {
    expect(validateBands(departmentBands)).toEqual([]);
  });

  it("reports a gap at the bottom, overlaps, duplicates and out-of-range bounds, all at once", () => {
    const problems = validateBands([
      { label: "Xuất sắc", minPercentThousandths: 90_000 },
      { label: "Tốt", minPercentThousandths: 90_000 },
      { label: "Tốt", minPercentThousandths: 70_000 },
      { label: "Quá cao", minPercentThousandths: 100_500 },
    ]);
    expect(problems.map((problem) => problem.code)).toEqual(["DUPLICATE_MIN", "DUPLICATE_LABEL", "MIN_OUT_OF_RANGE", "NO_ZERO_BAND"]);
    expect(problems[0]?.message).toBe("Hai mức xếp loại có cùng ngưỡng dưới 90%.");
    expect(validateBands([]).map((problem) => problem.code)).toEqual(["NO_BANDS"]);
  });
});

describe("storedBand", () => {
  it("reads a stored lower bound (a database decimal) in thousandths of a percent", () => {
    const decimal = (value: number) => ({ toFixed: (digits: number) => value.toFixed(digits) });
    expect(storedBand({ label: "Khá", minPercent: decimal(72.5) })).toEqual({ label: "Khá", minPercentThousandths: 72_500 });
    expect(storedBand({ label: "Trung bình", minPercent: decimal(0) })).toEqual({ label: "Trung bình", minPercentThousandths: 0 });
  });
});
