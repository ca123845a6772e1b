import { crc32, deflateRawSync } from "node:zlib";

import { describe, expect, it } from "vitest";

import {
  attachmentDisposition,
  inlineDisposition,
  isViewableInline,
  checkEvidenceFile,
  checkEvidenceFileName,
  DEFAULT_EVIDENCE_MAX_BYTES,
  detectEvidenceFileType,
  EVIDENCE_FILE_TYPES,
  evidenceFileProblemMessage,
  evidenceMaxBytes,
  formatMegabytes,
  type EvidenceFileKind,
} from "@/lib/domain/evidence-file-type";

// ---------------------------------------------------------------------------
// Files built byte by byte: the real container layouts, with just the entries that matter
// ---------------------------------------------------------------------------

const text = (value: string) => Buffer.from(value, "latin1");

/** A ZIP with deflated entries, a data descriptor on each (as Office writes them), and a trailing comment. */
function zipFile(names: string[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const content = Buffer.from(`<xml name="${name}"/>`);
    const compressed = deflateRawSync(content);
    const nameBytes = Buffer.from(name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0808, 6); // data descriptor + UTF-8 names: sizes are 0 in the local header
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(nameBytes.length, 26);
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc32(content), 4);
    descriptor.writeUInt32LE(compressed.length, 8);
    descriptor.writeUInt32LE(content.length, 12);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0808, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(content), 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, compressed, descriptor);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + compressed.length + descriptor.length;
  }
  const centralDirectory = Buffer.concat(centrals);
  const comment = Buffer.from("made by a test");
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...locals, centralDirectory, end, comment]);
}

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;

/**
 * An OLE2 compound file with 512-byte sectors: header, one FAT sector (0), and the directory over
 * as many sectors as it needs (1, 2, …), chained through the FAT — four entries per sector, so a
 * name after the fourth entry is only found by following the chain.
 */
function compoundFile(entries: { name: string; type: 1 | 2 }[]): Buffer {
  const all = [{ name: "Root Entry", type: 5 }, ...entries];
  const directorySectors = Math.ceil(all.length / 4);
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c);
  header.writeUInt32LE(1, 0x30);
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(END_OF_CHAIN, 0x3c);
  header.writeUInt32LE(END_OF_CHAIN, 0x44);
  for (let index = 0; index < 109; index += 1) header.writeUInt32LE(index === 0 ? 0 : FREE, 0x4c + index * 4);
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(FAT_SECTOR, 0);
  for (let sector = 1; sector <= directorySectors; sector += 1) fat.writeUInt32LE(sector === directorySectors ? END_OF_CHAIN : sector + 1, sector * 4);
  const directory = Buffer.alloc(512 * directorySectors);
  all.forEach((entry, index) => {
    const base = index * 128;
    const name = Buffer.from(`${entry.name}\u0000`, "utf16le");
    name.copy(directory, base);
    directory.writeUInt16LE(name.length, base + 64);
    directory[base + 66] = entry.type;
  });
  return Buffer.concat([header, fat, directory]);
}

const OLE2_PADDING = [
  { name: "\u0005SummaryInformation", type: 2 as const },
  { name: "\u0005DocumentSummaryInformation", type: 2 as const },
  { name: "\u0001CompObj", type: 2 as const },
  { name: "ObjectPool", type: 1 as const },
];

const SAMPLES: Record<EvidenceFileKind, Buffer> = {
  pdf: text("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"),
  png: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), text("\u0000\u0000\u0000\rIHDR")]),
  jpeg: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]),
  gif: text("GIF89a\u0001\u0000\u0001\u0000"),
  webp: Buffer.concat([text("RIFF"), Buffer.from([0x24, 0, 0, 0]), text("WEBPVP8 ")]),
  docx: zipFile(["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml"]),
  xlsx: zipFile(["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml"]),
  // The main stream last, in the second directory sector.
  doc: compoundFile([...OLE2_PADDING, { name: "1Table", type: 2 }, { name: "WordDocument", type: 2 }]),
  xls: compoundFile([...OLE2_PADDING, { name: "Workbook", type: 2 }]),
};

// ---------------------------------------------------------------------------

