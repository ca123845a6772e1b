import { describe, expect, it } from "vitest";

import { daysLeftIfDueSoon } from "@/lib/domain/reminders";

describe("daysLeftIfDueSoon", () => {
  const deadline = new Date("2027-01-15T16:59:59.999Z"); // 23:59:59 on 15/01 in Vietnam
  it("reminds within three days, counting a deadline later today as one day", () => {
    expect(daysLeftIfDueSoon(deadline, new Date("2027-01-15T09:00:00Z"))).toBe(1);
    expect(daysLeftIfDueSoon(deadline, new Date("2027-01-14T17:00:00Z"))).toBe(1);
    expect(daysLeftIfDueSoon(deadline, new Date("2027-01-13T09:00:00Z"))).toBe(3);
  });
  it("stays quiet when the deadline is further off, passed or not set", () => {
    expect(daysLeftIfDueSoon(deadline, new Date("2027-01-12T09:00:00Z"))).toBeNull();
    expect(daysLeftIfDueSoon(deadline, new Date("2027-01-16T00:00:00Z"))).toBeNull();
    expect(daysLeftIfDueSoon(null, new Date())).toBeNull();
    expect(daysLeftIfDueSoon(deadline, new Date("2027-01-10T09:00:00Z"), 7)).toBe(6);
  });
});
