import { readFile } from "node:fs/promises";

import ExcelJS from "exceljs";
import { expect, test, type Download, type Page } from "@playwright/test";

import { formatPercent } from "@/lib/i18n/format";

import { expectNoSeriousA11yViolations } from "./support/axe";
import { withDatabase } from "./support/database";

// The public leaderboard as a visitor uses it: no sign-in, the demo province's published years.

type StoredRow = { rank: number | null; name: string; indexPercent: string };

/** The stored results of one unit type and year, in the announcement's order. */
async function storedResults(year: number, unitTypeCode: string): Promise<StoredRow[]> {
  return withDatabase(async (client) => {
    const { rows } = await client.query<{ rank: number | null; name: string; indexPercent: string }>(
      `SELECT r."rank", a."name", r."indexPercent"::text AS "indexPercent"
         FROM "Result" r JOIN "Agency" a ON a."id" = r."agencyId" JOIN "UnitType" u ON u."id" = r."unitTypeId"
         JOIN "AssessmentYear" y ON y."id" = r."yearId"
        WHERE y."year" = $1 AND u."code" = $2
        ORDER BY r."rank" NULLS LAST, r."indexPercent" DESC`,
      [year, unitTypeCode],
    );
    return rows;
  });
}

/** Rank, agency and index % of every row of the leaderboard table, as shown. */
async function tableRows(page: Page): Promise<string[][]> {
  const table = page.getByRole("table", { name: /^Xếp hạng khối/ });
  const rows = table.locator("tbody tr");
  return rows.evaluateAll((elements) =>
    elements.map((row) => {
      const cells = [...row.querySelectorAll("td, th")].map((cell) => (cell.textContent ?? "").trim());
      return [cells[0] ?? "", (row.querySelector("th a")?.textContent ?? cells[1] ?? "").trim(), cells[4] ?? ""];
    }),
  );
}

const expectedRows = (stored: StoredRow[]) => stored.map((row) => [row.rank === null ? "—" : String(row.rank), row.name, formatPercent(row.indexPercent, 2)]);

test("the home page shows the latest published year's ranking as stored, with the announcement and the province figures", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bảng xếp hạng Chỉ số cải cách hành chính năm 2025");
  await expect(page.getByRole("link", { name: "Theo Thông báo số 42/TB-UBND ngày 06/03/2026" })).toHaveAttribute("href", "/nam/2025/tong-quan#cong-bo");
  await expect(page.getByRole("link", { name: /^Sở, ban, ngành/ })).toHaveAttribute("aria-current", "page");
  const rows = await tableRows(page);
  expect(rows[0]).toEqual(["1", "Sở Khoa học và Công nghệ", "90,75%"]);
  expect(rows).toEqual(expectedRows(await storedResults(2025, "so-ban-nganh")));
  // Band counts: colour plus text, and they add up to the ranked agencies.
  const bandCounts = page.getByRole("heading", { name: "Số đơn vị theo xếp loại" }).locator("xpath=following-sibling::ul[1]/li");
  await expect(bandCounts).toHaveText(["Nhóm 1 (Xuất sắc)2 đơn vị", "Nhóm 2 (Tốt)7 đơn vị", "Nhóm 3 (Khá)5 đơn vị", "Nhóm 4 (Trung bình)1 đơn vị"]);
  await expect(page.getByText("Số đơn vị được xếp hạng").locator("xpath=following-sibling::dd")).toHaveText("15");
  await expect(page).toHaveTitle(/năm 2025 — Chỉ số CCHC/);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", /năm 2025/);
});