describe("detectEvidenceFileType", () => {
  it.each(Object.keys(SAMPLES) as EvidenceFileKind[])("recognises %s from its content", (kind) => {
    expect(detectEvidenceFileType(SAMPLES[kind])).toEqual({ ok: true, kind });
  });

  it("recognises Excel 5 workbooks by their Book stream", () => {
    expect(detectEvidenceFileType(compoundFile([{ name: "Book", type: 2 }]))).toEqual({ ok: true, kind: "xls" });
  });

  it.each([
    ["a Windows program (MZ)", Buffer.concat([text("MZ\u0090\u0000"), Buffer.alloc(60)])],
    ["a Linux program (ELF)", Buffer.concat([Buffer.from([0x7f]), text("ELF\u0002\u0001\u0001")])],
    ["a macOS program (Mach-O)", Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 0x07, 0x00, 0x00, 0x01])],
    ["a shell script", text("#!/bin/sh\nrm -rf /\n")],
  ])("refuses %s as EXECUTABLE", (_label, bytes) => {
    expect(detectEvidenceFileType(bytes)).toEqual({ ok: false, code: "EXECUTABLE" });
  });

  it.each([
    ["HTML", text("<!DOCTYPE html><script>alert(1)</script>")],
    ["SVG", text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
    ["plain text", text("Báo cáo")],
    ["a PDF header not at the start", text("<html>%PDF-1.4")],
    ["a plain ZIP archive", zipFile(["setup.exe", "readme.txt"])],
    ["a PowerPoint file", zipFile(["[Content_Types].xml", "ppt/presentation.xml"])],
    ["a ZIP claiming both Word and Excel parts", zipFile(["[Content_Types].xml", "word/document.xml", "xl/workbook.xml"])],
    ["a truncated ZIP (no central directory)", zipFile(["[Content_Types].xml", "word/document.xml"]).subarray(0, 60)],
    ["an OLE2 file that is neither Word nor Excel (an installer)", compoundFile([{ name: "\u4840\u3b3f\u4577", type: 2 }])],
    ["an OLE2 header alone", compoundFile([]).subarray(0, 512)],
    ["a single byte", Buffer.from([0x25])],
  ])("refuses %s as UNSUPPORTED_TYPE", (_label, bytes) => {
    expect(detectEvidenceFileType(bytes)).toEqual({ ok: false, code: "UNSUPPORTED_TYPE" });
  });

  it("refuses Office files carrying VBA macros", () => {
    const docm = zipFile(["[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"]);
    const xlsWithMacros = compoundFile([{ name: "Workbook", type: 2 }, { name: "_VBA_PROJECT_CUR", type: 1 }]);
    const docWithMacros = compoundFile([{ name: "WordDocument", type: 2 }, { name: "Macros", type: 1 }]);
    for (const bytes of [docm, xlsWithMacros, docWithMacros]) expect(detectEvidenceFileType(bytes)).toEqual({ ok: false, code: "HAS_MACROS" });
  });

  it("survives a compound file whose directory chain loops", () => {
    const looping = compoundFile([{ name: "Stream", type: 2 }]);
    looping.writeUInt32LE(1, 512 + 4); // sector 1's next sector is itself
    expect(detectEvidenceFileType(looping)).toEqual({ ok: false, code: "UNSUPPORTED_TYPE" });
  });
});

describe("checkEvidenceFileName", () => {
  it("keeps Vietnamese names and turns decomposed letters (macOS) into composed ones", () => {
    const decomposed = "Quyết định số 12 – Kế hoạch CCHC năm 2026.pdf".normalize("NFD");
    expect(checkEvidenceFileName(`  ${decomposed} `)).toEqual({ ok: true, fileName: "Quyết định số 12 – Kế hoạch CCHC năm 2026.pdf", extension: "pdf" });
  });

  it("reads the extension case-insensitively, from the last dot", () => {
    expect(checkEvidenceFileName("Báo cáo.v2.DOCX")).toMatchObject({ ok: true, extension: "docx" });
    expect(checkEvidenceFileName("Báo cáo")).toMatchObject({ ok: true, extension: null });
    expect(checkEvidenceFileName("Báo cáo.")).toMatchObject({ ok: true, extension: null });
  });

  it.each([
    ["", "NAME_EMPTY"],
    ["   ", "NAME_EMPTY"],
    [`${"a".repeat(197)}.pdf`, "NAME_TOO_LONG"],
    ["../../etc/passwd.pdf", "NAME_PATH_SEPARATOR"],
    ["bao-cao/2026.pdf", "NAME_PATH_SEPARATOR"],
    ["C:\\Users\\bao-cao.pdf", "NAME_PATH_SEPARATOR"],
    ["..", "NAME_LEADING_DOT"],
    ["..pdf", "NAME_LEADING_DOT"],
    [".htaccess", "NAME_LEADING_DOT"],
    ["bao\ncao.pdf", "NAME_CONTROL_CHARACTER"],
    ["bao\u0000cao.pdf", "NAME_CONTROL_CHARACTER"],
    ["bao\u007fcao.pdf", "NAME_CONTROL_CHARACTER"],
    ["bao\u0085cao.pdf", "NAME_CONTROL_CHARACTER"],
    ["hoso\u202Efdp.exe", "NAME_CONTROL_CHARACTER"],
  ])("refuses %j as %s", (name, code) => {
    expect(checkEvidenceFileName(name)).toMatchObject({ ok: false, code });
  });

  it("counts characters, not UTF-16 units or bytes: 200 Vietnamese letters are allowed", () => {
    const name = `${"ệ".repeat(196)}.pdf`;
    expect(checkEvidenceFileName(name)).toMatchObject({ ok: true, fileName: name });
    expect(checkEvidenceFileName(`ệ${name}`)).toMatchObject({ ok: false, code: "NAME_TOO_LONG" });
  });
});

