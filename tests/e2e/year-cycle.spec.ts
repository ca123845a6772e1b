import { expect, test, type Page } from "@playwright/test";

import { formatThousandths, toThousandths } from "@/lib/domain/points";

import { finalizeAssessmentsOfYear, surveyCriteriaToImport } from "./support/database";
import { ACCOUNTS, signIn } from "./support/sign-in";

// Issue 7's administrator, in the browser: set up 2027 from scratch (create the year, clone every
// unit type's criteria set, adjust a band), close 2026 (deadlines, phases, survey results imported,
// finalized, published with an announcement) and see the public leaderboard change; then 2027 opens.
// Runs after every other spec (its own Playwright project): it publishes the demo's open year.
//
// One step is not the administrator's and is done in the database: the agencies' self-assessments
// and the appraisers' decisions (finalizeAssessmentsOfYear). The self-assessment and appraisal
// round-trip specs do that work in the browser.

const ANNOUNCEMENT = "15/TB-UBND";

/** A day in Vietnam as the forms take it: dd/mm/yyyy. */
function vietnamDay(offsetDays: number): string {
  const day = new Date(Date.now() + offsetDays * 24 * 60 * 60 * 1000);
  return new Intl.DateTimeFormat("vi-VN", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Asia/Ho_Chi_Minh" }).format(day);
}

async function moveYear(page: Page, year: number, phase: string) {
  await page.goto(`/quan-tri/nam/${year}`);
  await expect(page.getByText(`Đủ điều kiện chuyển sang giai đoạn ${phase}.`)).toBeVisible();
  await page.getByRole("button", { name: `Chuyển sang giai đoạn ${phase}` }).click();
  // The page reloads its data: the phase shown is the new one (the next step may be a link, not this form).
  await expect(page.getByText(`Giai đoạn hiện tại: ${phase}`)).toBeVisible();
}

test("set up 2027 from scratch and publish 2026: survey imported, results finalized and announced, the public page changes", async ({ page }) => {
  test.setTimeout(300_000);
  await page.context().setExtraHTTPHeaders({ "X-Forwarded-For": "198.51.100.70" });
  page.on("dialog", (dialog) => void dialog.accept());

  // The public page before: the latest announcement is 2025's.
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("năm 2025");

  await page.goto("/quan-tri/nam");
  await signIn(page, ACCOUNTS.admin);
  await expect(page).toHaveURL("/quan-tri/nam");

  // 1. A new year, with last year's bands and deadlines one year on.
  await page.getByLabel("Năm đánh giá").fill("2027");
  await page.getByRole("button", { name: "Tạo kỳ đánh giá" }).click();
  await expect(page).toHaveURL("/quan-tri/nam/2027");
  await expect(page.getByText("Giai đoạn hiện tại: Chuẩn bị")).toBeVisible();

  // 2. Every unit type's criteria set cloned from 2026.
  for (const [unitType, code] of [["Sở, ban, ngành", "so-ban-nganh"], ["UBND cấp xã", "ubnd-cap-xa"]] as const) {
    await page.goto("/quan-tri/bo-chi-so");
    await page.getByRole("button", { name: `Sao chép từ năm trước ${unitType} 2027` }).click();
    await expect(page).toHaveURL(new RegExp(`/quan-tri/bo-chi-so/2027/${code}$`));
  }

  // 3. A band adjusted: departments need 92% for Nhóm 1 from 2027; a gap is refused first.
  await page.goto("/quan-tri/nam/2027");
  const departmentsBands = page.getByRole("form", { name: "Xếp loại khối Sở, ban, ngành" });
  await departmentsBands.getByLabel("Ngưỡng dưới (%) dòng 4").fill("5");
  await departmentsBands.getByRole("button", { name: "Lưu xếp loại khối Sở, ban, ngành" }).click();
  await expect(departmentsBands.getByRole("alert")).toBeVisible();
  await departmentsBands.getByLabel("Ngưỡng dưới (%) dòng 4").fill("0");
  await departmentsBands.getByLabel("Ngưỡng dưới (%) dòng 1").fill("92");
  await departmentsBands.getByRole("button", { name: "Lưu xếp loại khối Sở, ban, ngành" }).click();
  await expect(departmentsBands.getByRole("status")).toHaveText("Đã lưu xếp loại.");
  await page.reload();
  await expect(page.getByRole("form", { name: "Xếp loại khối Sở, ban, ngành" }).getByLabel("Ngưỡng dưới (%) dòng 1")).toHaveValue("92");

  // 2027 cannot open while 2026 is still running: the workspaces show one year at a time.
  await expect(page.getByText("Chưa đủ điều kiện chuyển sang giai đoạn Tự đánh giá:")).toBeVisible();
  await expect(page.getByText(/Các khu vực làm việc chỉ mở một kỳ đánh giá tại một thời điểm/)).toBeVisible();

  // 4. Closing 2026: the self-assessment period ended yesterday; the agencies' and appraisers' work is done.
  await finalizeAssessmentsOfYear(2026);
  await page.goto("/quan-tri/nam/2026");
  await page.getByLabel("Hạn kết thúc giai đoạn Tự đánh giá").fill(vietnamDay(-1));
  await page.getByRole("button", { name: "Lưu thời hạn" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu thời hạn." })).toBeVisible();
  await moveYear(page, 2026, "Thẩm định");

  // 5. Survey results imported: a file with a value above the maximum is refused row by row, nothing
  // stored; the corrected file covers every assessed agency.
  const surveyRows = await surveyCriteriaToImport(2026);
  expect(surveyRows.length).toBeGreaterThan(0);
  const surveyFile = (pointsOf: (max: number, index: number) => number) => ({
    name: "dieu-tra-xa-hoi-hoc-2026.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      [
        '"Cơ quan, đơn vị","Mã tiêu chí hoặc thành phần khảo sát","Điểm"',
        ...surveyRows.map((row, index) => `"${row.agencyName}","${row.code}","${formatThousandths(pointsOf(toThousandths(row.maxPoints), index)).replace(".", ",")}"`),
      ].join("\r\n"),
      "utf8",
    ),
  });
  await page.goto("/quan-tri/khao-sat");
  const fileInput = page.getByLabel("Tệp dữ liệu (.xlsx hoặc .csv)");
  await fileInput.setInputFiles(surveyFile((max, index) => (index === 0 ? max + 1000 : Math.floor((max * 4) / 5))));
  await page.getByRole("button", { name: "Kiểm tra và xem trước" }).click();
  await expect(page.getByText("1 dòng có lỗi — sửa tệp rồi tải lên lại")).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "2", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Ghi điểm" })).toHaveCount(0);
  await fileInput.setInputFiles(surveyFile((max) => Math.floor((max * 4) / 5)));
  await page.getByRole("button", { name: "Kiểm tra và xem trước" }).click();
  await expect(page.getByText("Sau lần nhập này, mọi hồ sơ của kỳ đều đủ điểm điều tra xã hội học.")).toBeVisible();
  await page.getByRole("button", { name: "Ghi điểm" }).click();
  await expect(page.getByText(/^Đã ghi: \d+ điểm mới, \d+ điểm thay đổi, \d+ điểm giữ nguyên\.$/)).toBeVisible();

  await moveYear(page, 2026, "Giải trình");

  // 6. Finalized: every result computed and stored.
  await page.goto("/tham-dinh/ket-qua");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("2026");
  await page.getByRole("button", { name: "Kết thúc kỳ đánh giá 2026 và lưu kết quả" }).click();
  // The page reloads as the stored results (the button and its message go with the phase).
  await expect(page.getByText("Giai đoạn: Đã chốt kết quả")).toBeVisible();
  await expect(page.getByText("Kết quả đã được tính và lưu khi kết thúc kỳ đánh giá.")).toBeVisible();

  // 7. Published with the announcement's number and date: the preview is the public table.
  await page.goto("/quan-tri/cong-bo/2026");
  const previewRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Sở Tư pháp", exact: true }) });
  // The page streams behind its loading state: wait for the row before reading it once.
  await expect(previewRow.getByRole("cell").first()).toBeVisible();
  const previewCells = await previewRow.getByRole("cell").allTextContents();
  expect(previewCells.length).toBeGreaterThan(3);
  await page.getByLabel("Số thông báo").fill(ANNOUNCEMENT);
  await page.getByLabel("Ngày ban hành").fill(vietnamDay(0));
  await page.getByLabel(/^Tôi đã kiểm tra bảng kết quả xem trước/).check();
  await page.getByRole("button", { name: "Công bố kết quả năm 2026" }).click();
  await expect(page.getByText(`Đã công bố kết quả năm 2026 theo Thông báo số ${ANNOUNCEMENT}.`)).toBeVisible();

  // 8. The public page shows 2026 at once, as announced, with the same figures as the preview.
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("năm 2026");
  await expect(page.getByText(`Theo Thông báo số ${ANNOUNCEMENT} ngày ${vietnamDay(0)}`)).toBeVisible();
  const publicRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Sở Tư pháp", exact: true }) });
  await expect(publicRow.getByRole("cell").first()).toHaveText(previewCells[0]!);
  expect(await publicRow.getByRole("cell").allTextContents()).toEqual(previewCells);
  // Every cached public page follows, including the 2026 pages that answered 404 before
  // (public-leaderboard.spec.ts asked for them) and the profile and summary of earlier visits.
  await page.goto("/nam/2026/khoi/so-ban-nganh");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("năm 2026");
  await page.goto("/don-vi/so-tu-phap");
  await expect(page.getByRole("link", { name: "2026", exact: true })).toBeVisible();
  await page.goto("/tong-quan");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("2026");

  // 9. Now 2027 opens, its criteria sets frozen.
  await moveYear(page, 2027, "Tự đánh giá");
  await page.goto("/quan-tri/nam/2027");
  await expect(page.getByText("Giai đoạn hiện tại: Tự đánh giá")).toBeVisible();
  const departments = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Sở, ban, ngành", exact: true }) });
  await expect(departments).toContainText(`đã khóa từ ${vietnamDay(0)}`);
});
