import type { Wording } from "./answers.js";
import { count, quotedChoices } from "./values.js";

export const ruleset: Wording<"ruleset"> = {
  "ruleset.duplicate-question-id": ({ id }) => `duplicate question id "${id}"`,
  "ruleset.duplicate-choice": ({ value }) => `duplicate choice "${value}"`,
  "ruleset.several-unknown-choices": () => "at most one choice may be marked unknown",
  "ruleset.not-a-choice": ({ allowed, value }) => `expected ${quotedChoices(allowed)}, got ${JSON.stringify(value)}`,
  "ruleset.warning-is-unknown": () => "must not be the unknown choice",
  "ruleset.item-parts-together": () => "items, askItemsWhen, itemPrompt and itemChoices go together",
  "ruleset.min-above-max": ({ min, max }) => `min ${min} is above max ${max}`,
  "ruleset.duplicate-rule-id": ({ id }) => `duplicate rule id "${id}"`,
  "ruleset.unknown-source": ({ source, sources }) =>
    `unknown source "${source}"; defined sources: ${sources.join(", ")}`,
  "ruleset.emergency-needs-call-if": () => "an emergency rule needs callIf, for the advice when it is only possible",
  "ruleset.check-back-not-integer": ({ question }) => `expected the id of an integer question, got "${question}"`,
  "ruleset.unknown-question": ({ question, questions }) =>
    `unknown question "${question}"; questions: ${questions.join(", ")}`,
  "ruleset.unknown-placeholder": ({ name, allowed }) =>
    `unknown placeholder {${name}}; allowed here: ${allowed.map((a) => `{${a}}`).join(", ") || "none"}`,
  "ruleset.asked-later": ({ question }) => `"${question}" is asked later; askWhen may only read earlier questions`,
  "ruleset.choice-operator-on-integer": ({ question }) => `"${question}" is an integer question; use atLeast or below`,
  "ruleset.integer-operator-on-choice": ({ question }) => `"${question}" is a choice question; use equals or in`,
  "ruleset.only-unknown-choices": () => "must name at least one choice that is not the unknown one",
  "ruleset.bound-always-or-never": ({ operator, bound, question, min, max }) =>
    `${operator} ${bound} is always or never true for ${question} (${min}–${max})`,
  "ruleset.too-deep": ({ maxDepth }) =>
    `nested more than ${maxDepth} levels deep (or in a loop); a ruleset needs far fewer`,
  "ruleset.too-many-values": ({ maxValues }) => `holds more than ${count(maxValues)} values; a ruleset needs far fewer`,
  "ruleset.lone-surrogate": () => "holds a lone UTF-16 surrogate, which is not text; remove it",
  "ruleset.builtin-id": ({ id }) => `the id "${id}" belongs to the built-in ruleset; give yours its own id`,
  "ruleset.source-exists": ({ source, base }) => `"${source}" is already a source of ${base}`,
  "ruleset.after-unknown": ({ after, known }) =>
    `nothing called "${after}" to add this after; known: ${known.join(", ")}`,
};
