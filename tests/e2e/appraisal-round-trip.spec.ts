import { expect, test, type Browser, type Page } from "@playwright/test";

import { computeIndexPercent } from "@/lib/domain/index-percent";
import { formatThousandths, toThousandths } from "@/lib/domain/points";
import { formatPercent, formatPoints } from "@/lib/i18n/format";

import { createAgencyHead, setYearPhase, withDatabase } from "./support/database";
import { ACCOUNTS, signIn, type Credentials } from "./support/sign-in";

// Issue 6's round trip on Sở Tư pháp's submitted 2026 assessment: the Sở Nội vụ lead lowers two
// criteria with reasons, the agency head sees them and explains one, round 2 restores the
// explained one and keeps the other, the assessment is finalized and the year's results preview
// shows the expected total, % and rank. Moving the year between phases is the administrator's
// step, done in the database until the administration screens exist.

const JUSTICE_HEAD: Credentials = { email: "lanhdao.stp@e2e.demo", password: "LanhDaoTP@2026" };
const EXPLANATION = "Văn bản đã ban hành ngày 05/01/2026, gửi kèm bản chụp.";

async function openAs(browser: Browser, account: Credentials, path: string, address: string): Promise<Page> {
  const page = await (await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": address } })).newPage();
  page.on("dialog", (dialog) => void dialog.accept());
  await page.goto(path);
  await signIn(page, account);
  await expect(page).toHaveURL(path);
  return page;
}

const criterion = (page: Page, code: string) => page.locator(`#criterion-${code.replaceAll(".", "\\.")}`);
const openAllSections = (page: Page) => page.evaluate(() => document.querySelectorAll("details").forEach((details) => (details.open = true)));
const points = (text: string) => toThousandths(text.replace(",", "."));

// The other specs work in the self-assessment phase: give it back whatever happened here.
test.afterAll(async () => {
  await setYearPhase(2026, "SELF_ASSESSMENT");
});

test("appraise with reasons, explain, decide in round 2, finalize: the results show the expected total, % and rank", async ({ browser }) => {
  test.setTimeout(180_000);
  const { assessmentId, disputed } = await withDatabase(async (client) => {
    const assessment = await client.query<{ id: string }>(
      `SELECT a."id" FROM "Assessment" a JOIN "Agency" g ON g."id" = a."agencyId" JOIN "AssessmentYear" y ON y."id" = a."yearId" WHERE g."slug" = 'so-tu-phap' AND y."year" = 2026`,
    );
    const achieved = await client.query<{ code: string; selfPoints: string }>(
      `SELECT c."code", s."selfPoints"::text AS "selfPoints" FROM "Score" s JOIN "Criterion" c ON c."id" = s."criterionId"
       WHERE s."assessmentId" = $1 AND c."method" = 'BOOLEAN' AND c."section" = 'MAIN' AND s."selfPoints" > 0 ORDER BY c."sortOrder" LIMIT 2`,
      [assessment.rows[0]!.id],
    );
    return { assessmentId: assessment.rows[0]!.id, disputed: achieved.rows };
  });
  const [explained, kept] = disputed;
  if (!explained || !kept) throw new Error("Sở Tư pháp has fewer than two achieved yes/no criteria");
  await setYearPhase(2026, "APPRAISAL");
  await createAgencyHead("so-tu-phap", JUSTICE_HEAD.email, "Lãnh đạo Sở Tư pháp", JUSTICE_HEAD.password);
  const appraisalPath = `/tham-dinh/${assessmentId}`;

  // Nobody else may appraise it: Sở Tư pháp's own appraiser only views, its head is not let in.
  const ownAppraiser = await openAs(browser, ACCOUNTS.justiceAppraiser, appraisalPath, "198.51.100.60");
  await expect(ownAppraiser.getByText("Bạn đang xem hồ sơ; không có tiêu chí nào bạn được thẩm định lúc này.")).toBeVisible();
  await expect(ownAppraiser.getByRole("button", { name: "Lưu thẩm định" })).toHaveCount(0);

  // Round 1: the lead opens the assessment, lowers two criteria with reasons, accepts the rest, returns it.
  const lead = await openAs(browser, ACCOUNTS.appraisalLead, appraisalPath, "198.51.100.61");
  const selfTotal = (await lead.getByText(/^Tự chấm: /).textContent())!.match(/Tự chấm: ([\d,]+)\/([\d,]+)/)!;
  await lead.getByRole("button", { name: "Mở hồ sơ để thẩm định" }).click();
  await expect(lead.getByText("Đã thực hiện: Mở hồ sơ để thẩm định.")).toBeVisible();
  // The page reloads its data after the status change (the form remounts, sections closed): wait for it.
  await expect(lead.getByText(/Trạng thái: Đang thẩm định/)).toBeVisible();
  await openAllSections(lead);
  for (const [code, reason] of [
    [explained.code, "Chưa có văn bản ban hành trong kỳ."],
    [kept.code, "Không có tài liệu kiểm chứng."],
  ] as const) {
    const section = criterion(lead, code);
    await openAllSections(lead);
    await section.getByRole("radio", { name: "Không đạt" }).check();
    await section.getByRole("button", { name: "Lưu thẩm định" }).click();
    await expect(section.getByRole("alert")).toContainText("Cần ghi lý do khi điểm thẩm định khác điểm tự chấm.");
    await section.getByLabel(/^Lý do/).fill(reason);
    await section.getByRole("button", { name: "Lưu thẩm định" }).click();
    await expect(section.getByText("Đã lưu thẩm định.")).toBeVisible();
  }
  // The appraised total follows each save, without a reload.
  const lowered = points(selfTotal[1]!) - points(explained.selfPoints) - points(kept.selfPoints);
  await expect(lead.getByText(/^Sau thẩm định: /)).toContainText(`Sau thẩm định: ${formatPoints(formatThousandths(lowered))}/`);
  await lead.getByRole("button", { name: "Chấp nhận điểm tự chấm toàn bộ hồ sơ (các tiêu chí của tôi)" }).click();
  await expect(lead.getByText(/^Đã chấp nhận \d+ tiêu chí/)).toBeVisible();
  await lead.getByRole("button", { name: "Trả hồ sơ để đơn vị giải trình" }).click();
  await expect(lead.getByText("Đã thực hiện: Trả hồ sơ để đơn vị giải trình.")).toBeVisible();

  // The agency head sees both appraisals with their reasons, explains one and sends.
  const head = await openAs(browser, JUSTICE_HEAD, "/co-quan/tu-danh-gia", "198.51.100.62");
  await expect(head.getByText("Đã giải trình 0/2 tiêu chí.")).toBeVisible();
  const headElsewhere = await head.context().newPage();
  const refused = await headElsewhere.goto(appraisalPath);
  expect(refused?.status()).toBe(403);
  await headElsewhere.close();
  await openAllSections(head);
  await expect(criterion(head, kept.code).getByText("Lý do của cơ quan thẩm định: Không có tài liệu kiểm chứng.")).toBeVisible();
  const box = criterion(head, explained.code).getByLabel("Giải trình của đơn vị về điểm thẩm định", { exact: true });
  await box.fill(EXPLANATION);
  await expect(head.getByText("Đã giải trình 1/2 tiêu chí.")).toBeVisible();
  await head.getByRole("button", { name: "Gửi giải trình" }).click();
  await expect(head.getByText(/^Đã gửi giải trình \(1\/2 tiêu chí\)/)).toBeVisible();

  // Round 2: the explained criterion is restored, the other kept; the assessment is finalized.
  await setYearPhase(2026, "EXPLANATION");
  await lead.reload();
  await openAllSections(lead);
  const restored = criterion(lead, explained.code);
  await expect(restored.getByText(`Giải trình của đơn vị sau thẩm định lần 1: ${EXPLANATION}`, { exact: false })).toBeVisible();
  await restored.getByLabel(/^Lý do/).fill("Chấp nhận giải trình của đơn vị.");
  await restored.getByRole("button", { name: "Giữ điểm tự chấm" }).click();
  await expect(restored.getByText("Đã lưu thẩm định.")).toBeVisible();
  const confirmed = criterion(lead, kept.code);
  await confirmed.getByLabel(/^Lý do/).fill("Giữ kết quả thẩm định lần 1.");
  await confirmed.getByRole("button", { name: "Lưu thẩm định" }).click();
  await expect(confirmed.getByText("Đã lưu thẩm định.")).toBeVisible();
  await lead.getByRole("button", { name: "Kết thúc thẩm định hồ sơ" }).click();
  await expect(lead.getByText("Đã thực hiện: Kết thúc thẩm định hồ sơ.")).toBeVisible();
  await expect(lead.getByText(/Trạng thái: Đã hoàn thành thẩm định/)).toBeVisible();

  // The results: the self total less the kept criterion's points, its %, and its place in the table.
  const expectedTotal = points(selfTotal[1]!) - points(kept.selfPoints);
  const maxPoints = points(selfTotal[2]!);
  const expectedPercent = computeIndexPercent(expectedTotal, maxPoints, 2).text;
  await expect(lead.getByText(/^Sau thẩm định: /)).toHaveText(
    `Sau thẩm định: ${formatPoints(formatThousandths(expectedTotal))}/${formatPoints(formatThousandths(maxPoints))} điểm — Chỉ số ${formatPercent(expectedPercent, 2)}`,
  );
  await lead.goto("/tham-dinh/ket-qua");
  const row = lead.getByRole("row").filter({ has: lead.getByRole("rowheader", { name: "Sở Tư pháp", exact: true }) });
  // The page streams in behind its loading state: retrying assertions wait for the table.
  await expect(row.getByRole("cell").nth(1)).toHaveText(formatPoints(formatThousandths(expectedTotal)));
  await expect(row.getByRole("cell").nth(3)).toHaveText(formatPercent(expectedPercent, 2));
  const cells = await row.getByRole("cell").allTextContents();
  const table = lead.getByRole("table").filter({ has: row });
  const others = await Promise.all((await table.getByRole("row").all()).slice(1).map((other) => other.getByRole("cell").allTextContents()));
  // Competition ranking: one more than the ranked agencies above it ("—": not ranked).
  const higher = others.filter((other) => other[0] !== "—" && points(other[3]!.replace("%", "")) > points(expectedPercent)).length;
  expect(cells[0]).toBe(String(higher + 1));
});
