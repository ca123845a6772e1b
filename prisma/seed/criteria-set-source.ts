import { readFileSync } from "node:fs";
import path from "node:path";

import { z } from "zod";

import { ZCriterionMethod, type TCriterionMethod } from "@/lib/domain/criterion-params";
import { toThousandths } from "@/lib/domain/points";

// Converts the reference criteria sets (prisma/seed-data/*.json, copied from the province's
// published structure) into the app's own node list. The reference shape is parsed strictly, so a
// change in the data fails here rather than seeding a half-understood set.

const ZSourceNode: z.ZodType<SourceNode> = z.lazy(() =>
  z.object({
    code: z.string().min(1),
    title: z.string().min(1),
    maxPoints: z.number().positive(),
    guidance: z.string().optional(),
    method: z.string().optional(),
    evidenceRequired: z.boolean().optional(),
    appraisedBy: z.string().optional(),
    options: z.array(z.object({ label: z.string(), points: z.number() })).optional(),
    tiers: z.array(z.object({ minRate: z.number().optional(), minCount: z.number().optional(), points: z.number() })).optional(),
    numeratorLabel: z.string().optional(),
    denominatorLabel: z.string().optional(),
    countLabel: z.string().optional(),
    step: z.number().optional(),
    survey: z.string().optional(),
    pointsPerOccurrence: z.number().optional(),
    children: z.array(ZSourceNode).optional(),
  }),
);

type SourceNode = {
  code: string;
  title: string;
  maxPoints: number;
  guidance?: string;
  method?: string;
  evidenceRequired?: boolean;
  appraisedBy?: string;
  options?: { label: string; points: number }[];
  tiers?: { minRate?: number; minCount?: number; points: number }[];
  numeratorLabel?: string;
  denominatorLabel?: string;
  countLabel?: string;
  step?: number;
  survey?: string;
  pointsPerOccurrence?: number;
  children?: SourceNode[];
};

const ZSourceSet = z.object({
  title: z.string(),
  unitType: z.string(),
  year: z.number().int(),
  totalMaxPoints: z.number().positive(),
  precision: z.union([z.literal(2), z.literal(3)]),
  bands: z.array(z.object({ label: z.string(), minPercent: z.number().min(0).max(100) })).min(1),
  adjustments: z.object({ maxBonusPoints: z.number().min(0), maxPenaltyPoints: z.number().min(0) }),
  criteria: z.array(ZSourceNode).min(1),
  bonusCriteria: z.array(ZSourceNode),
  penaltyCriteria: z.array(ZSourceNode),
});

/** The survey pseudo-unit of the reference data: survey criteria have no appraiser unit. */
const SURVEY_APPRAISER = "Khảo sát";

export type SeedCriterion = {
  code: string;
  parentCode: string | null;
  title: string;
  guidance: string | null;
  section: "MAIN" | "BONUS" | "PENALTY";
  maxPoints: number;
  method: TCriterionMethod | null;
  isEvidenceRequired: boolean;
  appraiserUnitName: string | null;
  sortOrder: number;
};

export type SeedCriteriaSet = {
  title: string;
  unitTypeName: string;
  year: number;
  totalMaxPoints: number;
  precision: 2 | 3;
  bands: { label: string; minPercentThousandths: number }[];
  maxBonusPoints: number;
  maxPenaltyPoints: number;
  criteria: SeedCriterion[];
};

function toMethod(node: SourceNode, section: SeedCriterion["section"]): TCriterionMethod {
  const candidate = (() => {
    if (section === "PENALTY") {
      return { method: "DEDUCTION", params: { countLabel: node.countLabel, pointsPerOccurrence: node.pointsPerOccurrence } };
    }
    switch (node.method) {
      case "CATEGORICAL":
        return { method: node.method, params: { options: node.options } };
      case "TIERED_RATE":
        // The reference sets follow the usual rule "không phát sinh thì được điểm tối đa".
        return {
          method: node.method,
          params: { numeratorLabel: node.numeratorLabel, denominatorLabel: node.denominatorLabel, whenNoData: "FULL_POINTS", tiers: node.tiers },
        };
      case "PROPORTIONAL_RATE":
        return {
          method: node.method,
          params: { numeratorLabel: node.numeratorLabel, denominatorLabel: node.denominatorLabel, whenNoData: "FULL_POINTS" },
        };
      case "TIERED_COUNT":
        return { method: node.method, params: { countLabel: node.countLabel, tiers: node.tiers } };
      case "MANUAL":
        return { method: node.method, params: { step: node.step } };
      case "BOOLEAN":
        return { method: node.method, params: {} };
      case "SURVEY":
        return { method: node.method, params: { survey: node.survey } };
      default:
        return { method: node.method, params: {} };
    }
  })();
  const parsed = ZCriterionMethod.safeParse(candidate);
  if (!parsed.success) {
    throw new Error(`Criterion ${node.code}: invalid method ${node.method ?? section}: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

export function convertCriteriaSet(source: unknown): SeedCriteriaSet {
  const set = ZSourceSet.parse(source);
  const criteria: SeedCriterion[] = [];
  const add = (node: SourceNode, parentCode: string | null, section: SeedCriterion["section"]) => {
    const isLeaf = !node.children?.length;
    criteria.push({
      code: node.code,
      parentCode,
      title: node.title,
      guidance: node.guidance ?? null,
      section,
      maxPoints: toThousandths(node.maxPoints),
      method: isLeaf ? toMethod(node, section) : null,
      isEvidenceRequired: node.evidenceRequired ?? section === "PENALTY",
      appraiserUnitName: node.appraisedBy && node.appraisedBy !== SURVEY_APPRAISER ? node.appraisedBy : null,
      sortOrder: criteria.length,
    });
    for (const child of node.children ?? []) add(child, node.code, section);
  };
  for (const node of set.criteria) add(node, null, "MAIN");
  for (const node of set.bonusCriteria) add(node, null, "BONUS");
  for (const node of set.penaltyCriteria) add(node, null, "PENALTY");

  return {
    title: set.title,
    unitTypeName: set.unitType,
    year: set.year,
    totalMaxPoints: toThousandths(set.totalMaxPoints),
    precision: set.precision,
    bands: set.bands.map((band) => ({ label: band.label, minPercentThousandths: toThousandths(band.minPercent) })),
    maxBonusPoints: toThousandths(set.adjustments.maxBonusPoints),
    maxPenaltyPoints: toThousandths(set.adjustments.maxPenaltyPoints),
    criteria,
  };
}

const SEED_DATA_DIR = path.join(import.meta.dirname, "..", "seed-data");

export function loadReferenceCriteriaSet(fileName: "criteria-set-departments.json" | "criteria-set-communes.json"): SeedCriteriaSet {
  return convertCriteriaSet(JSON.parse(readFileSync(path.join(SEED_DATA_DIR, fileName), "utf8")));
}
