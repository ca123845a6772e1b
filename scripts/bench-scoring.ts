// `npm run bench:scoring`: a synthetic year of 3,500 agencies × 80 criteria (about a whole
// country's communes after the 2025 merger) with random valid inputs. Scores every input, totals
// every assessment (self, appraised, final), ranks and bands the year and computes the province
// statistics, then prints wall time and peak memory. Target on the 2-core machine: < 300 ms and
// < 300 MB. Figures, not a pass/fail test.
import { computeFinalTotals, type LeafScore } from "@/lib/domain/assessment-totals";
import { buildCriteriaTree, type CriteriaTree, type CriterionDefinition } from "@/lib/domain/criteria-tree";
import type { TCriterionMethod } from "@/lib/domain/criterion-params";
import { toThousandths } from "@/lib/domain/points";
import { computeProvinceStatistics } from "@/lib/domain/province-statistics";
import { rankResults } from "@/lib/domain/rank-results";
import { scoreInput } from "@/lib/domain/scoring-methods";
import { seededRandom } from "@/lib/seeded-random";

const AGENCY_COUNT = Number(process.env.BENCH_AGENCIES ?? 3_500);
const DOMAINS = 8;
const LEAVES_PER_DOMAIN = 10;
const LEAF_MAX = 1_250; // 8 × 10 × 1.25 = 100 points

const BANDS = [
  { label: "Xuất sắc", minPercentThousandths: 90_000 },
  { label: "Tốt", minPercentThousandths: 80_000 },
  { label: "Khá", minPercentThousandths: 70_000 },
  { label: "Trung bình", minPercentThousandths: 0 },
];

/** One method per leaf, cycling through every self-scored method and survey. */
function leafMethod(index: number): TCriterionMethod {
  const labels = { numeratorLabel: "Số hồ sơ đúng hạn", denominatorLabel: "Tổng số hồ sơ", whenNoData: "FULL_POINTS" as const };
  const methods: TCriterionMethod[] = [
    { method: "BOOLEAN", params: {} },
    { method: "CATEGORICAL", params: { options: [{ label: "Đúng hạn", points: 1.25 }, { label: "Chậm", points: 0.5 }, { label: "Không", points: 0 }] } },
    { method: "TIERED_RATE", params: { ...labels, tiers: [{ minRate: 1, points: 1.25 }, { minRate: 0.9, points: 1 }, { minRate: 0.7, points: 0.5 }] } },
    { method: "PROPORTIONAL_RATE", params: { ...labels, whenNoData: "EXCLUDED_FROM_MAXIMUM" } },
    { method: "TIERED_COUNT", params: { countLabel: "Số cuộc", tiers: [{ minCount: 4, points: 1.25 }, { minCount: 2, points: 0.75 }, { minCount: 1, points: 0.25 }] } },
    { method: "MANUAL", params: { step: 0.25 } },
    { method: "SURVEY", params: { survey: "SIPAS" } },
  ];
  return methods[index % methods.length] as TCriterionMethod;
}

function buildSyntheticTree(): CriteriaTree {
  const criteria: CriterionDefinition[] = [];
  for (let domain = 1; domain <= DOMAINS; domain++) {
    criteria.push({ code: `${domain}`, parentCode: null, title: `Lĩnh vực ${domain}`, section: "MAIN", maxPoints: LEAVES_PER_DOMAIN * LEAF_MAX, method: null });
    for (let leaf = 1; leaf <= LEAVES_PER_DOMAIN; leaf++) {
      criteria.push({
        code: `${domain}.${leaf}`,
        parentCode: `${domain}`,
        title: `Tiêu chí ${domain}.${leaf}`,
        section: "MAIN",
        maxPoints: LEAF_MAX,
        method: leafMethod(domain * LEAVES_PER_DOMAIN + leaf),
      });
    }
  }
  criteria.push({ code: "T1", parentCode: null, title: "Sáng kiến", section: "BONUS", maxPoints: 1_000, method: { method: "BOOLEAN", params: {} } });
  criteria.push({
    code: "P1",
    parentCode: null,
    title: "Hồ sơ trễ hạn",
    section: "PENALTY",
    maxPoints: 1_000,
    method: { method: "DEDUCTION", params: { countLabel: "Số hồ sơ", pointsPerOccurrence: 0.25 } },
  });
  const built = buildCriteriaTree({ criteria, totalMaxPoints: toThousandths(100), maxBonusPoints: 2_000, maxPenaltyPoints: 3_000 });
  if (!built.ok) throw new Error(built.problems.map((problem) => problem.message).join("\n"));
  return built.tree;
}

/** A valid random input for a method (deterministic generator, so runs are comparable). */
function randomInput(method: TCriterionMethod, maxPoints: number, random: () => number): unknown {
  switch (method.method) {
    case "BOOLEAN":
      return { isAchieved: random() < 0.8 };
    case "CATEGORICAL":
      return { optionIndex: Math.floor(random() * method.params.options.length) };
    case "TIERED_RATE":
    case "PROPORTIONAL_RATE": {
      const denominator = Math.floor(random() * 300);
      return { numerator: Math.floor(random() * (denominator + 1)), denominator };
    }
    case "TIERED_COUNT":
    case "DEDUCTION":
      return { count: Math.floor(random() * 6) };
    case "MANUAL":
      return { points: (Math.floor(random() * (maxPoints / 250 + 1)) * 250) / 1000 };
    case "SURVEY":
      return null;
  }
}

type SyntheticLeaf = { code: string; maxPoints: number; method: TCriterionMethod; scorable: TCriterionMethod & { maxPoints: number } };
type SyntheticAgency = {
  agencyId: string;
  agencyName: string;
  isRanked: boolean;
  inputs: { leaf: SyntheticLeaf; self: unknown; round1: unknown; survey: number | null }[];
};

