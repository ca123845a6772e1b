import { interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

// Who appraises what: every criterion an agency scores itself is checked by one appraiser unit
// (Sở Nội vụ, or the specialist department that owns the domain). SURVEY criteria are filled from
// imported survey results and have none. Used by the criteria set editor and importer, and by the
// year's phase check before self-assessment opens.

export type AssignableCriterion = {
  code: string;
  parentCode: string | null;
  /** The scoring method's name ("MANUAL", "SURVEY"…), null for a parent or a leaf without one yet. */
  method: string | null;
  appraiserUnitId: string | null;
};

export type MissingAppraiserUnit = { code: "MISSING_APPRAISER_UNIT"; criterionCode: string; message: string };

/**
 * The leaves (criteria no other criterion names as its parent) that are not SURVEY criteria and
 * have no appraiser unit, in the order given, each with its Vietnamese message. A leaf whose
 * method is still missing counts: it will be self-scored once it has one.
 */
export function findCriteriaWithoutAppraiserUnit(criteria: readonly AssignableCriterion[]): MissingAppraiserUnit[] {
  const parentCodes = new Set(criteria.map((criterion) => criterion.parentCode?.trim()).filter((code) => code));
  return criteria
    .filter((criterion) => !parentCodes.has(criterion.code.trim()) && criterion.method !== "SURVEY" && !criterion.appraiserUnitId)
    .map((criterion) => ({
      code: "MISSING_APPRAISER_UNIT",
      criterionCode: criterion.code.trim(),
      message: interpolate(vi.adminCriteria.problems.MISSING_APPRAISER_UNIT, { code: criterion.code.trim() }),
    }));
}
