import { validateAnswers } from "../answers/validate.js";
import { assertRuleset, type Ruleset } from "../ruleset/compile.js";
import { evaluateEncodedAnswers, evaluateValidAnswers } from "./evaluate-valid.js";
import { checkEvaluateOptions } from "./options.js";
import type { EvaluateOptions, TriageResult } from "./result.js";

/**
 * Evaluates answers with a ruleset from `loadRuleset` or a built-in one (a TypeError says so for
 * anything else, such as a ruleset document). Pure and synchronous.
 * Throws `AnswersError` (every problem, each with its field) when the answers are not valid, and
 * `TypeError` or `RangeError` naming the option when an option is not valid.
 */
export function evaluate(ruleset: Ruleset, answers: unknown, options?: EvaluateOptions): TriageResult {
  assertRuleset(ruleset, "evaluate");
  const checked = checkEvaluateOptions(options);
  const quick = ruleset.quickCheck(answers);
  if (quick) return evaluateEncodedAnswers(ruleset, quick.answers, quick.codes, checked);
  return evaluateValidAnswers(ruleset, validateAnswers(ruleset, answers), checked);
}
