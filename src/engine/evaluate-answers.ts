import { validateAnswers } from "../answers/validate.js";
import type { Ruleset } from "../ruleset/load.js";
import { evaluateValidAnswers } from "./evaluate.js";
import type { EvaluateOptions, TriageResult } from "./result.js";

/**
 * Evaluates answers with a validated ruleset. Pure and synchronous.
 * Throws `AnswersError` (every problem, each with its field) when the answers are not valid.
 */
export function evaluate(ruleset: Ruleset, answers: unknown, options?: EvaluateOptions): TriageResult {
  return evaluateValidAnswers(ruleset, validateAnswers(ruleset, answers), options);
}
