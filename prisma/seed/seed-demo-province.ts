import { randomUUID } from "node:crypto";

import { hash } from "@node-rs/argon2";

import { computeAssessmentTotals, type LeafScore } from "@/lib/domain/assessment-totals";
import { buildCriteriaTree, type CriteriaTree } from "@/lib/domain/criteria-tree";
import type { TCriterionMethod } from "@/lib/domain/criterion-params";
import type { Precision } from "@/lib/domain/index-percent";
import { formatThousandths, toThousandths } from "@/lib/domain/points";
import { ZPublicationSnapshot, type TPublicationSnapshot } from "@/lib/domain/publication-snapshot";
import { rankResults } from "@/lib/domain/rank-results";
import { scoreInput } from "@/lib/domain/scoring-methods";
import { seededRandom } from "@/lib/seeded-random";
import type { Prisma, PrismaClient } from "@/lib/db/generated/prisma/client";

import { loadReferenceCriteriaSet, type SeedCriteriaSet, type SeedCriterion } from "./criteria-set-source";
import {
  COMMUNES_UNIT_TYPE,
  DEMO_2026_PROGRESS,
  DEMO_APPRAISER_UNITS,
  DEMO_COMMUNES,
  DEMO_DEPARTMENTS,
  DEMO_SUCCESSIONS,
  DEMO_USERS,
  DEMO_YEARS,
  DEPARTMENTS_UNIT_TYPE,
  SUCCESSION_DATE,
  type DemoAgency,
  type DemoYear,
} from "./demo-province";

// Loads the demo province. Idempotent: every row is keyed by its natural unique key and existing
// rows are left as they are, so a second run adds nothing and never overwrites a user's changes.
// Points are computed by lib/domain from generated inputs, like real assessments.

type Tx = Prisma.TransactionClient;

export type SeedSummary = {
  /** False when the demo province was already there (nothing was added). */
  isFirstLoad: boolean;
  counts: { agencies: number; assessments: number; scores: number; results: number; publications: number };
};

const UNIT_TYPES = [DEPARTMENTS_UNIT_TYPE, COMMUNES_UNIT_TYPE];
const REFERENCE_FILES = {
  [DEPARTMENTS_UNIT_TYPE.code]: "criteria-set-departments.json",
  [COMMUNES_UNIT_TYPE.code]: "criteria-set-communes.json",
} as const;

export async function seedDemoProvince(prisma: PrismaClient): Promise<SeedSummary> {
  const wasLoaded = (await prisma.auditEvent.count({ where: { type: "SEED_LOADED" } })) > 0;
  // Hash outside the transaction: argon2 is deliberately slow.
  const passwordHashes = new Map(await Promise.all(DEMO_USERS.map(async (user) => [user.email, await hash(user.password)] as const)));

  await prisma.$transaction(
    async (tx) => {
      const unitTypeIds = await seedUnitTypes(tx);
      const agencyIds = await seedAgencies(tx, unitTypeIds);
      const appraiserUnitIds = await seedAppraiserUnits(tx, agencyIds);
      await seedUsers(tx, agencyIds, appraiserUnitIds, passwordHashes);
      for (const demoYear of DEMO_YEARS) {
        await seedYear(tx, demoYear, unitTypeIds, agencyIds, appraiserUnitIds);
      }
      if (!wasLoaded) {
        await tx.auditEvent.create({
          data: {
            type: "SEED_LOADED",
            subjectType: "DemoProvince",
            after: { years: DEMO_YEARS.map((year) => year.year), agencies: agencyIds.size },
          },
        });
      }
    },
    { timeout: 180_000, maxWait: 20_000 },
  );

  const [agencies, assessments, scores, results, publications] = await Promise.all([
    prisma.agency.count(),
    prisma.assessment.count(),
    prisma.score.count(),
    prisma.result.count(),
    prisma.publication.count(),
  ]);
  return { isFirstLoad: !wasLoaded, counts: { agencies, assessments, scores, results, publications } };
}

