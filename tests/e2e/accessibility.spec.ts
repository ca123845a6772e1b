import { expect, test, type Page } from "@playwright/test";

import { expandAllSections, expectNoSeriousA11yViolations } from "./support/axe";
import { ACCOUNTS, signIn, type Credentials } from "./support/sign-in";

// axe-core finds what a machine can (names, roles, contrast, landmarks, ARIA misuse); the keyboard
// spec (keyboard-self-assessment) covers operating the form without a mouse.

// A scan of the whole expanded form (some 50 criteria) takes 20–30 s on a two-core machine.
test.describe.configure({ timeout: 180_000 });

const FORM = "/co-quan/tu-danh-gia";
const criterion = (page: Page, code: string) => page.locator(`#criterion-${code.replaceAll(".", "\\.")}`);

async function openAs(page: Page, path: string, account: Credentials) {
  await page.goto(path);
  await signIn(page, account);
  await expect(page).toHaveURL(path);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

test("the editable form, with a conflict, a refused value and a refused file on screen, has no serious violations", async ({ browser }) => {
  const editor = await (await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.40" } })).newPage();
  const head = await (await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.41" } })).newPage();
  await openAs(editor, FORM, ACCOUNTS.healthEditor);
  await openAs(head, FORM, ACCOUNTS.healthHead);

  // A conflict: the head saves 1.3 first, the editor's stale save is refused.
  await criterion(head, "1.3").getByLabel("Ghi chú").fill("Lãnh đạo đã kiểm tra số liệu.");
  await expect(criterion(head, "1.3").getByText("Đã lưu")).toBeVisible();
  await criterion(editor, "1.3").getByLabel("Ghi chú").fill("Cán bộ bổ sung số liệu.");
  await expect(criterion(editor, "1.3").getByRole("alert")).toContainText("vừa lưu tiêu chí này với giá trị khác");
  // A value the scoring rule refuses, and a file the upload refuses.
  await criterion(editor, "1.5").getByLabel(/^Mẫu số/).fill("10");
  await criterion(editor, "1.5").getByLabel(/^Tử số/).fill("12");
  await expect(criterion(editor, "1.5").getByRole("alert")).toContainText("Chưa lưu được");
  await criterion(editor, "1.5").locator("input[type=file]").setInputFiles({ name: "chuong-trinh.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ\x90\x00 program") });
  await expect(criterion(editor, "1.5").getByRole("alert").filter({ hasText: "Không được tải lên" })).toBeVisible();

  await expandAllSections(editor);
  await expectNoSeriousA11yViolations(editor, "the editable form (editor)");

  // The head's view: the submit button and the list of what is missing.
  await head.getByRole("button", { name: "Gửi kết quả tự đánh giá" }).click();
  await expect(head.getByRole("list", { name: "Cần hoàn thành trước khi gửi:" })).toBeVisible();
  await expandAllSections(head);
  await expectNoSeriousA11yViolations(head, "the editable form with the missing criteria listed (head)");
});

test("the submitted, read-only form has no serious violations", async ({ page }) => {
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": "198.51.100.42" });
  await openAs(page, FORM, ACCOUNTS.constructionHead);
  await page.getByRole("button", { name: "Gửi kết quả tự đánh giá" }).click();
  const withdraw = page.getByRole("button", { name: "Rút lại để chỉnh sửa" });
  await expect(withdraw).toBeVisible();
  await expect(page.getByText("Phiếu đã gửi, chỉ xem.")).toBeVisible();

  await expandAllSections(page);
  await expectNoSeriousA11yViolations(page, "the read-only form");

  // Back to a draft, as the seed left it, for the submission spec.
  await withdraw.click();
  await expect(page.getByRole("button", { name: "Gửi kết quả tự đánh giá" })).toBeVisible();
});

test("the agency dashboard has no serious violations", async ({ page }) => {
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": "198.51.100.43" });
  await openAs(page, "/co-quan", ACCOUNTS.healthEditor);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tự đánh giá năm 2026 — Sở Y tế");
  await expectNoSeriousA11yViolations(page, "the agency dashboard");
});