describe("checkEvidenceFile", () => {
  const namings: [EvidenceFileKind, string][] = (Object.keys(EVIDENCE_FILE_TYPES) as EvidenceFileKind[]).flatMap((kind) =>
    EVIDENCE_FILE_TYPES[kind].extensions.map((extension): [EvidenceFileKind, string] => [kind, extension]),
  );
  it.each(namings)(
    "accepts %s named .%s with its MIME type",
    (kind, extension) => {
      const bytes = SAMPLES[kind];
      expect(checkEvidenceFile({ fileName: `Tài liệu kiểm chứng.${extension}`, bytes })).toEqual({
        ok: true,
        kind,
        mimeType: EVIDENCE_FILE_TYPES[kind].mimeType,
        fileName: `Tài liệu kiểm chứng.${extension}`,
        sizeBytes: bytes.length,
      });
    },
  );

  it.each([
    ["a PDF named .docx", "Kế hoạch.docx", SAMPLES.pdf, "docx", "pdf"],
    ["a Word file named .xlsx", "Số liệu.xlsx", SAMPLES.docx, "xlsx", "docx"],
    ["an Excel 97 file named .doc", "Báo cáo.doc", SAMPLES.xls, "doc", "xls"],
    ["a PNG named .jpg", "Ảnh chụp.jpg", SAMPLES.png, "jpg", "png"],
    ["a PDF named .exe", "tai-lieu.exe", SAMPLES.pdf, "exe", "pdf"],
  ])("refuses %s as MISLABELLED", (_label, fileName, bytes, extension, detected) => {
    expect(checkEvidenceFile({ fileName, bytes })).toEqual({ ok: false, code: "MISLABELLED", params: { extension, detected } });
  });

  it("refuses a program renamed to .pdf as EXECUTABLE, not merely mislabelled", () => {
    expect(checkEvidenceFile({ fileName: "Quyết định.pdf", bytes: Buffer.concat([text("MZ"), Buffer.alloc(100)]) })).toMatchObject({ ok: false, code: "EXECUTABLE" });
  });

  it("refuses a name without an extension", () => {
    expect(checkEvidenceFile({ fileName: "Quyết định", bytes: SAMPLES.pdf })).toMatchObject({ ok: false, code: "NAME_WITHOUT_EXTENSION" });
  });

  it("refuses an empty file", () => {
    expect(checkEvidenceFile({ fileName: "rỗng.pdf", bytes: new Uint8Array(0) })).toEqual({ ok: false, code: "EMPTY_FILE" });
  });

  it("accepts exactly the limit and refuses one byte more", () => {
    const limit = 1024;
    const atLimit = Buffer.concat([SAMPLES.pdf, Buffer.alloc(limit - SAMPLES.pdf.length)]);
    expect(checkEvidenceFile({ fileName: "a.pdf", bytes: atLimit }, limit)).toMatchObject({ ok: true, sizeBytes: limit });
    const over = Buffer.concat([atLimit, Buffer.alloc(1)]);
    expect(checkEvidenceFile({ fileName: "a.pdf", bytes: over }, limit)).toEqual({ ok: false, code: "FILE_TOO_LARGE", params: { maxBytes: limit } });
  });

  it("has a 20 MB default limit", () => {
    const over = Buffer.concat([SAMPLES.pdf, Buffer.alloc(DEFAULT_EVIDENCE_MAX_BYTES + 1 - SAMPLES.pdf.length)]);
    expect(checkEvidenceFile({ fileName: "lớn.pdf", bytes: over })).toMatchObject({ ok: false, code: "FILE_TOO_LARGE" });
  });

  it("checks the name before the content, so a bad name is reported even for a bad file", () => {
    expect(checkEvidenceFile({ fileName: "a/b.exe", bytes: new Uint8Array(0) })).toMatchObject({ code: "NAME_PATH_SEPARATOR" });
  });
});

