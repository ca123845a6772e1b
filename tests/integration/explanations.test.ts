import { describe, expect, it } from "vitest";

import { loadActor } from "@/lib/auth/actor";
import { computeAssessmentTotals, type LeafScore } from "@/lib/domain/assessment-totals";
import { buildCriteriaTree } from "@/lib/domain/criteria-tree";
import { formatThousandths, toThousandths } from "@/lib/domain/points";
import { getSelfAssessmentForm } from "@/lib/services/get-self-assessment-form";
import { saveExplanation } from "@/lib/services/save-explanation";
import { sendExplanations } from "@/lib/services/send-explanations";
import { createTestDatabase } from "@/tests/support/test-database";

// After round 1: what the agency sees of its appraisal, its explanations (giải trình) and the head
// sending them back. Sở Y tế's 2026 draft is taken through round 1 by hand, as the appraisal
// services of issue 6 will leave it; the describes run in order on one seeded database.
const { prisma } = await createTestDatabase("seeded");

const NOW = new Date("2027-02-10T09:00:00+07:00");
const EXPLANATION_DEADLINE = new Date("2027-02-20T23:59:59.999+07:00");
const AFTER_EXPLANATION_DEADLINE = new Date("2027-02-21T08:00:00+07:00");
const FORBIDDEN = { ok: false, code: "FORBIDDEN", message: "Bạn không có quyền thực hiện thao tác này." };

