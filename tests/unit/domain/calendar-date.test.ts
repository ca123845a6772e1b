import { describe, expect, it } from "vitest";

import { calendarDateOf, dateValueOf, dayBefore, isCalendarDate, vietnamDateOf } from "@/lib/domain/calendar-date";

describe("calendar dates", () => {
  it("accepts real dates only", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2025-02-29")).toBe(false);
    expect(isCalendarDate("2025-13-01")).toBe(false);
    expect(isCalendarDate("01/03/2025")).toBe(false);
    expect(isCalendarDate("2025-3-1")).toBe(false);
  });

  it("gives the day before across months, years and leap days", () => {
    expect(dayBefore("2025-03-01")).toBe("2025-02-28");
    expect(dayBefore("2024-03-01")).toBe("2024-02-29");
    expect(dayBefore("2026-01-01")).toBe("2025-12-31");
    expect(() => dayBefore("2025-02-30")).toThrow();
  });

  it("round-trips the date-only values stored at UTC midnight", () => {
    expect(dateValueOf("2025-03-01").toISOString()).toBe("2025-03-01T00:00:00.000Z");
    expect(calendarDateOf(new Date("2025-03-01T00:00:00Z"))).toBe("2025-03-01");
  });

  it("takes today's date in Vietnam, whatever the server's zone", () => {
    expect(vietnamDateOf(new Date("2026-11-30T16:59:59Z"))).toBe("2026-11-30");
    expect(vietnamDateOf(new Date("2026-11-30T17:00:00Z"))).toBe("2026-12-01");
  });
});
