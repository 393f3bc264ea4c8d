import type { QuestionDefinition } from "../ruleset/schema.js";

/** The optional record id echoed in the result, for matching records in batch. */
export const ID_MAX_LENGTH = 200;
export type RecordId = string | number;

/** What a question accepts, in the words error messages use: `"yes" | "no" | "unsure"`. */
export function allowedValues(question: QuestionDefinition): string {
  return question.type === "choice"
    ? question.choices.map((choice) => JSON.stringify(choice.value)).join(" | ")
    : `an integer ${question.min}–${question.max}`;
}
