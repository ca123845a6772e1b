import { expect, test, type Page } from "@playwright/test";

import { ACCOUNTS, signIn } from "./support/sign-in";

test.use({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.20" } });

const FORM = "/co-quan/tu-danh-gia";
const criterion = (page: Page, code: string) => page.locator(`#criterion-${code.replaceAll(".", "\\.")}`);
const totalLine = (page: Page) => page.getByText(/^Tổng điểm tự đánh giá:/);

async function openForm(page: Page, account: { email: string; password: string }) {
  await page.goto(FORM);
  await signIn(page, account);
  await expect(page).toHaveURL(FORM);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Phiếu tự đánh giá năm 2026 — Sở Y tế");
}

test("an editor fills criteria of three methods, attaches evidence and sees points and totals follow", async ({ page }) => {
  await openForm(page, ACCOUNTS.healthEditor);
  const totalBefore = await totalLine(page).textContent();

  // TIERED_RATE: 9 of 10 tasks = 90% → the 1.5-point tier, computed live and saved.
  const rate = criterion(page, "1.1.2");
  await rate.getByLabel(/^Tử số/).fill("9");
  await rate.getByLabel(/^Mẫu số/).fill("10");
  await expect(rate.getByText("Điểm: 1,5")).toBeVisible();
  await expect(rate.getByText("Đã lưu")).toBeVisible();

  // CATEGORICAL: issued late → 0.5.
  const plan = criterion(page, "1.1.1");
  await plan.getByLabel("Chọn mức").selectOption({ label: "Ban hành chậm so với thời hạn (0,5)" });
  await expect(plan.getByText("Điểm: 0,5")).toBeVisible();
  await expect(plan.getByText("Đã lưu")).toBeVisible();

  // TIERED_COUNT (1.4): 12 posts → full 2 points.
  const posts = criterion(page, "1.4");
  await posts.getByLabel(/^Số lượng/).fill("12");
  await expect(posts.getByText("Điểm: 2")).toBeVisible();
  await expect(posts.getByText("Đã lưu")).toBeVisible();

  await expect(totalLine(page)).not.toHaveText(totalBefore ?? "");

  // Bad input is refused with its reason and not saved.
  await rate.getByLabel(/^Tử số/).fill("11");
  await expect(rate.getByRole("alert")).toHaveText("Chưa lưu được: Số đạt được không được lớn hơn tổng số.");

  // Evidence: a PDF is attached and downloadable; a program disguised as a PDF is refused.
  await plan.locator("input[type=file]").setInputFiles({ name: "kế-hoạch-cchc.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
  await expect(plan.getByRole("link", { name: "kế-hoạch-cchc.pdf" })).toBeVisible();
  await expect(plan.getByText("1 tài liệu kiểm chứng")).toBeVisible();
  await plan.locator("input[type=file]").setInputFiles({ name: "bao-cao.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ\x90\x00 program") });
  await expect(plan.getByRole("alert")).toContainText("Không được tải lên");

  // After a reload everything saved is still there.
  await page.reload();
  await expect(criterion(page, "1.4").getByLabel(/^Số lượng/)).toHaveValue("12");
  await expect(criterion(page, "1.1.1").getByRole("link", { name: "kế-hoạch-cchc.pdf" })).toBeVisible();
});

test("a second person saving the same criterion first gets the other a conflict message, and nothing typed is lost", async ({ browser }) => {
  const editor = await (await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.21" } })).newPage();
  const head = await (await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.22" } })).newPage();
  await openForm(editor, ACCOUNTS.healthEditor);
  await openForm(head, ACCOUNTS.healthHead);

  await criterion(head, "1.2").getByLabel("Ghi chú").fill("Lãnh đạo đã rà soát.");
  await expect(criterion(head, "1.2").getByText("Đã lưu")).toBeVisible();

  await criterion(editor, "1.2").getByLabel("Ghi chú").fill("Cán bộ đầu mối ghi chú.");
  const conflict = criterion(editor, "1.2").getByRole("alert");
  await expect(conflict).toContainText("Hoàng Văn Lãnh vừa lưu tiêu chí này với giá trị khác");
  await expect(criterion(editor, "1.2").getByLabel("Ghi chú")).toHaveValue("Cán bộ đầu mối ghi chú.");

  // Keeping one's own value saves it over the newer version, knowingly.
  await conflict.getByRole("button", { name: "Lưu giá trị của tôi" }).click();
  await expect(criterion(editor, "1.2").getByText("Đã lưu")).toBeVisible();
});

test("the head's submission lists what is missing, each linked to its criterion; an editor cannot submit", async ({ browser }) => {
  const head = await (await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.23" } })).newPage();
  await openForm(head, ACCOUNTS.healthHead);
  await head.getByRole("button", { name: "Gửi kết quả tự đánh giá" }).click();
  await expect(head.getByText(/^Chưa thể gửi: còn \d+ tiêu chí chưa hoàn thành\.$/)).toBeVisible();
  const firstMissing = head.getByRole("list", { name: "Cần hoàn thành trước khi gửi:" }).getByRole("listitem").first().getByRole("link");
  await expect(firstMissing).toHaveAttribute("href", /^#criterion-/);

  const editor = await (await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.24" } })).newPage();
  await openForm(editor, ACCOUNTS.healthEditor);
  await expect(editor.getByText("Chỉ lãnh đạo đơn vị được gửi kết quả tự đánh giá.")).toBeVisible();
  await expect(editor.getByRole("button", { name: "Gửi kết quả tự đánh giá" })).toHaveCount(0);
});
