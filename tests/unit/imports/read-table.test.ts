import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";

import { parseDecimalText } from "@/lib/domain/decimal-input";
import { normalizeHeader, readTable, type TableColumn } from "@/lib/imports/read-table";

// The survey template's columns, as an importer declares them.
const COLUMNS: TableColumn[] = [
  { key: "agency", header: "Cơ quan, đơn vị", isRequired: true },
  { key: "criterion", header: "Mã tiêu chí", aliases: ["Criterion code"], isRequired: true },
  { key: "value", header: "Giá trị", isRequired: true },
  { key: "note", header: "Ghi chú", isRequired: false },
];

const csv = (text: string, fileName = "khao-sat.csv") => ({ fileName, bytes: new TextEncoder().encode(text) });

async function xlsx(fill: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void, fileName = "khao-sat.xlsx") {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet("Dữ liệu"), workbook);
  return { fileName, bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) };
}

describe("readTable — CSV", () => {
  it("reads a UTF-8 CSV with a BOM, quotes, line breaks in quotes and blank rows, keeping Excel's row numbers", async () => {
    const text = '\uFEFF"Cơ quan, đơn vị",Mã tiêu chí,Giá trị,Ghi chú\r\n"Sở Tư pháp",7.1, 9.25 ,"dòng 1\r\ndòng 2, có ""ngoặc"""\r\n\r\n,,,\r\nSở Y tế,7.2,"8,5",\r\n';
    const result = await readTable(csv(text), { columns: COLUMNS });
    expect(result).toEqual({
      ok: true,
      format: "csv",
      rows: [
        { rowNumber: 2, values: { agency: "Sở Tư pháp", criterion: "7.1", value: "9.25", note: 'dòng 1\r\ndòng 2, có "ngoặc"' } },
        { rowNumber: 5, values: { agency: "Sở Y tế", criterion: "7.2", value: "8,5", note: "" } },
      ],
    });
  });

  it("reads semicolon-separated files (Excel where the decimal mark is a comma) and headers without diacritics", async () => {
    const result = await readTable(csv("co quan, don vi;MA TIEU CHI;gia  tri\nSở Nội vụ;7.1;9,5\n"), { columns: COLUMNS });
    expect(result.ok && result.rows).toEqual([{ rowNumber: 2, values: { agency: "Sở Nội vụ", criterion: "7.1", value: "9,5", note: "" } }]);
  });

  it("refuses a CSV that is not UTF-8, with how to save it", async () => {
    // "Sở" in Windows-1258 is 0x53 0xD5 0xDE: not valid UTF-8.
    const bytes = new Uint8Array([...new TextEncoder().encode("\"Cơ quan, đơn vị\",Mã tiêu chí,Giá trị\nS"), 0xd5, 0xde, 0x2c, 0x37, 0x2c, 0x31, 0x0a]);
    const result = await readTable({ fileName: "khao-sat.csv", bytes }, { columns: COLUMNS });
    expect(result).toMatchObject({ ok: false, problem: "NOT_UTF8" });
    expect(!result.ok && result.message).toContain("CSV UTF-8");
    const utf16 = new Uint8Array([0xff, 0xfe, 0x43, 0x00, 0x6f, 0x00]);
    expect(await readTable({ fileName: "khao-sat.csv", bytes: utf16 }, { columns: COLUMNS })).toMatchObject({ ok: false, problem: "NOT_UTF8" });
  });

  it.each([
    ["an empty file", "", "EMPTY_FILE", "Tệp rỗng: không có dữ liệu nào để nhập."],
    ["only blank lines", "\r\n\r\n", "NO_HEADER", "Tệp không có dòng tiêu đề cột."],
    ["a header and no data", "\"Cơ quan, đơn vị\",Mã tiêu chí,Giá trị\n", "NO_DATA_ROWS", "Tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào."],
    [
      "a missing column",
      "\"Cơ quan, đơn vị\",Giá trị\nSở Y tế,1\n",
      "MISSING_COLUMNS",
      "Thiếu cột “Mã tiêu chí” ở dòng tiêu đề (dòng 1). Các cột của mẫu: “Cơ quan, đơn vị”, “Mã tiêu chí”, “Giá trị”, “Ghi chú”.",
    ],
    [
      "an unknown column",
      "\"Cơ quan, đơn vị\",Mã tiêu chí,Giá trị,Điểm\nSở Y tế,7.1,1,2\n",
      "UNKNOWN_COLUMNS",
      "Cột không thuộc mẫu: “Điểm”. Các cột của mẫu: “Cơ quan, đơn vị”, “Mã tiêu chí”, “Giá trị”, “Ghi chú”.",
    ],
    ["a repeated column", "\"Cơ quan, đơn vị\",Mã tiêu chí,Giá trị,Criterion code\nSở Y tế,7.1,1,7.2\n", "DUPLICATE_COLUMN", "Cột “Mã tiêu chí” xuất hiện hai lần ở dòng tiêu đề (dòng 1)."],
    ["a value under no header", "\"Cơ quan, đơn vị\",Mã tiêu chí,Giá trị\nSở Y tế,7.1,1,thừa\n", "VALUE_WITHOUT_HEADER", "Ô D2 có dữ liệu nhưng cột không có tiêu đề."],
    ["an unclosed quote", '"Cơ quan, đơn vị",Mã tiêu chí,Giá trị\nSở Y tế,7.1,1\n"Sở Tư pháp,7.1,2\n', "UNTERMINATED_QUOTE", "Tệp CSV bị lỗi: dấu ngoặc kép mở ở dòng 3 không được đóng."],
    [
      "a formula",
      "\"Cơ quan, đơn vị\",Mã tiêu chí,Giá trị\nSở Y tế,7.1,=1+1\n",
      "FORMULAS",
      "Tệp có ô chứa công thức (C2). Hãy sao chép và dán dạng giá trị (Paste Values) rồi tải lên lại.",
    ],
  ])("refuses %s with a Vietnamese message", async (_case, text, problem, message) => {
    expect(await readTable(csv(text), { columns: COLUMNS })).toEqual({ ok: false, problem, message });
  });

  it("refuses 50,000 rows, stopping as soon as the limit is passed", async () => {
    const text = `"Cơ quan, đơn vị",Mã tiêu chí,Giá trị\n${"Sở Y tế,7.1,1\n".repeat(50_000)}`;
    const result = await readTable(csv(text), { columns: COLUMNS });
    expect(result).toEqual({ ok: false, problem: "TOO_MANY_ROWS", message: "Tệp có 10.000+ dòng dữ liệu, vượt giới hạn 10.000 dòng." });
    const allowed = await readTable(csv(text), { columns: COLUMNS, maxRows: 50_000 });
    expect(allowed.ok && allowed.rows.length).toBe(50_000);
  });

  it("refuses files too large, binary files and old .xls workbooks", async () => {
    expect(await readTable(csv("x".repeat(2048)), { columns: COLUMNS, maxBytes: 1024 })).toMatchObject({ ok: false, problem: "FILE_TOO_LARGE" });
    const pdf = { fileName: "khao-sat.csv", bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]) };
    expect(await readTable(pdf, { columns: COLUMNS })).toMatchObject({ ok: false, problem: "UNSUPPORTED_FORMAT" });
    const xls = { fileName: "khao-sat.xls", bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) };
    expect(await readTable(xls, { columns: COLUMNS })).toMatchObject({ ok: false, problem: "OLD_EXCEL_FORMAT" });
  });
});