async function seedUnitTypes(tx: Tx): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const unitType of UNIT_TYPES) {
    const row = await tx.unitType.upsert({ where: { code: unitType.code }, create: unitType, update: {}, select: { id: true } });
    ids.set(unitType.code, row.id);
  }
  return ids;
}

async function seedAgencies(tx: Tx, unitTypeIds: Map<string, string>): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const agency of [...DEMO_DEPARTMENTS, ...DEMO_COMMUNES]) {
    const row = await tx.agency.upsert({
      where: { slug: agency.slug },
      create: {
        slug: agency.slug,
        name: agency.name,
        shortName: agency.shortName ?? null,
        unitTypeId: required(unitTypeIds.get(agency.unitTypeCode), agency.unitTypeCode),
        activeFrom: agency.activeFrom ? new Date(agency.activeFrom) : null,
        activeTo: agency.activeTo ? new Date(agency.activeTo) : null,
        isRanked: agency.isRanked ?? true,
      },
      update: {},
      select: { id: true },
    });
    ids.set(agency.slug, row.id);
  }
  await tx.agencySuccession.createMany({
    data: DEMO_SUCCESSIONS.map((succession) => ({
      predecessorId: required(ids.get(succession.predecessor), succession.predecessor),
      successorId: required(ids.get(succession.successor), succession.successor),
      kind: succession.kind,
      effectiveOn: new Date(SUCCESSION_DATE),
    })),
    skipDuplicates: true,
  });
  return ids;
}

async function seedAppraiserUnits(tx: Tx, agencyIds: Map<string, string>): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const unit of DEMO_APPRAISER_UNITS) {
    const row = await tx.appraiserUnit.upsert({
      where: { name: unit.name },
      create: { name: unit.name, agencyId: agencyIds.get(unit.agencySlug) ?? null, isCoordinator: unit.isCoordinator },
      update: {},
      select: { id: true },
    });
    ids.set(unit.name, row.id);
  }
  return ids;
}

async function seedUsers(
  tx: Tx,
  agencyIds: Map<string, string>,
  appraiserUnitIds: Map<string, string>,
  passwordHashes: Map<string, string>,
): Promise<void> {
  for (const user of DEMO_USERS) {
    await tx.user.upsert({
      where: { email: user.email },
      create: {
        email: user.email,
        name: user.name,
        passwordHash: required(passwordHashes.get(user.email), user.email),
        roles: user.roles,
        agencyId: user.agencySlug ? required(agencyIds.get(user.agencySlug), user.agencySlug) : null,
        appraiserUnitId: user.appraiserUnitName ? required(appraiserUnitIds.get(user.appraiserUnitName), user.appraiserUnitName) : null,
        isAppraisalLead: user.isAppraisalLead ?? false,
      },
      update: {},
    });
  }
}

type StoredCriterion = SeedCriterion & { id: string };

