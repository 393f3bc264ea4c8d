import { describeValue } from "../issues.js";
import type { QuestionDefinition } from "../ruleset/schema.js";

/** The optional record id echoed in the result, for matching records in batch. */
export const ID_MAX_LENGTH = 200;
export type RecordId = string | number;

/**
 * An id the result can echo unchanged: a string of at most ID_MAX_LENGTH characters, or an integer
 * within ±(2^53 − 1). Past that range (or with a fraction) a JSON number has already lost digits
 * when it is parsed, so it could come back as another number: 12345678901234567890 as
 * 12345678901234567000. `-0` is the number 0 (in JSON Schema and RFC 8785 too) and is echoed as 0.
 */
export function isRecordId(value: unknown): value is RecordId {
  return typeof value === "string" ? value.length <= ID_MAX_LENGTH : Number.isSafeInteger(value);
}

/** What is wrong with an id that `isRecordId` refuses, recommending a string for a number. */
export function recordIdProblem(value: unknown): string {
  const expected = `expected a string of at most ${ID_MAX_LENGTH} characters or an integer within ±${Number.MAX_SAFE_INTEGER}`;
  if (typeof value !== "number") return `${expected}, got ${describeValue(value)}`;
  return `${expected}, got ${describeValue(value)}: a number id outside that range, or with a fraction, cannot be echoed unchanged; give it as a string`;
}

/** What a question accepts, in the words error messages use: `"yes" | "no" | "unsure"`. */
export function allowedValues(question: QuestionDefinition): string {
  return question.type === "choice"
    ? question.choices.map((choice) => JSON.stringify(choice.value)).join(" | ")
    : `an integer ${question.min}–${question.max}`;
}
