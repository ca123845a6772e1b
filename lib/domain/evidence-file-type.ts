/**
 * What an evidence file (tài liệu kiểm chứng) may be: its type read from the CONTENT (magic bytes
 * and, for Office files, their container's entry names), its declared extension agreeing with
 * that type, a file name safe to show and to send back in a download header, and a size within
 * the limit. Pure: bytes in, a verdict out; storage and the database are the services'.
 *
 * The name is never used on disk (files are stored under their SHA-256), so these name rules are
 * about what the user sees and what goes back out in Content-Disposition, not about paths.
 *
 * No Node APIs: the upload form may run the same check in the browser before sending anything.
 */

import { formatPoints, interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

/** The types accepted as evidence, with the extensions each may carry and the Content-Type served. */
export const EVIDENCE_FILE_TYPES = {
  pdf: { mimeType: "application/pdf", extensions: ["pdf"] },
  png: { mimeType: "image/png", extensions: ["png"] },
  jpeg: { mimeType: "image/jpeg", extensions: ["jpg", "jpeg"] },
  gif: { mimeType: "image/gif", extensions: ["gif"] },
  webp: { mimeType: "image/webp", extensions: ["webp"] },
  docx: { mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"] },
  xlsx: { mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: ["xlsx"] },
  doc: { mimeType: "application/msword", extensions: ["doc"] },
  xls: { mimeType: "application/vnd.ms-excel", extensions: ["xls"] },
} as const satisfies Record<string, { mimeType: string; extensions: readonly string[] }>;
export type EvidenceFileKind = keyof typeof EVIDENCE_FILE_TYPES;

/** 20 MB: a scanned decision of a few dozen pages. Overridden by PAR_EVIDENCE_MAX_BYTES. */
export const DEFAULT_EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;
export const MAX_FILE_NAME_LENGTH = 200;

/** Why a file is refused. Messages: vi.evidence.problems. */
export type EvidenceFileProblem =
  /** Zero bytes. */
  | "EMPTY_FILE"
  /** More bytes than the limit (params.maxBytes). */
  | "FILE_TOO_LARGE"
  /** A Windows (MZ), Linux (ELF) or macOS (Mach-O) program, or a script starting with #!. */
  | "EXECUTABLE"
  /** Anything that is not one of EVIDENCE_FILE_TYPES: HTML, SVG, text, archives, other OLE2 files… */
  | "UNSUPPORTED_TYPE"
  /**
   * An Office file carrying a VBA project. Evidence is read by appraisers on their own machines:
   * a document that runs code is refused rather than trusted to the reader's macro settings.
   */
  | "HAS_MACROS"
  /** The extension names another type than the content (params.extension; params.detected, an EvidenceFileKind). */
  | "MISLABELLED"
  /** Nothing left after trimming spaces. */
  | "NAME_EMPTY"
  /** Longer than MAX_FILE_NAME_LENGTH characters (params.maxLength). */
  | "NAME_TOO_LONG"
  /** Contains / or \: a client sending a path, or trying to. */
  | "NAME_PATH_SEPARATOR"
  /**
   * C0/C1 control characters (newlines would break headers and logs) and bidirectional overrides,
   * which disguise a name ("hoso\u202Efdp.exe" shows as "hosoexe.pdf").
   */
  | "NAME_CONTROL_CHARACTER"
  /** ".htaccess", "..", "..pdf": hidden files on the user's machine, or a path trick. */
  | "NAME_LEADING_DOT"
  /** No extension to check against the content. */
  | "NAME_WITHOUT_EXTENSION";

export type EvidenceFileRefusal = { ok: false; code: EvidenceFileProblem; params?: Record<string, string | number> };

export type CheckedEvidenceFile = {
  ok: true;
  kind: EvidenceFileKind;
  mimeType: string;
  /** The name as it will be stored and shown: trimmed, Unicode NFC (macOS sends decomposed Vietnamese). */
  fileName: string;
  sizeBytes: number;
};

/**
 * The limit from the environment's PAR_EVIDENCE_MAX_BYTES; the default when unset. A value that
 * is not a positive whole number is a configuration error, not something to guess around.
 */
export function evidenceMaxBytes(configured: string | undefined): number {
  const text = configured?.trim();
  if (!text) return DEFAULT_EVIDENCE_MAX_BYTES;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < 1) {
    throw new Error(`PAR_EVIDENCE_MAX_BYTES must be a positive whole number of bytes, not "${configured}"`);
  }
  return value;
}

// ---------------------------------------------------------------------------
// File names
// ---------------------------------------------------------------------------

// C0 controls, DEL, C1 controls; bidi marks, embeddings, overrides and isolates.
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

export type CheckedFileName = { ok: true; fileName: string; extension: string | null } | EvidenceFileRefusal;

/** Checks a file name as the user's browser sent it. Vietnamese letters and spaces are fine. */
export function checkEvidenceFileName(rawName: string): CheckedFileName {
  const fileName = rawName.normalize("NFC").trim();
  if (fileName.length === 0) return { ok: false, code: "NAME_EMPTY" };
  if ([...fileName].length > MAX_FILE_NAME_LENGTH) return { ok: false, code: "NAME_TOO_LONG", params: { maxLength: MAX_FILE_NAME_LENGTH } };
  if (/[/\\]/.test(fileName)) return { ok: false, code: "NAME_PATH_SEPARATOR" };
  if (CONTROL_CHARACTERS.test(fileName)) return { ok: false, code: "NAME_CONTROL_CHARACTER" };
  if (fileName.startsWith(".")) return { ok: false, code: "NAME_LEADING_DOT" };
  const dot = fileName.lastIndexOf(".");
  const extension = dot > 0 && dot < fileName.length - 1 ? fileName.slice(dot + 1).toLowerCase() : null;
  return { ok: true, fileName, extension };
}

// ---------------------------------------------------------------------------
// Content
// ---------------------------------------------------------------------------

export type DetectedType = { ok: true; kind: EvidenceFileKind } | { ok: false; code: "EXECUTABLE" | "UNSUPPORTED_TYPE" | "HAS_MACROS" };

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

function ascii(text: string): number[] {
  return [...text].map((character) => character.charCodeAt(0));
}

const EXECUTABLE_SIGNATURES: readonly (readonly number[])[] = [
  ascii("MZ"), // Windows PE, DOS
  [0x7f, ...ascii("ELF")],
  [0xfe, 0xed, 0xfa, 0xce], // Mach-O 32/64, both byte orders, and fat binaries
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xca, 0xfe, 0xba, 0xbe], // also Java classes
  ascii("#!"), // shell, Python, Perl… scripts
];

