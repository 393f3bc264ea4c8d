import fc from "fast-check";
import { afterAll, describe, it } from "vitest";
import { triage } from "../../src/index.js";
import { calmAnswers } from "../helpers/answers.js";
import { assertProperty, printTally } from "./helpers/fuzz-config.js";
import { check } from "./helpers/invariants.js";

// The class of "a date that does not exist is read as another" (tests/engine/calendar.test.ts: month 13
// was taken as next January): `today` is taken exactly when it names a real day of the Gregorian
// calendar, by an oracle written apart from the code (days per month, leap years by the rule).

afterAll(() => printTally("calendar"));

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysIn = (year: number, month: number) =>
  month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
const isRealDate = (year: number, month: number, day: number) =>
  month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);

const pad = (n: number, width: number) => String(n).padStart(width, "0");

describe("calendar: today is taken exactly when it is a real date", () => {
  it("any YYYY-MM-DD with month and day from 00 to 99: accepted iff real", () => {
    assertProperty(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        (year, month, day) => {
          const today = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          let accepted = true;
          try {
            triage(calmAnswers(), { today });
          } catch (error) {
            check(error instanceof RangeError, `${today}: ${String(error)}`);
            accepted = false;
          }
          check(accepted === isRealDate(year, month, day), `${today}: accepted ${accepted}`);
        },
      ),
      2_000,
    );
  });
});