async function seedYear(
  tx: Tx,
  demoYear: DemoYear,
  unitTypeIds: Map<string, string>,
  agencyIds: Map<string, string>,
  appraiserUnitIds: Map<string, string>,
): Promise<void> {
  const referenceSets = UNIT_TYPES.map((unitType) => ({ unitType, set: loadReferenceCriteriaSet(REFERENCE_FILES[unitType.code]) }));
  const departmentsSet = required(referenceSets[0], "departments set").set;
  const year = await tx.assessmentYear.upsert({
    where: { year: demoYear.year },
    create: {
      year: demoYear.year,
      phase: demoYear.phase,
      precision: departmentsSet.precision,
      isSurveyIncluded: true,
      maxBonusPoints: formatThousandths(departmentsSet.maxBonusPoints),
      maxPenaltyPoints: formatThousandths(departmentsSet.maxPenaltyPoints),
    },
    update: {},
    select: { id: true, year: true, phase: true, precision: true, isSurveyIncluded: true, maxBonusPoints: true, maxPenaltyPoints: true },
  });
  await tx.phaseDeadline.createMany({
    data: demoYear.deadlines.map((deadline) => ({ yearId: year.id, phase: deadline.phase, endsAt: new Date(deadline.endsAt) })),
    skipDuplicates: true,
  });

  const rankedByUnitType: { unitTypeId: string; unitTypeName: string; rows: TPublicationSnapshot["unitTypes"][number]["rows"] }[] = [];
  for (const { unitType, set } of referenceSets) {
    const unitTypeId = required(unitTypeIds.get(unitType.code), unitType.code);
    await tx.gradingBand.createMany({
      data: set.bands.map((band, index) => ({
        yearId: year.id,
        unitTypeId,
        label: band.label,
        minPercent: formatThousandths(band.minPercentThousandths),
        sortOrder: index,
      })),
      skipDuplicates: true,
    });
    const criteria = await seedCriteriaSet(tx, year, unitTypeId, set, appraiserUnitIds);
    const agencies = [...DEMO_DEPARTMENTS, ...DEMO_COMMUNES].filter(
      (agency) => agency.unitTypeCode === unitType.code && isActiveAtYearEnd(agency, demoYear.year),
    );
    if (demoYear.phase === "PUBLISHED") {
      const rows = await seedPublishedAssessments(tx, year, unitTypeId, criteria, agencies, agencyIds, buildSeedTree(set));
      rankedByUnitType.push({ unitTypeId, unitTypeName: unitType.name, rows });
    } else {
      await seedAssessmentsInProgress(tx, year.id, criteria, agencies, agencyIds);
    }
  }

  if (demoYear.publication && (await tx.publication.count({ where: { yearId: year.id } })) === 0) {
    const snapshot = ZPublicationSnapshot.parse({
      year: demoYear.year,
      precision: year.precision as Precision,
      unitTypes: rankedByUnitType,
    } satisfies TPublicationSnapshot);
    await tx.publication.create({
      data: {
        yearId: year.id,
        number: demoYear.publication.number,
        issuedOn: new Date(demoYear.publication.issuedOn),
        publishedAt: new Date(`${demoYear.publication.issuedOn}T10:00:00+07:00`),
        snapshot,
      },
    });
  }
}

async function seedCriteriaSet(
  tx: Tx,
  year: { id: string; year: number; phase: string },
  unitTypeId: string,
  reference: SeedCriteriaSet,
  appraiserUnitIds: Map<string, string>,
): Promise<StoredCriterion[]> {
  const existing = await tx.criteriaSet.findUnique({ where: { yearId_unitTypeId: { yearId: year.id, unitTypeId } }, select: { id: true } });
  let criteriaSetId = existing?.id;
  if (!criteriaSetId) {
    // Earlier demo years reuse the 2026 structure under their own title.
    const created = await tx.criteriaSet.create({
      data: {
        yearId: year.id,
        unitTypeId,
        title: reference.title.replace(String(reference.year), String(year.year)),
        totalMaxPoints: formatThousandths(reference.totalMaxPoints),
        frozenAt: year.phase === "SETUP" ? null : new Date(`${year.year}-11-30T00:00:00+07:00`),
      },
      select: { id: true },
    });
    criteriaSetId = created.id;
    const idsByCode = new Map(reference.criteria.map((criterion) => [criterion.code, randomUUID()]));
    await tx.criterion.createMany({
      data: reference.criteria.map((criterion) => ({
        id: required(idsByCode.get(criterion.code), criterion.code),
        criteriaSetId: criteriaSetId as string,
        parentId: criterion.parentCode ? required(idsByCode.get(criterion.parentCode), criterion.parentCode) : null,
        code: criterion.code,
        title: criterion.title,
        guidance: criterion.guidance,
        section: criterion.section,
        maxPoints: formatThousandths(criterion.maxPoints),
        method: criterion.method?.method ?? null,
        params: criterion.method ? criterion.method.params : undefined,
        isEvidenceRequired: criterion.isEvidenceRequired,
        appraiserUnitId: criterion.appraiserUnitName ? required(appraiserUnitIds.get(criterion.appraiserUnitName), criterion.appraiserUnitName) : null,
        sortOrder: criterion.sortOrder,
      })),
    });
  }
  const stored = await tx.criterion.findMany({ where: { criteriaSetId }, select: { id: true, code: true } });
  const idByCode = new Map(stored.map((row) => [row.code, row.id]));
  return reference.criteria.map((criterion) => ({ ...criterion, id: required(idByCode.get(criterion.code), criterion.code) }));
}

