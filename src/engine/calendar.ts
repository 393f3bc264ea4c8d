import { message } from "../messages/index.js";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds since 1970 of a calendar date "2026-11-26" (at 00:00 UTC); throws on anything else. */
export function checkCalendarDate(date: unknown): number {
  if (typeof date !== "string") throw new TypeError(message("api.today-not-text", { type: typeof date }));
  return parseIsoDate(date);
}

function parseIsoDate(date: string): number {
  const match = ISO_DATE.exec(date);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  // setUTCFullYear rolls over (month 13 is next January, 30 February is in March) and, unlike
  // Date.UTC, takes years below 100 as they are: a real date is one that comes back as given.
  const back = new Date(0);
  back.setUTCFullYear(year, month - 1, day);
  if (!match || back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day)
    throw new RangeError(message("api.today-not-date", { value: date }));
  return back.getTime();
}

/**
 * Made when first needed: building it loads the locale's data, which most runs never use. CLI start-up
 * time 0.89, the web page's first question 0.77 (A/B in one run each; docs/performance.md).
 */
let dateWords: Intl.DateTimeFormat | undefined;

/** "2026-11-26" plus 7 days, in words: "3 December 2026". Pure: the caller says which day it is. */
export function dateInWords(today: string, daysLater = 0): string {
  dateWords ??= new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  return dateWords.format(new Date(parseIsoDate(today) + daysLater * 86_400_000));
}

/** The moment a report was made, in the person's own time zone, in words: "28 November 2026 at 22:50 (UTC+01:00)". */
export function madeAtWords(now: Date): string {
  const offset = -now.getTimezoneOffset();
  const sign = offset < 0 ? "-" : "+";
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, "0");
  const minutes = String(Math.abs(offset) % 60).padStart(2, "0");
  const time = `${String(now.getHours()).padStart(2, "0")}:${String(now.getMinutes()).padStart(2, "0")}`;
  return `${dateInWords(localDate(now))} at ${time} (UTC${sign}${hours}:${minutes})`;
}

/** The person's calendar date, "2026-11-28": what check-back days are counted from. */
export function localDate(now: Date): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}
