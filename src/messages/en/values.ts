import type { Expected, Received } from "../codes.js";

/** A value a person sent us, for "got …": `"maybe"`, `5`, `an object`, `nothing`. */
export function receivedText(received: Received): string {
  switch (received.type) {
    case "undefined":
      return "nothing";
    case "null":
      return "null";
    case "array":
      return "an array";
    case "object":
      return "an object";
    case "string":
      // JSON.stringify escapes C0 controls but leaves DEL and C1 (the one-byte CSI) raw: escape them too.
      return JSON.stringify(received.value).replace(/[\u007f-\u009f]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
    case "number":
    case "boolean":
      return String(received.value);
    default:
      return received.type;
  }
}

/** What a question accepts: `"yes" | "no" | "unsure"`, or `an integer 0–120`. */
export function expectedText(expected: Expected): string {
  return "choices" in expected ? quotedChoices(expected.choices) : `an integer ${expected.min}–${expected.max}`;
}

/** `"yes" | "no" | "unsure"`. */
export function quotedChoices(values: readonly unknown[]): string {
  return values.map((value) => JSON.stringify(value)).join(" | ");
}

/** `1,000`: a count as English writes it. */
export function count(n: number): string {
  return n.toLocaleString("en");
}

/** `1 problem`, `2 problems`. */
export function counted(n: number, word: string, plural = `${word}s`): string {
  return `${count(n)} ${n === 1 ? word : plural}`;
}
