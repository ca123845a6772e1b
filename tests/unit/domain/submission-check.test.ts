import { describe, expect, it } from "vitest";

import { findSubmissionGaps, type SubmissionCriterion, type SubmissionScore } from "@/lib/domain/submission-check";

function criterion(code: string, overrides: Partial<SubmissionCriterion> = {}): SubmissionCriterion {
  return { code, title: `Tiêu chí ${code}`, method: "BOOLEAN", isEvidenceRequired: false, section: "MAIN", ...overrides };
}

function scores(entries: Record<string, Partial<SubmissionScore>>): Map<string, SubmissionScore> {
  return new Map(
    Object.entries(entries).map(([code, score]) => [code, { hasSelfInput: true, evidenceCount: 0, selfExplanation: null, ...score }]),
  );
}

describe("findSubmissionGaps", () => {
  it("finds nothing when every criterion is answered and every required evidence attached", () => {
    const criteria = [criterion("1.1", { isEvidenceRequired: true }), criterion("1.2")];
    expect(findSubmissionGaps(criteria, scores({ "1.1": { evidenceCount: 2 }, "1.2": {} }))).toEqual([]);
  });

  it("reports a self-scored criterion without an input, whether its score row is missing or empty", () => {
    const criteria = [criterion("1.1"), criterion("1.2", { method: "TIERED_RATE" })];
    expect(findSubmissionGaps(criteria, scores({ "1.2": { hasSelfInput: false } }))).toEqual([
      { criterionCode: "1.1", title: "Tiêu chí 1.1", reason: "NO_INPUT" },
      { criterionCode: "1.2", title: "Tiêu chí 1.2", reason: "NO_INPUT" },
    ]);
  });

  it("never asks for survey criteria, nor for parent nodes", () => {
    const criteria = [criterion("1", { method: null }), criterion("1.6", { method: "SURVEY", isEvidenceRequired: true })];
    expect(findSubmissionGaps(criteria, new Map())).toEqual([]);
  });

  it("treats unanswered bonus and penalty items as 0 points, not as missing", () => {
    const criteria = [criterion("T1", { section: "BONUS", isEvidenceRequired: true }), criterion("P1", { section: "PENALTY", method: "DEDUCTION" })];
    expect(findSubmissionGaps(criteria, new Map())).toEqual([]);
  });

  it("but an answered bonus item claiming points needs its evidence like any other", () => {
    const criteria = [criterion("T1", { section: "BONUS", isEvidenceRequired: true })];
    expect(findSubmissionGaps(criteria, scores({ T1: {} }))).toEqual([{ criterionCode: "T1", title: "Tiêu chí T1", reason: "NO_EVIDENCE_OR_EXPLANATION" }]);
  });

  it("accepts a written explanation instead of a required evidence file, but not a blank one", () => {
    const criteria = [criterion("2.1", { isEvidenceRequired: true }), criterion("2.2", { isEvidenceRequired: true })];
    const gaps = findSubmissionGaps(criteria, scores({ "2.1": { selfExplanation: "Văn bản đang chờ ký ban hành." }, "2.2": { selfExplanation: "  \n " } }));
    expect(gaps).toEqual([{ criterionCode: "2.2", title: "Tiêu chí 2.2", reason: "NO_EVIDENCE_OR_EXPLANATION" }]);
  });

  it("reports an unanswered criterion once, as NO_INPUT, even where evidence is required too", () => {
    const criteria = [criterion("3.1", { isEvidenceRequired: true })];
    expect(findSubmissionGaps(criteria, new Map()).map((gap) => gap.reason)).toEqual(["NO_INPUT"]);
  });

  it("does not ask for evidence where none is required", () => {
    expect(findSubmissionGaps([criterion("3.2")], scores({ "3.2": {} }))).toEqual([]);
  });

  it("lists the gaps in the criteria set's order, not the scores' order", () => {
    const criteria = [criterion("1.1"), criterion("1.2", { isEvidenceRequired: true }), criterion("2.1"), criterion("T1", { section: "BONUS", isEvidenceRequired: true })];
    const given = new Map<string, SubmissionScore>([
      ["T1", { hasSelfInput: true, evidenceCount: 0, selfExplanation: null }],
      ["1.2", { hasSelfInput: true, evidenceCount: 0, selfExplanation: null }],
    ]);
    expect(findSubmissionGaps(criteria, given).map((gap) => `${gap.criterionCode}:${gap.reason}`)).toEqual([
      "1.1:NO_INPUT",
      "1.2:NO_EVIDENCE_OR_EXPLANATION",
      "2.1:NO_INPUT",
      "T1:NO_EVIDENCE_OR_EXPLANATION",
    ]);
  });
});
