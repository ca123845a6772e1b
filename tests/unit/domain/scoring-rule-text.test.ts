import { describe, expect, it } from "vitest";

import { describeScoringRule } from "@/lib/domain/scoring-rule-text";

describe("describeScoringRule", () => {
  it("states tiered rates highest first, with the share below the lowest threshold and the no-data rule", () => {
    const text = describeScoringRule(
      {
        method: "TIERED_RATE",
        params: {
          numeratorLabel: "Số hồ sơ đúng hạn",
          denominatorLabel: "Tổng số hồ sơ",
          whenNoData: "FULL_POINTS",
          tiers: [
            { minRate: 0.7, points: 1 },
            { minRate: 1, points: 2 },
            { minRate: 0.955, points: 1.5 },
            { minRate: 0, points: 0 },
          ],
        },
      },
      2_000,
    );
    expect(text).toBe(
      "Tỷ lệ = Số hồ sơ đúng hạn ÷ Tổng số hồ sơ: từ 100%: 2 điểm; từ 95,5%: 1,5 điểm; từ 70%: 1 điểm; dưới 70%: 0 điểm. Không phát sinh (mẫu số bằng 0): được điểm tối đa.",
    );
  });

  it("adds the zero tier when the lowest threshold is above the floor", () => {
    const text = describeScoringRule({ method: "TIERED_COUNT", params: { countLabel: "số tin, bài", tiers: [{ minCount: 4, points: 1 }, { minCount: 2, points: 0.5 }] } }, 1_000);
    expect(text).toBe("Theo số tin, bài: từ 4: 1 điểm; từ 2: 0,5 điểm; dưới 2: 0 điểm.");
  });

  it("describes every other method from its parameters and the criterion's maximum", () => {
    expect(describeScoringRule({ method: "MANUAL", params: { step: 0.25 } }, 1_500)).toBe("Chấm từ 0 đến 1,5 điểm, theo bước 0,25 điểm.");
    expect(describeScoringRule({ method: "BOOLEAN", params: {} }, 1_000)).toBe("Đạt: 1 điểm; không đạt: 0 điểm.");
    expect(
      describeScoringRule({ method: "CATEGORICAL", params: { options: [{ label: "Đúng hạn", points: 1 }, { label: "Chậm", points: 0.5 }] } }, 1_000),
    ).toBe("Chọn một mức: Đúng hạn: 1 điểm; Chậm: 0,5 điểm.");
    expect(
      describeScoringRule({ method: "PROPORTIONAL_RATE", params: { numeratorLabel: "A", denominatorLabel: "B", whenNoData: "EXCLUDED_FROM_MAXIMUM" } }, 1_500),
    ).toBe("Điểm = 1,5 × A ÷ B. Không phát sinh (mẫu số bằng 0): không tính vào điểm tối đa.");
    expect(describeScoringRule({ method: "DEDUCTION", params: { countLabel: "số hồ sơ trễ hạn", pointsPerOccurrence: 0.25 } }, 1_000)).toBe(
      "Trừ 0,25 điểm cho mỗi trường hợp (số hồ sơ trễ hạn), tối đa 1 điểm.",
    );
    expect(describeScoringRule({ method: "SURVEY", params: { survey: "Khảo sát người dân" } }, 2_000)).toBe(
      "Lấy từ kết quả điều tra xã hội học “Khảo sát người dân”; đơn vị không tự chấm.",
    );
  });
});
