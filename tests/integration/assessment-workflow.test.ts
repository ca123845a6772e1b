import { describe, expect, it } from "vitest";

import { Prisma, type ScoringMethod } from "@/lib/db/generated/prisma/client";
import { carryOverFromLastYear } from "@/lib/services/carry-over-from-last-year";
import { extendDeadline } from "@/lib/services/extend-deadline";
import { saveExplanation } from "@/lib/services/save-explanation";
import { saveSelfScore } from "@/lib/services/save-self-score";
import { submitAssessment } from "@/lib/services/submit-assessment";
import { withdrawAssessment } from "@/lib/services/withdraw-assessment";
import { createTestDatabase } from "@/tests/support/test-database";

// One seeded database for the file; the describes run in order and each leaves its agency in a
// known state. Sở Y tế: submit and withdraw, then the explanation round. Sở Xây dựng: the
// deadline and its extension. Sở Công Thương: carry-over from 2025.
const { prisma } = await createTestDatabase("seeded");

/** Inside the 2026 self-assessment (deadline 2027-01-15 23:59:59+07). */
const NOW = new Date("2026-11-25T09:00:00+07:00");
const AFTER_DEADLINE = new Date("2027-01-16T09:00:00+07:00");

const FORBIDDEN = { ok: false, code: "FORBIDDEN", message: "Bạn không có quyền thực hiện thao tác này." };

