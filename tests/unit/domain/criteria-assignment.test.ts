import { describe, expect, it } from "vitest";

import { findCriteriaWithoutAppraiserUnit, type AssignableCriterion } from "@/lib/domain/criteria-assignment";
import { loadReferenceCriteriaSet } from "@/prisma/seed/criteria-set-source";

const criterion = (code: string, parentCode: string | null, method: string | null, appraiserUnitId: string | null = null): AssignableCriterion => ({
  code,
  parentCode,
  method,
  appraiserUnitId,
});

describe("findCriteriaWithoutAppraiserUnit", () => {
  it("names every self-scored leaf without an appraiser unit, in order, with its message", () => {
    const missing = findCriteriaWithoutAppraiserUnit([
      criterion("1", null, null),
      criterion("1.1", "1", "BOOLEAN", "snv"),
      criterion("1.2", "1", "MANUAL"),
      criterion("2", null, null),
      criterion("2.1", "2", "SURVEY"),
      criterion("2.2", "2", null),
      criterion("T1", null, "BOOLEAN"),
      criterion("P1", null, "DEDUCTION", "stp"),
    ]);
    expect(missing).toEqual([
      { code: "MISSING_APPRAISER_UNIT", criterionCode: "1.2", message: "Tiêu chí 1.2 chưa có đơn vị thẩm định." },
      { code: "MISSING_APPRAISER_UNIT", criterionCode: "2.2", message: "Tiêu chí 2.2 chưa có đơn vị thẩm định." },
      { code: "MISSING_APPRAISER_UNIT", criterionCode: "T1", message: "Tiêu chí T1 chưa có đơn vị thẩm định." },
    ]);
  });

  it("does not ask parents (domains, criteria with sub-criteria) for a unit, even if they have none", () => {
    expect(findCriteriaWithoutAppraiserUnit([criterion("1", null, null), criterion("1.1", " 1 ", null, "snv")])).toEqual([]);
  });

  it("accepts the demo province's reference sets as they are", () => {
    for (const file of ["criteria-set-departments.json", "criteria-set-communes.json"] as const) {
      const set = loadReferenceCriteriaSet(file);
      const criteria = set.criteria.map((item) => criterion(item.code, item.parentCode, item.method?.method ?? null, item.appraiserUnitName));
      expect(findCriteriaWithoutAppraiserUnit(criteria)).toEqual([]);
      // …and notices when one of them loses its unit.
      const firstSelfScored = criteria.findIndex((item) => item.method !== null && item.method !== "SURVEY");
      criteria[firstSelfScored] = { ...criteria[firstSelfScored]!, appraiserUnitId: null };
      expect(findCriteriaWithoutAppraiserUnit(criteria).map((problem) => problem.criterionCode)).toEqual([criteria[firstSelfScored]!.code]);
    }
  });
});