/**
 * The file's type from its first bytes and, for ZIP and OLE2 containers, their entry names.
 * Anything not recognised is refused: the list of good types is closed, the list of bad ones is not.
 */
export function detectEvidenceFileType(bytes: Uint8Array): DetectedType {
  if (EXECUTABLE_SIGNATURES.some((signature) => startsWith(bytes, signature))) return { ok: false, code: "EXECUTABLE" };
  // PDF readers accept the header anywhere in the first KB; we ask for it at the start, as every
  // producer writes it, so nothing else can hide in front of it.
  if (startsWith(bytes, ascii("%PDF-"))) return { ok: true, kind: "pdf" };
  if (startsWith(bytes, [0x89, ...ascii("PNG"), 0x0d, 0x0a, 0x1a, 0x0a])) return { ok: true, kind: "png" };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { ok: true, kind: "jpeg" };
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return { ok: true, kind: "gif" };
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return { ok: true, kind: "webp" };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return detectOfficeOpenXml(bytes);
  if (startsWith(bytes, OLE2_SIGNATURE)) return detectLegacyOffice(bytes);
  return { ok: false, code: "UNSUPPORTED_TYPE" };
}

function uint16(bytes: Uint8Array, offset: number): number {
  return (bytes[offset] ?? 0) | ((bytes[offset + 1] ?? 0) << 8);
}

function uint32(bytes: Uint8Array, offset: number): number {
  return (uint16(bytes, offset) | (uint16(bytes, offset + 2) << 16)) >>> 0;
}

/**
 * Word and Excel 2007+ files are ZIP packages: "[Content_Types].xml" at the root, and the main
 * part at word/document.xml or xl/workbook.xml. The names are read from the ZIP's central
 * directory (found from its end record), which lists every entry even when local headers use
 * data descriptors. Any other ZIP (an archive, an OpenDocument file, a .pptx) is refused.
 */