async function userId(email: string) {
  return (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

/** A staff account for an agency the demo accounts do not cover. */
async function createStaff(agencySlug: string, roles: ("AGENCY_EDITOR" | "AGENCY_HEAD")[]) {
  const agency = await prisma.agency.findUniqueOrThrow({ where: { slug: agencySlug }, select: { id: true } });
  const email = `${roles.join("-").toLowerCase()}.${agencySlug}@test.demo`;
  return (await prisma.user.create({ data: { email, name: `Cán bộ ${agencySlug}`, passwordHash: "-", roles, agencyId: agency.id }, select: { id: true } })).id;
}

async function assessmentOf(agencySlug: string, year = 2026) {
  return prisma.assessment.findFirstOrThrow({
    where: { agency: { slug: agencySlug }, year: { year } },
    select: { id: true, version: true, status: true, criteriaSetId: true, yearId: true },
  });
}

/** Everything a refused call must leave as it was. */
async function snapshot(assessmentId: string) {
  const [assessment, scores, evidence, events] = await Promise.all([
    prisma.assessment.findUniqueOrThrow({ where: { id: assessmentId } }),
    prisma.score.findMany({ where: { assessmentId }, orderBy: { criterionId: "asc" } }),
    prisma.evidenceFile.findMany({ where: { score: { assessmentId } }, orderBy: { id: "asc" } }),
    prisma.auditEvent.count({ where: { assessmentId } }),
  ]);
  return { assessment, scores, evidence, events };
}

/** The self-scored leaves of a criteria set, in the set's order. */
async function selfScoredCriteria(criteriaSetId: string) {
  return prisma.criterion.findMany({
    where: { criteriaSetId, method: { notIn: ["SURVEY"] } },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { id: true, code: true, title: true, method: true, section: true, isEvidenceRequired: true },
  });
}

/** A valid input of the lowest points for each method. */
function someInput(method: ScoringMethod | null) {
  switch (method) {
    case "BOOLEAN":
      return { isAchieved: false };
    case "CATEGORICAL":
      return { optionIndex: 0 };
    case "TIERED_RATE":
    case "PROPORTIONAL_RATE":
      return { numerator: 0, denominator: 4 };
    case "TIERED_COUNT":
    case "DEDUCTION":
      return { count: 0 };
    case "MANUAL":
      return { points: 0 };
    default:
      throw new Error(`No self input for ${method}`);
  }
}

/**
 * Makes an assessment complete, as an editor would: an input for every unanswered MAIN criterion,
 * and for every criterion requiring evidence a written explanation, except the first, which gets
 * an evidence file instead. Goes through saveSelfScore so the scores are what the form would store.
 */
async function complete(assessmentId: string, criteriaSetId: string, editorId: string) {
  const criteria = await selfScoredCriteria(criteriaSetId);
  const scores = new Map(
    (await prisma.score.findMany({ where: { assessmentId }, select: { id: true, criterionId: true, version: true, selfInput: true } })).map((score) => [score.criterionId, score]),
  );
  let isFirstWithEvidence = true;
  for (const criterion of criteria) {
    const score = scores.get(criterion.id);
    const hasInput = score?.selfInput !== null && score?.selfInput !== undefined;
    if (hasInput && !criterion.isEvidenceRequired) continue;
    if (!hasInput && criterion.section !== "MAIN") continue;
    const withEvidence = criterion.isEvidenceRequired && isFirstWithEvidence;
    const saved = await saveSelfScore(
      prisma,
      editorId,
      {
        assessmentId,
        criterionId: criterion.id,
        scoreVersion: score?.version ?? 0,
        input: hasInput ? score?.selfInput : someInput(criterion.method),
        explanation: criterion.isEvidenceRequired && !withEvidence ? "Tài liệu kiểm chứng đang chờ ký ban hành, sẽ bổ sung." : null,
      },
      NOW,
    );
    if (!saved.ok) throw new Error(`Could not complete ${criterion.code}: ${saved.code}`);
    if (withEvidence) {
      isFirstWithEvidence = false;
      const { id } = await prisma.score.findUniqueOrThrow({ where: { assessmentId_criterionId: { assessmentId, criterionId: criterion.id } }, select: { id: true } });
      await prisma.evidenceFile.create({ data: { scoreId: id, sha256: "a".repeat(64), fileName: "ke-hoach.pdf", mimeType: "application/pdf", sizeBytes: 1234 } });
    }
  }
}

describe("submitting and withdrawing (Sở Y tế)", () => {
  it("refuses the editor: submitting is the head's act", async () => {
    const health = await assessmentOf("so-y-te");
    const before = await snapshot(health.id);
    const result = await submitAssessment(prisma, await userId("bientap.syt@songlam.demo"), { assessmentId: health.id }, NOW);
    expect(result).toEqual(FORBIDDEN);
    expect(await snapshot(health.id)).toEqual(before);
  });

  it("refuses an incomplete assessment with the list of what is missing, in criteria order", async () => {
    const health = await assessmentOf("so-y-te");
    const criteria = await selfScoredCriteria(health.criteriaSetId);
    const answered = new Set((await prisma.score.findMany({ where: { assessmentId: health.id, selfInput: { not: Prisma.DbNull } }, select: { criterionId: true } })).map((score) => score.criterionId));
    // The seed: 52 self-scored criteria (bonus and penalty items included), the first 23 answered,
    // none with evidence or an explanation. Bonus and penalty items are optional.
    expect(criteria).toHaveLength(52);
    expect(answered.size).toBe(23);
    const optional = criteria.filter((criterion) => criterion.section !== "MAIN");
    expect(optional.every((criterion) => !answered.has(criterion.id))).toBe(true);
    const expected = criteria.flatMap((criterion) => {
      if (!answered.has(criterion.id)) return criterion.section === "MAIN" ? [{ criterionCode: criterion.code, title: criterion.title, reason: "NO_INPUT" }] : [];
      return criterion.isEvidenceRequired ? [{ criterionCode: criterion.code, title: criterion.title, reason: "NO_EVIDENCE_OR_EXPLANATION" }] : [];
    });
    expect(expected.filter((gap) => gap.reason === "NO_INPUT")).toHaveLength(52 - 23 - optional.length);
    // 52 - 23 answered - 6 optional bonus/penalty items = 23 without an input, plus the 23 answered
    // ones, which all require evidence and have neither a file nor an explanation in the seed.
    expect(optional).toHaveLength(6);
    expect(expected).toHaveLength(46);

    const before = await snapshot(health.id);
    const result = await submitAssessment(prisma, await userId("lanhdao.syt@songlam.demo"), { assessmentId: health.id }, NOW);
    expect(result).toEqual({ ok: false, code: "INCOMPLETE", message: `Chưa thể gửi: còn ${expected.length} tiêu chí chưa hoàn thành.`, missing: expected });
    expect(await snapshot(health.id)).toEqual(before);
  });

  it("submits once complete; the form is then read-only", async () => {
    const health = await assessmentOf("so-y-te");
    const head = await userId("lanhdao.syt@songlam.demo");
    const editor = await userId("bientap.syt@songlam.demo");
    await complete(health.id, health.criteriaSetId, editor);

    const result = await submitAssessment(prisma, head, { assessmentId: health.id }, NOW);
    expect(result).toEqual({ ok: true, value: { status: "SUBMITTED", version: health.version + 1, submittedAt: NOW } });
    expect(await prisma.assessment.findUniqueOrThrow({ where: { id: health.id } })).toMatchObject({
      status: "SUBMITTED",
      version: health.version + 1,
      submittedAt: NOW,
      submittedById: head,
    });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { assessmentId: health.id }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ type: "ASSESSMENT_SUBMITTED", actorId: head, subjectType: "Assessment", before: { status: "DRAFT" }, after: { status: "SUBMITTED" } });

    const criterion = await prisma.score.findFirstOrThrow({ where: { assessmentId: health.id }, select: { criterionId: true, version: true } });
    const before = await snapshot(health.id);
    const save = await saveSelfScore(prisma, editor, { assessmentId: health.id, criterionId: criterion.criterionId, scoreVersion: criterion.version, input: null }, NOW);
    expect(save).toMatchObject({ ok: false, code: "WRONG_PHASE" });
    const again = await submitAssessment(prisma, head, { assessmentId: health.id }, NOW);
    expect(again).toEqual({ ok: false, code: "WRONG_PHASE", message: "Trạng thái hiện tại của hồ sơ tự đánh giá không cho phép thao tác này." });
    expect(await snapshot(health.id)).toEqual(before);
  });

  it("lets the head, not the editor, withdraw it to edit", async () => {
    const health = await assessmentOf("so-y-te");
    const before = await snapshot(health.id);
    expect(await withdrawAssessment(prisma, await userId("bientap.syt@songlam.demo"), { assessmentId: health.id }, NOW)).toEqual(FORBIDDEN);
    expect(await snapshot(health.id)).toEqual(before);

    const head = await userId("lanhdao.syt@songlam.demo");
    const result = await withdrawAssessment(prisma, head, { assessmentId: health.id }, NOW);
    expect(result).toEqual({ ok: true, value: { status: "DRAFT", version: health.version + 1 } });
    expect(await prisma.assessment.findUniqueOrThrow({ where: { id: health.id } })).toMatchObject({ status: "DRAFT", submittedAt: null, submittedById: null });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { assessmentId: health.id }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ type: "ASSESSMENT_WITHDRAWN", actorId: head, before: { status: "SUBMITTED", submittedById: head }, after: { status: "DRAFT" } });

    // Editable again.
    const score = await prisma.score.findFirstOrThrow({ where: { assessmentId: health.id, selfInput: { not: Prisma.DbNull } }, select: { criterionId: true, version: true, selfInput: true, selfExplanation: true } });
    const save = await saveSelfScore(
      prisma,
      await userId("bientap.syt@songlam.demo"),
      { assessmentId: health.id, criterionId: score.criterionId, scoreVersion: score.version, input: score.selfInput, explanation: score.selfExplanation },
      NOW,
    );
    expect(save.ok).toBe(true);
  });

  it("refuses to withdraw once an appraiser has opened it", async () => {
    const health = await assessmentOf("so-y-te");
    const head = await userId("lanhdao.syt@songlam.demo");
    expect(await submitAssessment(prisma, head, { assessmentId: health.id }, NOW)).toMatchObject({ ok: true });
    // No service opens assessments yet (issue 6): the appraiser's act, as it would leave the row.
    await prisma.assessment.update({ where: { id: health.id }, data: { status: "UNDER_APPRAISAL", version: { increment: 1 } } });

    const before = await snapshot(health.id);
    const result = await withdrawAssessment(prisma, head, { assessmentId: health.id }, NOW);
    expect(result).toEqual({ ok: false, code: "WRONG_PHASE", message: "Không thể rút lại: cơ quan thẩm định đã mở hồ sơ để thẩm định." });
    expect(await snapshot(health.id)).toEqual(before);
  });
});

