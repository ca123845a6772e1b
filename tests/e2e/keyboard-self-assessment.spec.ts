import { expect, test, type Locator, type Page } from "@playwright/test";

import { ACCOUNTS, signIn } from "./support/sign-in";

test.use({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.30" } });

const FORM = "/co-quan/tu-danh-gia";
const criterion = (page: Page, code: string) => page.locator(`#criterion-${code.replaceAll(".", "\\.")}`);

/** Presses Tab until `target` has the focus; fails if it is not reached within `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 150) {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target, `not reached with ${limit} presses of Tab`).toBeFocused({ timeout: 1 });
}

/** The focused element shows a focus indicator: an outline of at least 2px that is not transparent. */
async function expectVisibleFocus(page: Page) {
  const ring = await page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    return { tag: element.tagName, style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth), color: style.outlineColor, isFocusVisible: element.matches(":focus-visible") };
  });
  expect(ring, "nothing has the focus").not.toBeNull();
  expect(ring!.isFocusVisible, `${ring!.tag} is not :focus-visible`).toBe(true);
  expect(ring!.style, `${ring!.tag} has no outline`).not.toBe("none");
  expect(ring!.width, `${ring!.tag}'s outline is too thin`).toBeGreaterThanOrEqual(2);
  expect(ring!.color).not.toMatch(/rgba\(\d+, \d+, \d+, 0\)|transparent/);
}

test("the self-assessment form works with the keyboard alone, focus always visible", async ({ page }) => {
  // Signing in by keyboard has its own spec (keyboard-sign-in); this one is about the form.
  await page.goto(FORM);
  await signIn(page, ACCOUNTS.healthHead);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Phiếu tự đánh giá năm 2026 — Sở Y tế");
  // A fresh load, so that focus starts at the top of the document.
  await page.reload();
  const keyboard = page.keyboard;

  // The skip link leads past the page header into the main content.
  await keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Bỏ qua, tới nội dung chính" })).toBeFocused();
  await expectVisibleFocus(page);
  await keyboard.press("Enter");
  await keyboard.press("Tab");
  await expect(page.getByRole("navigation", { name: "Khu vực làm việc" }).getByRole("link").first()).toBeFocused();

  // A collapsed domain opens with Enter, closes with Space and opens again.
  const domain = page.locator("details").filter({ has: page.getByRole("heading", { level: 2, name: /^7\. / }) });
  const summary = domain.locator("summary").first();
  await expect(domain).not.toHaveAttribute("open");
  await tabTo(page, summary);
  await expectVisibleFocus(page);
  await keyboard.press("Enter");
  await expect(criterion(page, "7.1.1")).toBeVisible();
  await keyboard.press("Space");
  await expect(criterion(page, "7.1.1")).toBeHidden();
  await keyboard.press("Enter");
  await expect(criterion(page, "7.1.1")).toBeVisible();

  // A rate (TIERED_RATE): type both numbers.
  const rate = criterion(page, "7.1.1");
  await tabTo(page, rate.getByLabel(/^Tử số/));
  await expectVisibleFocus(page);
  await keyboard.type("95");
  await keyboard.press("Tab");
  await expect(rate.getByLabel(/^Mẫu số/)).toBeFocused();
  await keyboard.type("100");
  await expect(rate.getByText(/^Điểm: /)).not.toHaveText("Chưa chấm");
  await expect(rate.getByText("Đã lưu")).toBeVisible();

  // Its evidence file input opens the file chooser from the keyboard.
  const fileInput = rate.locator("input[type=file]");
  await tabTo(page, fileInput);
  await expectVisibleFocus(page);
  const chooser = page.waitForEvent("filechooser");
  await keyboard.press("Space");
  await (await chooser).setFiles({ name: "van-ban-dien-tu.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
  await expect(rate.getByRole("link", { name: "van-ban-dien-tu.pdf" })).toBeVisible();

  // A BOOLEAN: Space picks the focused choice, the arrow keys move between the two.
  const yesNo = criterion(page, "7.3.2");
  await tabTo(page, yesNo.getByRole("radio", { name: "Đạt", exact: true }));
  await expectVisibleFocus(page);
  await keyboard.press("Space");
  await expect(yesNo.getByRole("radio", { name: "Đạt", exact: true })).toBeChecked();
  await expect(yesNo.getByText("Đã lưu")).toBeVisible();
  await keyboard.press("ArrowRight");
  await expect(yesNo.getByRole("radio", { name: "Không đạt" })).toBeChecked();
  await expect(yesNo.getByText("Điểm: 0")).toBeVisible();
  await expect(yesNo.getByText("Đã lưu")).toBeVisible();

  // A CATEGORICAL: the arrow keys change the level without opening the list.
  const level = criterion(page, "7.4.2");
  const select = level.getByLabel("Chọn mức");
  await tabTo(page, select);
  await expectVisibleFocus(page);
  await keyboard.press("ArrowDown");
  await expect(select).not.toHaveValue("");
  await expect(level.getByText(/^Điểm: /)).toBeVisible();
  await expect(level.getByText("Đã lưu")).toBeVisible();

  // The submit button is reached and works from the keyboard; the list of what is missing links
  // to each criterion, and following a link shows that criterion below the sticky total.
  const submit = page.getByRole("button", { name: "Gửi kết quả tự đánh giá" });
  await tabTo(page, submit, 400);
  await expectVisibleFocus(page);
  await keyboard.press("Enter");
  const missing = page.getByRole("list", { name: "Cần hoàn thành trước khi gửi:" }).getByRole("link");
  await expect(missing.first()).toBeVisible();
  await tabTo(page, missing.first());
  await expectVisibleFocus(page);
  const href = await missing.first().getAttribute("href");
  await keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${href}$`.replaceAll(".", "\\.")));
  const target = page.locator(href!.replaceAll(".", "\\.")).getByRole("heading", { level: 3 });
  await expect(target).toBeInViewport();
  const [targetBox, totalBox] = await Promise.all([target.boundingBox(), page.getByText(/^Tổng điểm tự đánh giá:/).boundingBox()]);
  expect(targetBox!.y, "the criterion is hidden under the sticky total").toBeGreaterThanOrEqual(totalBox!.y + totalBox!.height);

  // Nothing above needed the mouse; the answers were saved.
  await page.reload();
  await expect(criterion(page, "7.1.1").getByLabel(/^Mẫu số/)).toHaveValue("100");
  await expect(criterion(page, "7.3.2").getByLabel("Không đạt")).toBeChecked();
});
