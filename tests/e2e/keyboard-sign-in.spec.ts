import { expect, test } from "@playwright/test";

import { ACCOUNTS, waitForSignInAnswer } from "./support/sign-in";

test.use({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.6" } });

test("the sign-in form works with the keyboard alone and lands on the user's first area", async ({ page }) => {
  await page.goto("/dang-nhap");
  const keyboard = page.keyboard;

  await keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Bỏ qua, tới nội dung chính" })).toBeFocused();
  await keyboard.press("Tab");
  await expect(page.getByLabel("Thư điện tử", { exact: true })).toBeFocused();
  await keyboard.type(ACCOUNTS.healthHead.email);
  await keyboard.press("Tab");
  await expect(page.getByLabel("Mật khẩu", { exact: true })).toBeFocused();
  await keyboard.type(ACCOUNTS.healthHead.password);
  await keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Đăng nhập" })).toBeFocused();
  const answered = waitForSignInAnswer(page);
  await keyboard.press("Enter");
  await answered;

  // No callback address: /lam-viec sends an agency head to the agency area.
  await expect(page).toHaveURL("/co-quan");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tự đánh giá năm 2026 — Sở Y tế");
});