describe("readTable — XLSX", () => {
  it("reads the first visible sheet: numbers in their exact decimal form, rich text, dates, blank rows skipped", async () => {
    const file = await xlsx((sheet, workbook) => {
      sheet.addRow(["Cơ quan, đơn vị", "Mã tiêu chí", "Giá trị", "Ghi chú"]);
      sheet.addRow([{ richText: [{ text: "Sở " }, { text: "Tư pháp", font: { bold: true } }] }, "7.1", 91.79, new Date(Date.UTC(2023, 1, 28))]);
      sheet.addRow([]);
      sheet.addRow(["Sở Y tế", 7.2, 0.1 + 0.2, true]);
      sheet.addRow([" Sở Nội vụ ", "7.3", 12]);
      workbook.worksheets[0]!.name = "Kết quả";
    });
    const result = await readTable(file, { columns: COLUMNS });
    expect(result).toEqual({
      ok: true,
      format: "xlsx",
      rows: [
        { rowNumber: 2, values: { agency: "Sở Tư pháp", criterion: "7.1", value: "91.79", note: "2023-02-28" } },
        // A float sum is not a clean decimal: its digits are shown, and the importer refuses it.
        { rowNumber: 4, values: { agency: "Sở Y tế", criterion: "7.2", value: "0.30000000000000004", note: "TRUE" } },
        { rowNumber: 5, values: { agency: "Sở Nội vụ", criterion: "7.3", value: "12", note: "" } },
      ],
    });
  });

  it("refuses merged cells, naming them", async () => {
    const file = await xlsx((sheet) => {
      sheet.addRow(["Cơ quan, đơn vị", "Mã tiêu chí", "Giá trị"]);
      sheet.addRow(["Sở Y tế", "7.1", 1]);
      sheet.addRow(["", "7.2", 2]);
      sheet.mergeCells("A2:A3");
    });
    expect(await readTable(file, { columns: COLUMNS })).toEqual({
      ok: false,
      problem: "MERGED_CELLS",
      message: "Tệp có ô gộp (A2, A3). Hãy bỏ gộp ô (Unmerge) để mỗi ô có giá trị riêng rồi tải lên lại.",
    });
  });

  it("refuses formulas and error values, naming the cells", async () => {
    const withFormula = await xlsx((sheet) => {
      sheet.addRow(["Cơ quan, đơn vị", "Mã tiêu chí", "Giá trị"]);
      sheet.addRow(["Sở Y tế", "7.1", { formula: "1+1", result: 2 }]);
    });
    expect(await readTable(withFormula, { columns: COLUMNS })).toMatchObject({ ok: false, problem: "FORMULAS", message: expect.stringContaining("(C2)") });
    const withError = await xlsx((sheet) => {
      sheet.addRow(["Cơ quan, đơn vị", "Mã tiêu chí", "Giá trị"]);
      sheet.addRow(["Sở Y tế", "7.1", { error: "#N/A" }]);
    });
    expect(await readTable(withError, { columns: COLUMNS })).toMatchObject({ ok: false, problem: "ERROR_VALUES", message: expect.stringContaining("(C2)") });
  });

  it("refuses 50,000 rows and a damaged workbook", async () => {
    const big = await xlsx((sheet) => {
      sheet.addRow(["Cơ quan, đơn vị", "Mã tiêu chí", "Giá trị"]);
      for (let index = 0; index < 50_000; index += 1) sheet.addRow(["Sở Y tế", "7.1", 1]);
    });
    expect(await readTable(big, { columns: COLUMNS, maxBytes: 50 * 1024 * 1024 })).toEqual({
      ok: false,
      problem: "TOO_MANY_ROWS",
      message: "Tệp có 50.000 dòng dữ liệu, vượt giới hạn 10.000 dòng.",
    });
    const damaged = { fileName: "khao-sat.xlsx", bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]) };
    expect(await readTable(damaged, { columns: COLUMNS })).toMatchObject({ ok: false, problem: "DAMAGED_XLSX" });
    const notXlsx = csv("\"Cơ quan, đơn vị\",Mã tiêu chí,Giá trị\n", "khao-sat.xlsx");
    expect(await readTable(notXlsx, { columns: COLUMNS })).toMatchObject({ ok: false, problem: "UNSUPPORTED_FORMAT" });
  }, 60_000);
});

describe("parseDecimalText and normalizeHeader", () => {
  it.each([
    ["91,79", "91.79"],
    ["91.79", "91.79"],
    [" -0,5 ", "-0.5"],
    ["+12", "12"],
    ["1.234,5", null],
    ["1 234", null],
    ["", null],
    ["abc", null],
    ["9,", null],
  ])("%j → %j", (text, expected) => {
    expect(parseDecimalText(text)).toBe(expected);
  });

  it("compares headers without case, diacritics or extra spaces", () => {
    expect(normalizeHeader("  Cơ quan,   ĐƠN VỊ ")).toBe("co quan, don vi");
  });
});
