import { expect, test } from "@playwright/test";

import { ACCOUNTS, signIn } from "./support/sign-in";

// Its own client address: the app also throttles failed sign-ins per address (X-Forwarded-For).
test.use({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.1" } });

test("a signed-out visitor of the agency workspace is sent to sign in, then back to it", async ({ page }) => {
  await page.goto("/co-quan");

  await expect(page).toHaveURL("/dang-nhap?callbackUrl=%2Fco-quan");
  await expect(page.getByRole("heading", { level: 1, name: "Đăng nhập" })).toBeVisible();

  await signIn(page, ACCOUNTS.healthEditor);

  await expect(page).toHaveURL("/co-quan");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tự đánh giá năm 2026 — Sở Y tế");
  await expect(page.getByText("Đăng nhập với tài khoản Phạm Minh Biên")).toBeVisible();
});