// ---------------------------------------------------------------------------
// Published years: finalized assessments with two appraisal rounds, survey results, results.
// ---------------------------------------------------------------------------

const APPRAISAL_REASONS = [
  "Tài liệu kiểm chứng chưa thể hiện đầy đủ kết quả thực hiện.",
  "Số liệu tự đánh giá chưa khớp với số liệu trên Hệ thống thông tin giải quyết thủ tục hành chính.",
  "Văn bản ban hành chậm so với thời hạn quy định.",
  "Chưa cung cấp báo cáo kết quả thực hiện của cơ quan.",
];
const EXPLANATIONS = [
  "Đơn vị bổ sung báo cáo kết quả thực hiện và danh sách văn bản kèm theo.",
  "Số liệu đã được đối chiếu lại với Hệ thống, đơn vị gửi kèm bản trích xuất.",
];

type YearRow = { id: string; year: number; precision: number; isSurveyIncluded: boolean; maxBonusPoints: unknown; maxPenaltyPoints: unknown };

async function seedPublishedAssessments(
  tx: Tx,
  year: YearRow,
  unitTypeId: string,
  criteria: StoredCriterion[],
  agencies: DemoAgency[],
  agencyIds: Map<string, string>,
  tree: CriteriaTree,
): Promise<TPublicationSnapshot["unitTypes"][number]["rows"]> {
  const criteriaSetId = await criteriaSetIdOf(tx, year.id, unitTypeId);
  const yearEnd = (month: number, day: number) => new Date(Date.UTC(year.year + 1, month - 1, day, 3));
  const totals: { agency: DemoAgency; agencyId: string; totalPoints: number; maxPoints: number; surveyPoints: number; bonus: number; penalty: number; domains: unknown }[] = [];

  for (const agency of agencies) {
    const agencyId = required(agencyIds.get(agency.slug), agency.slug);
    const random = seededRandom(`${agency.slug}:${year.year}`);
    const assessment = await tx.assessment.upsert({
      where: { agencyId_yearId: { agencyId, yearId: year.id } },
      create: {
        agencyId,
        yearId: year.id,
        criteriaSetId,
        status: "FINALIZED",
        submittedAt: yearEnd(1, 14),
        finalizedAt: yearEnd(2, 25),
      },
      update: {},
      select: { id: true },
    });

    const scores: Prisma.ScoreCreateManyInput[] = [];
    const surveyResults: Prisma.SurveyResultCreateManyInput[] = [];
    const leafScores = new Map<string, LeafScore>();
    for (const criterion of criteria) {
      if (!criterion.method) continue;
      if (criterion.method.method === "SURVEY") {
        const points = surveyPoints(criterion.maxPoints, agency.quality, random);
        surveyResults.push({ yearId: year.id, agencyId, criterionId: criterion.id, points: formatThousandths(points), importedAt: yearEnd(2, 20) });
        scores.push({ assessmentId: assessment.id, criterionId: criterion.id, finalPoints: formatThousandths(points) });
        leafScores.set(criterion.code, { survey: points });
        continue;
      }
      const selfInput = generateInput(criterion, agency.quality, random);
      const self = score(criterion, selfInput);
      const row: Prisma.ScoreCreateManyInput = {
        assessmentId: assessment.id,
        criterionId: criterion.id,
        selfInput,
        selfPoints: formatThousandths(self.points),
        selfUpdatedAt: yearEnd(1, 10),
      };
      const leafScore: LeafScore = { self };
      let final = self;
      const lowered = random() < 0.15 ? lowerInput(criterion, selfInput) : null;
      if (lowered) {
        const round1 = score(criterion, lowered);
        if (round1.points !== self.points) {
          Object.assign(row, {
            round1Input: lowered,
            round1Points: formatThousandths(round1.points),
            round1Reason: pick(APPRAISAL_REASONS, random),
            round1At: yearEnd(2, 3),
          });
          final = round1;
          leafScore.round1 = round1;
          if (random() < 0.35) {
            // The agency's explanation convinced the council: round 2 restores the self score.
            Object.assign(row, {
              explanation: pick(EXPLANATIONS, random),
              explanationAt: yearEnd(2, 10),
              round2Input: selfInput,
              round2Points: formatThousandths(self.points),
              round2Reason: "Chấp nhận giải trình của đơn vị.",
              round2At: yearEnd(2, 18),
            });
            final = self;
            leafScore.round2 = self;
          }
        }
      }
      row.finalPoints = formatThousandths(final.points);
      scores.push(row);
      leafScores.set(criterion.code, leafScore);
    }
    await tx.score.createMany({ data: scores, skipDuplicates: true });
    await tx.surveyResult.createMany({ data: surveyResults, skipDuplicates: true });

    const counted = computeAssessmentTotals(tree, leafScores, {
      isFinalized: true,
      isSurveyIncluded: year.isSurveyIncluded,
      precision: year.precision as Precision,
    }).final;
    if (!counted) throw new Error("A finalized assessment has final totals");
    totals.push({
      agency,
      agencyId,
      totalPoints: counted.totalPoints,
      maxPoints: counted.maxPoints,
      surveyPoints: counted.surveyPoints,
      bonus: counted.bonusPoints,
      penalty: counted.penaltyPoints,
      domains: counted.domains.map((domain) => ({
        code: domain.code,
        points: formatThousandths(domain.points),
        maxPoints: formatThousandths(domain.maxPoints),
      })),
    });
  }

  const previousResults = new Map(
    (
      await tx.result.findMany({
        where: { year: { year: year.year - 1 }, unitTypeId, agencyId: { in: totals.map((total) => total.agencyId) } },
        select: { agencyId: true, rank: true, indexPercent: true },
      })
    ).map((row) => [row.agencyId, { rank: row.rank, indexPercentThousandths: toThousandths(row.indexPercent.toFixed(3)) }]),
  );
  const totalsByAgency = new Map(totals.map((total) => [total.agencyId, total]));
  const bands = (await tx.gradingBand.findMany({ where: { yearId: year.id, unitTypeId }, select: { label: true, minPercent: true } })).map(
    (band) => ({ label: band.label, minPercentThousandths: toThousandths(band.minPercent.toFixed(3)) }),
  );
  const ranked = rankResults(
    totals.map((total) => ({
      agencyId: total.agencyId,
      agencyName: total.agency.name,
      totalThousandths: total.totalPoints,
      maxThousandths: total.maxPoints,
      isRanked: total.agency.isRanked ?? true,
      previous: previousResults.get(total.agencyId) ?? null,
    })),
    bands,
    year.precision as Precision,
  );
  await tx.result.createMany({
    data: ranked.map((result) => {
      const total = required(totalsByAgency.get(result.agencyId), result.agencyId);
      return {
        yearId: year.id,
        agencyId: result.agencyId,
        unitTypeId,
        totalPoints: formatThousandths(result.totalThousandths),
        maxPoints: formatThousandths(result.maxThousandths),
        surveyPoints: formatThousandths(total.surveyPoints),
        bonusPoints: formatThousandths(total.bonus),
        penaltyPoints: formatThousandths(total.penalty),
        indexPercent: formatThousandths(result.indexPercent.thousandths),
        rank: result.rank,
        rankedCount: result.rankedCount,
        bandLabel: result.bandLabel,
        rankChange: result.rankChange,
        domainBreakdown: total.domains as Prisma.InputJsonValue,
        computedAt: yearEnd(2, 25),
      };
    }),
    skipDuplicates: true,
  });

  // rankResults lists them in display order: rank, then Vietnamese name order.
  return ranked.map((result) => {
    const agency = required(totalsByAgency.get(result.agencyId), result.agencyId).agency;
    return {
      agencyId: result.agencyId,
      agencySlug: agency.slug,
      agencyName: agency.name,
      totalPoints: formatThousandths(result.totalThousandths),
      maxPoints: formatThousandths(result.maxThousandths),
      indexPercent: result.indexPercent.text,
      rank: result.rank,
      rankedCount: result.rankedCount,
      bandLabel: result.bandLabel,
      rankChange: result.rankChange,
    };
  });
}

