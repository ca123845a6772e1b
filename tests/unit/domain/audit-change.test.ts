import { describe, expect, it } from "vitest";

import { changedFields } from "@/lib/domain/audit-change";

describe("changedFields", () => {
  it("lists only what changed, in order, with missing values as a dash", () => {
    expect(changedFields({ round: 1, points: "1.500", reason: null }, { round: 1, points: "1.000", reason: "Thiếu văn bản" })).toEqual([
      { field: "points", before: "1.500", after: "1.000" },
      { field: "reason", before: "—", after: "Thiếu văn bản" },
    ]);
    expect(changedFields(null, { status: "SUBMITTED" })).toEqual([{ field: "status", before: "—", after: "SUBMITTED" }]);
    expect(changedFields({ input: { isAchieved: true } }, { input: { isAchieved: false } })).toEqual([{ field: "input", before: '{"isAchieved":true}', after: '{"isAchieved":false}' }]);
    expect(changedFields({ a: 1 }, { a: 1 })).toEqual([]);
    expect(changedFields("x", "y")).toEqual([{ field: "", before: "x", after: "y" }]);
  });
});
