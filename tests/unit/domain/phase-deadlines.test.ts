import { describe, expect, it } from "vitest";

import { parseDecimalInput } from "@/lib/domain/decimal-input";
import {
  checkPhaseDeadlines,
  deadlinesRequiredIn,
  endOfVietnamDay,
  shiftOneYear,
  startOfVietnamDay,
  type PhaseDeadlineValue,
} from "@/lib/domain/phase-deadlines";

const end = (day: string) => endOfVietnamDay(day) as Date;
const start = (day: string) => startOfVietnamDay(day) as Date;

describe("days in Vietnam", () => {
  it("reads a day as its first and last millisecond at UTC+7, whatever the server's zone", () => {
    expect(startOfVietnamDay("2027-01-16")?.toISOString()).toBe("2027-01-15T17:00:00.000Z");
    expect(endOfVietnamDay("2027-01-15")?.toISOString()).toBe("2027-01-15T16:59:59.999Z");
  });

  it("refuses days that do not exist rather than rolling them over", () => {
    expect(startOfVietnamDay("2027-02-29")).toBeNull();
    expect(endOfVietnamDay("2027-13-01")).toBeNull();
    expect(endOfVietnamDay("2027/01/15")).toBeNull();
    expect(endOfVietnamDay("2028-02-29")?.toISOString()).toBe("2028-02-29T16:59:59.999Z");
  });

  it("reads days as Vietnamese forms write them, dd/mm/yyyy, the same as the ISO form", () => {
    expect(endOfVietnamDay("15/01/2027")).toEqual(endOfVietnamDay("2027-01-15"));
    expect(startOfVietnamDay("1/3/2027")).toEqual(startOfVietnamDay("2027-03-01"));
    // Never the American reading: 13 is not a month.
    expect(endOfVietnamDay("01/13/2027")).toBeNull();
    expect(endOfVietnamDay("29/02/2027")).toBeNull();
  });

  it("moves a deadline one year on at the same Vietnamese wall-clock time; 29/02 becomes 28/02", () => {
    expect(shiftOneYear(new Date("2026-01-15T23:59:59+07:00")).toISOString()).toBe(new Date("2027-01-15T23:59:59+07:00").toISOString());
    // 00:30 in Vietnam is the previous day in UTC: the Vietnamese day is what moves.
    expect(shiftOneYear(new Date("2026-12-31T00:30:00+07:00")).toISOString()).toBe(new Date("2027-12-31T00:30:00+07:00").toISOString());
    expect(shiftOneYear(end("2028-02-29")).toISOString()).toBe(end("2029-02-28").toISOString());
  });
});

describe("checkPhaseDeadlines", () => {
  const deadline = (phase: PhaseDeadlineValue["phase"], endsOn: string | null, startsOn: string | null = null): PhaseDeadlineValue => ({
    phase,
    startsAt: startsOn ? start(startsOn) : null,
    endsAt: endsOn ? end(endsOn) : null,
  });
  const demo2026 = [
    deadline("SELF_ASSESSMENT", "2027-01-15", "2026-12-01"),
    deadline("APPRAISAL", "2027-02-10", "2027-01-16"),
    deadline("EXPLANATION", "2027-02-20"),
    deadline("FINALIZED", "2027-03-02"),
  ];

  it("accepts deadlines in phase order, starts optional", () => {
    expect(checkPhaseDeadlines(demo2026, "SETUP")).toEqual([]);
    expect(checkPhaseDeadlines([deadline("SELF_ASSESSMENT", "2027-01-15")], "SETUP")).toEqual([]);
    expect(checkPhaseDeadlines([], "SETUP")).toEqual([]);
  });

  it("lists every problem: start without end, end before start, out of order, start before the previous end", () => {
    const problems = checkPhaseDeadlines(
      [
        deadline("SELF_ASSESSMENT", "2027-01-15", "2027-01-20"),
        deadline("APPRAISAL", "2027-01-10", "2027-01-05"),
        deadline("EXPLANATION", null, "2027-02-01"),
        deadline("FINALIZED", "2027-03-02"),
      ],
      "SETUP",
    );
    expect(problems.map((problem) => [problem.code, problem.phase, problem.field])).toEqual([
      ["END_NOT_AFTER_START", "SELF_ASSESSMENT", "endsAt"],
      ["START_NOT_AFTER_PREVIOUS", "APPRAISAL", "startsAt"],
      ["END_NOT_AFTER_PREVIOUS", "APPRAISAL", "endsAt"],
      ["END_REQUIRED", "EXPLANATION", "endsAt"],
    ]);
    expect(problems.map((problem) => problem.message)).toEqual([
      "Giai đoạn Tự đánh giá: hạn kết thúc phải sau ngày bắt đầu.",
      "Giai đoạn Thẩm định: ngày bắt đầu phải sau hạn của giai đoạn Tự đánh giá (15/01/2027).",
      "Giai đoạn Thẩm định: hạn kết thúc phải sau hạn của giai đoạn Tự đánh giá (15/01/2027).",
      "Giai đoạn Giải trình: có ngày bắt đầu thì phải có hạn kết thúc.",
    ]);
  });

  it("compares a phase with the last earlier phase that has a deadline, skipping phases without one", () => {
    expect(checkPhaseDeadlines([deadline("SELF_ASSESSMENT", "2027-01-15"), deadline("EXPLANATION", "2027-01-15")], "SETUP").map((problem) => problem.message)).toEqual([
      "Giai đoạn Giải trình: hạn kết thúc phải sau hạn của giai đoạn Tự đánh giá (15/01/2027).",
    ]);
  });

  it("keeps the deadlines the year needed to enter the phases it has reached", () => {
    expect(deadlinesRequiredIn("SETUP")).toEqual([]);
    expect(deadlinesRequiredIn("SELF_ASSESSMENT")).toEqual(["SELF_ASSESSMENT"]);
    expect(deadlinesRequiredIn("EXPLANATION")).toEqual(["SELF_ASSESSMENT", "APPRAISAL", "EXPLANATION"]);
    const problems = checkPhaseDeadlines([deadline("EXPLANATION", "2027-02-20")], "APPRAISAL");
    expect(problems.map((problem) => [problem.code, problem.phase])).toEqual([
      ["REQUIRED_ONCE_REACHED", "SELF_ASSESSMENT"],
      ["REQUIRED_ONCE_REACHED", "APPRAISAL"],
    ]);
    // Moving a required deadline is fine: extending the self-assessment for everybody.
    expect(checkPhaseDeadlines([deadline("SELF_ASSESSMENT", "2027-01-31"), deadline("APPRAISAL", "2027-02-10")], "SELF_ASSESSMENT")).toEqual([]);
  });
});

describe("parseDecimalInput", () => {
  it("reads a decimal comma or point, in thousandths", () => {
    expect([parseDecimalInput("90"), parseDecimalInput("72,5"), parseDecimalInput(" 72.125 "), parseDecimalInput("-1")]).toEqual([90_000, 72_500, 72_125, -1_000]);
  });

  it("refuses what it would have to guess", () => {
    for (const text of ["", "abc", "1.000,5", "72,1234", "7 2", "1e3", ","]) expect(parseDecimalInput(text)).toBeNull();
  });
});
