import { receivedOf } from "../issues.js";
import { message } from "../messages/index.js";
import { checkCalendarDate } from "./calendar.js";
import type { EvaluateOptions } from "./result.js";

/** Digits, spaces, + - ( ) # *, starting with a digit or +: 112, 911, 999, +44 20 7946 0000, *112#. */
const PHONE_NUMBER = /^[0-9+][0-9 +\-()#*]{0,19}$/;
const OPTION_NAMES: readonly string[] = ["emergencyNumber", "today"];

/**
 * What is wrong with an emergency number, or undefined when it is one. The one check for the
 * library's `emergencyNumber` option, `--emergency-number` and NECK_TRIAGE_EMERGENCY_NUMBER: a
 * number the advice names must be one a person can dial ("Call  now." helps nobody).
 */
export function emergencyNumberProblem(value: unknown): string | undefined {
  if (typeof value === "string" && PHONE_NUMBER.test(value.trim())) return undefined;
  return message(
    "api.emergency-number",
    typeof value === "string"
      ? { value }
      : { received: receivedOf(value), type: value === null ? "null" : typeof value },
  );
}

/**
 * An emergency number as the advice will name it (trimmed). Throws `TypeError` when it is not a
 * string and `RangeError` when it is not a phone number, each naming the option.
 */
export function checkEmergencyNumber(value: unknown): string {
  const problem = emergencyNumberProblem(value);
  if (problem === undefined) return (value as string).trim();
  const said = message("api.emergency-number-option", { problem });
  throw typeof value === "string" ? new RangeError(said) : new TypeError(said);
}

/**
 * The options of `triage` and `evaluate`, checked: an object with known keys only (a misspelt
 * option must not be ignored) and a valid emergency number. Throws TypeError or RangeError.
 */
export function checkEvaluateOptions(options: unknown): EvaluateOptions | undefined {
  if (options === undefined) return undefined;
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(message("api.options-not-object", { received: receivedOf(options) }));
  }
  for (const key of Object.keys(options)) {
    if (!OPTION_NAMES.includes(key))
      throw new TypeError(message("api.unknown-option", { option: key, options: OPTION_NAMES }));
  }
  const { today } = options as EvaluateOptions;
  if (today !== undefined) checkCalendarDate(today);
  const given = (options as EvaluateOptions).emergencyNumber;
  if (given === undefined) return options;
  const emergencyNumber = checkEmergencyNumber(given);
  return emergencyNumber === given ? options : { ...(options as EvaluateOptions), emergencyNumber };
}
