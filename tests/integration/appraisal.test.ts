import { describe, expect, it } from "vitest";

import { acceptSelfScores } from "@/lib/services/accept-self-scores";
import { appraiseScore } from "@/lib/services/appraise-score";
import { closeExplanation, finalizeAssessment, reopenAssessment, returnForExplanation } from "@/lib/services/appraisal-transitions";
import { saveExplanation } from "@/lib/services/save-explanation";
import { sendExplanations } from "@/lib/services/send-explanations";
import { openForAppraisal } from "@/lib/services/open-for-appraisal";
import { withdrawAssessment } from "@/lib/services/withdraw-assessment";
import { createTestDatabase } from "@/tests/support/test-database";

// The appraisal services (issue 6) on the seeded 2026 year. Xã Kim Liên and Sở Tư pháp have
// submitted; Sở Y tế is a draft. thamdinh.snv is a Sở Nội vụ lead (every criterion), thamdinh.stp
// appraises the criteria assigned to Sở Tư pháp — and, being Sở Tư pháp staff, never its own agency.
// The describes run in order on one database.
const { prisma } = await createTestDatabase("seeded");

const NOW = new Date("2027-01-20T09:00:00+07:00");
const FORBIDDEN = { ok: false, code: "FORBIDDEN", message: "Bạn không có quyền thực hiện thao tác này." };

async function userId(email: string) {
  return (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}
const leadId = await userId("thamdinh.snv@songlam.demo");
const justiceAppraiserId = await userId("thamdinh.stp@songlam.demo");
const healthHeadId = await userId("lanhdao.syt@songlam.demo");

async function assessmentOf(agencySlug: string) {
  return prisma.assessment.findFirstOrThrow({
    where: { agency: { slug: agencySlug }, year: { year: 2026 } },
    select: { id: true, yearId: true, criteriaSetId: true, status: true, version: true },
  });
}
const commune = await assessmentOf("xa-kim-lien");
const justice = await assessmentOf("so-tu-phap");
const health = await assessmentOf("so-y-te");

/** A self-scored criterion of the commune set owned by the given unit, with the commune's self score. */
async function communeCriterion(unitName: string, method: "TIERED_RATE" | "PROPORTIONAL_RATE" | "BOOLEAN" | "CATEGORICAL" | null = null) {
  const criterion = await prisma.criterion.findFirstOrThrow({
    where: { criteriaSetId: commune.criteriaSetId, appraiserUnit: { name: unitName }, method: method ?? { notIn: ["SURVEY"] }, scores: { some: { assessmentId: commune.id, selfPoints: { not: null } } } },
    orderBy: { sortOrder: "asc" },
    select: { id: true, code: true, method: true, maxPoints: true },
  });
  const score = await prisma.score.findUniqueOrThrow({ where: { assessmentId_criterionId: { assessmentId: commune.id, criterionId: criterion.id } }, select: { selfInput: true, selfPoints: true, version: true } });
  return { ...criterion, score };
}

async function snapshot(assessmentId: string) {
  const [assessment, scores, events] = await Promise.all([
    prisma.assessment.findUniqueOrThrow({ where: { id: assessmentId } }),
    prisma.score.findMany({ where: { assessmentId }, orderBy: { id: "asc" } }),
    prisma.auditEvent.count({ where: { assessmentId } }),
  ]);
  return { assessment, scores, events };
}

describe("opening a submitted assessment", () => {
  it("is refused while the year is still in self-assessment, to agency staff, on one's own agency and on a draft", async () => {
    const before = await snapshot(commune.id);
    expect(await openForAppraisal(prisma, leadId, { assessmentId: commune.id }, NOW)).toEqual({
      ok: false,
      code: "WRONG_PHASE",
      message: "Thao tác này không thực hiện được ở giai đoạn hiện tại của kỳ đánh giá.",
    });
    await prisma.assessmentYear.update({ where: { id: commune.yearId }, data: { phase: "APPRAISAL" } });
    expect(await openForAppraisal(prisma, healthHeadId, { assessmentId: commune.id }, NOW)).toEqual(FORBIDDEN);
    expect(await openForAppraisal(prisma, justiceAppraiserId, { assessmentId: justice.id }, NOW)).toEqual(FORBIDDEN);
    expect(await openForAppraisal(prisma, leadId, { assessmentId: health.id }, NOW)).toEqual({
      ok: false,
      code: "WRONG_PHASE",
      message: "Trạng thái hiện tại của hồ sơ tự đánh giá không cho phép thao tác này.",
    });
    expect(await openForAppraisal(prisma, leadId, { assessmentId: "nope" }, NOW)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await openForAppraisal(prisma, leadId, {}, NOW)).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
    expect(await snapshot(commune.id)).toEqual(before);
  });

  it("opens it for every unit; the agency can no longer withdraw it", async () => {
    expect(await openForAppraisal(prisma, justiceAppraiserId, { assessmentId: commune.id }, NOW)).toEqual({ ok: true, value: { status: "UNDER_APPRAISAL", version: commune.version + 1 } });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { assessmentId: commune.id }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ type: "ASSESSMENT_OPENED", actorId: justiceAppraiserId, before: { status: "SUBMITTED" }, after: { status: "UNDER_APPRAISAL" } });
    const communeHead = await prisma.user.create({
      data: { email: "lanhdao.kimlien@test.demo", name: "Lãnh đạo xã Kim Liên", passwordHash: "-", roles: ["AGENCY_HEAD"], agency: { connect: { slug: "xa-kim-lien" } } },
      select: { id: true },
    });
    expect(await withdrawAssessment(prisma, communeHead.id, { assessmentId: commune.id }, NOW)).toMatchObject({ ok: false, code: "WRONG_PHASE" });
    // A second opening finds it already open.
    expect(await openForAppraisal(prisma, leadId, { assessmentId: commune.id }, NOW)).toMatchObject({ ok: false, code: "WRONG_PHASE" });
  });
});

