import { dateInWords } from "../../engine/calendar.js";

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