// ---------------------------------------------------------------------------
// The open year: a few agencies part-way through their self-assessment.
// ---------------------------------------------------------------------------

// Why a finished draft has no files attached: the demo seeds no evidence files, and a written
// explanation is what the guidance accepts in their place.
const EVIDENCE_EXPLANATIONS = [
  "Văn bản gốc lưu tại Văn phòng Sở (bản giấy); đơn vị cung cấp khi Đoàn thẩm định yêu cầu.",
  "Kết quả thực hiện được tổng hợp trong Báo cáo công tác CCHC năm 2026 của Sở, đã gửi Sở Nội vụ.",
  "Số liệu trích xuất từ Hệ thống thông tin giải quyết thủ tục hành chính tỉnh, Đoàn thẩm định tra cứu trực tiếp.",
];

async function seedAssessmentsInProgress(
  tx: Tx,
  yearId: string,
  criteria: StoredCriterion[],
  agencies: DemoAgency[],
  agencyIds: Map<string, string>,
): Promise<void> {
  const criteriaSetId = required(
    (await tx.criterion.findFirst({ where: { id: required(criteria[0], "criteria").id }, select: { criteriaSetId: true } }))?.criteriaSetId,
    "criteria set",
  );
  for (const progress of DEMO_2026_PROGRESS) {
    const agency = agencies.find((candidate) => candidate.slug === progress.slug);
    if (!agency) continue;
    const agencyId = required(agencyIds.get(agency.slug), agency.slug);
    const random = seededRandom(`${agency.slug}:open`);
    const assessment = await tx.assessment.upsert({
      where: { agencyId_yearId: { agencyId, yearId } },
      create: {
        agencyId,
        yearId,
        criteriaSetId,
        status: progress.isSubmitted ? "SUBMITTED" : "DRAFT",
        submittedAt: progress.isSubmitted ? new Date("2026-11-20T09:30:00+07:00") : null,
      },
      update: {},
      select: { id: true },
    });
    const selfScored = criteria.filter((criterion) => criterion.method && criterion.method.method !== "SURVEY");
    const answered = selfScored.slice(0, Math.round(selfScored.length * progress.answeredShare));
    await tx.score.createMany({
      data: answered.map((criterion) => {
        const selfInput = generateInput(criterion, agency.quality, random);
        const isStillGathering = criterion.isEvidenceRequired && random() < 0.2;
        return {
          assessmentId: assessment.id,
          criterionId: criterion.id,
          selfInput,
          selfPoints: formatThousandths(score(criterion, selfInput).points),
          selfNote: isStillGathering && !progress.isReadyToSubmit ? "Đơn vị đang tổng hợp tài liệu kiểm chứng." : null,
          selfExplanation: criterion.isEvidenceRequired && progress.isReadyToSubmit ? pick(EVIDENCE_EXPLANATIONS, random) : null,
          selfUpdatedAt: new Date("2026-11-18T15:00:00+07:00"),
        };
      }),
      skipDuplicates: true,
    });
  }
}

