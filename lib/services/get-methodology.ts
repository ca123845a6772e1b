import "server-only";

import { getPrisma, type PrismaClient } from "@/lib/db/prisma";
import { type TGradingBand, storedBand } from "@/lib/domain/bands";
import { diffCriteriaSets, diffYearRules, type CriteriaSetChanges, type YearRuleChange, type YearRules } from "@/lib/domain/criteria-set-diff";
import type { CriterionNode, CriterionSection } from "@/lib/domain/criteria-tree";
import type { TCriterionMethod } from "@/lib/domain/criterion-params";
import { toThousandths } from "@/lib/domain/points";
import { describeScoringRule } from "@/lib/domain/scoring-rule-text";

import { CRITERION_DEFINITION_COLUMNS, criteriaTreeOf, toCriterionDefinition } from "./criteria-definitions";
import { getPublishedYears } from "./get-public-leaderboard";

// The public methodology page (issue 8 item 4): a published year's rules, generated from the data.
// Public: no actor; a year that is not PUBLISHED is not read at all (its set may still change).

export type MethodologyCriterion = {
  code: string;
  title: string;
  section: CriterionSection;
  /** Thousandths of a point. */
  maxPoints: number;
  /** Null for a parent node (it sums its children). */
  method: TCriterionMethod | null;
  /** The scoring rule in Vietnamese (lib/domain/scoring-rule-text); null for a parent. */
  rule: string | null;
  children: MethodologyCriterion[];
};

export type MethodologyUnitType = {
  unitTypeId: string;
  code: string;
  name: string;
  title: string;
  /** Sum of the domains' maxima, thousandths. */
  totalMaxPoints: number;
  domains: MethodologyCriterion[];
  bonusItems: MethodologyCriterion[];
  penaltyItems: MethodologyCriterion[];
  /** Top band first. */
  bands: TGradingBand[];
  /**
   * Against the previous published year's set of the same unit type: null when there is no
   * previous published year, or when that year had no set for this unit type (`hasPreviousSet`).
   */
  changes: CriteriaSetChanges | null;
  hasPreviousSet: boolean;
};

export type Methodology = {
  year: number;
  publishedYears: number[];
  previousYear: number | null;
  rules: YearRules;
  /** Empty when there is no previous year or nothing changed. */
  ruleChanges: YearRuleChange[];
  unitTypes: MethodologyUnitType[];
};

type LoadedYear = { rules: YearRules; sets: (Omit<MethodologyUnitType, "changes" | "hasPreviousSet"> & { flat: MethodologyCriterion[] })[] };

/**
 * A published year's criteria sets (each as a tree with maxima and scoring rules), bands,
 * precision, survey and bonus/penalty rules, and what changed since the previous published year.
 * `year` null: the latest published year. Null when the year is not published.
 */
export async function getMethodology(year: number | null, db: PrismaClient = getPrisma()): Promise<Methodology | null> {
  const publishedYears = await getPublishedYears(db);
  const chosen = year === null ? publishedYears[0] : publishedYears.find((candidate) => candidate === year);
  if (chosen === undefined) return null;
  const previousYear = publishedYears.find((candidate) => candidate < chosen) ?? null;
  const [current, previous] = await Promise.all([loadYear(db, chosen), previousYear === null ? null : loadYear(db, previousYear)]);
  if (!current) return null;

  return {
    year: chosen,
    publishedYears,
    previousYear,
    rules: current.rules,
    ruleChanges: previous ? diffYearRules(previous.rules, current.rules) : [],
    unitTypes: current.sets.map(({ flat, ...set }) => {
      const before = previous?.sets.find((candidate) => candidate.unitTypeId === set.unitTypeId);
      return {
        ...set,
        hasPreviousSet: before !== undefined,
        changes: before ? diffCriteriaSets({ criteria: before.flat, bands: before.bands }, { criteria: flat, bands: set.bands }) : null,
      };
    }),
  };
}

async function loadYear(db: PrismaClient, year: number): Promise<LoadedYear | null> {
  // The phase is checked again here, in the query that reads the sets: nothing of a year that is
  // not PUBLISHED is read, even if its phase changed since getPublishedYears.
  const row = await db.assessmentYear.findFirst({
    where: { year, phase: "PUBLISHED" },
    select: {
      precision: true,
      isSurveyIncluded: true,
      maxBonusPoints: true,
      maxPenaltyPoints: true,
      criteriaSets: {
        orderBy: [{ unitType: { sortOrder: "asc" } }, { unitType: { name: "asc" } }],
        select: {
          title: true,
          unitType: { select: { id: true, code: true, name: true } },
          criteria: { orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: CRITERION_DEFINITION_COLUMNS },
        },
      },
      gradingBands: { orderBy: { minPercent: "desc" }, select: { unitTypeId: true, label: true, minPercent: true } },
    },
  });
  if (!row) return null;
  return {
    rules: {
      precision: row.precision === 3 ? 3 : 2,
      isSurveyIncluded: row.isSurveyIncluded,
      maxBonusPoints: toThousandths(row.maxBonusPoints.toFixed(3)),
      maxPenaltyPoints: toThousandths(row.maxPenaltyPoints.toFixed(3)),
    },
    sets: row.criteriaSets.map((set) => {
      const tree = criteriaTreeOf(set.criteria.map(toCriterionDefinition), row, `${set.unitType.name} ${year}`);
      const flat: MethodologyCriterion[] = [];
      const toCriterion = (node: CriterionNode): MethodologyCriterion => {
        const criterion: MethodologyCriterion = {
          code: node.code,
          title: node.title,
          section: node.section,
          maxPoints: node.maxPoints,
          method: node.method,
          rule: node.method ? describeScoringRule(node.method, node.maxPoints) : null,
          children: [],
        };
        flat.push(criterion);
        criterion.children = node.children.map(toCriterion);
        return criterion;
      };
      return {
        unitTypeId: set.unitType.id,
        code: set.unitType.code,
        name: set.unitType.name,
        title: set.title,
        totalMaxPoints: tree.maxPoints,
        domains: tree.domains.map(toCriterion),
        bonusItems: tree.bonusItems.map(toCriterion),
        penaltyItems: tree.penaltyItems.map(toCriterion),
        bands: row.gradingBands
          .filter((band) => band.unitTypeId === set.unitType.id)
          .map(storedBand),
        flat,
      };
    }),
  };
}
