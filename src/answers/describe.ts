import { receivedOf } from "../issues.js";
import { expectedText, type Expected } from "../messages/index.js";
import type { QuestionDefinition } from "../ruleset/schema.js";

export { ID_MAX_LENGTH, isRecordId, type RecordId } from "../record-id.js";
import { ID_MAX_LENGTH } from "../record-id.js";

/** The params of the issue for an id that `isRecordId` refuses (its message recommends a string for a number). */
export function recordIdParams(value: unknown) {
  return { received: receivedOf(value), maxLength: ID_MAX_LENGTH, maxInteger: Number.MAX_SAFE_INTEGER };
}

/** What a question accepts, in the words error messages use: `"yes" | "no" | "unsure"`. */
export function allowedValues(question: QuestionDefinition): string {
  return expectedText(expectedOf(question));
}

/** What a question accepts, as an issue's params hold it: its choices, or its range. */
export function expectedOf(question: QuestionDefinition): Expected {
  return question.type === "choice"
    ? { choices: question.choices.map((choice) => choice.value) }
    : { min: question.min, max: question.max };
}