// ---------------------------------------------------------------------------
// Generated inputs (plausible, deterministic per agency and year)
// ---------------------------------------------------------------------------

type ScoredCriterion = StoredCriterion & { method: TCriterionMethod };

function score(criterion: StoredCriterion, input: Prisma.InputJsonObject) {
  const outcome = scoreInput({ ...(criterion.method as TCriterionMethod), maxPoints: criterion.maxPoints }, input);
  if (!outcome.ok) throw new Error(`Seed produced an invalid input for ${criterion.code}: ${outcome.code}`);
  return outcome;
}

function generateInput(criterion: StoredCriterion, quality: number, random: () => number): Prisma.InputJsonObject {
  const { method } = criterion as ScoredCriterion;
  const jitter = () => quality + (random() - 0.5) * 0.25;
  switch (method.method) {
    case "BOOLEAN":
      // Bonus items are rare; the rest are usually achieved.
      return { isAchieved: random() < (criterion.section === "BONUS" ? quality - 0.6 : quality + 0.05) };
    case "CATEGORICAL": {
      const r = random();
      const last = method.params.options.length - 1;
      return { optionIndex: r < quality ? 0 : r < quality + (1 - quality) * 0.7 ? Math.min(1, last) : last };
    }
    case "TIERED_RATE":
    case "PROPORTIONAL_RATE": {
      const denominator = 5 + Math.floor(random() * 200);
      const rate = random() < quality * 0.6 ? 1 : clamp(jitter(), 0, 1);
      return { numerator: Math.round(rate * denominator), denominator };
    }
    case "TIERED_COUNT": {
      const top = Math.max(...method.params.tiers.map((tier) => tier.minCount));
      return { count: random() < quality ? top + Math.floor(random() * 4) : Math.floor(random() * (top + 1)) };
    }
    case "MANUAL": {
      const step = toThousandths(method.params.step);
      const steps = Math.floor(criterion.maxPoints / step);
      return { points: (Math.round(steps * clamp(jitter(), 0, 1)) * step) / 1000 };
    }
    case "DEDUCTION":
      return { count: random() < (1 - quality) * 0.8 ? 1 + Math.floor(random() * 3) : 0 };
    case "SURVEY":
      throw new Error("Survey criteria are imported, not entered");
  }
}

