import { describe, expect, it } from "vitest";

import { saveSelfScore } from "@/lib/services/save-self-score";
import { createTestDatabase } from "@/tests/support/test-database";

const { prisma } = await createTestDatabase("seeded");
const NOW = new Date("2026-11-25T09:00:00+07:00");

async function userId(email: string) {
  return (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

async function openAssessment(agencySlug: string) {
  const assessment = await prisma.assessment.findFirstOrThrow({
    where: { agency: { slug: agencySlug }, year: { year: 2026 } },
    select: { id: true, version: true, criteriaSetId: true },
  });
  const criterion = await prisma.criterion.findFirstOrThrow({
    where: { criteriaSetId: assessment.criteriaSetId, method: "BOOLEAN", section: "MAIN" },
    orderBy: { sortOrder: "asc" },
    select: { id: true, code: true },
  });
  const score = await prisma.score.findUnique({
    where: { assessmentId_criterionId: { assessmentId: assessment.id, criterionId: criterion.id } },
    select: { version: true },
  });
  return { ...assessment, criterion, scoreVersion: score?.version ?? 0 };
}

async function snapshot(assessmentId: string) {
  const [assessment, scores, events] = await Promise.all([
    prisma.assessment.findUniqueOrThrow({ where: { id: assessmentId }, select: { version: true, status: true, updatedAt: true } }),
    prisma.score.findMany({ where: { assessmentId }, orderBy: { criterionId: "asc" } }),
    prisma.auditEvent.count({ where: { assessmentId } }),
  ]);
  return { assessment, scores, events };
}

describe("an agency editor attacking another agency's assessment by id", () => {
  it("gets FORBIDDEN and the database is unchanged", async () => {
    const editorOfHealth = await userId("bientap.syt@songlam.demo");
    const construction = await openAssessment("so-xay-dung");
    const before = await snapshot(construction.id);

    const result = await saveSelfScore(
      prisma,
      editorOfHealth,
      { assessmentId: construction.id, criterionId: construction.criterion.id, scoreVersion: 0, input: { isAchieved: false } },
      NOW,
    );

    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN", message: "Bạn không có quyền thực hiện thao tác này." });
    expect(await snapshot(construction.id)).toEqual(before);
  });

  it("while the same call on the editor's own agency saves, bumps the version and is audited", async () => {
    const editorOfHealth = await userId("bientap.syt@songlam.demo");
    const health = await openAssessment("so-y-te");
    const result = await saveSelfScore(
      prisma,
      editorOfHealth,
      { assessmentId: health.id, criterionId: health.criterion.id, scoreVersion: health.scoreVersion, input: { isAchieved: true }, note: "Đã ban hành." },
      NOW,
    );
    expect(result).toMatchObject({ ok: true, value: { points: "1.000", scoreVersion: health.scoreVersion + 1 } });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { assessmentId: health.id, type: "SELF_SCORE_SAVED" }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ actorId: editorOfHealth, subjectId: health.criterion.code });

    // A second save with the version the editor loaded is stale: someone saved since.
    const stale = await saveSelfScore(
      prisma,
      editorOfHealth,
      { assessmentId: health.id, criterionId: health.criterion.id, scoreVersion: health.scoreVersion, input: { isAchieved: false } },
      NOW,
    );
    expect(stale).toMatchObject({
      ok: false,
      code: "STALE_VERSION",
      message: "Dữ liệu đã được người khác cập nhật. Vui lòng xem lại giá trị mới trước khi lưu.",
      current: { input: { isAchieved: true }, note: "Đã ban hành.", scoreVersion: health.scoreVersion + 1, updatedBy: "Phạm Minh Biên" },
    });
  });

  it("an appraiser cannot write self scores either", async () => {
    const appraiser = await userId("thamdinh.snv@songlam.demo");
    const health = await openAssessment("so-y-te");
    const result = await saveSelfScore(
      prisma,
      appraiser,
      { assessmentId: health.id, criterionId: health.criterion.id, scoreVersion: health.scoreVersion, input: { isAchieved: false } },
      NOW,
    );
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});

describe("a disabled account", () => {
  it("is refused on its next request, whatever its session says", async () => {
    const head = await userId("lanhdao.syt@songlam.demo");
    const health = await openAssessment("so-y-te");
    await prisma.user.update({ where: { id: head }, data: { isActive: false } });
    const result = await saveSelfScore(
      prisma,
      head,
      { assessmentId: health.id, criterionId: health.criterion.id, scoreVersion: health.scoreVersion, input: { isAchieved: true } },
      NOW,
    );
    expect(result).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    await prisma.user.update({ where: { id: head }, data: { isActive: true } });
  });
});