describe("two heads clicking submit at once (Phường Hòa Bình)", () => {
  it("submits once: the other click is refused and only one event is written", async () => {
    const ward = await assessmentOf("phuong-hoa-binh");
    await complete(ward.id, ward.criteriaSetId, await createStaff("phuong-hoa-binh", ["AGENCY_EDITOR"]));
    const head = await createStaff("phuong-hoa-binh", ["AGENCY_HEAD"]);
    const events = await prisma.auditEvent.count({ where: { assessmentId: ward.id, type: "ASSESSMENT_SUBMITTED" } });

    const results = await Promise.all([1, 2].map(() => submitAssessment(prisma, head, { assessmentId: ward.id }, NOW)));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ ok: false, code: expect.stringMatching(/^(WRONG_PHASE|STALE_VERSION)$/) });
    expect(await prisma.assessment.findUniqueOrThrow({ where: { id: ward.id }, select: { status: true, version: true } })).toEqual({ status: "SUBMITTED", version: ward.version + 1 });
    expect(await prisma.auditEvent.count({ where: { assessmentId: ward.id, type: "ASSESSMENT_SUBMITTED" } })).toBe(events + 1);
  });
});

describe("the deadline and the administrator's extension (Sở Xây dựng)", () => {
  it("refuses a submission after the deadline, and extensions by anyone but the administrator", async () => {
    const construction = await assessmentOf("so-xay-dung");
    const head = await createStaff("so-xay-dung", ["AGENCY_HEAD"]);
    const editor = await createStaff("so-xay-dung", ["AGENCY_EDITOR"]);
    await complete(construction.id, construction.criteriaSetId, editor);

    const before = await snapshot(construction.id);
    const late = await submitAssessment(prisma, head, { assessmentId: construction.id }, AFTER_DEADLINE);
    expect(late).toEqual({ ok: false, code: "WRONG_PHASE", message: "Đã hết thời hạn thực hiện thao tác này." });
    // After the deadline the draft is locked too.
    const score = await prisma.score.findFirstOrThrow({ where: { assessmentId: construction.id }, select: { criterionId: true, version: true } });
    expect(await saveSelfScore(prisma, editor, { assessmentId: construction.id, criterionId: score.criterionId, scoreVersion: score.version, input: null }, AFTER_DEADLINE)).toMatchObject({
      ok: false,
      code: "WRONG_PHASE",
    });

    const extension = { assessmentId: construction.id, extendedTo: "2027-01-31T23:59:59.999+07:00" };
    expect(await extendDeadline(prisma, head, extension, AFTER_DEADLINE)).toEqual(FORBIDDEN);
    expect(await extendDeadline(prisma, await userId("thamdinh.snv@songlam.demo"), extension, AFTER_DEADLINE)).toEqual(FORBIDDEN);
    expect(await extendDeadline(prisma, await userId("lanhdao.syt@songlam.demo"), extension, AFTER_DEADLINE)).toEqual(FORBIDDEN);
    expect(await snapshot(construction.id)).toEqual(before);
  });

  it("refuses an extension that ends in the past or before the common deadline", async () => {
    const construction = await assessmentOf("so-xay-dung");
    const admin = await userId("quantri@songlam.demo");
    const before = await snapshot(construction.id);
    expect(await extendDeadline(prisma, admin, { assessmentId: construction.id, extendedTo: "2027-01-16T08:00:00+07:00" }, AFTER_DEADLINE)).toEqual({
      ok: false,
      code: "VALIDATION_FAILED",
      message: "Dữ liệu nhập chưa hợp lệ.",
      issues: [{ path: "extendedTo", message: "Thời hạn gia hạn phải sau thời điểm hiện tại." }],
    });
    expect(await extendDeadline(prisma, admin, { assessmentId: construction.id, extendedTo: "2027-01-10T00:00:00+07:00" }, NOW)).toEqual({
      ok: false,
      code: "VALIDATION_FAILED",
      message: "Dữ liệu nhập chưa hợp lệ.",
      issues: [{ path: "extendedTo", message: "Thời hạn gia hạn phải sau hạn tự đánh giá chung (15/01/2027)." }],
    });
    expect(await extendDeadline(prisma, admin, { assessmentId: construction.id, extendedTo: "not a date" }, NOW)).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
    expect(await snapshot(construction.id)).toEqual(before);
  });

  it("lets the agency submit late within an extension granted by the administrator", async () => {
    const construction = await assessmentOf("so-xay-dung");
    const admin = await userId("quantri@songlam.demo");
    const extendedTo = new Date("2027-01-31T23:59:59.999+07:00");
    const granted = await extendDeadline(prisma, admin, { assessmentId: construction.id, extendedTo: extendedTo.toISOString() }, AFTER_DEADLINE);
    expect(granted).toEqual({ ok: true, value: { deadlineExtendedTo: extendedTo, version: construction.version + 1 } });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { assessmentId: construction.id }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ type: "DEADLINE_EXTENDED", actorId: admin, before: { deadlineExtendedTo: null }, after: { deadlineExtendedTo: extendedTo.toISOString() } });

    // The same extension again changes nothing and is not audited twice.
    const events = await prisma.auditEvent.count({ where: { assessmentId: construction.id } });
    expect(await extendDeadline(prisma, admin, { assessmentId: construction.id, extendedTo }, AFTER_DEADLINE)).toMatchObject({ ok: true });
    expect(await prisma.auditEvent.count({ where: { assessmentId: construction.id } })).toBe(events);

    // The draft reopens for the agency's editors within the extension, and only within it.
    const editor = (await prisma.user.findUniqueOrThrow({ where: { email: "agency_editor.so-xay-dung@test.demo" }, select: { id: true } })).id;
    const score = await prisma.score.findFirstOrThrow({ where: { assessmentId: construction.id, selfInput: { not: Prisma.DbNull } }, select: { criterionId: true, version: true, selfInput: true, selfNote: true, selfExplanation: true } });
    const resave = { assessmentId: construction.id, criterionId: score.criterionId, scoreVersion: score.version, input: score.selfInput, note: score.selfNote, explanation: score.selfExplanation };
    expect(await saveSelfScore(prisma, editor, resave, new Date("2027-02-01T00:00:00+07:00"))).toMatchObject({ ok: false, code: "WRONG_PHASE" });
    expect(await saveSelfScore(prisma, editor, resave, AFTER_DEADLINE)).toMatchObject({ ok: true, value: { scoreVersion: score.version + 1 } });

    const head = (await prisma.user.findUniqueOrThrow({ where: { email: "agency_head.so-xay-dung@test.demo" }, select: { id: true } })).id;
    expect(await submitAssessment(prisma, head, { assessmentId: construction.id }, new Date("2027-02-01T00:00:00+07:00"))).toMatchObject({
      ok: false,
      code: "WRONG_PHASE",
    });
    expect(await submitAssessment(prisma, head, { assessmentId: construction.id }, AFTER_DEADLINE)).toMatchObject({ ok: true, value: { status: "SUBMITTED" } });
  });

  it("lets the administrator remove an extension", async () => {
    const construction = await assessmentOf("so-xay-dung");
    const result = await extendDeadline(prisma, await userId("quantri@songlam.demo"), { assessmentId: construction.id, extendedTo: null }, AFTER_DEADLINE);
    expect(result).toEqual({ ok: true, value: { deadlineExtendedTo: null, version: construction.version + 1 } });
    expect(await prisma.assessment.findUniqueOrThrow({ where: { id: construction.id }, select: { deadlineExtendedTo: true } })).toEqual({ deadlineExtendedTo: null });
  });
});

