import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { buildCriteriaTree, type CriterionDefinition } from "@/lib/domain/criteria-tree";
import { toThousandths } from "@/lib/domain/points";
import { convertCriteriaSet } from "@/prisma/seed/criteria-set-source";

const node = (code: string, parentCode: string | null, max: number, method: unknown = null, section: CriterionDefinition["section"] = "MAIN"): CriterionDefinition => ({
  code,
  parentCode,
  title: `Tiêu chí ${code}`,
  section,
  maxPoints: toThousandths(max),
  method,
});
const yesNo = { method: "BOOLEAN", params: {} };
const caps = { maxBonusPoints: toThousandths(2), maxPenaltyPoints: toThousandths(3) };

describe("buildCriteriaTree", () => {
  it("builds domains, children and apart-standing bonus and penalty items", () => {
    const built = buildCriteriaTree({
      criteria: [
        node("1", null, 3),
        node("1.1", "1", 2, { method: "MANUAL", params: { step: 0.25 } }),
        node("1.2", "1", 1, yesNo),
        node("2", null, 2, { method: "SURVEY", params: { survey: "SIPAS" } }),
        node("T1", null, 1, yesNo, "BONUS"),
        node("P1", null, 1, { method: "DEDUCTION", params: { countLabel: "Số lần", pointsPerOccurrence: 0.25 } }, "PENALTY"),
      ],
      totalMaxPoints: toThousandths(5),
      ...caps,
    });
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    expect(built.tree.domains.map((domain) => [domain.code, domain.children.map((child) => child.code)])).toEqual([
      ["1", ["1.1", "1.2"]],
      ["2", []],
    ]);
    expect(built.tree.maxPoints).toBe(5_000);
    expect(built.tree.bonusItems.map((item) => item.code)).toEqual(["T1"]);
    expect(built.tree.penaltyItems.map((item) => item.code)).toEqual(["P1"]);
  });

  it("returns every problem at once, each with a code and a Vietnamese message", () => {
    const built = buildCriteriaTree({
      criteria: [
        node("1", null, 3),
        node("1.1", "1", 1, yesNo),
        node("1.1", "1", 1, yesNo),
        node("1.3", "99", 1, yesNo),
        node("2", null, 2, yesNo),
        node("2.1", "2", 2, yesNo),
        node("3", null, 1),
        node("4", null, 1, { method: "TIERED_RATE", params: { tiers: [] } }),
        node("5", null, 1, { method: "CATEGORICAL", params: { options: [{ label: "Có", points: 2 }, { label: "Không", points: 0 }] } }),
        node("6", null, 1, { method: "MANUAL", params: { step: 0.3 } }),
        node("7.1", null, 1, yesNo),
        node("8", null, 0, yesNo),
        node("T1", "1", 1, yesNo, "BONUS"),
        node("P1", null, 1, yesNo, "PENALTY"),
        node("T2", null, 1, { method: "SURVEY", params: { survey: "SIPAS" } }, "BONUS"),
        node("9", null, 1, { method: "DEDUCTION", params: { countLabel: "Số lần", pointsPerOccurrence: 0.5 } }),
        node("A.1", null, 1, yesNo),
        node("10", null, 1, { method: "TIERED_COUNT", params: { countLabel: "Số cuộc", tiers: [{ minCount: 2, points: 1 }, { minCount: 2, points: 0.5 }] } }),
      ],
      totalMaxPoints: toThousandths(100),
      maxBonusPoints: -1,
      maxPenaltyPoints: 0,
    });
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.problems.map((problem) => [problem.code, problem.criterionCode])).toEqual(
      expect.arrayContaining([
        ["DUPLICATE_CODE", "1.1"],
        ["UNKNOWN_PARENT", "1.3"],
        ["PARENT_WITH_METHOD", "2"],
        ["LEAF_WITHOUT_METHOD", "3"],
        ["INVALID_METHOD", "4"],
        ["POINTS_ABOVE_MAX", "5"],
        ["MAX_OFF_STEP", "6"],
        ["CODE_NOT_UNDER_PARENT", "7.1"],
        ["NON_POSITIVE_MAX", "8"],
        ["NESTED_ADJUSTMENT", "T1"],
        ["PENALTY_NOT_DEDUCTION", "P1"],
        ["SURVEY_AS_BONUS", "T2"],
        ["DEDUCTION_OUTSIDE_PENALTY", "9"],
        ["INVALID_CODE", "A.1"],
        ["DUPLICATE_TIER", "10"],
        ["TOTAL_MAX_MISMATCH", null],
        ["NEGATIVE_CAP", null],
      ]),
    );
    const messages = Object.fromEntries(built.problems.map((problem) => [problem.code, problem.message]));
    expect(messages.DUPLICATE_CODE).toBe("Mã tiêu chí 1.1 bị trùng.");
    expect(messages.UNKNOWN_PARENT).toBe("Tiêu chí 1.3: không tìm thấy tiêu chí cha 99.");
    expect(messages.POINTS_ABOVE_MAX).toBe("Tiêu chí 5: mức điểm 2 vượt điểm tối đa 1.");
    expect(messages.NEGATIVE_CAP).toBe("Điểm thưởng tối đa không được âm.");
  });

  it("requires a parent's maximum to equal the sum of its children's", () => {
    const built = buildCriteriaTree({ criteria: [node("1", null, 3), node("1.1", "1", 1.5, yesNo), node("1.2", "1", 1, yesNo)], ...caps });
    expect(built.ok ? [] : built.problems.map((problem) => problem.message)).toEqual([
      "Tiêu chí 1: điểm tối đa 3 khác tổng điểm tối đa của các tiêu chí con (2,5).",
    ]);
  });

  it("refuses an empty set", () => {
    const built = buildCriteriaTree({ criteria: [], ...caps });
    expect(built.ok ? [] : built.problems.map((problem) => problem.code)).toEqual(["EMPTY_SET"]);
  });

  it.each(["criteria-set-departments.json", "criteria-set-communes.json"])("accepts the reference set %s (100 points)", (fileName) => {
    const source = JSON.parse(readFileSync(path.join(import.meta.dirname, "../../../prisma/seed-data", fileName), "utf8")) as unknown;
    const set = convertCriteriaSet(source);
    const built = buildCriteriaTree({ criteria: set.criteria, totalMaxPoints: set.totalMaxPoints, maxBonusPoints: set.maxBonusPoints, maxPenaltyPoints: set.maxPenaltyPoints });
    expect(built.ok ? [] : built.problems).toEqual([]);
    if (built.ok) {
      expect(built.tree.domains).toHaveLength(8);
      expect(built.tree.maxPoints).toBe(100_000);
    }
  });
});
