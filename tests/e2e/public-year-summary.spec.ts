import { expect, test, type Page } from "@playwright/test";

import { expandAllSections, expectNoSeriousA11yViolations } from "./support/axe";
import { withDatabase } from "./support/database";

// The public year summary and methodology pages (issue 8 items 3 and 4) on the demo province:
// 2024 and 2025 published (2025 by Thông báo 42/TB-UBND ngày 06/03/2026). Read only: these specs
// change no data. Expected figures come from the leaderboard pages and the database.

const UNIT_TYPES = [
  { code: "so-ban-nganh", name: "Sở, ban, ngành" },
  { code: "ubnd-cap-xa", name: "UBND cấp xã" },
];

/** The summary's band table of one unit type: [label, count] per band. */
async function summaryBandCounts(page: Page, code: string): Promise<[string, number][]> {
  const rows = page.getByTestId(`phan-bo-${code}`).locator("tbody tr");
  return (await rows.evaluateAll((elements) => elements.map((row) => [row.querySelector("th")?.textContent?.trim() ?? "", Number(row.querySelector("td")?.textContent)]))) as [
    string,
    number,
  ][];
}

/** The leaderboard's "Số đơn vị theo xếp loại" list of one unit type: [label, count] per band. */
async function leaderboardBandCounts(page: Page, year: number, code: string): Promise<[string, number][]> {
  await page.goto(`/nam/${year}/khoi/${code}`);
  const list = page.getByRole("heading", { name: "Số đơn vị theo xếp loại" }).locator("xpath=following-sibling::ul[1]");
  return (await list.locator("li").evaluateAll((items) =>
    items.map((item) => {
      const [label, count] = Array.from(item.children).map((child) => child.textContent?.trim() ?? "");
      return [label, Number.parseInt(count ?? "", 10)];
    }),
  )) as [string, number][];
}