describe("starting from last year (Sở Công Thương)", () => {
  it("copies notes and evidence links, marks them to review, never the points, and only once", async () => {
    const trade = await assessmentOf("so-cong-thuong");
    const lastYear = await assessmentOf("so-cong-thuong", 2025);
    const editor = await createStaff("so-cong-thuong", ["AGENCY_EDITOR"]);
    const criteria = await selfScoredCriteria(trade.criteriaSetId);
    const answered = new Set((await prisma.score.findMany({ where: { assessmentId: trade.id, selfInput: { not: Prisma.DbNull } }, select: { criterionId: true } })).map((score) => score.criterionId));
    const answeredCode = criteria.find((criterion) => answered.has(criterion.id))?.code;
    const [noteAndFile, fileOnly, noteOnly] = criteria.filter((criterion) => !answered.has(criterion.id) && criterion.section === "MAIN").map((criterion) => criterion.code);
    if (!answeredCode || !noteAndFile || !fileOnly || !noteOnly) throw new Error("The seed changed: not enough criteria");

    // Last year's work (the 2025 seed has neither notes nor evidence).
    const lastScores = new Map(
      (await prisma.score.findMany({ where: { assessmentId: lastYear.id }, select: { id: true, criterion: { select: { code: true } } } })).map((score) => [score.criterion.code, score.id]),
    );
    const lastScore = (code: string) => {
      const id = lastScores.get(code);
      if (!id) throw new Error(`2025 has no score for ${code}`);
      return id;
    };
    const note = (code: string) => `Ghi chú năm 2025 của tiêu chí ${code}.`;
    for (const code of [answeredCode, noteAndFile, noteOnly]) await prisma.score.update({ where: { id: lastScore(code) }, data: { selfNote: note(code) } });
    const file = { sha256: "b".repeat(64), fileName: "bao-cao-2025.pdf", mimeType: "application/pdf", sizeBytes: 52_000 };
    for (const code of [answeredCode, noteAndFile, fileOnly]) await prisma.evidenceFile.create({ data: { scoreId: lastScore(code), ...file } });
    const lastYearBefore = await snapshot(lastYear.id);
    const answeredBefore = await prisma.score.findFirstOrThrow({ where: { assessmentId: trade.id, criterion: { code: answeredCode } }, include: { evidence: true } });

    const result = await carryOverFromLastYear(prisma, editor, { assessmentId: trade.id }, NOW);
    expect(result).toEqual({ ok: true, value: { fromYear: 2025, criteriaCarried: 3, notesCopied: 2, evidenceCopied: 2, criteriaSkipped: 1 } });

    const carried = await prisma.score.findMany({
      where: { assessmentId: trade.id, criterion: { code: { in: [noteAndFile, fileOnly, noteOnly] } } },
      include: { criterion: { select: { code: true } }, evidence: true },
    });
    expect(carried).toHaveLength(3);
    for (const score of carried) {
      const code = score.criterion.code;
      expect(score).toMatchObject({ isToReview: true, selfInput: null, selfPoints: null, round1Points: null, finalPoints: null, selfNote: code === fileOnly ? null : note(code), version: 1 });
      expect(score.evidence.map(({ sha256, fileName, mimeType, sizeBytes }) => ({ sha256, fileName, mimeType, sizeBytes }))).toEqual(code === noteOnly ? [] : [file]);
    }
    // What the agency already answered this year is left alone; last year is untouched.
    expect(await prisma.score.findFirstOrThrow({ where: { assessmentId: trade.id, criterion: { code: answeredCode } }, include: { evidence: true } })).toEqual(answeredBefore);
    expect(await snapshot(lastYear.id)).toEqual(lastYearBefore);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { assessmentId: trade.id }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ actorId: editor, subjectType: "Assessment", after: { carriedOverFrom: { year: 2025 }, notesCopied: 2, evidenceCopied: 2 } });

    // Idempotent: a second run adds nothing and writes no event.
    const before = await snapshot(trade.id);
    expect(await carryOverFromLastYear(prisma, editor, { assessmentId: trade.id }, NOW)).toEqual({
      ok: true,
      value: { fromYear: 2025, criteriaCarried: 0, notesCopied: 0, evidenceCopied: 0, criteriaSkipped: 4 },
    });
    expect(await snapshot(trade.id)).toEqual(before);

    // The carried note bumped the criterion's version: an editor who loaded the empty row is told,
    // and a save after reloading clears the "to review" mark.
    const criterionId = (await prisma.criterion.findFirstOrThrow({ where: { criteriaSetId: trade.criteriaSetId, code: noteOnly }, select: { id: true } })).id;
    const method = criteria.find((criterion) => criterion.code === noteOnly)?.method ?? null;
    expect(await saveSelfScore(prisma, editor, { assessmentId: trade.id, criterionId, scoreVersion: 0, input: someInput(method) }, NOW)).toMatchObject({
      ok: false,
      code: "STALE_VERSION",
      current: { note: note(noteOnly), scoreVersion: 1 },
    });
    expect(await saveSelfScore(prisma, editor, { assessmentId: trade.id, criterionId, scoreVersion: 1, input: someInput(method), note: note(noteOnly) }, NOW)).toMatchObject({ ok: true });
    expect(await prisma.score.findFirstOrThrow({ where: { assessmentId: trade.id, criterionId }, select: { isToReview: true } })).toEqual({ isToReview: false });
  });

  it("refuses another agency's staff and a submitted assessment, changing nothing", async () => {
    const trade = await assessmentOf("so-cong-thuong");
    const before = await snapshot(trade.id);
    expect(await carryOverFromLastYear(prisma, await userId("bientap.syt@songlam.demo"), { assessmentId: trade.id }, NOW)).toEqual(FORBIDDEN);
    expect(await carryOverFromLastYear(prisma, await userId("quantri@songlam.demo"), { assessmentId: trade.id }, NOW)).toEqual(FORBIDDEN);
    expect(await snapshot(trade.id)).toEqual(before);

    const justice = await assessmentOf("so-tu-phap");
    const justiceEditor = await createStaff("so-tu-phap", ["AGENCY_EDITOR"]);
    const justiceBefore = await snapshot(justice.id);
    expect(await carryOverFromLastYear(prisma, justiceEditor, { assessmentId: justice.id }, NOW)).toMatchObject({ ok: false, code: "WRONG_PHASE" });
    expect(await snapshot(justice.id)).toEqual(justiceBefore);
  });
});