async function userId(email: string) {
  return (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}
const editorId = await userId("bientap.syt@songlam.demo");
const headId = await userId("lanhdao.syt@songlam.demo");

const health = await prisma.assessment.findFirstOrThrow({
  where: { agency: { slug: "so-y-te" }, year: { year: 2026 } },
  select: { id: true, yearId: true, criteriaSetId: true, agencyId: true },
});

/** Round 1 by hand: A lowered by 0.25 and B set to 0 (both disputed, with reasons), C confirmed. */
const [scoreA, scoreB, scoreC] = await prisma.score.findMany({
  where: { assessmentId: health.id, selfPoints: { gt: 0.5 } },
  orderBy: { criterion: { sortOrder: "asc" } },
  take: 3,
  select: { id: true, criterionId: true, selfInput: true, selfPoints: true, criterion: { select: { code: true } } },
});
if (!scoreA || !scoreB || !scoreC) throw new Error("Sở Y tế has fewer than three criteria scored above 0.5");
await prisma.assessmentYear.update({ where: { id: health.yearId }, data: { phase: "APPRAISAL" } });
await prisma.phaseDeadline.upsert({
  where: { yearId_phase: { yearId: health.yearId, phase: "EXPLANATION" } },
  create: { yearId: health.yearId, phase: "EXPLANATION", endsAt: EXPLANATION_DEADLINE },
  update: { endsAt: EXPLANATION_DEADLINE },
});
await prisma.assessment.update({ where: { id: health.id }, data: { status: "UNDER_APPRAISAL", submittedAt: new Date("2027-01-10T10:00:00+07:00"), version: { increment: 1 } } });
await prisma.score.update({ where: { id: scoreA.id }, data: { round1Points: scoreA.selfPoints?.minus(0.25), round1Reason: "Kế hoạch ban hành chậm 10 ngày." } });
await prisma.score.update({ where: { id: scoreB.id }, data: { round1Points: 0, round1Reason: "Không có tài liệu kiểm chứng." } });
await prisma.score.update({ where: { id: scoreC.id }, data: { round1Input: scoreC.selfInput ?? undefined, round1Points: scoreC.selfPoints } });

async function formOf(actorId: string, now = NOW) {
  const actor = await loadActor(prisma, actorId);
  if (!actor) throw new Error("no actor");
  const { assessment } = await getSelfAssessmentForm(prisma, actor, now);
  if (!assessment) throw new Error("no assessment");
  return assessment;
}

async function snapshot() {
  const [assessment, scores, events] = await Promise.all([
    prisma.assessment.findUniqueOrThrow({ where: { id: health.id } }),
    prisma.score.findMany({ where: { assessmentId: health.id }, orderBy: { id: "asc" } }),
    prisma.auditEvent.count({ where: { assessmentId: health.id } }),
  ]);
  return { assessment, scores, events };
}

/** The appraised total, computed here from the stored points with lib/domain, independently of the loader. */
async function expectedAppraisedTotal() {
  const set = await prisma.criteriaSet.findUniqueOrThrow({
    where: { id: health.criteriaSetId },
    select: {
      year: { select: { maxBonusPoints: true, maxPenaltyPoints: true, isSurveyIncluded: true, precision: true } },
      criteria: { select: { id: true, code: true, parent: { select: { code: true } }, title: true, section: true, maxPoints: true, method: true, params: true } },
    },
  });
  const built = buildCriteriaTree({
    criteria: set.criteria.map((criterion) => ({
      code: criterion.code,
      parentCode: criterion.parent?.code ?? null,
      title: criterion.title,
      section: criterion.section,
      maxPoints: toThousandths(criterion.maxPoints.toFixed(3)),
      method: criterion.method ? { method: criterion.method, params: criterion.params } : null,
    })),
    maxBonusPoints: toThousandths(set.year.maxBonusPoints.toFixed(3)),
    maxPenaltyPoints: toThousandths(set.year.maxPenaltyPoints.toFixed(3)),
  });
  if (!built.ok) throw new Error("invalid set");
  const codes = new Map(set.criteria.map((criterion) => [criterion.id, criterion.code]));
  const leaves = new Map<string, LeafScore>();
  for (const score of await prisma.score.findMany({ where: { assessmentId: health.id }, select: { criterionId: true, selfPoints: true, round1Points: true } })) {
    leaves.set(codes.get(score.criterionId)!, {
      self: score.selfPoints ? { points: toThousandths(score.selfPoints.toFixed(3)) } : null,
      round1: score.round1Points ? { points: toThousandths(score.round1Points.toFixed(3)) } : null,
    });
  }
  const totals = computeAssessmentTotals(built.tree, leaves, { isFinalized: false, isSurveyIncluded: set.year.isSurveyIncluded, precision: set.year.precision === 3 ? 3 : 2 });
  return { self: formatThousandths(totals.self.totalPoints), appraised: formatThousandths(totals.appraised.totalPoints), percent: totals.appraised.indexPercent?.text ?? null };
}

describe("what the agency sees of round 1", () => {
  it("sees nothing of the appraisal while round 1 is still under way", async () => {
    const form = await formOf(editorId);
    expect(form.appraisal).toBeNull();
    expect(form.scores.every((score) => score.appraisal === null)).toBe(true);
    expect(form.isEditable).toBe(false);
  });

  it("once returned, sees per criterion its points, the appraised points and the reason, and the totals side by side", async () => {
    await prisma.assessment.update({ where: { id: health.id }, data: { status: "RETURNED", returnedAt: NOW, version: { increment: 1 } } });
    const form = await formOf(editorId);
    const byCriterion = new Map(form.scores.map((score) => [score.criterionId, score]));
    expect(byCriterion.get(scoreA.criterionId)?.appraisal).toMatchObject({
      round1Points: scoreA.selfPoints!.minus(0.25).toFixed(3),
      round1Reason: "Kế hoạch ban hành chậm 10 ngày.",
      isDisputed: true,
      explanation: null,
      round2Points: null,
      finalPoints: null,
    });
    expect(byCriterion.get(scoreB.criterionId)?.appraisal).toMatchObject({ round1Points: "0.000", isDisputed: true });
    expect(byCriterion.get(scoreC.criterionId)?.appraisal).toMatchObject({ round1Points: scoreC.selfPoints!.toFixed(3), isDisputed: false });
    expect(form.scores.filter((score) => score.appraisal?.isDisputed)).toHaveLength(2);

    const expected = await expectedAppraisedTotal();
    expect(form.appraisal).toMatchObject({
      isExplainable: true,
      canSendExplanations: false,
      explanationDeadline: EXPLANATION_DEADLINE,
      selfTotal: { points: expected.self },
      appraisedTotal: { points: expected.appraised, indexPercent: expected.percent },
      finalTotal: null,
      result: null,
    });
    // Round 1 took points away: 0.25 from A and all of B's.
    expect(toThousandths(expected.appraised)).toBeLessThan(toThousandths(expected.self));

    const headView = await formOf(headId);
    expect(headView.appraisal).toMatchObject({ isExplainable: true, canSendExplanations: true });
    // After the explanation deadline the page offers neither.
    expect((await formOf(headId, AFTER_EXPLANATION_DEADLINE)).appraisal).toMatchObject({ isExplainable: false, canSendExplanations: false });
  });
});

describe("sending the explanations back", () => {
  it("refuses the editor, another agency's head, bad ids and a late sending, changing nothing", async () => {
    const before = await snapshot();
    const otherHead = (
      await prisma.user.create({
        data: { email: "lanhdao.sct@test.demo", name: "Lãnh đạo Sở Công Thương", passwordHash: "-", roles: ["AGENCY_HEAD"], agency: { connect: { slug: "so-cong-thuong" } } },
        select: { id: true },
      })
    ).id;
    expect(await sendExplanations(prisma, editorId, { assessmentId: health.id }, NOW)).toEqual(FORBIDDEN);
    expect(await sendExplanations(prisma, otherHead, { assessmentId: health.id }, NOW)).toEqual(FORBIDDEN);
    expect(await sendExplanations(prisma, null, { assessmentId: health.id }, NOW)).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await sendExplanations(prisma, headId, { assessmentId: "" }, NOW)).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
    expect(await sendExplanations(prisma, headId, { assessmentId: "no-such-assessment" }, NOW)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await sendExplanations(prisma, headId, { assessmentId: health.id }, AFTER_EXPLANATION_DEADLINE)).toEqual({
      ok: false,
      code: "WRONG_PHASE",
      message: "Đã hết thời hạn thực hiện thao tác này.",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("sends them: the assessment goes back to the appraisers with one audit event counting the answers", async () => {
    const a = await prisma.score.findUniqueOrThrow({ where: { id: scoreA.id }, select: { version: true } });
    const explanation = "Kế hoạch ban hành ngày 05/01, đúng thời hạn theo Công văn số 15/SNV.";
    expect(await saveExplanation(prisma, editorId, { assessmentId: health.id, criterionId: scoreA.criterionId, scoreVersion: a.version, explanation }, NOW)).toMatchObject({ ok: true });
    const { version } = await prisma.assessment.findUniqueOrThrow({ where: { id: health.id }, select: { version: true } });

    expect(await sendExplanations(prisma, headId, { assessmentId: health.id }, NOW)).toEqual({
      ok: true,
      value: { status: "UNDER_APPRAISAL", version: version + 1, disputed: 2, explained: 1 },
    });
    expect(await prisma.assessment.findUniqueOrThrow({ where: { id: health.id }, select: { status: true, version: true } })).toEqual({ status: "UNDER_APPRAISAL", version: version + 1 });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { assessmentId: health.id }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({
      type: "EXPLANATIONS_SENT",
      actorId: headId,
      subjectType: "Assessment",
      before: { status: "RETURNED", version },
      after: { status: "UNDER_APPRAISAL", version: version + 1, disputed: 2, explained: 1 },
    });

    // Sent: no more explaining, no second sending; the agency still sees round 1 and what it sent.
    const before = await snapshot();
    const a2 = await prisma.score.findUniqueOrThrow({ where: { id: scoreA.id }, select: { version: true } });
    expect(await saveExplanation(prisma, editorId, { assessmentId: health.id, criterionId: scoreA.criterionId, scoreVersion: a2.version, explanation: "Sửa lại." }, NOW)).toMatchObject({
      ok: false,
      code: "WRONG_PHASE",
    });
    expect(await sendExplanations(prisma, headId, { assessmentId: health.id }, NOW)).toEqual({
      ok: false,
      code: "WRONG_PHASE",
      message: "Trạng thái hiện tại của hồ sơ tự đánh giá không cho phép thao tác này.",
    });
    expect(await snapshot()).toEqual(before);
    const form = await formOf(headId);
    expect(form.appraisal).toMatchObject({ isExplainable: false, canSendExplanations: false });
    expect(form.scores.find((score) => score.criterionId === scoreA.criterionId)?.appraisal).toMatchObject({ explanation, isDisputed: true, round2Points: null });
  });

  it("a send racing an explanation save: the save either lands before or is refused after, never lost in between", async () => {
    // Returned again (round 1 of another dispute): both the save and the send start at once.
    await prisma.assessment.update({ where: { id: health.id }, data: { status: "RETURNED", returnedAt: NOW, version: { increment: 1 } } });
    const b = await prisma.score.findUniqueOrThrow({ where: { id: scoreB.id }, select: { version: true } });
    const [saved, sent] = await Promise.all([
      saveExplanation(prisma, editorId, { assessmentId: health.id, criterionId: scoreB.criterionId, scoreVersion: b.version, explanation: "Đã bổ sung tài liệu." }, NOW),
      sendExplanations(prisma, headId, { assessmentId: health.id }, NOW),
    ]);
    expect(sent).toMatchObject({ ok: true });
    const stored = await prisma.score.findUniqueOrThrow({ where: { id: scoreB.id }, select: { explanation: true } });
    if (saved.ok) {
      expect(stored.explanation).toBe("Đã bổ sung tài liệu.");
      expect(sent).toMatchObject({ value: { explained: 2 } });
    } else {
      expect(saved.code).toBe("WRONG_PHASE");
      expect(stored.explanation).toBeNull();
      expect(sent).toMatchObject({ value: { explained: 1 } });
    }
  });
});

describe("after round 2", () => {
  it("shows the final decision, its reason, the final points and the year's result once finalized", async () => {
    await prisma.score.update({ where: { id: scoreA.id }, data: { round2Input: scoreA.selfInput ?? undefined, round2Points: scoreA.selfPoints, round2Reason: "Chấp nhận giải trình.", finalPoints: scoreA.selfPoints } });
    await prisma.score.update({ where: { id: scoreB.id }, data: { round2Points: 0, round2Reason: "Giữ nguyên kết quả thẩm định lần 1.", finalPoints: 0 } });
    // Before finalization round 2 stays hidden from the agency.
    expect((await formOf(editorId)).scores.find((score) => score.criterionId === scoreA.criterionId)?.appraisal).toMatchObject({ round2Points: null, round2Reason: null, finalPoints: null });

    await prisma.assessment.update({ where: { id: health.id }, data: { status: "FINALIZED", finalizedAt: NOW, version: { increment: 1 } } });
    await prisma.assessmentYear.update({ where: { id: health.yearId }, data: { phase: "FINALIZED" } });
    const unitTypeId = (await prisma.agency.findUniqueOrThrow({ where: { id: health.agencyId }, select: { unitTypeId: true } })).unitTypeId;
    await prisma.result.create({
      data: { yearId: health.yearId, agencyId: health.agencyId, unitTypeId, totalPoints: 70.5, maxPoints: 100, indexPercent: 70.5, rank: 3, rankedCount: 18, bandLabel: "Khá" },
    });

    const form = await formOf(editorId);
    expect(form.scores.find((score) => score.criterionId === scoreA.criterionId)?.appraisal).toMatchObject({
      round2Points: scoreA.selfPoints!.toFixed(3),
      round2Reason: "Chấp nhận giải trình.",
      finalPoints: scoreA.selfPoints!.toFixed(3),
    });
    expect(form.scores.find((score) => score.criterionId === scoreB.criterionId)?.appraisal).toMatchObject({ round2Points: "0.000", finalPoints: "0.000" });
    expect(form.appraisal?.finalTotal).not.toBeNull();
    expect(form.appraisal?.result).toEqual({ totalPoints: "70.500", maxPoints: "100.000", indexPercent: "70.500", rank: 3, rankedCount: 18, bandLabel: "Khá" });
  });
});
