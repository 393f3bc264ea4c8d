import type { IssueCode, IssueParams } from "../codes.js";
import { expectedText, receivedText } from "./values.js";

/** The English of each code of one group: one function per code, from its params. */
export type Wording<Prefix extends string> = {
  [C in Extract<IssueCode, `${Prefix}.${string}`>]: (params: IssueParams[C]) => string;
};

export const answers: Wording<"answers"> = {
  "answers.not-an-object": ({ received }) =>
    `expected a JSON object with one field per question, got ${receivedText(received)}`,
  "answers.unknown-field": ({ suggestion, fields }) =>
    suggestion !== undefined
      ? `unknown field; did you mean "${suggestion}"?`
      : `unknown field; the fields are ${fields.join(", ")} and an optional id`,
  "answers.missing": ({ expected }) => `missing; expected ${expectedText(expected)}`,
  "answers.invalid-value": ({ expected, received }) =>
    `expected ${expectedText(expected)}, got ${receivedText(received)}`,
  "answers.missing-follow-up": ({ because, expected }) =>
    `missing; needed because ${because.map(({ field, value }) => `${field} is ${JSON.stringify(value)}`).join(" and ")}; expected ${expectedText(expected)}`,
  "answers.invalid-id": ({ received, maxLength, maxInteger }) => {
    const expected = `expected a string of at most ${maxLength} characters or an integer within ±${maxInteger}`;
    if (received.type !== "number") return `${expected}, got ${receivedText(received)}`;
    return `${expected}, got ${receivedText(received)}: a number id outside that range, or with a fraction, cannot be echoed unchanged; give it as a string`;
  },
};

export const input: Wording<"input" | "line"> = {
  "input.duplicate-key": () => "given more than once; give each field once",
  "line.too-long": () => "longer than 1 MiB",
  "line.blank": () =>
    "blank line; each line must hold one JSON object of answers (remove empty lines; one newline at the end is fine)",
  "line.utf16": () => "not valid JSON: looks like UTF-16; save the file as UTF-8",
  "line.not-json": ({ reason }) => `not valid JSON: ${reason}`,
};
