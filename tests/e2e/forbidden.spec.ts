import { expect, test } from "@playwright/test";

import { ACCOUNTS, signIn } from "./support/sign-in";

test.use({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.5" } });

test("an agency editor opening the admin area by URL gets a 403 page and none of its data", async ({ page }) => {
  await page.goto("/co-quan");
  await signIn(page, ACCOUNTS.healthEditor);
  await expect(page).toHaveURL("/co-quan");

  for (const path of ["/quan-tri", "/quan-tri/nguoi-dung"]) {
    const response = await page.goto(path);

    expect(response?.status()).toBe(403);
    await expect(page).toHaveURL(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không có quyền truy cập");
    await expect(page.getByRole("table")).toHaveCount(0);
    // Nothing of the admin pages is sent, not even in the page's embedded data.
    const html = (await response?.text()) ?? "";
    expect(html).toContain("Không có quyền truy cập");
    expect(html).not.toContain("Quản trị người dùng");
    expect(html).not.toContain("Quản trị hệ thống");
    for (const email of [ACCOUNTS.admin.email, ACCOUNTS.appraisalLead.email, ACCOUNTS.healthHead.email]) {
      expect(html).not.toContain(email);
    }
  }
});

test("an appraiser opening the agency area by URL gets a 403 page and no self-assessment", async ({ page }) => {
  await page.goto("/tham-dinh");
  await signIn(page, ACCOUNTS.appraisalLead);
  await expect(page).toHaveURL("/tham-dinh");

  const response = await page.goto("/co-quan");

  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không có quyền truy cập");
  const html = (await response?.text()) ?? "";
  expect(html).not.toContain("Tự đánh giá năm");
  expect(html).not.toContain("tiêu chí tự chấm");
});