for (const { path, year } of [
  { path: "/tong-quan", year: 2025 },
  { path: "/nam/2024/tong-quan", year: 2024 },
]) {
  test(`${path} shows ${year}: band counts equal the leaderboard's, domains and movers`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Tổng quan Chỉ số cải cách hành chính năm ${year}`);
    await expect(page).toHaveTitle(new RegExp(`năm ${year}`));
    const counts = new Map<string, [string, number][]>();
    for (const unitType of UNIT_TYPES) {
      await expect(page.getByRole("heading", { level: 2, name: `Khối ${unitType.name}` })).toBeVisible();
      await expect(page.getByRole("link", { name: unitType.name, exact: true })).toHaveAttribute("href", `/nam/${year}/khoi/${unitType.code}`);
      counts.set(unitType.code, await summaryBandCounts(page, unitType.code));
    }
    // Eight domains per unit type in the demo sets, each with its average.
    await expect(page.getByRole("table", { name: `Điểm bình quân theo lĩnh vực, khối Sở, ban, ngành, năm ${year}` }).locator("tbody tr")).toHaveCount(8);
    if (year === 2025) {
      await expect(page.getByRole("heading", { name: "Thay đổi so với năm 2024" }).first()).toBeVisible();
      await expect(page.getByRole("table", { name: "Các đơn vị tăng chỉ số nhiều nhất, khối Sở, ban, ngành" }).locator("tbody tr")).not.toHaveCount(0);
    } else {
      await expect(page.getByText("Chưa có năm công bố trước năm 2024 để so sánh.").first()).toBeVisible();
    }

    for (const unitType of UNIT_TYPES) {
      const onLeaderboard = await leaderboardBandCounts(page, year, unitType.code);
      expect(onLeaderboard.length).toBeGreaterThan(0);
      expect(counts.get(unitType.code)).toEqual(onLeaderboard);
    }
  });
}

test("the announcement line on / lands on the year summary's announcements", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Theo Thông báo số 42/TB-UBND ngày 06/03/2026" }).click();
  await expect(page).toHaveURL(/\/nam\/2025\/tong-quan#cong-bo$/);
  const announcements = page.locator("#cong-bo");
  await expect(announcements).toBeInViewport();
  await expect(announcements).toContainText("Thông báo số 42/TB-UBND ngày 06/03/2026");
});

test("/phuong-phap shows the 2025 criteria tree with maxima and rules, the bands, and the changes since 2024", async ({ page }) => {
  const stored = await withDatabase(async (client) => {
    const domains = await client.query<{ code: string; title: string; maxPoints: string }>(
      `SELECT c."code", c."title", c."maxPoints"::text AS "maxPoints" FROM "Criterion" c
       JOIN "CriteriaSet" s ON s."id" = c."criteriaSetId" JOIN "AssessmentYear" y ON y."id" = s."yearId" JOIN "UnitType" u ON u."id" = s."unitTypeId"
       WHERE y."year" = 2025 AND u."code" = 'so-ban-nganh' AND c."parentId" IS NULL AND c."section" = 'MAIN' ORDER BY c."sortOrder"`,
    );
    const bands = await client.query<{ label: string; minPercent: string }>(
      `SELECT b."label", b."minPercent"::text AS "minPercent" FROM "GradingBand" b JOIN "AssessmentYear" y ON y."id" = b."yearId" JOIN "UnitType" u ON u."id" = b."unitTypeId"
       WHERE y."year" = 2025 AND u."code" = 'so-ban-nganh' ORDER BY b."minPercent" DESC`,
    );
    return { domains: domains.rows, bands: bands.rows };
  });
  const points = (decimal: string) => decimal.replace(/\.?0+$/, "").replace(".", ",");

  await page.goto("/phuong-phap");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Phương pháp đánh giá Chỉ số cải cách hành chính năm 2025");
  const departments = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "Khối Sở, ban, ngành" }) });
  const summaries = departments.locator("details > summary");
  await expect(summaries).toHaveCount(stored.domains.length);
  for (const [index, domain] of stored.domains.entries()) {
    await expect(summaries.nth(index)).toHaveText(`${domain.code}. ${domain.title} — tối đa ${points(domain.maxPoints)} điểm`);
  }
  // A domain opens on its criteria, each with its maximum and its rule in words.
  await summaries.first().click();
  const firstDomain = departments.locator("details").first();
  await expect(firstDomain.getByText(/^1\.1\. /)).toBeVisible();
  await expect(firstDomain.getByText("Cách chấm:").first()).toBeVisible();
  await expect(firstDomain.getByText(/Tỷ lệ = .+ ÷ .+: từ 100%: /).first()).toBeVisible();

  const bandRows = page.getByTestId("xep-loai-so-ban-nganh").locator("tbody tr");
  await expect(bandRows).toHaveCount(stored.bands.length);
  for (const [index, band] of stored.bands.entries()) {
    await expect(bandRows.nth(index).locator("th")).toHaveText(band.label);
    if (index === 0) await expect(bandRows.nth(index).locator("td")).toHaveText(`Từ ${points(band.minPercent)}% trở lên`);
  }

  await expect(page.getByRole("heading", { level: 2, name: "Thay đổi so với năm 2024" })).toBeVisible();
  // The demo's 2024 and 2025 sets are the same: the page says so for each unit type.
  await expect(page.getByText("Không có thay đổi so với năm 2024.")).toHaveCount(UNIT_TYPES.length);
});

test("the year summary and the methodology have no serious accessibility violations", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/nam/2025/tong-quan");
  // The chart too, once scrolled into view.
  await page.locator("#bieu-do-xep-loai").scrollIntoViewIfNeeded();
  await expect(page.locator("#bieu-do-xep-loai ~ figure svg, section:has(#bieu-do-xep-loai) svg.recharts-surface").first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, "the 2025 year summary");
  await page.goto("/phuong-phap");
  await expandAllSections(page);
  await expectNoSeriousA11yViolations(page, "the 2025 methodology, every domain open");
});

test("an unknown or unpublished year is a 404 on both pages", async ({ page }) => {
  for (const path of ["/nam/2026/tong-quan", "/nam/2026/phuong-phap", "/nam/1999/tong-quan", "/nam/abc/phuong-phap"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});
