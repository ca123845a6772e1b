import { expect, test } from "@playwright/test";

import { ACCOUNTS, signIn } from "./support/sign-in";

test.use({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.4" } });

test("signing out returns to the public home page and closes the workspace", async ({ page }) => {
  await page.goto("/co-quan");
  await signIn(page, ACCOUNTS.healthEditor);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tự đánh giá năm 2026 — Sở Y tế");

  await page.getByRole("button", { name: "Đăng xuất" }).click();

  await expect(page).toHaveURL("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bảng xếp hạng Chỉ số cải cách hành chính năm 2025");
  await expect(page.getByRole("button", { name: "Đăng xuất" })).toHaveCount(0);

  await page.goto("/co-quan");
  await expect(page).toHaveURL("/dang-nhap?callbackUrl=%2Fco-quan");
});
