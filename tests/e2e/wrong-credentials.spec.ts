import { expect, test } from "@playwright/test";

import { ACCOUNTS, INVALID_CREDENTIALS_MESSAGE, signIn, signInError } from "./support/sign-in";

test.use({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.2" } });

test("a wrong password and an unknown e-mail get the same message, and no session", async ({ page }) => {
  await page.goto("/dang-nhap");

  await signIn(page, { email: ACCOUNTS.admin.email, password: "KhongPhai@2026" });
  await expect(signInError(page)).toHaveText(INVALID_CREDENTIALS_MESSAGE);
  await expect(page).toHaveURL("/dang-nhap");

  // No hint whether the account exists: the message is exactly the same.
  await signIn(page, { email: "khongtontai@songlam.demo", password: ACCOUNTS.admin.password });
  await expect(signInError(page)).toHaveText(INVALID_CREDENTIALS_MESSAGE);

  await page.goto("/quan-tri");
  await expect(page).toHaveURL("/dang-nhap?callbackUrl=%2Fquan-tri");
});
