import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getEvidenceFile } from "@/lib/services/get-evidence-file";
import { removeEvidence } from "@/lib/services/remove-evidence";
import { saveSelfScore } from "@/lib/services/save-self-score";
import { uploadEvidence } from "@/lib/services/upload-evidence";
import { createTestDatabase } from "@/tests/support/test-database";

const { prisma } = await createTestDatabase("seeded");

// The services take their storage from PAR_DATA_DIR: a directory of this file's own.
const dataDir = await mkdtemp(path.join(os.tmpdir(), "par-evidence-"));
const evidenceDir = path.join(dataDir, "evidence");
beforeAll(() => {
  process.env.PAR_DATA_DIR = dataDir;
});
afterAll(async () => {
  delete process.env.PAR_DATA_DIR;
  await rm(dataDir, { recursive: true, force: true });
});

const NOW = new Date("2026-11-25T09:00:00+07:00");
/** The seeded self-assessment deadline is 2027-01-15T23:59:59+07:00. */
const AFTER_DEADLINE = new Date("2027-01-16T08:00:00+07:00");

const pdf = (label: string) => Buffer.from(`%PDF-1.7\n% ${label}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`);
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function userId(email: string) {
  return (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

async function assessmentOf(agencySlug: string) {
  return prisma.assessment.findFirstOrThrow({
    where: { agency: { slug: agencySlug }, year: { year: 2026 } },
    select: { id: true, agencyId: true, criteriaSetId: true, status: true },
  });
}

/** A self-scored leaf of the assessment's set, with or without a Score row yet. */
async function criterionOf(assessment: { id: string; criteriaSetId: string }, options: { hasScore: boolean }, skip = 0) {
  return prisma.criterion.findFirstOrThrow({
    where: {
      criteriaSetId: assessment.criteriaSetId,
      method: { notIn: ["SURVEY"] },
      scores: options.hasScore ? { some: { assessmentId: assessment.id } } : { none: { assessmentId: assessment.id } },
    },
    orderBy: { sortOrder: "asc" },
    skip,
    select: { id: true, code: true },
  });
}

/** An agency editor the seed does not have: staff of another department. */
async function editorOf(agencySlug: string) {
  const agency = await prisma.agency.findUniqueOrThrow({ where: { slug: agencySlug }, select: { id: true } });
  const email = `bientap.${agencySlug}@example.test`;
  const user = await prisma.user.upsert({
    where: { email },
    create: { email, name: `Biên tập ${agencySlug}`, passwordHash: "not-a-hash", roles: ["AGENCY_EDITOR"], agencyId: agency.id },
    update: {},
    select: { id: true },
  });
  return user.id;
}

async function storedFiles(): Promise<string[]> {
  try {
    const entries = await readdir(evidenceDir, { recursive: true, withFileTypes: true });
    return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(evidenceDir, path.join(entry.parentPath, entry.name))).sort();
  } catch {
    return [];
  }
}

/** Everything an evidence service could change. */
async function snapshot() {
  const [evidence, scores, events, files] = await Promise.all([
    prisma.evidenceFile.findMany({ orderBy: { id: "asc" } }),
    prisma.score.findMany({ select: { id: true, version: true }, orderBy: { id: "asc" } }),
    prisma.auditEvent.count(),
    storedFiles(),
  ]);
  return { evidence, scores, events, files };
}

const editorOfHealth = await userId("bientap.syt@songlam.demo");
const health = await assessmentOf("so-y-te");

describe("uploading evidence", () => {
  it("stores the bytes under their SHA-256, adds a row and an audit event, and leaves the score version alone", async () => {
    const criterion = await criterionOf(health, { hasScore: true });
    const scoreBefore = await prisma.score.findUniqueOrThrow({ where: { assessmentId_criterionId: { assessmentId: health.id, criterionId: criterion.id } } });
    const bytes = pdf("kế hoạch");
    const hash = sha256(bytes);

    const result = await uploadEvidence(prisma, editorOfHealth, { assessmentId: health.id, criterionId: criterion.id, fileName: "Kế hoạch CCHC năm 2026.pdf", bytes }, NOW);

    expect(result).toEqual({
      ok: true,
      value: { id: expect.any(String), fileName: "Kế hoạch CCHC năm 2026.pdf", mimeType: "application/pdf", sizeBytes: bytes.length, isAlreadyAttached: false },
    });
    if (!result.ok) return;
    expect(await readFile(path.join(evidenceDir, hash.slice(0, 2), hash.slice(2, 4), hash))).toEqual(bytes);
    expect(await prisma.evidenceFile.findUniqueOrThrow({ where: { id: result.value.id } })).toMatchObject({
      scoreId: scoreBefore.id,
      sha256: hash,
      fileName: "Kế hoạch CCHC năm 2026.pdf",
      mimeType: "application/pdf",
      sizeBytes: bytes.length,
      uploadedById: editorOfHealth,
      uploadedAt: NOW,
    });
    expect(await prisma.score.findUniqueOrThrow({ where: { id: scoreBefore.id }, select: { version: true } })).toEqual({ version: scoreBefore.version });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { type: "EVIDENCE_UPLOADED", subjectId: result.value.id } });
    expect(event).toMatchObject({
      actorId: editorOfHealth,
      assessmentId: health.id,
      subjectType: "EvidenceFile",
      after: { criterionCode: criterion.code, fileName: "Kế hoạch CCHC năm 2026.pdf", sha256: hash, mimeType: "application/pdf", sizeBytes: bytes.length },
    });
  });

  it("takes the MIME type from the content, whatever the name's case", async () => {
    const criterion = await criterionOf(health, { hasScore: true }, 1);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const result = await uploadEvidence(prisma, editorOfHealth, { assessmentId: health.id, criterionId: criterion.id, fileName: "Ảnh chụp màn hình.PNG", bytes: png }, NOW);
    expect(result).toMatchObject({ ok: true, value: { mimeType: "image/png", fileName: "Ảnh chụp màn hình.PNG" } });
  });

  it("is idempotent: the same content twice on one criterion gives one row, one event and one stored file", async () => {
    const criterion = await criterionOf(health, { hasScore: true }, 2);
    const bytes = pdf("twice");
    const first = await uploadEvidence(prisma, editorOfHealth, { assessmentId: health.id, criterionId: criterion.id, fileName: "Báo cáo.pdf", bytes }, NOW);
    const before = await snapshot();
    const second = await uploadEvidence(prisma, editorOfHealth, { assessmentId: health.id, criterionId: criterion.id, fileName: "Báo cáo (bản sao).pdf", bytes }, NOW);

    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.value).toEqual({ ...first.value, isAlreadyAttached: true });
    expect(await snapshot()).toEqual(before);
  });

  it("stores content shared by two criteria once, with a row on each", async () => {
    const one = await criterionOf(health, { hasScore: true }, 3);
    const other = await criterionOf(health, { hasScore: true }, 4);
    const bytes = pdf("shared");
    const filesBefore = await storedFiles();
    for (const criterion of [one, other]) {
      expect(await uploadEvidence(prisma, editorOfHealth, { assessmentId: health.id, criterionId: criterion.id, fileName: "Quyết định.pdf", bytes }, NOW)).toMatchObject({ ok: true });
    }
    expect(await prisma.evidenceFile.count({ where: { sha256: sha256(bytes) } })).toBe(2);
    expect((await storedFiles()).length).toBe(filesBefore.length + 1);
  });

  it("creates the criterion's score at version 0 when it has none, so the version the form holds stays valid", async () => {
    const criterion = await criterionOf(health, { hasScore: false });
    const result = await uploadEvidence(prisma, editorOfHealth, { assessmentId: health.id, criterionId: criterion.id, fileName: "Tài liệu.pdf", bytes: pdf("new score") }, NOW);
    expect(result).toMatchObject({ ok: true });
    const score = await prisma.score.findUniqueOrThrow({
      where: { assessmentId_criterionId: { assessmentId: health.id, criterionId: criterion.id } },
      select: { version: true, selfInput: true, selfPoints: true, _count: { select: { evidence: true } } },
    });
    expect(score).toEqual({ version: 0, selfInput: null, selfPoints: null, _count: { evidence: 1 } });

    // The editor had loaded the criterion empty (version 0) and now saves a note: no conflict.
    const saved = await saveSelfScore(prisma, editorOfHealth, { assessmentId: health.id, criterionId: criterion.id, scoreVersion: 0, input: null, note: "Đã đính kèm." }, NOW);
    expect(saved).toMatchObject({ ok: true, value: { scoreVersion: 1 } });
  });

  it("is allowed up to the deadline and refused after it (WRONG_PHASE), storing nothing", async () => {
    const criterion = await criterionOf(health, { hasScore: true }, 5);
    const atDeadline = new Date("2027-01-15T23:59:59+07:00");
    expect(await uploadEvidence(prisma, editorOfHealth, { assessmentId: health.id, criterionId: criterion.id, fileName: "a.pdf", bytes: pdf("at deadline") }, atDeadline)).toMatchObject({ ok: true });

    const before = await snapshot();
    const late = await uploadEvidence(prisma, editorOfHealth, { assessmentId: health.id, criterionId: criterion.id, fileName: "b.pdf", bytes: pdf("late") }, AFTER_DEADLINE);
    // The refusal says why, so the agency knows to ask for an extension.
    expect(late).toEqual({ ok: false, code: "WRONG_PHASE", message: "Đã hết thời hạn thực hiện thao tác này." });
    expect(await snapshot()).toEqual(before);
  });

  it("is refused after submission (Sở Tư pháp has submitted): WRONG_PHASE, nothing stored", async () => {
    const justice = await assessmentOf("so-tu-phap");
    expect(justice.status).toBe("SUBMITTED");
    const editorOfJustice = await editorOf("so-tu-phap");
    const criterion = await criterionOf(justice, { hasScore: true });
    const before = await snapshot();
    const result = await uploadEvidence(prisma, editorOfJustice, { assessmentId: justice.id, criterionId: criterion.id, fileName: "Bổ sung.pdf", bytes: pdf("after submission") }, NOW);
    expect(result).toMatchObject({ ok: false, code: "WRONG_PHASE" });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a criterion of another criteria set as NOT_FOUND, and a survey criterion", async () => {
    const commune = await assessmentOf("xa-kim-lien");
    expect(commune.criteriaSetId).not.toBe(health.criteriaSetId);
    const foreign = await criterionOf(commune, { hasScore: true });
    const survey = await prisma.criterion.findFirstOrThrow({ where: { criteriaSetId: health.criteriaSetId, method: "SURVEY" }, select: { id: true } });
    const before = await snapshot();
    expect(await uploadEvidence(prisma, editorOfHealth, { assessmentId: health.id, criterionId: foreign.id, fileName: "a.pdf", bytes: pdf("foreign") }, NOW)).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await uploadEvidence(prisma, editorOfHealth, { assessmentId: health.id, criterionId: survey.id, fileName: "a.pdf", bytes: pdf("survey") }, NOW)).toMatchObject({
      ok: false,
      code: "VALIDATION_FAILED",
      issues: [{ path: "criterionId", message: "Tiêu chí này chấm qua điều tra xã hội học, đơn vị không tự chấm." }],
    });
    expect(await snapshot()).toEqual(before);
  });

  describe("bad input: VALIDATION_FAILED with its Vietnamese message, and nothing stored", () => {
    const mz = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200)]);
    const cases: [label: string, fileName: string, bytes: Uint8Array, message: string, maxBytes?: string][] = [
      ["an empty file", "Rỗng.pdf", new Uint8Array(0), "Tệp rỗng, không có nội dung."],
      ["an oversized file", "Lớn.pdf", Buffer.concat([pdf("big"), Buffer.alloc(600_000)]), "Tệp vượt quá dung lượng cho phép (0,5 MB).", String(512 * 1024)],
      ["an executable renamed .pdf", "Quyết định.pdf", mz, "Không được tải lên tệp chương trình hoặc mã lệnh."],
      ["a script", "cai-dat.pdf", Buffer.from("#!/bin/sh\necho hi\n"), "Không được tải lên tệp chương trình hoặc mã lệnh."],
      ["an HTML page", "trang.pdf", Buffer.from("<html><script>alert(1)</script></html>"), "Loại tệp không được hỗ trợ. Chỉ nhận PDF, ảnh (PNG, JPEG, GIF, WebP), Word hoặc Excel."],
      ["a mislabelled file (PDF named .docx)", "Kế hoạch.docx", pdf("mislabelled"), "Phần mở rộng .docx không khớp với nội dung tệp (PDF)."],
      ["a name with /", "../../etc/passwd.pdf", pdf("slash"), "Tên tệp không được chứa dấu / hoặc \\."],
      ["a name with \\", "..\\..\\boot.pdf", pdf("backslash"), "Tên tệp không được chứa dấu / hoặc \\."],
      ["a name with a control character", "Báo cáo\r\nSet-Cookie: x.pdf", pdf("control"), "Tên tệp chứa ký tự điều khiển không hợp lệ."],
      ["a name starting with a dot", "..pdf", pdf("dot"), "Tên tệp không được bắt đầu bằng dấu chấm."],
      ["an empty name", " ", pdf("no name"), "Tên tệp không được để trống."],
      ["a name without an extension", "Quyết định", pdf("no extension"), "Tên tệp phải có phần mở rộng (ví dụ .pdf, .docx, .xlsx)."],
    ];
    it.each(cases)("%s", async (_label, fileName, bytes, message, maxBytes) => {
      const criterion = await criterionOf(health, { hasScore: true }, 6);
      const before = await snapshot();
      if (maxBytes) process.env.PAR_EVIDENCE_MAX_BYTES = maxBytes;
      try {
        const result = await uploadEvidence(prisma, editorOfHealth, { assessmentId: health.id, criterionId: criterion.id, fileName, bytes }, NOW);
        expect(result).toMatchObject({ ok: false, code: "VALIDATION_FAILED", message, issues: [{ message }] });
      } finally {
        delete process.env.PAR_EVIDENCE_MAX_BYTES;
      }
      expect(await snapshot()).toEqual(before);
    });

    it("bytes that are not bytes", async () => {
      const criterion = await criterionOf(health, { hasScore: true }, 6);
      const result = await uploadEvidence(prisma, editorOfHealth, { assessmentId: health.id, criterionId: criterion.id, fileName: "a.pdf", bytes: "%PDF-1.7" }, NOW);
      expect(result).toMatchObject({ ok: false, code: "VALIDATION_FAILED", message: "Dữ liệu nhập chưa hợp lệ.", issues: [{ path: "bytes" }] });
    });
  });
});

