import { describe, expect, it } from "vitest";

import { checkCriteriaSet } from "@/lib/domain/criteria-set-check";
import {
  addNode,
  changeSection,
  childrenSum,
  criteriaFromDraft,
  domainsSum,
  draftFromCriteria,
  findNode,
  moveNode,
  moveNodeTo,
  moveTargets,
  removeNode,
  renumber,
  updateNode,
  type DraftNode,
  type FlatCriterion,
} from "@/lib/domain/criteria-set-draft";
import { emptyParamsFields } from "@/lib/domain/criterion-params-fields";
import { toThousandths } from "@/lib/domain/points";
import { loadReferenceCriteriaSet } from "@/prisma/seed/criteria-set-source";

const leaf = (code: string, parentCode: string | null, max: number, section: FlatCriterion["section"] = "MAIN"): FlatCriterion => ({
  id: `id-${code}`,
  code,
  parentCode,
  title: `Tiêu chí ${code}`,
  guidance: null,
  section,
  maxPoints: toThousandths(max),
  method: section === "PENALTY" ? { method: "DEDUCTION", params: { countLabel: "Số lần", pointsPerOccurrence: 0.5 } } : { method: "BOOLEAN", params: {} },
  isEvidenceRequired: false,
  appraiserUnitId: "snv",
});
const parent = (code: string, parentCode: string | null, max: number): FlatCriterion => ({ ...leaf(code, parentCode, max), method: null, appraiserUnitId: null });

const SET: FlatCriterion[] = [
  parent("1", null, 3),
  leaf("1.1", "1", 1),
  leaf("1.2", "1", 2),
  parent("2", null, 2),
  leaf("2.1", "2", 2),
  leaf("T1", null, 1, "BONUS"),
  leaf("P1", null, 1, "PENALTY"),
  leaf("P2", null, 0.5, "PENALTY"),
];
const codes = (roots: readonly DraftNode[]) => criteriaFromDraft(roots).map((criterion) => `${criterion.code}<${criterion.parentCode ?? ""}`);
const template = { title: "Mới", guidance: "", maxPoints: "1", method: "BOOLEAN" as const, fields: emptyParamsFields(), isEvidenceRequired: false, appraiserUnitId: "snv" };
const check = (roots: readonly DraftNode[]) => checkCriteriaSet({ criteria: criteriaFromDraft(roots), maxBonusPoints: 2000, maxPenaltyPoints: 3000 });

