import { z } from "zod";

import { interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

import { ZCriterionMethod, type TCriterionMethod } from "./criterion-params";
import { formatThousandths, toThousandths } from "./points";

// A criteria set (bộ chỉ số) as a validated tree. Domains (lĩnh vực) are the roots of the MAIN
// section; bonus (điểm thưởng) and penalty (điểm trừ) items stand apart, flat, capped by the year.

export type CriterionSection = "MAIN" | "BONUS" | "PENALTY";

export type CriterionDefinition = {
  code: string;
  parentCode: string | null;
  title: string;
  section: CriterionSection;
  /** Thousandths of a point. */
  maxPoints: number;
  /** `{ method, params }` for a leaf (validated here), null for a parent. */
  method: unknown;
};

export type CriteriaSetDefinition = {
  criteria: readonly CriterionDefinition[];
  /** When given, the MAIN tree's maximum must equal it (thousandths). */
  totalMaxPoints?: number;
  maxBonusPoints: number;
  maxPenaltyPoints: number;
};

export type CriterionNode = {
  code: string;
  parentCode: string | null;
  title: string;
  section: CriterionSection;
  maxPoints: number;
  method: TCriterionMethod | null;
  children: CriterionNode[];
};

export type CriteriaTree = {
  /** Every node in definition order. */
  nodes: CriterionNode[];
  byCode: ReadonlyMap<string, CriterionNode>;
  /** MAIN roots: the domains. */
  domains: CriterionNode[];
  bonusItems: CriterionNode[];
  penaltyItems: CriterionNode[];
  /** Sum of the domains' maxima (thousandths). */
  maxPoints: number;
  maxBonusPoints: number;
  maxPenaltyPoints: number;
};

export type CriteriaProblemCode = keyof typeof vi.domain.criteriaProblems;

export type CriteriaProblem = { code: CriteriaProblemCode; criterionCode: string | null; message: string };

export type BuildCriteriaTreeResult = { ok: true; tree: CriteriaTree } | { ok: false; problems: CriteriaProblem[] };

const MAIN_CODE = /^[1-9]\d*(\.[1-9]\d*)*$/;
const ADJUSTMENT_CODE = /^[A-Za-zĐđ][\w.-]*$/u;

/**
 * Builds the tree and checks every rule of a criteria set, returning all problems (each with a
 * code and a Vietnamese message) rather than stopping at the first, so an administrator fixing an
 * imported set sees everything at once.
 */
export function buildCriteriaTree(definition: CriteriaSetDefinition): BuildCriteriaTreeResult {
  const problems: CriteriaProblem[] = [];
  const report = (code: CriteriaProblemCode, criterionCode: string | null, values: Record<string, string | number> = {}) =>
    problems.push({
      code,
      criterionCode,
      message: interpolate(vi.domain.criteriaProblems[code], { code: criterionCode ?? "", ...values }),
    });

  const nodes: CriterionNode[] = [];
  const byCode = new Map<string, CriterionNode>();
  for (const criterion of definition.criteria) {
    const code = criterion.code.trim();
    if (byCode.has(code)) {
      report("DUPLICATE_CODE", code);
      continue;
    }
    const pattern = criterion.section === "MAIN" ? MAIN_CODE : ADJUSTMENT_CODE;
    if (!pattern.test(code)) report("INVALID_CODE", code);
    if (!Number.isSafeInteger(criterion.maxPoints) || criterion.maxPoints <= 0) report("NON_POSITIVE_MAX", code);
    const node: CriterionNode = {
      code,
      parentCode: criterion.parentCode?.trim() || null,
      title: criterion.title,
      section: criterion.section,
      maxPoints: criterion.maxPoints,
      method: null,
      children: [],
    };
    nodes.push(node);
    byCode.set(code, node);
  }

  for (const node of nodes) {
    if (node.parentCode === null) continue;
    const parent = byCode.get(node.parentCode);
    if (node.section !== "MAIN") {
      report("NESTED_ADJUSTMENT", node.code);
    } else if (!parent) {
      report("UNKNOWN_PARENT", node.code, { parent: node.parentCode });
    } else if (parent.section !== "MAIN") {
      report("NESTED_ADJUSTMENT", node.code);
    } else {
      parent.children.push(node);
      if (!new RegExp(`^${escapeRegExp(parent.code)}\\.[1-9]\\d*$`).test(node.code)) {
        report("CODE_NOT_UNDER_PARENT", node.code, { parent: parent.code });
      }
    }
  }
  for (const node of nodes) {
    if (node.section === "MAIN" && node.parentCode === null && node.code.includes(".")) {
      report("CODE_NOT_UNDER_PARENT", node.code, { parent: "—" });
    }
  }

  const definitionsByCode = new Map(definition.criteria.map((criterion) => [criterion.code.trim(), criterion]));
  for (const node of nodes) {
    const rawMethod = definitionsByCode.get(node.code)?.method ?? null;
    if (node.children.length > 0) {
      if (rawMethod !== null && rawMethod !== undefined) report("PARENT_WITH_METHOD", node.code);
      const childrenMax = node.children.reduce((sum, child) => sum + child.maxPoints, 0);
      if (childrenMax !== node.maxPoints) {
        report("PARENT_MAX_MISMATCH", node.code, {
          max: formatPointsText(node.maxPoints),
          sum: formatPointsText(childrenMax),
        });
      }
      continue;
    }
    if (rawMethod === null || rawMethod === undefined) {
      report("LEAF_WITHOUT_METHOD", node.code);
      continue;
    }
    const parsed = ZCriterionMethod.safeParse(rawMethod);
    if (!parsed.success) {
      report("INVALID_METHOD", node.code, { detail: describeZodIssues(parsed.error) });
      continue;
    }
    node.method = parsed.data;
    checkMethodAgainstNode(node, parsed.data, report);
  }

  const domains = nodes.filter((node) => node.section === "MAIN" && node.parentCode === null);
  if (domains.length === 0) report("EMPTY_SET", null);
  const maxPoints = domains.reduce((sum, domain) => sum + domain.maxPoints, 0);
  if (definition.totalMaxPoints !== undefined && domains.length > 0 && maxPoints !== definition.totalMaxPoints) {
    report("TOTAL_MAX_MISMATCH", null, {
      max: formatPointsText(definition.totalMaxPoints),
      sum: formatPointsText(maxPoints),
    });
  }
  for (const [cap, value] of [
    ["maxBonusPoints", definition.maxBonusPoints],
    ["maxPenaltyPoints", definition.maxPenaltyPoints],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0) report("NEGATIVE_CAP", null, { cap: vi.domain.caps[cap] });
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    tree: {
      nodes,
      byCode,
      domains,
      bonusItems: nodes.filter((node) => node.section === "BONUS"),
      penaltyItems: nodes.filter((node) => node.section === "PENALTY"),
      maxPoints,
      maxBonusPoints: definition.maxBonusPoints,
      maxPenaltyPoints: definition.maxPenaltyPoints,
    },
  };
}

/** Method rules that depend on where the leaf stands and on its maximum. */
function checkMethodAgainstNode(
  node: CriterionNode,
  method: TCriterionMethod,
  report: (code: CriteriaProblemCode, criterionCode: string | null, values?: Record<string, string | number>) => void,
): void {
  if (node.section === "PENALTY" && method.method !== "DEDUCTION") report("PENALTY_NOT_DEDUCTION", node.code);
  if (node.section !== "PENALTY" && method.method === "DEDUCTION") report("DEDUCTION_OUTSIDE_PENALTY", node.code);
  if (node.section === "BONUS" && method.method === "SURVEY") report("SURVEY_AS_BONUS", node.code);

  const pointValues =
    method.method === "CATEGORICAL"
      ? method.params.options.map((option) => option.points)
      : method.method === "TIERED_RATE" || method.method === "TIERED_COUNT"
        ? method.params.tiers.map((tier) => tier.points)
        : [];
  const highest = Math.max(0, ...pointValues.map((points) => toThousandths(points)));
  if (highest > node.maxPoints) {
    report("POINTS_ABOVE_MAX", node.code, { points: formatPointsText(highest), max: formatPointsText(node.maxPoints) });
  }
  if (method.method === "TIERED_RATE" && new Set(method.params.tiers.map((tier) => tier.minRate)).size !== method.params.tiers.length) {
    report("DUPLICATE_TIER", node.code);
  }
  if (method.method === "TIERED_COUNT" && new Set(method.params.tiers.map((tier) => tier.minCount)).size !== method.params.tiers.length) {
    report("DUPLICATE_TIER", node.code);
  }
  if (method.method === "MANUAL" && node.maxPoints % toThousandths(method.params.step) !== 0) {
    report("MAX_OFF_STEP", node.code, { step: formatPointsText(toThousandths(method.params.step)) });
  }
}

function describeZodIssues(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message)).join("; ");
}

/** "1.500" → "1,5" for messages. */
function formatPointsText(thousandths: number): string {
  return formatThousandths(thousandths).replace(/\.?0+$/, "").replace(".", ",");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
