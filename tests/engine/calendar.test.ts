import { describe, expect, it } from "vitest";
import { checkCalendarDate, dateInWords, localDate, madeAtWords } from "../../src/engine/calendar.js";

/*
 * The dates in advice and reports (found untested by a mutation run on 2026-11-29: its date pattern,
 * its messages and the report's time stamp could change without a test failing). Expected words
 * worked out by hand from a calendar.
 */

/** A Date as a person's machine would give it, in a chosen time zone, without changing the process's. */
function localMoment(parts: {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  offset: number;
}): Date {
  return {
    getFullYear: () => parts.year,
    getMonth: () => parts.month - 1,
    getDate: () => parts.day,
    getHours: () => parts.hour,
    getMinutes: () => parts.minute,
    // Minutes to add to local time to reach UTC, as JavaScript counts it: -60 in UTC+01:00.
    getTimezoneOffset: () => -parts.offset,
  } as Date;
}

describe("calendar dates", () => {
  it("takes a calendar date as YYYY-MM-DD, as midnight UTC of that day", () => {
    expect(checkCalendarDate("2026-11-26")).toBe(Date.UTC(2026, 10, 26));
    expect(checkCalendarDate("2024-02-29")).toBe(Date.UTC(2024, 1, 29));
  });

  it.each([
    "2026-1-05",
    "2026-01-5",
    "26-01-05",
    "x2026-01-05",
    "2026-01-05x",
    "2026-01-05 ",
    "2026/01/05",
    "2026-ab-05",
    "abcd-01-05",
    "2026-01-ab",
    "2026-02-30",
    "2025-02-29",
    "",
  ])("refuses %j with a RangeError that quotes it", (value) => {
    expect(() => checkCalendarDate(value)).toThrow(RangeError);
    expect(() => checkCalendarDate(value)).toThrow(
      `today: expected a calendar date such as 2026-11-26, got ${JSON.stringify(value)}`,
    );
  });

  it.each([
    [20261126, "number"],
    [undefined, "undefined"],
    [null, "object"],
  ])("refuses %j with a TypeError naming what it got", (value, type) => {
    expect(() => checkCalendarDate(value)).toThrow(TypeError);
    expect(() => checkCalendarDate(value)).toThrow(`today: expected a calendar date such as "2026-11-26", got ${type}`);
  });

  it("fault: month 13 was taken as next January and month 00 as last December; now each is refused", () => {
    for (const value of ["2026-13-01", "2026-00-10", "2026-99-01", "2026-12-00", "2026-04-31"]) {
      expect(() => checkCalendarDate(value), value).toThrow(RangeError);
    }
    expect(checkCalendarDate("2026-12-31")).toBe(Date.UTC(2026, 11, 31));
    // A year below 100 is that year, not 1900 plus it (as Date.UTC would read it).
    expect(new Date(checkCalendarDate("0050-01-01")).toISOString()).toBe("0050-01-01T00:00:00.000Z");
  });

  it("says a date some days later in words, across months, years and a leap day", () => {
    expect(dateInWords("2026-11-26")).toBe("26 November 2026");
    expect(dateInWords("2026-11-26", 7)).toBe("3 December 2026");
    expect(dateInWords("2026-12-31", 1)).toBe("1 January 2027");
    expect(dateInWords("2024-02-28", 1)).toBe("29 February 2024");
  });

  it("a person's calendar date is their local day, month counted from 1, padded", () => {
    expect(localDate(localMoment({ year: 2026, month: 1, day: 5, hour: 0, minute: 0, offset: 0 }))).toBe("2026-01-05");
    expect(localDate(localMoment({ year: 2026, month: 12, day: 31, hour: 23, minute: 59, offset: 0 }))).toBe(
      "2026-12-31",
    );
  });

  it("a report's time stamp names the local time and its offset from UTC, either side", () => {
    const at = (offset: number, hour: number, minute: number) =>
      madeAtWords(localMoment({ year: 2026, month: 11, day: 28, hour, minute, offset }));
    expect(at(60, 22, 50)).toBe("28 November 2026 at 22:50 (UTC+01:00)");
    expect(at(-330, 7, 5)).toBe("28 November 2026 at 07:05 (UTC-05:30)");
    expect(at(0, 0, 0)).toBe("28 November 2026 at 00:00 (UTC+00:00)");
    expect(at(345, 9, 9)).toBe("28 November 2026 at 09:09 (UTC+05:45)");
  });
});
