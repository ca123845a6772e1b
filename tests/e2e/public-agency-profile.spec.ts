import { expect, test, type Page } from "@playwright/test";

import { expandAllSections, expectNoSeriousA11yViolations } from "./support/axe";
import { withDatabase } from "./support/database";

// The public agency profile (issue 8 item 2), reached from the leaderboard as a visitor would.
// Read-only: the year-cycle project runs after this and expects the seed as it is.

test.describe.configure({ timeout: 120_000 });

const AGENCY = "Sở Tư pháp";
const PROFILE = "/don-vi/so-tu-phap";

/** Points as the page prints them: "0.750" → "0,75", "2.000" → "2". */
function printed(points: string): string {
  const [integer = "0", fraction = ""] = points.split(".");
  const digits = fraction.replace(/0+$/, "");
  return digits ? `${integer},${digits}` : integer;
}

/** A 2025 criterion of the agency whose round-1 appraisal changed its self score, with no round 2: code, domain, final points, reason. */
async function appraisedCriterion() {
  return withDatabase(async (client) => {
    const { rows } = await client.query<{ code: string; maxPoints: string; finalPoints: string; reason: string }>(
      `SELECT c."code", c."maxPoints"::text AS "maxPoints", s."finalPoints"::text AS "finalPoints", s."round1Reason" AS "reason"
         FROM "Score" s JOIN "Criterion" c ON c."id" = s."criterionId" JOIN "Assessment" a ON a."id" = s."assessmentId"
         JOIN "Agency" g ON g."id" = a."agencyId" JOIN "AssessmentYear" y ON y."id" = a."yearId"
        WHERE g."slug" = 'so-tu-phap' AND y."year" = 2025 AND s."round2Points" IS NULL
          AND s."round1Points" IS NOT NULL AND s."round1Points" <> s."selfPoints"
        ORDER BY c."code" LIMIT 1`,
    );
    if (!rows[0]) throw new Error("The seed has no appraised criterion for Sở Tư pháp in 2025");
    return rows[0];
  });
}

async function hasNoHorizontalPageScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

test("from the leaderboard to an agency's profile: the same figures, its history and its criteria, opened with the keyboard", async ({ page }) => {
  await page.goto("/");
  const leaderboardRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: AGENCY, exact: true }) });
  const cells = leaderboardRow.getByRole("cell");
  const rank = (await cells.nth(0).innerText()).trim();
  const percent = (await cells.nth(3).innerText()).trim();
  expect(percent).toMatch(/^\d+,\d{2}%$/);
  const rankedCount = (await page.getByText("Số đơn vị được xếp hạng").locator("xpath=following-sibling::dd").innerText()).trim();

  await leaderboardRow.getByRole("link", { name: AGENCY, exact: true }).click();
  await expect(page).toHaveURL(PROFILE);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(AGENCY);
  await expect(page).toHaveTitle(/Sở Tư pháp/);

  // The header and the history's 2025 row print the leaderboard's figures.
  const header = page.locator("article header");
  await expect(header).toContainText(percent);
  await expect(header).toContainText(`${rank}/${rankedCount}`);
  const history = page.getByRole("table", { name: /Chỉ số, thứ hạng và xếp loại của Sở Tư pháp/ });
  const year2025 = history.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "2025" }) });
  await expect(year2025).toContainText(percent);
  await expect(year2025).toContainText(`${rank}/${rankedCount}`);
  await expect(year2025).toContainText("42/TB-UBND ngày 06/03/2026");
  await expect(history.getByRole("rowheader", { name: "2024" })).toBeVisible();
  await expect(history.getByRole("rowheader", { name: "2026" })).toHaveCount(0);
  await expect(page.getByRole("table", { name: /Chỉ số theo lĩnh vực của Sở Tư pháp năm 2025 so với bình quân khối/ })).toBeVisible();

  // The drill-down: Tab from the section's heading to the first domain, Enter opens it.
  const target = await appraisedCriterion();
  const domainCode = target.code.split(".")[0]!;
  await page.getByRole("heading", { name: "Điểm từng tiêu chí năm 2025" }).click();
  await page.keyboard.press("Tab");
  const firstSummary = page.locator("section[aria-labelledby='tung-tieu-chi'] summary").first();
  await expect(firstSummary).toBeFocused();
  await expect(firstSummary).toContainText(/^1\. /);
  // Move to the domain of the appraised criterion with Tab (each closed domain is one stop).
  for (let index = 1; index < Number(domainCode); index += 1) await page.keyboard.press("Tab");
  const summary = page.locator(`#linh-vuc-${domainCode} > summary`);
  await expect(summary).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator(`#linh-vuc-${domainCode}`)).toHaveAttribute("open", "");

  const criteria = page.getByRole("table", { name: new RegExp(`^Tiêu chí của lĩnh vực ${domainCode}\\. .* năm 2025$`) });
  await expect(criteria).toBeVisible();
  await expect(criteria.getByRole("columnheader", { name: "Điểm tối đa" })).toBeVisible();
  await expect(criteria.getByRole("columnheader", { name: "Điểm cuối cùng" })).toBeVisible();
  const row = criteria.getByRole("row").filter({ has: page.getByRole("cell", { name: target.code, exact: true }) });
  const rowCells = row.getByRole("cell");
  await expect(rowCells.nth(1)).toHaveText(printed(target.maxPoints));
  await expect(rowCells.nth(2)).toHaveText(printed(target.finalPoints));
  await expect(rowCells.nth(3)).toContainText(`Lý do: ${target.reason}`);

  // And back to the year's leaderboard.
  await page.getByRole("link", { name: "Xem bảng xếp hạng năm 2025 — Sở, ban, ngành" }).click();
  await expect(page).toHaveURL("/nam/2025/khoi/so-ban-nganh");
});

test("the profile, charts drawn and every domain open, has no serious accessibility violations", async ({ page }) => {
  await page.goto(PROFILE);
  await expandAllSections(page);
  // Scroll the charts into view so that they are drawn and scanned too.
  for (const caption of ["Chỉ số (%) và thứ hạng của Sở Tư pháp", "Chỉ số (%) theo lĩnh vực"]) {
    const figure = page.locator("figure").filter({ hasText: caption });
    await figure.scrollIntoViewIfNeeded();
    await expect(figure.locator("svg.recharts-surface").first()).toBeVisible();
  }
  await expectNoSeriousA11yViolations(page, "the agency profile");
});

test("at 360 px wide the page does not scroll sideways; only the tables scroll inside their frames", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(PROFILE);
  await expandAllSections(page);
  await page.locator("figure").last().scrollIntoViewIfNeeded();
  await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
  expect(await hasNoHorizontalPageScroll(page)).toBe(true);
  // A merged agency's profile, with its successor link, too.
  await page.goto("/don-vi/so-ke-hoach-va-dau-tu");
  await expect(page.getByRole("link", { name: "Sở Tài chính" })).toBeVisible();
  await expect(page.getByText("đơn vị này sáp nhập vào từ ngày 01/03/2025")).toBeVisible();
  expect(await hasNoHorizontalPageScroll(page)).toBe(true);
});

test("an unknown agency is a 404", async ({ page }) => {
  const response = await page.goto("/don-vi/khong-co-don-vi-nay");
  expect(response?.status()).toBe(404);
});
