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

  it("accepts today, the year's last day and anything between", () => {
    expect(checkIssuedOn(utcDay("2026-03-06"), { year: 2025, now })).toBeNull();
    expect(checkIssuedOn(utcDay("2025-12-31"), { year: 2025, now })).toBeNull();
  });

  it("refuses tomorrow, and a day before the assessed year ended", () => {
    expect(checkIssuedOn(utcDay("2026-03-07"), { year: 2025, now })).toBe("Ngày ban hành không được sau ngày hôm nay (06/03/2026).");
    expect(checkIssuedOn(utcDay("2025-12-30"), { year: 2025, now })).toBe("Ngày ban hành không được trước ngày kết thúc năm đánh giá (31/12/2025).");
  });

  it("refuses a correction dated before the announcement it corrects, and accepts the same day", () => {
    const notBefore = utcDay("2026-02-28");
    expect(checkIssuedOn(utcDay("2026-02-27"), { year: 2025, now, notBefore })).toBe(
      "Ngày ban hành của thông báo đính chính không được trước ngày của thông báo được đính chính (28/02/2026).",
    );
    expect(checkIssuedOn(utcDay("2026-02-28"), { year: 2025, now, notBefore })).toBeNull();
  });

  it("takes today in Vietnam: just after midnight there, the UTC date is still yesterday", () => {
    expect(checkIssuedOn(utcDay("2026-03-07"), { year: 2025, now: new Date("2026-03-07T00:30:00+07:00") })).toBeNull();
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