test("switching unit type and year shows that table, and the chart loads when scrolled to", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: /^UBND cấp xã/ }).click();
  await expect(page).toHaveURL("/nam/2025/khoi/ubnd-cap-xa");
  await expect(page.getByRole("link", { name: /^UBND cấp xã/ })).toHaveAttribute("aria-current", "page");
  expect(await tableRows(page)).toEqual(expectedRows(await storedResults(2025, "ubnd-cap-xa")));

  await page.getByRole("link", { name: "Năm 2024" }).click();
  await expect(page).toHaveURL("/nam/2024");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bảng xếp hạng Chỉ số cải cách hành chính năm 2024");
  expect(await tableRows(page)).toEqual(expectedRows(await storedResults(2024, "so-ban-nganh")));

  // recharts arrives only with the chart: none of it before scrolling there.
  await expect(page.locator(".recharts-wrapper")).toHaveCount(0);
  await page.getByRole("heading", { name: "Biểu đồ chỉ số theo đơn vị" }).scrollIntoViewIfNeeded();
  await expect(page.locator(".recharts-wrapper")).toBeVisible();
  await expect(page.locator(".recharts-reference-line")).toHaveCount(3);
});

test("search finds an agency typed without diacritics, and sorting by name works — with JavaScript too", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("searchbox", { name: "Tìm cơ quan, đơn vị" }).fill("so tu phap");
  await page.getByRole("searchbox", { name: "Tìm cơ quan, đơn vị" }).press("Enter");
  await expect(page).toHaveURL(/\/nam\/2025\/khoi\/so-ban-nganh\?q=so\+tu\+phap/);
  await expect(page.getByRole("status")).toContainText("1 đơn vị khớp với “so tu phap”.");
  const rows = await tableRows(page);
  expect(rows.map((row) => row[1])).toEqual(["Sở Tư pháp"]);

  await page.getByRole("link", { name: "Xem toàn bộ bảng" }).click();
  await page.getByRole("link", { name: "Cơ quan, đơn vị" }).click();
  await expect(page.getByRole("columnheader", { name: /Cơ quan, đơn vị/ })).toHaveAttribute("aria-sort", "ascending");
  const names = (await tableRows(page)).map((row) => row[1] ?? "");
  expect(names).toEqual([...names].sort(new Intl.Collator("vi").compare));
  await page.getByRole("link", { name: "Cơ quan, đơn vị" }).click();
  await expect(page.getByRole("columnheader", { name: /Cơ quan, đơn vị/ })).toHaveAttribute("aria-sort", "descending");
});

test("without JavaScript the table, the tabs and the search still work", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  expect((await tableRows(page))[0]).toEqual(["1", "Sở Khoa học và Công nghệ", "90,75%"]);
  await page.getByRole("searchbox", { name: "Tìm cơ quan, đơn vị" }).fill("SO Y TE");
  await page.getByRole("button", { name: "Tìm" }).click();
  expect((await tableRows(page)).map((row) => row[1])).toEqual(["Sở Y tế"]);
  await page.getByRole("link", { name: /^UBND cấp xã/ }).click();
  await expect(page).toHaveURL("/nam/2025/khoi/ubnd-cap-xa");
  await context.close();
});

test("the tabs and the table's sort links work from the keyboard alone", async ({ page }) => {
  await page.goto("/");
  const tab = page.getByRole("link", { name: /^UBND cấp xã/ });
  for (let presses = 0; presses < 40 && !(await tab.evaluate((element) => element === document.activeElement)); presses += 1) {
    await page.keyboard.press("Tab");
  }
  await expect(tab).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/nam/2025/khoi/ubnd-cap-xa");

  const sortByIndex = page.getByRole("link", { name: "Chỉ số (%)" });
  for (let presses = 0; presses < 60 && !(await sortByIndex.evaluate((element) => element === document.activeElement)); presses += 1) {
    await page.keyboard.press("Tab");
  }
  await expect(sortByIndex).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("columnheader", { name: /Chỉ số \(%\)/ })).toHaveAttribute("aria-sort", "descending");
});

