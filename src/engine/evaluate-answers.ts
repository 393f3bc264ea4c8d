import { validateAnswers } from "../answers/validate.js";
import type { Ruleset } from "../ruleset/load.js";
import { quickCheckAnswers } from "../answers/fast-check.js";
import { evaluateEncodedAnswers, evaluateValidAnswers } from "./evaluate.js";
import { checkEvaluateOptions } from "./options.js";
import type { EvaluateOptions, TriageResult } from "./result.js";

/**
 * Evaluates answers with a validated ruleset. Pure and synchronous.
 * Throws `AnswersError` (every problem, each with its field) when the answers are not valid, and
 * `TypeError` or `RangeError` naming the option when an option is not valid.
 */
export function evaluate(ruleset: Ruleset, answers: unknown, options?: EvaluateOptions): TriageResult {
  const checked = checkEvaluateOptions(options);
  const quick = quickCheckAnswers(ruleset, answers);
  if (quick) return evaluateEncodedAnswers(ruleset, quick.answers, quick.codes, checked);
  return evaluateValidAnswers(ruleset, validateAnswers(ruleset, answers), checked);
}