describe("messages", () => {
  it.each([
    [{ ok: false as const, code: "FILE_TOO_LARGE" as const, params: { maxBytes: DEFAULT_EVIDENCE_MAX_BYTES } }, "Tệp vượt quá dung lượng cho phép (20 MB)."],
    [{ ok: false as const, code: "MISLABELLED" as const, params: { extension: "docx", detected: "pdf" } }, "Phần mở rộng .docx không khớp với nội dung tệp (PDF)."],
    [{ ok: false as const, code: "MISLABELLED" as const, params: { extension: "doc", detected: "xls" } }, "Phần mở rộng .doc không khớp với nội dung tệp (Excel 97–2003 (.xls))."],
    [{ ok: false as const, code: "NAME_TOO_LONG" as const }, "Tên tệp dài quá 200 ký tự."],
    [{ ok: false as const, code: "NAME_PATH_SEPARATOR" as const }, "Tên tệp không được chứa dấu / hoặc \\."],
    [{ ok: false as const, code: "EXECUTABLE" as const }, "Không được tải lên tệp chương trình hoặc mã lệnh."],
  ])("%j → %s", (refusal, message) => {
    expect(evidenceFileProblemMessage(refusal)).toBe(message);
  });

  it("states the limit in megabytes with a Vietnamese decimal comma", () => {
    expect(formatMegabytes(20 * 1024 * 1024)).toBe("20");
    expect(formatMegabytes(512 * 1024)).toBe("0,5");
    expect(formatMegabytes(1024)).toBe("0");
  });
});

describe("evidenceMaxBytes", () => {
  it("defaults to 20 MB and reads a whole number of bytes", () => {
    expect(evidenceMaxBytes(undefined)).toBe(20 * 1024 * 1024);
    expect(evidenceMaxBytes(" ")).toBe(20 * 1024 * 1024);
    expect(evidenceMaxBytes("1048576")).toBe(1_048_576);
  });

  it.each(["0", "-5", "20MB", "1.5", "1e6"])("treats %j as a configuration error", (value) => {
    expect(() => evidenceMaxBytes(value)).toThrow(/PAR_EVIDENCE_MAX_BYTES/);
  });
});

describe("attachmentDisposition", () => {
  it("sends Vietnamese names in UTF-8 (RFC 5987) with an ASCII fallback", () => {
    expect(attachmentDisposition("Quyết định số 12 (Đợt 1).pdf")).toBe(
      "attachment; filename=\"Quyet dinh so 12 (Dot 1).pdf\"; filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20s%E1%BB%91%2012%20%28%C4%90%E1%BB%A3t%201%29.pdf",
    );
  });

  it("cannot be broken out of: quotes, semicolons and percent signs are replaced in the fallback and encoded in filename*", () => {
    const header = attachmentDisposition('a"; filename=evil.html; x=%41\\.pdf');
    expect(header).toBe("attachment; filename=\"a__ filename=evil.html_ x=_41_.pdf\"; filename*=UTF-8''a%22%3B%20filename%3Devil.html%3B%20x%3D%2541%5C.pdf");
    // Exactly two parameters: one quoted string with nothing to escape, one token.
    expect(header).toMatch(/^attachment; filename="[^"\\]*"; filename\*=UTF-8''[^;\s"]+$/);
  });

  it("round-trips through decodeURIComponent", () => {
    const name = "Báo cáo kết quả CCHC — quý IV/2026's *bản cuối*.xlsx".replace("/", "-");
    const encoded = attachmentDisposition(name).split("UTF-8''")[1] ?? "";
    expect(encoded).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
    expect(decodeURIComponent(encoded)).toBe(name);
  });
});

describe("viewing evidence in the page", () => {
  it("shows PDFs and the accepted images inline, downloads everything else", () => {
    expect(["application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp"].every(isViewableInline)).toBe(true);
    expect(isViewableInline("image/svg+xml")).toBe(false);
    expect(isViewableInline("application/vnd.openxmlformats-officedocument.wordprocessingml.document")).toBe(false);
    expect(isViewableInline("text/html")).toBe(false);
    expect(inlineDisposition("Quyết định.pdf")).toMatch(/^inline; filename="Quyet dinh.pdf"; filename\*=UTF-8''/);
  });
});
