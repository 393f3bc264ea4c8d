import type { Ruleset } from "../ruleset/load.js";
import type { Urgency } from "../ruleset/urgency.js";
import { safeText } from "../terminal-safe.js";

/** An answer as the person saw it: the choice's label ("Not sure"), or the number with its unit; safe to print. */
export function describeAnswer(ruleset: Ruleset, field: string, value: string | number): string {
  const question = ruleset.questionsById.get(field);
  if (!question) return safeText(String(value));
  if (question.type === "integer") return safeText(`${value} ${question.unit}`);
  return safeText(question.choices.find((choice) => choice.value === value)?.label ?? String(value));
}

/** A question's short name, safe to print. */
export function questionLabel(ruleset: Ruleset, field: string): string {
  return safeText(ruleset.questionsById.get(field)?.label ?? field);
}

/** The ruleset's word for an urgency ("Urgent"), safe to print. */
export function urgencyLabel(ruleset: Ruleset, urgency: Urgency): string {
  return safeText(ruleset.definition.advice.urgency[urgency].label);
}
