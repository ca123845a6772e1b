import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";

import { auditTrailWorkbook } from "@/lib/exports/audit-trail-xlsx";

import { appraiseScore } from "@/lib/services/appraise-score";
import { getAssessmentAuditTrail } from "@/lib/services/get-assessment-audit-trail";
import { openForAppraisal } from "@/lib/services/open-for-appraisal";
import { createTestDatabase } from "@/tests/support/test-database";

// One assessment's change history (issue 6 item 5): who, when, what, before → after, and who may read it.
const { prisma } = await createTestDatabase("seeded");
const NOW = new Date("2027-01-20T09:00:00+07:00");

async function userId(email: string) {
  return (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

describe("the audit trail of an assessment", () => {
  it("lists every change in order with the actor's name, the criterion and what changed, for its agency and the appraisers only", async () => {
    const leadId = await userId("thamdinh.snv@songlam.demo");
    await prisma.assessmentYear.update({ where: { year: 2026 }, data: { phase: "APPRAISAL" } });
    const commune = await prisma.assessment.findFirstOrThrow({ where: { agency: { slug: "xa-kim-lien" }, year: { year: 2026 } }, select: { id: true } });
    const score = await prisma.score.findFirstOrThrow({
      where: { assessmentId: commune.id, selfPoints: { gt: 0 }, criterion: { method: "BOOLEAN" } },
      select: { criterionId: true, version: true, selfPoints: true, criterion: { select: { code: true } } },
    });
    expect(await openForAppraisal(prisma, leadId, { assessmentId: commune.id }, NOW)).toMatchObject({ ok: true });
    expect(
      await appraiseScore(prisma, leadId, { assessmentId: commune.id, criterionId: score.criterionId, scoreVersion: score.version, input: { isAchieved: false }, reason: "Chưa ban hành văn bản." }, NOW),
    ).toMatchObject({ ok: true });

    const trail = await getAssessmentAuditTrail(prisma, leadId, { assessmentId: commune.id });
    if (!trail.ok) throw new Error(trail.message);
    expect(trail.value).toMatchObject({ agencyName: "Xã Kim Liên", year: 2026 });
    const [opened, appraised] = trail.value.entries.slice(-2);
    expect(opened).toMatchObject({ type: "ASSESSMENT_OPENED", actorName: "Trần Văn Thẩm", subject: "", changes: [{ field: "status", before: "SUBMITTED", after: "UNDER_APPRAISAL" }, { field: "version" }] });
    expect(appraised).toMatchObject({
      type: "SCORE_APPRAISED",
      actorName: "Trần Văn Thẩm",
      subject: score.criterion.code,
      changes: [
        { field: "input", before: "—", after: '{"isAchieved":false}' },
        { field: "points", before: "—", after: "0.000" },
        { field: "reason", before: "—", after: "Chưa ban hành văn bản." },
      ],
    });
    const times = trail.value.entries.map((entry) => entry.occurredAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));

    // The XLSX export says the same, row for row.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await auditTrailWorkbook(trail.value));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe("Lịch sử thay đổi — Xã Kim Liên năm 2026");
    expect(sheet.getRow(3).values).toEqual([undefined, "Thời gian", "Người thực hiện", "Thao tác", "Tiêu chí", "Trước", "Sau"]);
    expect(sheet.rowCount).toBe(3 + trail.value.entries.length);
    const last = sheet.getRow(sheet.rowCount);
    expect([last.getCell(2).value, last.getCell(3).value, last.getCell(4).value, last.getCell(6).value]).toEqual([
      "Trần Văn Thẩm",
      "Thẩm định điểm",
      score.criterion.code,
      'Giá trị nhập: {"isAchieved":false}\nĐiểm: 0.000\nLý do: Chưa ban hành văn bản.',
    ]);

    // The agency's own staff may read it; another agency's may not.
    const communeEditor = await prisma.user.create({
      data: { email: "bientap.kimlien@test.demo", name: "Cán bộ xã Kim Liên", passwordHash: "-", roles: ["AGENCY_EDITOR"], agency: { connect: { slug: "xa-kim-lien" } } },
      select: { id: true },
    });
    expect(await getAssessmentAuditTrail(prisma, communeEditor.id, { assessmentId: commune.id })).toMatchObject({ ok: true });
    expect(await getAssessmentAuditTrail(prisma, await userId("bientap.syt@songlam.demo"), { assessmentId: commune.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await getAssessmentAuditTrail(prisma, leadId, { assessmentId: "nope" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await getAssessmentAuditTrail(prisma, null, { assessmentId: commune.id })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });
});