function detectOfficeOpenXml(bytes: Uint8Array): DetectedType {
  const names = zipEntryNames(bytes);
  if (!names || !names.has("[Content_Types].xml")) return { ok: false, code: "UNSUPPORTED_TYPE" };
  const isWord = names.has("word/document.xml");
  const isExcel = names.has("xl/workbook.xml");
  if (isWord === isExcel) return { ok: false, code: "UNSUPPORTED_TYPE" };
  if ([...names].some((name) => /(^|\/)vbaProject\.bin$/i.test(name))) return { ok: false, code: "HAS_MACROS" };
  return { ok: true, kind: isWord ? "docx" : "xlsx" };
}

const ZIP_END_SIGNATURE = [0x50, 0x4b, 0x05, 0x06];
const ZIP_CENTRAL_SIGNATURE = [0x50, 0x4b, 0x01, 0x02];

/** Entry names from the central directory; null when the ZIP is malformed. */
function zipEntryNames(bytes: Uint8Array): Set<string> | null {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let offset = bytes.length - 22; offset >= lowest; offset -= 1) {
    if (startsWith(bytes, ZIP_END_SIGNATURE, offset)) {
      end = offset;
      break;
    }
  }
  if (end < 0) return null;
  const count = uint16(bytes, end + 10);
  let offset = uint32(bytes, end + 16);
  const names = new Set<string>();
  const decoder = new TextDecoder("utf-8", { fatal: false });
  for (let index = 0; index < count; index += 1) {
    if (!startsWith(bytes, ZIP_CENTRAL_SIGNATURE, offset)) return null;
    const nameLength = uint16(bytes, offset + 28);
    const extraLength = uint16(bytes, offset + 30);
    const commentLength = uint16(bytes, offset + 32);
    if (offset + 46 + nameLength > bytes.length) return null;
    names.add(decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;

/**
 * Word and Excel 97–2003 files are OLE2 compound files, as are PowerPoint files, Outlook messages
 * and Windows Installer packages. The streams tell them apart: "WordDocument" for Word,
 * "Workbook" (or "Book", Excel 5) for Excel. A "Macros" or "_VBA_PROJECT_CUR" storage holds VBA.
 */
function detectLegacyOffice(bytes: Uint8Array): DetectedType {
  const names = compoundFileEntryNames(bytes);
  if (!names) return { ok: false, code: "UNSUPPORTED_TYPE" };
  const isWord = names.has("WordDocument");
  const isExcel = names.has("Workbook") || names.has("Book");
  if (isWord === isExcel) return { ok: false, code: "UNSUPPORTED_TYPE" };
  if (names.has("Macros") || names.has("_VBA_PROJECT_CUR") || names.has("VBA")) return { ok: false, code: "HAS_MACROS" };
  return { ok: true, kind: isWord ? "doc" : "xls" };
}

/** The names of every directory entry of an OLE2 compound file; null when it is malformed. */
function compoundFileEntryNames(bytes: Uint8Array): Set<string> | null {
  const sectorShift = uint16(bytes, 0x1e);
  if (sectorShift !== 9 && sectorShift !== 12) return null;
  const sectorSize = 1 << sectorShift;
  const sectorCount = Math.floor(bytes.length / sectorSize) - 1;
  const sectorOffset = (sector: number) => (sector + 1) * sectorSize;
  const isSector = (sector: number) => sector < sectorCount;

  // The FAT's own sectors: 109 in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let index = 0; index < 109; index += 1) fatSectors.push(uint32(bytes, 0x4c + index * 4));
  let difat = uint32(bytes, 0x44);
  for (let hops = 0; isSector(difat) && hops <= sectorCount; hops += 1) {
    const base = sectorOffset(difat);
    for (let index = 0; index < sectorSize / 4 - 1; index += 1) fatSectors.push(uint32(bytes, base + index * 4));
    difat = uint32(bytes, base + sectorSize - 4);
  }
  const entriesPerSector = sectorSize / 4;
  const nextSector = (sector: number): number => {
    const fatSector = fatSectors[Math.floor(sector / entriesPerSector)];
    if (fatSector === undefined || !isSector(fatSector)) return END_OF_CHAIN;
    return uint32(bytes, sectorOffset(fatSector) + (sector % entriesPerSector) * 4);
  };

  const names = new Set<string>();
  let sector = uint32(bytes, 0x30);
  // The hop limit stops a crafted file whose chain loops.
  for (let hops = 0; isSector(sector) && hops <= sectorCount; hops += 1) {
    const base = sectorOffset(sector);
    for (let entry = base; entry < base + sectorSize; entry += 128) {
      const nameBytes = Math.min(uint16(bytes, entry + 64), 64);
      const type = bytes[entry + 66];
      if (nameBytes < 2 || (type !== 1 && type !== 2 && type !== 5)) continue;
      let name = "";
      for (let index = 0; index < nameBytes - 2; index += 2) name += String.fromCharCode(uint16(bytes, entry + index));
      names.add(name);
    }
    sector = nextSector(sector);
  }
  return names.size > 0 ? names : null;
}

// ---------------------------------------------------------------------------
// The whole check
// ---------------------------------------------------------------------------

/**
 * Whether a file may be stored as evidence: name first (cheap, and what the user fixes most
 * easily), then size, then content, then the extension against the content.
 */
export function checkEvidenceFile(file: { fileName: string; bytes: Uint8Array }, maxBytes: number = DEFAULT_EVIDENCE_MAX_BYTES): CheckedEvidenceFile | EvidenceFileRefusal {
  const name = checkEvidenceFileName(file.fileName);
  if (!name.ok) return name;
  const sizeBytes = file.bytes.length;
  if (sizeBytes === 0) return { ok: false, code: "EMPTY_FILE" };
  if (sizeBytes > maxBytes) return { ok: false, code: "FILE_TOO_LARGE", params: { maxBytes } };
  const detected = detectEvidenceFileType(file.bytes);
  if (!detected.ok) return detected;
  if (name.extension === null) return { ok: false, code: "NAME_WITHOUT_EXTENSION" };
  const type = EVIDENCE_FILE_TYPES[detected.kind];
  if (!(type.extensions as readonly string[]).includes(name.extension)) {
    return { ok: false, code: "MISLABELLED", params: { extension: name.extension, detected: detected.kind } };
  }
  return { ok: true, kind: detected.kind, mimeType: type.mimeType, fileName: name.fileName, sizeBytes };
}


/** The refusal in Vietnamese, with its limit or types filled in. */
export function evidenceFileProblemMessage(refusal: EvidenceFileRefusal): string {
  const params = refusal.params ?? {};
  const values: Record<string, string | number> = { ...params };
  if (typeof params.maxBytes === "number") values.maxMegabytes = formatMegabytes(params.maxBytes);
  if (refusal.code === "NAME_TOO_LONG") values.maxLength = MAX_FILE_NAME_LENGTH;
  if (typeof params.detected === "string" && params.detected in EVIDENCE_FILE_TYPES) {
    values.detected = vi.evidence.types[params.detected as EvidenceFileKind];
  }
  return interpolate(vi.evidence.problems[refusal.code], values);
}

/** The limit as the form states it: "20", "0,5" (megabytes of 1,048,576 bytes, rounded down to a tenth). */
export function formatMegabytes(bytes: number): string {
  const tenths = Math.floor((bytes * 10) / (1024 * 1024));
  return formatPoints(`${Math.floor(tenths / 10)}.${tenths % 10}`);
}

/**
 * The Content-Disposition of a download: `attachment` (never inline: the browser must not render
 * an uploaded file on our origin), the name in UTF-8 per RFC 5987/6266 (`filename*`) for every
 * current browser, and an ASCII fallback (`filename`) without diacritics for old clients.
 */
/** PDF and the accepted image types can be shown in the page; Word and Excel are downloaded. */
export function isViewableInline(mimeType: string): boolean {
  return mimeType === "application/pdf" || ["image/png", "image/jpeg", "image/gif", "image/webp"].includes(mimeType);
}

/** Like attachmentDisposition, for a file shown in the page (still named for "save as"). */
export function inlineDisposition(fileName: string): string {
  return attachmentDisposition(fileName).replace(/^attachment;/, "inline;");
}

export function attachmentDisposition(fileName: string): string {
  const fallback = fileName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7e]|["\\%;]/g, "_");
  // encodeURIComponent leaves ' ( ) * unescaped, which RFC 5987's attr-char does not allow.
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