describe("saving a self-score (Sở Tài chính, a fresh 2026 assessment)", () => {
  // saveSelfScore reads the account, the assessment with its year and deadlines and the criterion
  // at once, and the lock with the score in one query: these pin that every refusal survives that.
  async function freshAssessment() {
    const agency = await prisma.agency.findUniqueOrThrow({ where: { slug: "so-tai-chinh" }, select: { id: true, unitTypeId: true } });
    const existing = await prisma.assessment.findFirst({ where: { agencyId: agency.id, year: { year: 2026 } }, select: { id: true, criteriaSetId: true } });
    if (existing) return existing;
    const set = await prisma.criteriaSet.findFirstOrThrow({ where: { year: { year: 2026 }, unitTypeId: agency.unitTypeId }, select: { id: true, yearId: true } });
    return prisma.assessment.create({ data: { agencyId: agency.id, yearId: set.yearId, criteriaSetId: set.id, status: "DRAFT" }, select: { id: true, criteriaSetId: true } });
  }

  // One editor for the describe: staff e-mails are unique.
  let editorId: string | undefined;
  async function financeEditor() {
    editorId ??= await createStaff("so-tai-chinh", ["AGENCY_EDITOR"]);
    return editorId;
  }

  async function booleanCriterion(criteriaSetId: string) {
    return prisma.criterion.findFirstOrThrow({ where: { criteriaSetId, method: "BOOLEAN" }, orderBy: { sortOrder: "asc" }, select: { id: true, code: true } });
  }

  it("answers NOT_FOUND for a criterion of another set, a parent criterion and an unknown assessment, changing nothing", async () => {
    const finance = await freshAssessment();
    const editor = await financeEditor();
    const before = await snapshot(finance.id);
    const otherSet = await prisma.criterion.findFirstOrThrow({ where: { criteriaSetId: { not: finance.criteriaSetId }, method: "BOOLEAN" }, select: { id: true } });
    const parent = await prisma.criterion.findFirstOrThrow({ where: { criteriaSetId: finance.criteriaSetId, method: null }, select: { id: true } });
    const own = await booleanCriterion(finance.criteriaSetId);
    const notFound = { ok: false, code: "NOT_FOUND", message: "Không tìm thấy dữ liệu yêu cầu." };
    const save = (assessmentId: string, criterionId: string) => saveSelfScore(prisma, editor, { assessmentId, criterionId, scoreVersion: 0, input: { isAchieved: true } }, NOW);

    expect(await save(finance.id, otherSet.id)).toEqual(notFound);
    expect(await save(finance.id, parent.id)).toEqual(notFound);
    expect(await save(finance.id, "no-such-criterion")).toEqual(notFound);
    expect(await save("no-such-assessment", own.id)).toEqual(notFound);
    expect(await snapshot(finance.id)).toEqual(before);
  });

  it("tells a signed-out or disabled account UNAUTHENTICATED before anything about its input", async () => {
    const finance = await freshAssessment();
    const editor = await financeEditor();
    const { id: criterionId } = await booleanCriterion(finance.criteriaSetId);
    const invalid = { assessmentId: finance.id, criterionId, scoreVersion: -1, input: { isAchieved: true } };
    const unauthenticated = { ok: false, code: "UNAUTHENTICATED", message: expect.any(String) };

    expect(await saveSelfScore(prisma, null, { ...invalid, scoreVersion: 0 }, NOW)).toEqual(unauthenticated);
    expect(await saveSelfScore(prisma, editor, invalid, NOW)).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
    await prisma.user.update({ where: { id: editor }, data: { isActive: false } });
    expect(await saveSelfScore(prisma, editor, invalid, NOW)).toEqual(unauthenticated);
    expect(await saveSelfScore(prisma, editor, { ...invalid, scoreVersion: 0 }, NOW)).toEqual(unauthenticated);
    await prisma.user.update({ where: { id: editor }, data: { isActive: true } });
  });

  it("settles two saves of one criterion at once: one is written and audited, the other is told it is stale", async () => {
    const finance = await freshAssessment();
    const first = await financeEditor();
    const second = (await prisma.user.create({ data: { email: "editor2.so-tai-chinh@test.demo", name: "Cán bộ thứ hai", passwordHash: "-", roles: ["AGENCY_EDITOR"], agencyId: (await prisma.agency.findUniqueOrThrow({ where: { slug: "so-tai-chinh" } })).id }, select: { id: true } })).id;
    const { id: criterionId } = await booleanCriterion(finance.criteriaSetId);
    const events = () => prisma.auditEvent.count({ where: { assessmentId: finance.id, type: "SELF_SCORE_SAVED" } });
    const version = async () => (await prisma.score.findUnique({ where: { assessmentId_criterionId: { assessmentId: finance.id, criterionId } }, select: { version: true } }))?.version ?? 0;

    for (const round of [1, 2]) {
      const [loaded, eventsBefore] = [await version(), await events()];
      const results = await Promise.all(
        [first, second].map((editor, index) => saveSelfScore(prisma, editor, { assessmentId: finance.id, criterionId, scoreVersion: loaded, input: { isAchieved: index === 0 } }, NOW)),
      );
      expect(results.filter((result) => result.ok), `round ${round}`).toHaveLength(1);
      expect(results.find((result) => !result.ok)).toMatchObject({ ok: false, code: "STALE_VERSION" });
      expect(await version()).toBe(loaded + 1);
      expect(await events()).toBe(eventsBefore + 1);
    }

    // A save from the version the other editor wrote goes through, and the one after it names them.
    const loaded = await version();
    const saved = await saveSelfScore(prisma, second, { assessmentId: finance.id, criterionId, scoreVersion: loaded, input: { isAchieved: true }, note: "Đã rà soát." }, NOW);
    expect(saved).toEqual({ ok: true, value: { points: expect.any(String), isExcludedFromMaximum: false, scoreVersion: loaded + 1 } });
    expect(await saveSelfScore(prisma, first, { assessmentId: finance.id, criterionId, scoreVersion: loaded, input: { isAchieved: false } }, NOW)).toMatchObject({
      ok: false,
      code: "STALE_VERSION",
      current: { input: { isAchieved: true }, note: "Đã rà soát.", scoreVersion: loaded + 1, updatedBy: "Cán bộ thứ hai" },
    });
  });
});