describe("appraising a criterion (round 1)", () => {
  it("keeps the self score without a reason and records who, when and the points computed by the rule", async () => {
    const criterion = await communeCriterion("Sở Tư pháp");
    const result = await appraiseScore(prisma, justiceAppraiserId, { assessmentId: commune.id, criterionId: criterion.id, scoreVersion: criterion.score.version, input: criterion.score.selfInput }, NOW);
    expect(result).toEqual({ ok: true, value: { round: 1, points: criterion.score.selfPoints!.toFixed(3), scoreVersion: criterion.score.version + 1 } });
    expect(await prisma.score.findUniqueOrThrow({ where: { assessmentId_criterionId: { assessmentId: commune.id, criterionId: criterion.id } } })).toMatchObject({
      round1Input: criterion.score.selfInput,
      round1Reason: null,
      round1ById: justiceAppraiserId,
      round1At: NOW,
      round2Points: null,
    });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { assessmentId: commune.id }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ type: "SCORE_APPRAISED", actorId: justiceAppraiserId, subjectId: criterion.code, before: { round: 1, points: null }, after: { round: 1, points: criterion.score.selfPoints!.toFixed(3), reason: null } });
  });

  it("requires a reason when the points differ, refuses off-rule inputs, other units' criteria, survey criteria and drafts — changing nothing", async () => {
    const rate = await communeCriterion("Sở Nội vụ", "TIERED_RATE").catch(() => communeCriterion("Sở Nội vụ", "PROPORTIONAL_RATE"));
    const before = await snapshot(commune.id);
    const base = { assessmentId: commune.id, criterionId: rate.id, scoreVersion: rate.score.version };
    expect(await appraiseScore(prisma, leadId, { ...base, input: { numerator: 0, denominator: 10 } }, NOW)).toEqual({
      ok: false,
      code: "VALIDATION_FAILED",
      message: "Dữ liệu nhập chưa hợp lệ.",
      issues: [{ path: "reason", message: "Cần ghi lý do khi điểm thẩm định khác điểm tự chấm." }],
    });
    expect(await appraiseScore(prisma, leadId, { ...base, input: { numerator: 0, denominator: 10 }, reason: "   " }, NOW)).toMatchObject({ ok: false, code: "VALIDATION_FAILED", issues: [{ path: "reason" }] });
    expect(await appraiseScore(prisma, leadId, { ...base, input: { numerator: 11, denominator: 10 }, reason: "x" }, NOW)).toEqual({
      ok: false,
      code: "VALIDATION_FAILED",
      message: "Dữ liệu nhập chưa hợp lệ.",
      issues: [{ path: "input", message: "Số đạt được không được lớn hơn tổng số." }],
    });
    expect(await appraiseScore(prisma, leadId, { ...base, input: null, reason: "x" }, NOW)).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
    // Sở Tư pháp's appraiser on a Sở Nội vụ criterion.
    expect(await appraiseScore(prisma, justiceAppraiserId, { ...base, input: { numerator: 0, denominator: 10 }, reason: "x" }, NOW)).toEqual(FORBIDDEN);
    // A survey criterion: nobody appraises it, not even a lead.
    const survey = await prisma.criterion.findFirstOrThrow({ where: { criteriaSetId: commune.criteriaSetId, method: "SURVEY" }, select: { id: true } });
    expect(await appraiseScore(prisma, leadId, { ...base, criterionId: survey.id, scoreVersion: 0, input: { points: 1 }, reason: "x" }, NOW)).toEqual(FORBIDDEN);
    // A criterion of another set (the departments').
    const foreign = await prisma.criterion.findFirstOrThrow({ where: { criteriaSetId: justice.criteriaSetId, method: "BOOLEAN" }, select: { id: true } });
    expect(await appraiseScore(prisma, leadId, { ...base, criterionId: foreign.id, input: { isAchieved: true }, reason: "x" }, NOW)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await snapshot(commune.id)).toEqual(before);

    // A draft is not appraised.
    const healthBefore = await snapshot(health.id);
    const healthCriterion = await prisma.criterion.findFirstOrThrow({ where: { criteriaSetId: health.criteriaSetId, method: "BOOLEAN", appraiserUnitId: { not: null } }, select: { id: true } });
    expect(await appraiseScore(prisma, leadId, { assessmentId: health.id, criterionId: healthCriterion.id, scoreVersion: 0, input: { isAchieved: true }, reason: "x" }, NOW)).toEqual({
      ok: false,
      code: "WRONG_PHASE",
      message: "Trạng thái hiện tại của hồ sơ tự đánh giá không cho phép thao tác này.",
    });
    expect(await snapshot(health.id)).toEqual(healthBefore);

    // With a reason the lowered points are stored.
    expect(await appraiseScore(prisma, leadId, { ...base, input: { numerator: 0, denominator: 10 }, reason: "Không hoàn thành nhiệm vụ nào trong kỳ." }, NOW)).toMatchObject({
      ok: true,
      value: { round: 1, points: "0.000" },
    });
  });

  it("two appraisers on one criterion at once: the second is told the first's value and nothing is overwritten", async () => {
    const criterion = await communeCriterion("Sở Tư pháp", "BOOLEAN").catch(() => communeCriterion("Sở Tư pháp"));
    const fresh = await prisma.score.findUniqueOrThrow({ where: { assessmentId_criterionId: { assessmentId: commune.id, criterionId: criterion.id } }, select: { version: true } });
    const first = await appraiseScore(prisma, leadId, { assessmentId: commune.id, criterionId: criterion.id, scoreVersion: fresh.version, input: criterion.score.selfInput }, NOW);
    expect(first).toMatchObject({ ok: true });
    const before = await snapshot(commune.id);
    expect(await appraiseScore(prisma, justiceAppraiserId, { assessmentId: commune.id, criterionId: criterion.id, scoreVersion: fresh.version, input: criterion.score.selfInput }, NOW)).toEqual({
      ok: false,
      code: "STALE_VERSION",
      message: expect.any(String),
      current: { round: 1, input: criterion.score.selfInput, points: criterion.score.selfPoints!.toFixed(3), reason: null, scoreVersion: fresh.version + 1, updatedBy: "Trần Văn Thẩm" },
    });
    expect(await snapshot(commune.id)).toEqual(before);
  });
});