let peakHeap = 0;
function samplePeak(): void {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}

/** Everything a year's finalization computes: points of every input, totals, ranks, bands, statistics. */
function computeYear(tree: CriteriaTree, agencies: readonly SyntheticAgency[]) {
  const startedAt = performance.now();
  let scoredInputs = 0;
  const score = (leaf: SyntheticLeaf, input: unknown) => {
    scoredInputs++;
    const outcome = scoreInput(leaf.scorable, input);
    if (!outcome.ok) throw new Error(`Invalid synthetic input for ${leaf.code}: ${outcome.code}`);
    return outcome;
  };
  const totals = agencies.map((agency, index) => {
    const scores = new Map<string, LeafScore>();
    for (const { leaf, self, round1, survey } of agency.inputs) {
      scores.set(
        leaf.code,
        leaf.method.method === "SURVEY" ? { survey } : { self: score(leaf, self), round1: round1 === null ? null : score(leaf, round1) },
      );
    }
    if (index % 500 === 0) samplePeak();
    return computeFinalTotals(tree, scores, { isSurveyIncluded: true, precision: 2 });
  });
  const totalledAt = performance.now();
  samplePeak();

  const ranked = rankResults(
    agencies.map((agency, index) => {
      const final = totals[index];
      if (!final) throw new Error("totals expected");
      return {
        agencyId: agency.agencyId,
        agencyName: agency.agencyName,
        totalThousandths: final.totalPoints,
        maxThousandths: final.maxPoints,
        isRanked: agency.isRanked,
        previous: index % 10 === 0 ? null : { rank: (index % 3_000) + 1, indexPercentThousandths: 80_000 },
      };
    }),
    BANDS,
    2,
  );
  const rankedAt = performance.now();
  samplePeak();

  const totalsByAgency = new Map(agencies.map((agency, index) => [agency.agencyId, totals[index]]));
  const statistics = computeProvinceStatistics(
    ranked.map((result) => ({
      agencyId: result.agencyId,
      totalThousandths: result.totalThousandths,
      maxThousandths: result.maxThousandths,
      indexPercentThousandths: result.indexPercent.thousandths,
      bandLabel: result.bandLabel,
      isRanked: result.isRanked,
      domains: (totalsByAgency.get(result.agencyId)?.domains ?? []).map((domain) => ({
        code: domain.code,
        pointsThousandths: domain.points,
        maxThousandths: domain.maxPoints,
      })),
    })),
    BANDS,
    2,
  );
  const finishedAt = performance.now();
  samplePeak();
  return {
    scoredInputs,
    ranked,
    statistics,
    milliseconds: { totals: totalledAt - startedAt, ranking: rankedAt - totalledAt, statistics: finishedAt - rankedAt, all: finishedAt - startedAt },
  };
}

function main(): void {
  const random = seededRandom(20_260_101);
  const tree = buildSyntheticTree();
  // Each criterion with its maximum, prepared once as a service does when it loads the year's set.
  const leaves: SyntheticLeaf[] = tree.nodes
    .filter((node) => node.method !== null)
    .map((node) => {
      const method = node.method as TCriterionMethod;
      return { code: node.code, maxPoints: node.maxPoints, method, scorable: { ...method, maxPoints: node.maxPoints } };
    });

  // Inputs as a service loads them from the database: raw JSON per criterion and round.
  const generationStartedAt = performance.now();
  const agencies: SyntheticAgency[] = Array.from({ length: AGENCY_COUNT }, (_, index) => ({
    agencyId: `agency-${index}`,
    agencyName: `Xã ${index}`,
    isRanked: index % 97 !== 0,
    inputs: leaves.map((leaf) => ({
      leaf,
      self: randomInput(leaf.method, leaf.maxPoints, random),
      round1: random() < 0.15 ? randomInput(leaf.method, leaf.maxPoints, random) : null,
      survey: leaf.method.method === "SURVEY" ? Math.floor(random() * (leaf.maxPoints / 10 + 1)) * 10 : null,
    })),
  }));
  const generationMs = performance.now() - generationStartedAt;
  samplePeak();

  // First in a fresh process (the JIT compiles zod's and the engine's code as it goes), then again
  // as in the long-running server, where every save has already exercised the same code.
  const cold = computeYear(tree, agencies);
  const warm = computeYear(tree, agencies);

  const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  const line = (label: string, run: typeof cold) =>
    `${label}: ${run.milliseconds.all.toFixed(0)} ms (score inputs + totals ${run.milliseconds.totals.toFixed(0)} ms, ` +
    `rank + band + change ${run.milliseconds.ranking.toFixed(0)} ms, province statistics ${run.milliseconds.statistics.toFixed(0)} ms)`;
  console.log(`Synthetic year: ${AGENCY_COUNT} agencies × ${leaves.length} criteria (${tree.nodes.length} nodes), ${cold.scoredInputs} inputs scored per run`);
  console.log(`Inputs generated (not timed): ${generationMs.toFixed(0)} ms`);
  console.log(line("Wall time, fresh process (cold JIT)", cold));
  console.log(line("Wall time, warm (as in the running server)", warm));
  console.log("Target: < 300 ms");
  console.log(`Peak heap used: ${megabytes(peakHeap)} MB; peak RSS: ${megabytes(process.resourceUsage().maxRSS * 1024)} MB (target < 300 MB)`);
  console.log(
    `Check: ranked ${warm.ranked.filter((result) => result.rank !== null).length}, average ${warm.statistics.averageIndexPercent?.text ?? "—"}%, ` +
      `same results both runs: ${JSON.stringify(cold.ranked) === JSON.stringify(warm.ranked)}`,
  );
}

main();