/** A lower appraised input than the self input, as an appraiser would set it; null if none. */
function lowerInput(criterion: StoredCriterion, input: Prisma.InputJsonObject): Prisma.InputJsonObject | null {
  const { method } = criterion as ScoredCriterion;
  switch (method.method) {
    case "BOOLEAN":
      return input.isAchieved ? { isAchieved: false } : null;
    case "CATEGORICAL": {
      const index = Number(input.optionIndex);
      return index < method.params.options.length - 1 ? { optionIndex: index + 1 } : null;
    }
    case "TIERED_RATE":
    case "PROPORTIONAL_RATE": {
      const numerator = Number(input.numerator);
      const denominator = Number(input.denominator);
      return numerator > 0 ? { numerator: Math.floor(numerator * 0.85), denominator } : null;
    }
    case "TIERED_COUNT":
    case "DEDUCTION":
      return Number(input.count) > 0 ? { count: Number(input.count) - 1 } : null;
    case "MANUAL": {
      const points = toThousandths(Number(input.points)) - toThousandths(method.params.step);
      return points >= 0 ? { points: points / 1000 } : null;
    }
    case "SURVEY":
      return null;
  }
}

/** Survey points: the max scaled by the agency's standing, rounded to hundredths as surveys report. */
function surveyPoints(maxPoints: number, quality: number, random: () => number): number {
  const share = clamp(quality + 0.04 + (random() - 0.6) * 0.12, 0.5, 1);
  return Math.round((maxPoints * share) / 10) * 10;
}

async function criteriaSetIdOf(tx: Tx, yearId: string, unitTypeId: string): Promise<string> {
  const set = await tx.criteriaSet.findUniqueOrThrow({ where: { yearId_unitTypeId: { yearId, unitTypeId } }, select: { id: true } });
  return set.id;
}

function isActiveAtYearEnd(agency: DemoAgency, year: number): boolean {
  const yearEnd = `${year}-12-31`;
  return (!agency.activeFrom || agency.activeFrom <= yearEnd) && (!agency.activeTo || agency.activeTo >= yearEnd);
}

function pick<T>(items: readonly T[], random: () => number): T {
  return required(items[Math.floor(random() * items.length)], "item");
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function required<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`Seed data is inconsistent: missing ${what}`);
  return value;
}

/** The reference set as a validated tree; a seed set that breaks a rule stops the seed. */
function buildSeedTree(set: SeedCriteriaSet): CriteriaTree {
  const built = buildCriteriaTree({
    criteria: set.criteria,
    totalMaxPoints: set.totalMaxPoints,
    maxBonusPoints: set.maxBonusPoints,
    maxPenaltyPoints: set.maxPenaltyPoints,
  });
  if (!built.ok) throw new Error(`Invalid seed criteria set "${set.title}": ${built.problems.map((problem) => problem.message).join(" ")}`);
  return built.tree;
}
