import { describe, expect, it } from "vitest";

import { ZCriterionMethod, type TCriterionMethod } from "@/lib/domain/criterion-params";
import { emptyParamsFields, fieldsFromMethod, methodFromFields, parseDecimal, SCORING_METHODS } from "@/lib/domain/criterion-params-fields";
import { EXAMPLES } from "@/lib/exports/criteria-set-xlsx";
import { loadReferenceCriteriaSet } from "@/prisma/seed/criteria-set-source";

describe("the method parameters form", () => {
  it("gives back every method of the reference sets exactly (rates shown in percent)", () => {
    const methods = ["criteria-set-departments.json", "criteria-set-communes.json"].flatMap((file) =>
      loadReferenceCriteriaSet(file as "criteria-set-departments.json").criteria.flatMap((criterion) => (criterion.method ? [criterion.method] : [])),
    );
    expect(new Set(methods.map((method) => method.method)).size).toBeGreaterThanOrEqual(7);
    for (const method of methods) expect(methodFromFields(method.method, fieldsFromMethod(method))).toEqual(method);
  });

  it("reads decimal commas and percentages as typed", () => {
    const fields = { ...emptyParamsFields(), rateTiers: [{ minPercent: "99,5", points: "0,75" }, { minPercent: "0", points: "0" }] };
    const method = methodFromFields("TIERED_RATE", { ...fields, numeratorLabel: "Đúng hạn", denominatorLabel: "Tổng số" });
    expect(method.params.tiers).toEqual([
      { minRate: 0.995, points: 0.75 },
      { minRate: 0, points: 0 },
    ]);
    expect(ZCriterionMethod.safeParse(method).success).toBe(true);
    expect(fieldsFromMethod(method as TCriterionMethod).rateTiers[0]).toEqual({ minPercent: "99,5", points: "0,75" });
  });

  it("keeps what is not a number as text, so the schema rejects it rather than a guess", () => {
    expect(parseDecimal(" 1,25 ")).toBe(1.25);
    expect(parseDecimal("1,2,5")).toBe("1,2,5");
    expect(parseDecimal("")).toBe("");
    const method = methodFromFields("MANUAL", { ...emptyParamsFields(), step: "một" });
    expect(method.params).toEqual({ step: "một" });
    expect(ZCriterionMethod.safeParse(method).success).toBe(false);
    // A percent with more than 2 decimals cannot be a stored rate (4 decimals).
    const tiered = methodFromFields("TIERED_RATE", { ...emptyParamsFields(), rateTiers: [{ minPercent: "33,333", points: "1" }] });
    expect(tiered.params.tiers).toEqual([{ minRate: "33,333", points: 1 }]);
  });

  it("has an example for every method in the XLSX guide, each valid", () => {
    for (const method of SCORING_METHODS) expect(ZCriterionMethod.safeParse({ method, params: EXAMPLES[method] }).success, method).toBe(true);
  });
});