describe("the editor's draft tree", () => {
  it("reads a stored set and gives it back unchanged (codes, parents, methods, order)", () => {
    const roots = draftFromCriteria(SET);
    expect(criteriaFromDraft(roots).map(({ key, ...criterion }) => ({ ...criterion, key }))).toEqual(
      SET.map((criterion) => ({ ...criterion, key: criterion.id, code: criterion.code, maxPoints: criterion.maxPoints })),
    );
  });

  it("reads and gives back the 69 criteria of the reference departments set, which passes every check", () => {
    const reference = loadReferenceCriteriaSet("criteria-set-departments.json").criteria.map(
      (criterion): FlatCriterion => ({ ...criterion, id: criterion.code, appraiserUnitId: criterion.appraiserUnitName }),
    );
    const roots = draftFromCriteria(reference);
    const back = criteriaFromDraft(roots);
    expect(back.map((criterion) => [criterion.code, criterion.parentCode, criterion.maxPoints, criterion.method])).toEqual(
      reference.map((criterion) => [criterion.code, criterion.parentCode, criterion.maxPoints, criterion.method]),
    );
    expect(checkCriteriaSet({ criteria: back, totalMaxPoints: 100_000, maxBonusPoints: 2000, maxPenaltyPoints: 3000 }).ok).toBe(true);
  });

  it("moves a node up and down among its siblings and renumbers; nothing moves past either end", () => {
    let roots = draftFromCriteria(SET);
    roots = moveNode(roots, "id-1.2", -1);
    expect(codes(roots).slice(0, 3)).toEqual(["1<", "1.1<1", "1.2<1"]);
    expect(findNode(roots, "id-1.2")!.code).toBe("1.1");
    expect(codes(moveNode(roots, "id-1.2", -1))).toEqual(codes(roots));
    roots = moveNode(roots, "id-2", -1);
    expect(codes(roots)).toEqual(["1<", "1.1<1", "2<", "2.1<2", "2.2<2", "T1<", "P1<", "P2<"]);
    expect(findNode(roots, "id-1.1")!.code).toBe("2.2");
    // A domain does not swap with a bonus item.
    expect(codes(moveNode(roots, "id-1", 1))).toEqual(codes(roots));
    expect(findNode(moveNode(roots, "id-P2", -1), "id-P2")!.code).toBe("P1");
  });

  it("moves a subtree under another parent, which loses its method, and renumbers the subtree", () => {
    const roots = moveNodeTo(draftFromCriteria(SET), "id-1", "id-2.1");
    expect(codes(roots)).toEqual(["1<", "1.1<1", "1.1.1<1.1", "1.1.1.1<1.1.1", "1.1.1.2<1.1.1", "T1<", "P1<", "P2<"]);
    expect(findNode(roots, "id-2.1")!.method).toBeNull();
    expect(findNode(roots, "id-1.2")!.code).toBe("1.1.1.2");
  });

  it("refuses to move a node into its own subtree, or to move an adjustment item", () => {
    const roots = draftFromCriteria(SET);
    expect(codes(moveNodeTo(roots, "id-1", "id-1.1"))).toEqual(codes(roots));
    expect(codes(moveNodeTo(roots, "id-1", "id-1"))).toEqual(codes(roots));
    expect(codes(moveNodeTo(roots, "id-T1", "id-1"))).toEqual(codes(roots));
    expect(codes(moveNodeTo(roots, "id-1.1", "id-T1"))).toEqual(codes(roots));
    expect(moveTargets(roots, "id-1").map((target) => target.key)).toEqual(["id-2", "id-2.1"]);
    expect(moveTargets(roots, "id-1.1").map((target) => target.key)).toEqual([null, "id-1.2", "id-2", "id-2.1"]);
    expect(moveTargets(roots, "id-T1")).toEqual([]);
  });

  it("moves a criterion out to become a domain, after the last domain", () => {
    const roots = moveNodeTo(draftFromCriteria(SET), "id-1.1", null);
    expect(codes(roots)).toEqual(["1<", "1.1<1", "2<", "2.1<2", "3<", "T1<", "P1<", "P2<"]);
    expect(findNode(roots, "id-1.1")!.code).toBe("3");
  });

  it("adds children (the parent loses its method) and root items per section, and deletes subtrees", () => {
    let roots = addNode(draftFromCriteria(SET), "id-2.1", "MAIN", "new-1", template);
    expect(findNode(roots, "new-1")!.code).toBe("2.1.1");
    expect(findNode(roots, "id-2.1")!.method).toBeNull();
    roots = addNode(roots, null, "BONUS", "new-2", template);
    expect(findNode(roots, "new-2")!.code).toBe("T2");
    roots = addNode(roots, null, "MAIN", "new-3", template);
    expect(codes(roots).indexOf("3<")).toBe(6);
    roots = removeNode(roots, "id-1");
    expect(codes(roots)).toEqual(["1<", "1.1<1", "1.1.1<1.1", "2<", "T1<", "T2<", "P1<", "P2<"]);
    // A child cannot be added under a bonus item: adjustments are flat.
    expect(codes(addNode(roots, "id-T1", "MAIN", "new-4", template))).toEqual(codes(roots));
  });

  it("shows each parent's running sum against its maximum, and the check names the mismatch", () => {
    let roots = updateNode(draftFromCriteria(SET), "id-1.2", { maxPoints: "1,5" });
    expect(childrenSum(findNode(roots, "id-1")!)).toEqual({ sum: 2500, max: 3000 });
    expect(childrenSum(findNode(roots, "id-1.1")!)).toBeNull();
    expect(domainsSum(roots)).toBe(5000);
    const result = check(roots);
    expect(result.ok ? [] : result.problems.map((problem) => [problem.code, problem.criterionCode, problem.field, problem.message])).toEqual([
      ["PARENT_MAX_MISMATCH", "1", "maxPoints", "Tiêu chí 1: điểm tối đa 3 khác tổng điểm tối đa của các tiêu chí con (2,5)."],
    ]);
    roots = updateNode(roots, "id-1.2", { maxPoints: "abc" });
    expect(childrenSum(findNode(roots, "id-1")!)).toBeNull();
  });

  it("lets a typed code break the structure, reports it, and renumbering repairs it", () => {
    const roots = updateNode(draftFromCriteria(SET), "id-1.2", { code: "1.1" });
    const result = check(roots);
    // The repeated node is left out of the tree, so its parent's children no longer add up either.
    expect(result.ok ? [] : result.problems.map((problem) => [problem.code, problem.criterionCode])).toEqual([
      ["DUPLICATE_CODE", "1.1"],
      ["PARENT_MAX_MISMATCH", "1"],
    ]);
    expect(check(renumber(roots)).ok).toBe(true);
  });

  it("requires an appraiser unit on self-scored leaves, as a problem of the appraiser unit field", () => {
    const result = check(updateNode(draftFromCriteria(SET), "id-2.1", { appraiserUnitId: null }));
    expect(result.ok ? [] : result.problems).toEqual([
      { code: "MISSING_APPRAISER_UNIT", criterionCode: "2.1", field: "appraiserUnit", message: "Tiêu chí 2.1 chưa có đơn vị thẩm định." },
    ]);
  });

  it("moves a top-level item without children to another section, and nothing else", () => {
    const roots = draftFromCriteria(SET);
    const moved = changeSection(roots, "id-T1", "PENALTY");
    expect(codes(moved)).toEqual(["1<", "1.1<1", "1.2<1", "2<", "2.1<2", "P1<", "P2<", "P3<"]);
    expect(findNode(moved, "id-T1")).toMatchObject({ section: "PENALTY", code: "P3" });
    expect(codes(changeSection(roots, "id-1", "BONUS"))).toEqual(codes(roots));
    expect(codes(changeSection(roots, "id-1.1", "BONUS"))).toEqual(codes(roots));
  });
});