describe("accepting the self scores of a domain or the whole assessment", () => {
  it("fills only the appraiser's own, answered, not yet appraised criteria, one audit event each", async () => {
    expect(await acceptSelfScores(prisma, healthHeadId, { assessmentId: commune.id }, NOW)).toEqual(FORBIDDEN);
    expect(await acceptSelfScores(prisma, justiceAppraiserId, { assessmentId: justice.id }, NOW)).toEqual(FORBIDDEN);
    expect(await acceptSelfScores(prisma, leadId, { assessmentId: commune.id, underCode: "99" }, NOW)).toMatchObject({ ok: false, code: "NOT_FOUND" });

    const mine = await prisma.score.findMany({
      where: { assessmentId: commune.id, round1Points: null, selfInput: { not: { equals: null } }, criterion: { appraiserUnit: { name: "Sở Tư pháp" }, method: { notIn: ["SURVEY"] } } },
      orderBy: { criterion: { sortOrder: "asc" } },
      select: { id: true, selfPoints: true, selfInput: true, criterion: { select: { code: true } } },
    });
    expect(mine.length).toBeGreaterThan(0);
    const eventsBefore = await prisma.auditEvent.count({ where: { assessmentId: commune.id, type: "SCORE_APPRAISED" } });
    const result = await acceptSelfScores(prisma, justiceAppraiserId, { assessmentId: commune.id }, NOW);
    if (!result.ok) throw new Error(result.message);
    expect(result.value.round).toBe(1);
    expect(result.value.accepted).toEqual(mine.map((score) => score.criterion.code));
    expect(result.value.skipped).toBeGreaterThan(0);
    for (const score of mine) {
      const stored = await prisma.score.findUniqueOrThrow({ where: { id: score.id }, select: { round1Points: true, round1Input: true, round1ById: true, round1Reason: true } });
      expect(stored).toMatchObject({ round1Input: score.selfInput, round1ById: justiceAppraiserId, round1Reason: null });
      expect(stored.round1Points?.toFixed(3)).toBe(score.selfPoints?.toFixed(3));
    }
    expect(await prisma.auditEvent.count({ where: { assessmentId: commune.id, type: "SCORE_APPRAISED" } })).toBe(eventsBefore + mine.length);

    // A lead, one domain: only that domain, and nothing already appraised is touched again.
    const domain = await acceptSelfScores(prisma, leadId, { assessmentId: commune.id, underCode: "1" }, NOW);
    if (!domain.ok) throw new Error(domain.message);
    expect(domain.value.accepted.every((code) => code.startsWith("1."))).toBe(true);
    expect(domain.value.accepted.some((code) => result.value.accepted.includes(code))).toBe(false);
    const again = await acceptSelfScores(prisma, leadId, { assessmentId: commune.id, underCode: "1" }, NOW);
    expect(again).toMatchObject({ ok: true, value: { accepted: [] } });
  });
});

