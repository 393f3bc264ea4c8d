import { defaultRuleset, loadRuleset, type Ruleset, type RulesetDefinition } from "../../src/index.js";
import type { ConditionDefinition } from "../../src/ruleset/schema.js";
import { rulesetDocument } from "../helpers/ruleset-document.js";

/** The default ruleset with `mutate` applied to a copy of its document, validated as any ruleset file is. */
export function variantOfDefault(mutate: (document: RulesetDefinition) => void): Ruleset {
  return loadRuleset(rulesetDocument(mutate));
}

/**
 * The last question that has an askWhen in the default ruleset (`improving`), and its index: the
 * last, so that an askWhen written for it may read any other question but the one after it.
 */
export function conditionalQuestion(ruleset: Ruleset = defaultRuleset): { id: string; index: number } {
  const index = ruleset.questions.map((question) => question.askWhen !== undefined).lastIndexOf(true);
  const question = ruleset.questions[index];
  if (!question) throw new Error("the ruleset has no question with askWhen");
  return { id: question.id, index };
}

/** The default ruleset with the conditional question's askWhen replaced. */
export function withAskWhen(askWhen: ConditionDefinition): Ruleset {
  const { index } = conditionalQuestion();
  return variantOfDefault((document) => {
    const question = document.questions[index];
    if (question) question.askWhen = askWhen;
  });
}
