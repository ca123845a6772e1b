import { expect, test, type Page } from "@playwright/test";

import { ACCOUNTS, signIn, type Credentials } from "./support/sign-in";

// Sở Xây dựng's seeded 2026 draft is complete (README): its head can submit it.

const FORM = "/co-quan/tu-danh-gia";
const criterion = (page: Page, code: string) => page.locator(`#criterion-${code.replaceAll(".", "\\.")}`);
const fields = (page: Page) => page.locator("[id^='criterion-'] :is(input, select, textarea)");

async function openForm(page: Page, account: Credentials) {
  await page.goto(FORM);
  await signIn(page, account);
  await expect(page).toHaveURL(FORM);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Phiếu tự đánh giá năm 2026 — Sở Xây dựng");
}

/** Nothing on the form can be changed any more, yet everything entered is still shown. */
async function expectReadOnly(page: Page) {
  await expect(page.getByText("Phiếu đã gửi, chỉ xem.")).toBeVisible();
  expect(await fields(page).count()).toBeGreaterThan(100);
  await expect(fields(page).and(page.locator(":enabled"))).toHaveCount(0);
  await expect(page.locator("input[type=file]")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Gỡ tệp / })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Lấy ghi chú và tài liệu kiểm chứng từ năm trước" })).toHaveCount(0);
  await expect(page.getByText(/^(Đã lưu|Đang lưu…)$/)).toHaveCount(0);
  await expect(criterion(page, "1.1.1").getByLabel(/^Giải trình/)).not.toHaveValue("");
  await expect(page.getByRole("button", { name: "Gửi kết quả tự đánh giá" })).toHaveCount(0);
}

test("the head submits the complete self-assessment: the form turns read-only, stays so after a reload, and can be withdrawn", async ({ browser }) => {
  const head = await (await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.25" } })).newPage();
  const editor = await (await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.26" } })).newPage();
  await openForm(head, ACCOUNTS.constructionHead);
  // The editor has the form open while the head submits.
  await openForm(editor, ACCOUNTS.constructionEditor);
  await expect(fields(head).first()).toBeEnabled();

  await head.getByRole("button", { name: "Gửi kết quả tự đánh giá" }).click();
  await expect(head.getByRole("status").filter({ hasText: "Đã gửi kết quả tự đánh giá. Phiếu chuyển sang chế độ chỉ xem." })).toBeVisible();
  await expectReadOnly(head);
  const withdraw = head.getByRole("button", { name: "Rút lại để chỉnh sửa" });
  await expect(withdraw).toBeVisible();

  await head.reload();
  await expectReadOnly(head);
  await expect(withdraw).toBeVisible();
  await head.goto("/co-quan");
  await expect(head.getByText("Trạng thái: Đã gửi")).toBeVisible();

  // The editor's open page cannot slip a change in after the submission; reloaded, it is read-only
  // and only the head may withdraw.
  await criterion(editor, "1.2").getByLabel("Ghi chú").fill("Bổ sung sau khi gửi.");
  await expect(criterion(editor, "1.2").getByRole("alert")).toContainText("Chưa lưu được");
  await editor.reload();
  await expectReadOnly(editor);
  await expect(criterion(editor, "1.2").getByLabel("Ghi chú")).toHaveValue("");
  await expect(editor.getByRole("button", { name: "Rút lại để chỉnh sửa" })).toHaveCount(0);

  // Withdrawn, it is an editable draft again.
  await head.goto(FORM);
  await head.getByRole("button", { name: "Rút lại để chỉnh sửa" }).click();
  await expect(head.getByRole("status").filter({ hasText: "Đã rút lại. Phiếu có thể chỉnh sửa tiếp." })).toBeVisible();
  await expect(head.getByRole("button", { name: "Gửi kết quả tự đánh giá" })).toBeVisible();
  await expect(head.getByText("Phiếu đã gửi, chỉ xem.")).toHaveCount(0);
  await expect(fields(head).and(head.locator(":disabled"))).toHaveCount(0);
  await criterion(head, "1.2").getByLabel("Ghi chú").fill("Rà soát lại trước khi gửi lại.");
  await expect(criterion(head, "1.2").getByText("Đã lưu")).toBeVisible();
});