describe("round 2 (year in EXPLANATION)", () => {
  it("writes round 2 and requires a reason when it changes round 1's points", async () => {
    await prisma.assessmentYear.update({ where: { id: commune.yearId }, data: { phase: "EXPLANATION" } });
    const criterion = await communeCriterion("Sở Tư pháp");
    const score = await prisma.score.findUniqueOrThrow({ where: { assessmentId_criterionId: { assessmentId: commune.id, criterionId: criterion.id } }, select: { version: true, round1Points: true, round1ById: true, round1At: true } });
    expect(score.round1Points?.toFixed(3)).toBe(criterion.score.selfPoints!.toFixed(3));
    // Keeping self = round 1: no reason needed, written to round 2.
    expect(await appraiseScore(prisma, leadId, { assessmentId: commune.id, criterionId: criterion.id, scoreVersion: score.version, input: criterion.score.selfInput }, NOW)).toMatchObject({
      ok: true,
      value: { round: 2, points: criterion.score.selfPoints!.toFixed(3) },
    });
    const stored = await prisma.score.findUniqueOrThrow({ where: { assessmentId_criterionId: { assessmentId: commune.id, criterionId: criterion.id } } });
    expect(stored).toMatchObject({ round2ById: leadId, round2Reason: null });
    expect(stored.round2Points?.toFixed(3)).toBe(criterion.score.selfPoints!.toFixed(3));
    // Round 1 stays as it was: the trail keeps both.
    expect({ round1ById: stored.round1ById, round1At: stored.round1At }).toEqual({ round1ById: score.round1ById, round1At: score.round1At });
  });
});

