import defaultDocument from "../../rules/default.json" with { type: "json" };
import type {
  ChoiceQuestionDefinition,
  IntegerQuestionDefinition,
  RuleDefinition,
  RulesetDefinition,
} from "../../src/ruleset/schema.js";

/** The id `rulesetDocument` gives its copies: only the built-in ruleset's own content may be called "default". */
export const EDITED_COPY_ID = "default-edited";

/**
 * A fresh, editable copy of rules/default.json under the id EDITED_COPY_ID, changed by `edit`
 * (which may make it invalid).
 */
export function rulesetDocument(edit?: (document: RulesetDefinition) => void): RulesetDefinition {
  const document = structuredClone(defaultDocument) as unknown as RulesetDefinition;
  document.id = EDITED_COPY_ID;
  edit?.(document);
  return document;
}

export function questionIndex(document: RulesetDefinition, id: string): number {
  const index = document.questions.findIndex((question) => question.id === id);
  if (index === -1) throw new Error(`no question ${id}`);
  return index;
}

export function choiceQuestion(document: RulesetDefinition, id: string): ChoiceQuestionDefinition {
  const question = document.questions[questionIndex(document, id)];
  if (question?.type !== "choice") throw new Error(`${id} is not a choice question`);
  return question;
}

export function integerQuestion(document: RulesetDefinition, id: string): IntegerQuestionDefinition {
  const question = document.questions[questionIndex(document, id)];
  if (question?.type !== "integer") throw new Error(`${id} is not an integer question`);
  return question;
}

export function ruleIndex(document: RulesetDefinition, id: string): number {
  const index = document.rules.findIndex((rule) => rule.id === id);
  if (index === -1) throw new Error(`no rule ${id}`);
  return index;
}

export function ruleOf(document: RulesetDefinition, id: string): RuleDefinition {
  return document.rules[ruleIndex(document, id)] as RuleDefinition;
}

/** A new rule, with a source and (for an emergency) the callIf the loader requires. */
export function extraRule(
  id: string,
  urgency: RuleDefinition["urgency"],
  when: RuleDefinition["when"],
): RuleDefinition {
  return {
    id,
    urgency,
    when,
    summary: `Test rule ${id}`,
    ...(urgency === "emergency" ? { callIf: `the signs of ${id}` } : {}),
    sources: ["nice-cks-neck-pain"],
  };
}
