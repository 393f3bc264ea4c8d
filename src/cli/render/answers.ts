import type { Ruleset } from "../../ruleset/load.js";
import { printable } from "./printable.js";

/** An answer as the person saw it: the choice's label ("Not sure"), or the number with its unit. */
export function describeAnswer(ruleset: Ruleset, field: string, value: string | number): string {
  const question = ruleset.questionsById.get(field);
  if (!question) return printable(String(value));
  if (question.type === "integer") return printable(`${value} ${question.unit}`);
  return printable(question.choices.find((choice) => choice.value === value)?.label ?? String(value));
}

export function questionLabel(ruleset: Ruleset, field: string): string {
  return printable(ruleset.questionsById.get(field)?.label ?? field);
}
