import { describe, expect, it } from "vitest";

import { countDisputes, finalPointsOf, findAppraisalGaps, type AppraisalScore } from "@/lib/domain/appraisal-check";

const criteria = [
  { code: "1", title: "Công tác chỉ đạo", method: null },
  { code: "1.1", title: "Kế hoạch", method: "BOOLEAN" },
  { code: "1.2", title: "Tỷ lệ hoàn thành", method: "TIERED_RATE" },
  { code: "2.1", title: "Khảo sát", method: "SURVEY" },
  { code: "T1", title: "Sáng kiến", method: "BOOLEAN" },
];
const score = (overrides: Partial<AppraisalScore>): AppraisalScore => ({ hasSelfInput: true, selfPoints: "1.000", round1Points: null, round2Points: null, explanation: null, ...overrides });

describe("findAppraisalGaps", () => {
  it("lists every answered criterion round 1 has not appraised, in the set's order, skipping parents, survey and unanswered items", () => {
    const scores = new Map([
      ["1.1", score({})],
      ["1.2", score({ round1Points: "1.000" })],
      ["2.1", score({})],
      ["T1", score({ hasSelfInput: false, selfPoints: null })],
    ]);
    expect(findAppraisalGaps(criteria, scores, "RETURN_FOR_EXPLANATION")).toEqual([{ criterionCode: "1.1", title: "Kế hoạch", reason: "NOT_APPRAISED" }]);
  });

  it("before finalizing, an explained dispute needs its round-2 decision; an unexplained one is accepted", () => {
    const explained = new Map([
      ["1.1", score({ round1Points: "0.000", explanation: "Đã ban hành." })],
      ["1.2", score({ round1Points: "0.500" })],
    ]);
    expect(findAppraisalGaps(criteria, explained, "RETURN_FOR_EXPLANATION")).toEqual([]);
    expect(findAppraisalGaps(criteria, explained, "FINALIZE")).toEqual([{ criterionCode: "1.1", title: "Kế hoạch", reason: "DISPUTE_OPEN" }]);
    explained.set("1.1", score({ round1Points: "0.000", explanation: "Đã ban hành.", round2Points: "1.000" }));
    expect(findAppraisalGaps(criteria, explained, "FINALIZE")).toEqual([]);
    // A blank explanation is no explanation.
    expect(findAppraisalGaps(criteria, new Map([["1.1", score({ round1Points: "0.000", explanation: "  " })]]), "FINALIZE")).toEqual([]);
  });
});

describe("countDisputes and finalPointsOf", () => {
  it("counts the criteria round 1 changed and takes the latest decision as the points that count", () => {
    expect(countDisputes([score({ round1Points: "1" }), score({ round1Points: "0.5" }), score({}), score({ selfPoints: null, round1Points: "0" })])).toBe(2);
    expect(finalPointsOf(score({ round1Points: "0.500", round2Points: "0.750" }))).toBe("0.750");
    expect(finalPointsOf(score({ round1Points: "0.500" }))).toBe("0.500");
    expect(finalPointsOf(score({}))).toBe("1.000");
    expect(finalPointsOf(score({ selfPoints: null }))).toBeNull();
  });
});