/** RFC 4180: quoted fields may hold commas and doubled quotes; records end with CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let isQuoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (isQuoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') {
        isQuoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      isQuoted = true;
    } else if (char === ",") {
      record.push(field);
      field = "";
    } else if (char === "\n") {
      record.push(field.replace(/\r$/, ""));
      records.push(record);
      record = [];
      field = "";
    } else {
      field += char;
    }
  }
  return records;
}

async function downloadText(download: Download): Promise<Buffer> {
  return readFile(await download.path());
}

test("the CSV and XLSX downloads open and match the table", async ({ page }) => {
  await page.goto("/");
  const shown = await tableRows(page);
  const expected = shown.map(([rank, agency, percent]) => ({ rank: rank === "—" ? "" : rank, agency, percent }));

  const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV" }).click()]);
  expect(csvDownload.suggestedFilename()).toMatch(/2025.*\.csv$/);
  const csvText = (await downloadText(csvDownload)).toString("utf8");
  expect(csvText.startsWith("\uFEFF")).toBe(true);
  const [csvHeader = [], ...csvBody] = parseCsv(csvText.slice(1));
  const cell = (row: string[], name: string) => row[csvHeader.indexOf(name)] ?? "";
  const csvRows = csvBody.filter((row) => cell(row, "unitType") === "Sở, ban, ngành");
  expect(csvRows.map((row) => ({ rank: cell(row, "rank"), agency: cell(row, "agency"), percent: formatPercent(cell(row, "indexPercent"), 2) }))).toEqual(expected);

  const [xlsxDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Excel (XLSX)" }).click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await downloadText(xlsxDownload)).buffer as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const column = (name: string) => header.indexOf(name) + 1;
  const xlsxRows: { rank: string; agency: string; percent: string }[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1 || row.getCell(column("unitType")).text !== "Sở, ban, ngành") return;
    xlsxRows.push({ rank: row.getCell(column("rank")).text, agency: row.getCell(column("agency")).text, percent: formatPercent(Number(row.getCell(column("indexPercent")).value).toFixed(2), 2) });
  });
  expect(xlsxRows).toEqual(expected);
});

test("every leaderboard page and the open data page have no serious accessibility violations, and every public page fits 360 px", async ({ page }) => {
  test.setTimeout(120_000);
  for (const path of ["/", "/nam/2024/khoi/ubnd-cap-xa", "/nam/2025/khoi/so-ban-nganh?q=so&sap-xep=ten&chieu=giam", "/du-lieu-mo"]) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const chart = page.getByRole("heading", { name: "Biểu đồ chỉ số theo đơn vị" });
    if ((await chart.count()) > 0) {
      await chart.scrollIntoViewIfNeeded();
      await expect(page.locator(".recharts-wrapper")).toBeVisible();
    }
    await expectNoSeriousA11yViolations(page, path);
    // As a phone opens it: loaded at 360 px, the chart drawn at that width.
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(path);
    if ((await chart.count()) > 0) {
      await chart.scrollIntoViewIfNeeded();
      await expect(page.locator(".recharts-wrapper")).toBeVisible();
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} at 360 px`).toBeLessThanOrEqual(360);
  }
  // The other public pages (their own specs run axe on them): wide tables scroll inside their box.
  await page.setViewportSize({ width: 360, height: 800 });
  for (const path of ["/tong-quan", "/phuong-phap", "/nam/2024/tong-quan"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} at 360 px`).toBeLessThanOrEqual(360);
  }
});

test("unpublished and unknown years answer 404, and the sitemap lists only published pages", async ({ page, request }) => {
  for (const path of ["/nam/2026", "/nam/2026/khoi/so-ban-nganh", "/nam/abc", "/nam/2025/khoi/khong-co"]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  expect((await request.get("/api/public/results/2026.csv")).status()).toBe(404);
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain("/nam/2025/khoi/ubnd-cap-xa</loc>");
  expect(sitemap).toContain("/don-vi/so-tu-phap</loc>");
  expect(sitemap).not.toContain("/nam/2026");
  await page.goto("/nam/2026");
  await expect(page.getByRole("heading", { name: "Không tìm thấy trang bạn yêu cầu." })).toBeVisible();
});
