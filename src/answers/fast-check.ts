import type { Ruleset } from "../ruleset/load.js";
import { ID_MAX_LENGTH } from "./describe.js";
import type { Answers } from "./schema.js";

/**
 * A quick check of well-formed answers, built once per ruleset from its questions as plain closures
 * (no generated code). It only ever accepts what the zod schema accepts, with the same values; when
 * it says no (or meets anything unusual), the zod schema decides and reports every problem.
 */
export function compileAnswersFastCheck(ruleset: Ruleset): (input: unknown) => Answers | undefined {
  const fields = ruleset.questions.map((question) => question.id);
  // Per question: the allowed answers (choice), or null and a range (integer). Plain arrays, one loop.
  const allowed = ruleset.questions.map((question) =>
    question.type === "choice" ? new Set(question.choices.map((choice) => choice.value)) : null,
  );
  const mins = ruleset.questions.map((question) => (question.type === "integer" ? question.min : 0));
  const maxes = ruleset.questions.map((question) => (question.type === "integer" ? question.max : 0));
  const count = fields.length;

  return (input) => {
    if (typeof input !== "object" || input === null || Object.getPrototypeOf(input) !== Object.prototype) return undefined;
    const record = input as Record<string, unknown>;
    const output: Record<string, unknown> = {};
    for (let i = 0; i < count; i++) {
      const field = fields[i]!;
      if (!Object.hasOwn(record, field)) return undefined;
      const value = record[field];
      const choices = allowed[i];
      if (choices) {
        if (typeof value !== "string" || !choices.has(value)) return undefined;
      } else if (typeof value !== "number" || !Number.isInteger(value) || value < mins[i]! || value > maxes[i]!) {
        return undefined;
      }
      output[field] = value;
    }
    let keys = Object.keys(record).length;
    if (Object.hasOwn(record, "id")) {
      const id = record.id;
      const ok =
        (typeof id === "string" && id.length <= ID_MAX_LENGTH) ||
        (typeof id === "number" && Number.isFinite(id) && String(id).length <= ID_MAX_LENGTH);
      if (!ok) return undefined;
      output.id = id;
      keys--;
    }
    // Every question present, and no other key: an unknown or misspelt one is left to zod to report.
    return keys === count ? (output as Answers) : undefined;
  };
}

const fastChecks = new WeakMap<Ruleset, (input: unknown) => Answers | undefined>();

/** The quick check for a ruleset (compiled once): the answers when they are plainly valid, else undefined. */
export function quickCheckAnswers(ruleset: Ruleset, input: unknown): Answers | undefined {
  let check = fastChecks.get(ruleset);
  if (!check) fastChecks.set(ruleset, (check = compileAnswersFastCheck(ruleset)));
  return check(input);
}