describe("another agency's editor, attacking Sở Y tế's evidence by id", () => {
  it("gets FORBIDDEN for upload, remove and download, and nothing changes", async () => {
    const editorOfConstruction = await editorOf("so-xay-dung");
    const criterion = await criterionOf(health, { hasScore: true }, 7);
    const uploaded = await uploadEvidence(prisma, editorOfHealth, { assessmentId: health.id, criterionId: criterion.id, fileName: "Nội bộ.pdf", bytes: pdf("internal") }, NOW);
    if (!uploaded.ok) throw new Error(uploaded.message);
    const before = await snapshot();
    const forbidden = { ok: false, code: "FORBIDDEN", message: "Bạn không có quyền thực hiện thao tác này." };

    expect(await uploadEvidence(prisma, editorOfConstruction, { assessmentId: health.id, criterionId: criterion.id, fileName: "Chèn.pdf", bytes: pdf("intruder") }, NOW)).toEqual(forbidden);
    expect(await removeEvidence(prisma, editorOfConstruction, { evidenceId: uploaded.value.id }, NOW)).toEqual(forbidden);
    expect(await getEvidenceFile(prisma, editorOfConstruction, { evidenceId: uploaded.value.id })).toEqual(forbidden);
    expect(await snapshot()).toEqual(before);
  });

  it("and signed out, every call is UNAUTHENTICATED", async () => {
    const criterion = await criterionOf(health, { hasScore: true }, 7);
    const evidence = await prisma.evidenceFile.findFirstOrThrow({ select: { id: true } });
    expect(await uploadEvidence(prisma, null, { assessmentId: health.id, criterionId: criterion.id, fileName: "a.pdf", bytes: pdf("anonymous") }, NOW)).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await removeEvidence(prisma, undefined, { evidenceId: evidence.id }, NOW)).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await getEvidenceFile(prisma, null, { evidenceId: evidence.id })).toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("downloading evidence", () => {
  it("returns the same bytes, name and detected type to the agency, the appraisers and the administrator", async () => {
    const criterion = await criterionOf(health, { hasScore: true }, 8);
    const bytes = pdf("download");
    const uploaded = await uploadEvidence(prisma, editorOfHealth, { assessmentId: health.id, criterionId: criterion.id, fileName: "Kết quả khảo sát.pdf", bytes }, NOW);
    if (!uploaded.ok) throw new Error(uploaded.message);

    for (const email of ["bientap.syt@songlam.demo", "lanhdao.syt@songlam.demo", "thamdinh.snv@songlam.demo", "thamdinh.stp@songlam.demo", "quantri@songlam.demo"]) {
      const result = await getEvidenceFile(prisma, await userId(email), { evidenceId: uploaded.value.id });
      expect(result, email).toEqual({ ok: true, value: { fileName: "Kết quả khảo sát.pdf", mimeType: "application/pdf", sizeBytes: bytes.length, bytes } });
    }
  });

  it("answers NOT_FOUND for an unknown id", async () => {
    expect(await getEvidenceFile(prisma, editorOfHealth, { evidenceId: "does-not-exist" })).toEqual({ ok: false, code: "NOT_FOUND", message: "Không tìm thấy dữ liệu yêu cầu." });
  });

  it("refuses to serve content that no longer matches its hash", async () => {
    const criterion = await criterionOf(health, { hasScore: true }, 9);
    const bytes = pdf("to be corrupted");
    const uploaded = await uploadEvidence(prisma, editorOfHealth, { assessmentId: health.id, criterionId: criterion.id, fileName: "a.pdf", bytes }, NOW);
    if (!uploaded.ok) throw new Error(uploaded.message);
    const hash = sha256(bytes);
    await writeFile(path.join(evidenceDir, hash.slice(0, 2), hash.slice(2, 4), hash), pdf("something else"));
    await expect(getEvidenceFile(prisma, editorOfHealth, { evidenceId: uploaded.value.id })).rejects.toThrow(/does not match its hash/);
  });
});

describe("removing evidence", () => {
  it("works while the assessment is a draft: the row goes, the bytes stay, the removal is audited", async () => {
    const criterion = await criterionOf(health, { hasScore: true }, 10);
    const bytes = pdf("to remove");
    const uploaded = await uploadEvidence(prisma, editorOfHealth, { assessmentId: health.id, criterionId: criterion.id, fileName: "Nhầm tệp.pdf", bytes }, NOW);
    if (!uploaded.ok) throw new Error(uploaded.message);

    expect(await removeEvidence(prisma, editorOfHealth, { evidenceId: uploaded.value.id }, NOW)).toEqual({ ok: true, value: { id: uploaded.value.id } });
    expect(await prisma.evidenceFile.findUnique({ where: { id: uploaded.value.id } })).toBeNull();
    expect(await storedFiles()).toContain(path.join(sha256(bytes).slice(0, 2), sha256(bytes).slice(2, 4), sha256(bytes)));
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { type: "EVIDENCE_REMOVED", subjectId: uploaded.value.id } })).toMatchObject({
      actorId: editorOfHealth,
      assessmentId: health.id,
      before: { criterionCode: criterion.code, fileName: "Nhầm tệp.pdf", sha256: sha256(bytes) },
    });

    // Removed twice (a double click, or two editors): the second finds nothing.
    expect(await removeEvidence(prisma, editorOfHealth, { evidenceId: uploaded.value.id }, NOW)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    // And the same file can be attached again.
    expect(await uploadEvidence(prisma, editorOfHealth, { assessmentId: health.id, criterionId: criterion.id, fileName: "Đúng tệp.pdf", bytes }, NOW)).toMatchObject({
      ok: true,
      value: { isAlreadyAttached: false, fileName: "Đúng tệp.pdf" },
    });
  });

  it("is refused after the deadline and after submission (WRONG_PHASE), and nothing changes", async () => {
    const criterion = await criterionOf(health, { hasScore: true }, 11);
    const uploaded = await uploadEvidence(prisma, editorOfHealth, { assessmentId: health.id, criterionId: criterion.id, fileName: "a.pdf", bytes: pdf("kept") }, NOW);
    if (!uploaded.ok) throw new Error(uploaded.message);

    // Evidence Sở Tư pháp attached before it submitted.
    const justice = await assessmentOf("so-tu-phap");
    const justiceCriterion = await criterionOf(justice, { hasScore: true });
    const justiceScore = await prisma.score.findUniqueOrThrow({ where: { assessmentId_criterionId: { assessmentId: justice.id, criterionId: justiceCriterion.id } }, select: { id: true } });
    const justiceEvidence = await prisma.evidenceFile.create({
      data: { scoreId: justiceScore.id, sha256: sha256(pdf("justice")), fileName: "Báo cáo.pdf", mimeType: "application/pdf", sizeBytes: 10 },
      select: { id: true },
    });
    const editorOfJustice = await editorOf("so-tu-phap");

    const before = await snapshot();
    expect(await removeEvidence(prisma, editorOfHealth, { evidenceId: uploaded.value.id }, AFTER_DEADLINE)).toMatchObject({ ok: false, code: "WRONG_PHASE" });
    expect(await removeEvidence(prisma, editorOfJustice, { evidenceId: justiceEvidence.id }, NOW)).toMatchObject({ ok: false, code: "WRONG_PHASE" });
    expect(await snapshot()).toEqual(before);
  });

  it("answers NOT_FOUND for an unknown id and VALIDATION_FAILED for a malformed one", async () => {
    expect(await removeEvidence(prisma, editorOfHealth, { evidenceId: "does-not-exist" }, NOW)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await removeEvidence(prisma, editorOfHealth, { evidenceId: "" }, NOW)).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
  });
});
