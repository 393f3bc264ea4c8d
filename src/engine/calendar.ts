import { message } from "../messages/index.js";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds since 1970 of a calendar date "2026-11-26" (at 00:00 UTC); throws on anything else. */
export function checkCalendarDate(date: unknown): number {
  if (typeof date !== "string") throw new TypeError(message("api.today-not-text", { type: typeof date }));
  return parseIsoDate(date);
}

function parseIsoDate(date: string): number {
  const match = ISO_DATE.exec(date);
  const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || new Date(time).getUTCDate() !== Number(match[3])) throw new RangeError(message("api.today-not-date", { value: date }));
  return time;
}

const DATE_WORDS = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "2026-11-26" plus 7 days, in words: "3 December 2026". Pure: the caller says which day it is. */
export function dateInWords(today: string, daysLater = 0): string {
  return DATE_WORDS.format(new Date(parseIsoDate(today) + daysLater * 86_400_000));
}