describe("explanations (Sở Y tế, returned after round 1)", () => {
  it("are written only while the assessment is RETURNED, on a disputed criterion, with the version locked", async () => {
    const health = await assessmentOf("so-y-te");
    const editor = await userId("bientap.syt@songlam.demo");
    const scores = await prisma.score.findMany({
      where: { assessmentId: health.id, selfPoints: { gt: 0 } },
      orderBy: { criterionId: "asc" },
      select: { id: true, criterionId: true, selfPoints: true, version: true },
    });
    const [disputed, agreed] = scores;
    if (!disputed || !agreed) throw new Error("Sở Y tế has no self points");
    // Round 1 as an appraiser would leave it: one criterion lowered, one confirmed.
    await prisma.score.update({ where: { id: disputed.id }, data: { round1Points: disputed.selfPoints?.plus(-0.25), round1Reason: "Thiếu tài liệu kiểm chứng." } });
    await prisma.score.update({ where: { id: agreed.id }, data: { round1Points: agreed.selfPoints } });
    const explain = { assessmentId: health.id, criterionId: disputed.criterionId, scoreVersion: disputed.version, explanation: "Đơn vị đã bổ sung quyết định số 12/QĐ-SYT." };

    // UNDER_APPRAISAL (left so by the first describe): not yet returned.
    let before = await snapshot(health.id);
    expect(await saveExplanation(prisma, editor, explain, NOW)).toMatchObject({ ok: false, code: "WRONG_PHASE" });
    expect(await snapshot(health.id)).toEqual(before);

    const year = await prisma.assessmentYear.update({ where: { id: health.yearId }, data: { phase: "APPRAISAL" }, select: { phase: true } });
    expect(year.phase).toBe("APPRAISAL");
    await prisma.assessment.update({ where: { id: health.id }, data: { status: "RETURNED", version: { increment: 1 } } });

    before = await snapshot(health.id);
    expect(await saveExplanation(prisma, await createStaff("so-cong-thuong", ["AGENCY_HEAD"]), explain, NOW)).toEqual(FORBIDDEN);
    expect(await saveExplanation(prisma, editor, { ...explain, criterionId: agreed.criterionId, scoreVersion: agreed.version }, NOW)).toEqual({
      ok: false,
      code: "VALIDATION_FAILED",
      message: "Dữ liệu nhập chưa hợp lệ.",
      issues: [{ path: "criterionId", message: "Tiêu chí này không có điểm thẩm định khác điểm tự chấm, không cần giải trình." }],
    });
    expect(await saveExplanation(prisma, editor, { ...explain, explanation: "x".repeat(4_001) }, NOW)).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
    expect(await snapshot(health.id)).toEqual(before);

    expect(await saveExplanation(prisma, editor, explain, NOW)).toEqual({ ok: true, value: { explanation: explain.explanation, scoreVersion: disputed.version + 1 } });
    expect(await prisma.score.findUniqueOrThrow({ where: { id: disputed.id } })).toMatchObject({
      explanation: explain.explanation,
      explanationById: editor,
      explanationAt: NOW,
      version: disputed.version + 1,
    });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { assessmentId: health.id }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ type: "EXPLANATION_SAVED", actorId: editor, subjectType: "Score", before: { explanation: null }, after: { explanation: explain.explanation } });

    // The head, still holding the version loaded before the editor's save, is told what was written.
    before = await snapshot(health.id);
    expect(await saveExplanation(prisma, await userId("lanhdao.syt@songlam.demo"), { ...explain, explanation: "Khác." }, NOW)).toMatchObject({
      ok: false,
      code: "STALE_VERSION",
      current: { explanation: explain.explanation, scoreVersion: disputed.version + 1, updatedBy: "Phạm Minh Biên" },
    });
    expect(await snapshot(health.id)).toEqual(before);

    // Sent back for round 2: explanations are closed again.
    await prisma.assessment.update({ where: { id: health.id }, data: { status: "UNDER_APPRAISAL", version: { increment: 1 } } });
    before = await snapshot(health.id);
    expect(await saveExplanation(prisma, editor, { ...explain, scoreVersion: disputed.version + 1 }, NOW)).toMatchObject({ ok: false, code: "WRONG_PHASE" });
    expect(await snapshot(health.id)).toEqual(before);
  });
});