describe("the whole round trip on Sở Tư pháp: return, explanation, round 2, finalize, reopen", () => {
  const AFTER_EXPLANATION_DEADLINE = new Date("2027-02-21T09:00:00+07:00");

  async function answered() {
    return prisma.score.findMany({
      where: { assessmentId: justice.id, selfInput: { not: { equals: null } }, criterion: { method: { notIn: ["SURVEY"] } } },
      orderBy: { criterion: { sortOrder: "asc" } },
      select: { id: true, criterionId: true, selfInput: true, selfPoints: true, version: true, criterion: { select: { code: true, method: true } } },
    });
  }

  it("round 1 must be complete and disputed before the assessment is returned; only a lead returns it", async () => {
    await prisma.assessmentYear.update({ where: { id: justice.yearId }, data: { phase: "APPRAISAL" } });
    expect(await openForAppraisal(prisma, leadId, { assessmentId: justice.id }, NOW)).toMatchObject({ ok: true });
    const scores = await answered();
    const refused = await returnForExplanation(prisma, leadId, { assessmentId: justice.id }, NOW);
    expect(refused).toMatchObject({ ok: false, code: "INCOMPLETE", message: `Chưa thể trả hồ sơ để giải trình: còn ${scores.length} tiêu chí chưa thẩm định.` });
    expect(refused.ok ? [] : refused.missing?.map((gap) => gap.criterionCode)).toEqual(scores.map((score) => score.criterion.code));

    // Everything confirmed as the agency scored it: nothing to explain.
    for (const score of scores) {
      const result = await appraiseScore(prisma, leadId, { assessmentId: justice.id, criterionId: score.criterionId, scoreVersion: score.version, input: score.selfInput }, NOW);
      if (!result.ok) throw new Error(`${score.criterion.code}: ${result.code}`);
    }
    expect(await returnForExplanation(prisma, leadId, { assessmentId: justice.id }, NOW)).toEqual({
      ok: false,
      code: "VALIDATION_FAILED",
      message: "Không có tiêu chí nào có điểm thẩm định khác điểm tự chấm, không cần trả hồ sơ để giải trình.",
    });

    // One criterion lowered with a reason: now there is a dispute.
    const achieved = (await answered()).find((score) => score.criterion.method === "BOOLEAN" && score.selfPoints?.gt(0));
    if (!achieved) throw new Error("Sở Tư pháp has no achieved BOOLEAN criterion");
    expect(
      await appraiseScore(prisma, leadId, { assessmentId: justice.id, criterionId: achieved.criterionId, scoreVersion: achieved.version, input: { isAchieved: false }, reason: "Chưa ban hành văn bản." }, NOW),
    ).toMatchObject({ ok: true, value: { round: 1, points: "0.000" } });
    // Finalizing is for the explanation phase, after the agency had its say.
    expect(await finalizeAssessment(prisma, leadId, { assessmentId: justice.id }, NOW)).toMatchObject({ ok: false, code: "WRONG_PHASE" });

    expect(await returnForExplanation(prisma, await userId("thamdinh.stp@songlam.demo"), { assessmentId: justice.id }, NOW)).toEqual(FORBIDDEN);
    const { version } = await prisma.assessment.findUniqueOrThrow({ where: { id: justice.id }, select: { version: true } });
    expect(await returnForExplanation(prisma, leadId, { assessmentId: justice.id }, NOW)).toEqual({ ok: true, value: { status: "RETURNED", version: version + 1, disputed: 1 } });
    expect(await prisma.assessment.findUniqueOrThrow({ where: { id: justice.id }, select: { status: true, returnedAt: true } })).toEqual({ status: "RETURNED", returnedAt: NOW });
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { assessmentId: justice.id }, orderBy: { id: "desc" } })).toMatchObject({
      type: "ASSESSMENT_RETURNED",
      actorId: leadId,
      after: { status: "RETURNED", disputed: 1 },
    });
    // Returned: appraisers wait for the agency.
    expect(await appraiseScore(prisma, leadId, { assessmentId: justice.id, criterionId: achieved.criterionId, scoreVersion: achieved.version + 1, input: { isAchieved: true } }, NOW)).toMatchObject({
      ok: false,
      code: "WRONG_PHASE",
    });
  });

  it("an explained dispute needs the round-2 decision, with its reason, before the assessment is finalized with the points that count", async () => {
    const achieved = (await answered()).find((score) => score.criterion.method === "BOOLEAN" && score.selfPoints?.gt(0) && score.version > 1);
    if (!achieved) throw new Error("the disputed criterion is gone");
    const head = await prisma.user.create({
      data: { email: "lanhdao.stp@test.demo", name: "Lãnh đạo Sở Tư pháp", passwordHash: "-", roles: ["AGENCY_HEAD"], agency: { connect: { slug: "so-tu-phap" } } },
      select: { id: true },
    });
    expect(await saveExplanation(prisma, head.id, { assessmentId: justice.id, criterionId: achieved.criterionId, scoreVersion: achieved.version, explanation: "Đã ban hành Quyết định số 7/QĐ-STP." }, NOW)).toMatchObject({ ok: true });
    expect(await sendExplanations(prisma, head.id, { assessmentId: justice.id }, NOW)).toMatchObject({ ok: true, value: { disputed: 1, explained: 1 } });

    await prisma.assessmentYear.update({ where: { id: justice.yearId }, data: { phase: "EXPLANATION" } });
    const open = await finalizeAssessment(prisma, leadId, { assessmentId: justice.id }, NOW);
    expect(open).toMatchObject({ ok: false, code: "INCOMPLETE", missing: [{ criterionCode: achieved.criterion.code, reason: "DISPUTE_OPEN" }] });

    const current = await prisma.score.findUniqueOrThrow({ where: { id: achieved.id }, select: { version: true } });
    const decide = { assessmentId: justice.id, criterionId: achieved.criterionId, scoreVersion: current.version, input: { isAchieved: true } };
    expect(await appraiseScore(prisma, leadId, decide, NOW)).toMatchObject({ ok: false, code: "VALIDATION_FAILED", issues: [{ path: "reason" }] });
    expect(await appraiseScore(prisma, leadId, { ...decide, reason: "Chấp nhận giải trình: văn bản ban hành trong kỳ." }, NOW)).toMatchObject({ ok: true, value: { round: 2 } });

    const { version } = await prisma.assessment.findUniqueOrThrow({ where: { id: justice.id }, select: { version: true } });
    expect(await finalizeAssessment(prisma, leadId, { assessmentId: justice.id }, NOW)).toMatchObject({ ok: true, value: { status: "FINALIZED", version: version + 1 } });
    const stored = await prisma.score.findMany({ where: { assessmentId: justice.id }, select: { id: true, selfPoints: true, round1Points: true, round2Points: true, finalPoints: true } });
    for (const score of stored) {
      const expected = score.round2Points ?? score.round1Points ?? score.selfPoints;
      expect(score.finalPoints?.toFixed(3) ?? null).toBe(expected?.toFixed(3) ?? null);
    }
    expect(stored.find((score) => score.id === achieved.id)?.finalPoints?.toFixed(3)).toBe(achieved.selfPoints!.toFixed(3));
    expect(await prisma.assessment.findUniqueOrThrow({ where: { id: justice.id }, select: { finalizedById: true, finalizedAt: true } })).toEqual({ finalizedById: leadId, finalizedAt: NOW });
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { assessmentId: justice.id }, orderBy: { id: "desc" } })).toMatchObject({ type: "ASSESSMENT_FINALIZED", actorId: leadId });

    // Locked: no more appraising.
    const after = await prisma.score.findUniqueOrThrow({ where: { id: achieved.id }, select: { version: true } });
    expect(await appraiseScore(prisma, leadId, { ...decide, scoreVersion: after.version, reason: "x" }, NOW)).toMatchObject({ ok: false, code: "WRONG_PHASE" });
  });

  it("a lead reopens a finalized assessment, clearing the points that counted; an unanswered return is closed only after the deadline", async () => {
    expect(await reopenAssessment(prisma, await userId("thamdinh.stp@songlam.demo"), { assessmentId: justice.id }, NOW)).toEqual(FORBIDDEN);
    expect(await reopenAssessment(prisma, leadId, { assessmentId: justice.id }, NOW)).toMatchObject({ ok: true, value: { status: "UNDER_APPRAISAL" } });
    expect(await prisma.score.count({ where: { assessmentId: justice.id, finalPoints: { not: null } } })).toBe(0);
    expect(await prisma.assessment.findUniqueOrThrow({ where: { id: justice.id }, select: { finalizedAt: true } })).toEqual({ finalizedAt: null });

    expect(await returnForExplanation(prisma, leadId, { assessmentId: justice.id }, NOW)).toMatchObject({ ok: true });
    expect(await closeExplanation(prisma, leadId, { assessmentId: justice.id }, NOW)).toEqual({ ok: false, code: "WRONG_PHASE", message: "Chưa hết thời hạn giải trình của đơn vị." });
    expect(await closeExplanation(prisma, leadId, { assessmentId: justice.id }, AFTER_EXPLANATION_DEADLINE)).toMatchObject({ ok: true, value: { status: "UNDER_APPRAISAL" } });
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { assessmentId: justice.id }, orderBy: { id: "desc" } })).toMatchObject({ type: "EXPLANATION_CLOSED" });
  });
});
