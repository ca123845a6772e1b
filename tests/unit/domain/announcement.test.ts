import { describe, expect, it } from "vitest";

import { checkIssuedOn, parseDayMonthYear, toRomanNumeral, vietnamToday, ZAnnouncementNumber, ZDayMonthYear } from "@/lib/domain/announcement";

const utcDay = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("ZAnnouncementNumber", () => {
  it.each([
    ["35/TB-UBND", "35/TB-UBND"],
    ["01/QĐ-UBND", "01/QĐ-UBND"],
    ["12/2025/QĐ-UBND", "12/2025/QĐ-UBND"],
    ["5/KH-BCĐ-UBND", "5/KH-BCĐ-UBND"],
    // Typed in lower case or with spaces: the same document.
    [" 35 / tb-ubnd ", "35/TB-UBND"],
    ["9/qđ-ubnd", "9/QĐ-UBND"],
  ])("accepts %j as %j", (typed, stored) => {
    expect(ZAnnouncementNumber.parse(typed)).toBe(stored);
  });

  it.each([
    ["", "Nhập số thông báo."],
    ["   ", "Nhập số thông báo."],
    ["TB-UBND", "Số thông báo chưa đúng dạng “số/ký hiệu”, ví dụ: 35/TB-UBND hoặc 12/2025/QĐ-UBND."],
    ["35/TB", "Số thông báo chưa đúng dạng “số/ký hiệu”, ví dụ: 35/TB-UBND hoặc 12/2025/QĐ-UBND."],
    ["35-TB-UBND", "Số thông báo chưa đúng dạng “số/ký hiệu”, ví dụ: 35/TB-UBND hoặc 12/2025/QĐ-UBND."],
    ["35/25/TB-UBND", "Số thông báo chưa đúng dạng “số/ký hiệu”, ví dụ: 35/TB-UBND hoặc 12/2025/QĐ-UBND."],
    ["35/TB-ỦBND", "Số thông báo chưa đúng dạng “số/ký hiệu”, ví dụ: 35/TB-UBND hoặc 12/2025/QĐ-UBND."],
    [`1/TB-${"A".repeat(20)}-${"B".repeat(20)}-${"C".repeat(20)}`, "Số thông báo dài tối đa 50 ký tự."],
  ])("refuses %j: %s", (typed, message) => {
    const parsed = ZAnnouncementNumber.safeParse(typed);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual([message]);
  });
});

describe("parseDayMonthYear", () => {
  it("reads dd/mm/yyyy as that calendar day at UTC midnight", () => {
    expect(parseDayMonthYear("28/02/2023")).toEqual(utcDay("2023-02-28"));
    expect(parseDayMonthYear("1/3/2024")).toEqual(utcDay("2024-03-01"));
    expect(parseDayMonthYear(" 29/02/2024 ")).toEqual(utcDay("2024-02-29"));
  });

  it.each(["29/02/2023", "31/04/2025", "00/01/2025", "15/13/2025", "2025-02-28", "28.02.2025", "28/02/25", ""])("refuses %j", (typed) => {
    expect(parseDayMonthYear(typed)).toBeNull();
    expect(ZDayMonthYear.safeParse(typed).error?.issues[0]?.message).toBe("Ngày ban hành phải có dạng ngày/tháng/năm, ví dụ: 28/02/2025.");
  });
});

describe("vietnamToday", () => {
  it("is the calendar day in Vietnam, whatever the UTC day", () => {
    expect(vietnamToday(new Date("2026-02-28T16:59:59Z"))).toEqual(utcDay("2026-02-28"));
    expect(vietnamToday(new Date("2026-02-28T17:00:00Z"))).toEqual(utcDay("2026-03-01"));
  });
});

describe("checkIssuedOn", () => {
  const now = new Date("2026-03-06T09:00:00+07:00");
  // finalizeYear stored the 2025 results on 20/02/2026 at 23:30 in Hà Nội (16:30 UTC).
  const resultsComputedAt = new Date("2026-02-20T16:30:00Z");

  it("accepts today, the day the results were finalized and anything between", () => {
    expect(checkIssuedOn(utcDay("2026-03-06"), { resultsComputedAt, now })).toBeNull();
    expect(checkIssuedOn(utcDay("2026-02-20"), { resultsComputedAt, now })).toBeNull();
  });

  it("refuses tomorrow, and a day before the results were finalized (in Vietnam time)", () => {
    expect(checkIssuedOn(utcDay("2026-03-07"), { resultsComputedAt, now })).toBe("Ngày ban hành không được sau ngày hôm nay (06/03/2026).");
    expect(checkIssuedOn(utcDay("2026-02-19"), { resultsComputedAt, now })).toBe("Ngày ban hành không được trước ngày kết quả của năm được chốt (20/02/2026).");
    // 23:30 on 20/02 in Hà Nội is still 20/02 there even though 21/02 is near: the day is Vietnam's.
    expect(checkIssuedOn(utcDay("2026-02-21"), { resultsComputedAt: new Date("2026-02-21T16:59:00Z"), now })).toBeNull();
    expect(checkIssuedOn(utcDay("2026-02-21"), { resultsComputedAt: new Date("2026-02-21T17:00:00Z"), now })).toBe(
      "Ngày ban hành không được trước ngày kết quả của năm được chốt (22/02/2026).",
    );
  });

  it("allows an announcement in the assessed year itself, once its results exist (a period closed in November)", () => {
    const december = new Date("2026-12-10T09:00:00+07:00");
    expect(checkIssuedOn(utcDay("2026-12-05"), { resultsComputedAt: new Date("2026-12-04T03:00:00Z"), now: december })).toBeNull();
  });

  it("refuses a correction dated before the announcement it corrects, and accepts the same day", () => {
    const notBefore = utcDay("2026-02-28");
    expect(checkIssuedOn(utcDay("2026-02-27"), { resultsComputedAt, now, notBefore })).toBe(
      "Ngày ban hành của thông báo đính chính không được trước ngày của thông báo được đính chính (28/02/2026).",
    );
    expect(checkIssuedOn(utcDay("2026-02-28"), { resultsComputedAt, now, notBefore })).toBeNull();
  });

  it("takes today in Vietnam: just after midnight there, the UTC date is still yesterday", () => {
    expect(checkIssuedOn(utcDay("2026-03-07"), { resultsComputedAt, now: new Date("2026-03-07T00:30:00+07:00") })).toBeNull();
  });
});

describe("toRomanNumeral", () => {
  it.each([
    [1, "I"],
    [2, "II"],
    [4, "IV"],
    [9, "IX"],
    [14, "XIV"],
    [40, "XL"],
    [1990, "MCMXC"],
  ])("%i → %s", (n, numeral) => expect(toRomanNumeral(n)).toBe(numeral));

  it("refuses what has no numeral", () => {
    expect(() => toRomanNumeral(0)).toThrow(RangeError);
    expect(() => toRomanNumeral(1.5)).toThrow(RangeError);
  });
});
