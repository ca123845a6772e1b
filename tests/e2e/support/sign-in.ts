import type { Page, Response } from "@playwright/test";

// Demo accounts (README). Each spec file signs in with its own accounts where a failure could
// lock one, so that the specs stay independent.
export const ACCOUNTS = {
  admin: { email: "quantri@songlam.demo", password: "QuanTri@2026" },
  appraisalLead: { email: "thamdinh.snv@songlam.demo", password: "ThamDinh@2026" },
  justiceAppraiser: { email: "thamdinh.stp@songlam.demo", password: "TuPhap@2026" },
  healthEditor: { email: "bientap.syt@songlam.demo", password: "BienTap@2026" },
  healthHead: { email: "lanhdao.syt@songlam.demo", password: "LanhDao@2026" },
  // Sở Xây dựng's 2026 draft is complete: its head can submit it.
  constructionEditor: { email: "bientap.sxd@songlam.demo", password: "BienTapXD@2026" },
  constructionHead: { email: "lanhdao.sxd@songlam.demo", password: "LanhDaoXD@2026" },
} as const;

export type Credentials = { email: string; password: string };

export const INVALID_CREDENTIALS_MESSAGE = "Thư điện tử hoặc mật khẩu không đúng.";

/** The form's error box. (Not getByRole("alert"): Next.js's route announcer also has that role.) */
export function signInError(page: Page) {
  return page.locator("#sign-in-error");
}

/**
 * Fills the sign-in form on the current page and submits it, returning once the server has
 * answered: the message of a previous attempt would otherwise still be on screen.
 */
export async function signIn(page: Page, { email, password }: Credentials): Promise<Response> {
  await page.getByLabel("Thư điện tử", { exact: true }).fill(email);
  await page.getByLabel("Mật khẩu", { exact: true }).fill(password);
  const answered = waitForSignInAnswer(page);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  return answered;
}

/** The response to the form's credentials POST (next-auth's callback). */
export function waitForSignInAnswer(page: Page): Promise<Response> {
  return page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials") && response.request().method() === "POST");
}
