import { expect, test } from "@playwright/test";

import { ACCOUNTS, INVALID_CREDENTIALS_MESSAGE, signIn, signInError } from "./support/sign-in";

test.use({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.3" } });

const LOCKED_MESSAGE = /^Bạn đã nhập sai quá nhiều lần\. Vui lòng thử lại sau (\d{2}):(\d{2}) ngày (\d{2})\/(\d{2})\/(\d{4})\.$/;
const LOCK_MS = 15 * 60_000;

/** The instant a "HH:MM ngày DD/MM/YYYY" shown in Vietnam's time (UTC+7, no daylight saving) stands for. */
function shownInstant(match: RegExpMatchArray): number {
  const [hours, minutes, day, month, year] = match.slice(1).map(Number) as [number, number, number, number, number];
  return Date.UTC(year, month - 1, day, hours - 7, minutes);
}

// This account is locked for 15 minutes by this spec: no other spec signs in with it.
test("five wrong passwords lock the account until a time it states, even for the right password", async ({ page }) => {
  const account = ACCOUNTS.justiceAppraiser;
  await page.goto("/dang-nhap");

  for (let attempt = 1; attempt <= 4; attempt++) {
    await signIn(page, { email: account.email, password: `SaiMatKhau${attempt}` });
    await expect(signInError(page)).toHaveText(INVALID_CREDENTIALS_MESSAGE);
  }

  const startedAt = Date.now();
  await signIn(page, { email: account.email, password: "SaiMatKhau5" });
  const answeredAt = Date.now();
  await expect(signInError(page)).toHaveText(LOCKED_MESSAGE);
  const lockedMessage = (await signInError(page).textContent()) ?? "";
  // The time shown is the end of a 15-minute lock from the fifth attempt (to the minute).
  const shown = shownInstant(lockedMessage.match(LOCKED_MESSAGE)!);
  expect(shown).toBeGreaterThanOrEqual(Math.floor((startedAt + LOCK_MS) / 60_000) * 60_000);
  expect(shown).toBeLessThanOrEqual(answeredAt + LOCK_MS);

  await signIn(page, account);
  await expect(signInError(page)).toHaveText(lockedMessage);

  await page.goto("/tham-dinh");
  await expect(page).toHaveURL("/dang-nhap?callbackUrl=%2Ftham-dinh");
});
