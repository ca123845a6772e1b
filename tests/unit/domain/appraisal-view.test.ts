import { describe, expect, it } from "vitest";

import { agencyAppraisalVisibility, isDisputed, isReasonRequired } from "@/lib/domain/appraisal-view";
import { ASSESSMENT_STATUSES, YEAR_PHASES } from "@/lib/domain/workflow";

describe("isDisputed", () => {
  it("is a dispute only when round 1 came to other points than the agency's own", () => {
    expect(isDisputed("1.500", null)).toBe(false);
    expect(isDisputed(null, null)).toBe(false);
    expect(isDisputed("1.500", "1.5")).toBe(false);
    expect(isDisputed("1.500", "1.250")).toBe(true);
    expect(isDisputed("0.000", "0.001")).toBe(true);
    // An unanswered criterion the appraisers scored (even at 0) is theirs to explain.
    expect(isDisputed(null, "0.000")).toBe(true);
  });
});

describe("agencyAppraisalVisibility", () => {
  it("hides round 1 while it is still under way and shows it once returned or the year moved on", () => {
    expect(agencyAppraisalVisibility("UNDER_APPRAISAL", "APPRAISAL", false)).toEqual({ round1: false, final: false });
    expect(agencyAppraisalVisibility("RETURNED", "APPRAISAL", true)).toEqual({ round1: true, final: false });
    // Explanations sent back in the middle of the appraisal phase: what the agency saw stays visible.
    expect(agencyAppraisalVisibility("UNDER_APPRAISAL", "APPRAISAL", true)).toEqual({ round1: true, final: false });
    expect(agencyAppraisalVisibility("UNDER_APPRAISAL", "EXPLANATION", false)).toEqual({ round1: true, final: false });
    expect(agencyAppraisalVisibility("FINALIZED", "EXPLANATION", true)).toEqual({ round1: true, final: true });
  });

  it("never shows anything of a draft or a submission, and round 2 only when finalized", () => {
    for (const yearPhase of YEAR_PHASES) {
      for (const wasReturned of [false, true]) {
        expect(agencyAppraisalVisibility("DRAFT", yearPhase, wasReturned)).toEqual({ round1: false, final: false });
        expect(agencyAppraisalVisibility("SUBMITTED", yearPhase, wasReturned)).toEqual({ round1: false, final: false });
        for (const status of ASSESSMENT_STATUSES) {
          expect(agencyAppraisalVisibility(status, yearPhase, wasReturned).final).toBe(status === "FINALIZED");
        }
      }
    }
  });
});

describe("isReasonRequired", () => {
  it("round 1: whenever the appraised points differ from the agency's, or the agency gave none", () => {
    expect(isReasonRequired({ round: 1, points: "1.5", selfPoints: "1.500", round1Points: null })).toBe(false);
    expect(isReasonRequired({ round: 1, points: "1.250", selfPoints: "1.500", round1Points: null })).toBe(true);
    expect(isReasonRequired({ round: 1, points: "0", selfPoints: null, round1Points: null })).toBe(true);
  });

  it("round 2: also whenever the final decision changes round 1", () => {
    // Round 1 lowered 1.5 to 1; the final decision restores 1.5 (explanation accepted): a reason.
    expect(isReasonRequired({ round: 2, points: "1.500", selfPoints: "1.500", round1Points: "1.000" })).toBe(true);
    // Keeping round 1's lowered points: still differs from the agency's.
    expect(isReasonRequired({ round: 2, points: "1.000", selfPoints: "1.500", round1Points: "1.000" })).toBe(true);
    // Everyone agrees.
    expect(isReasonRequired({ round: 2, points: "1.500", selfPoints: "1.500", round1Points: "1.500" })).toBe(false);
    expect(isReasonRequired({ round: 2, points: "1.500", selfPoints: "1.500", round1Points: null })).toBe(false);
  });
});
