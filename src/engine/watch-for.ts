import type { Ruleset } from "../ruleset/load.js";
import type { Urgency } from "../ruleset/schema.js";
import { fill, textsFor, type FiredRule } from "./advice.js";
import type { AnswerCodes, AnswerValues } from "./conditions.js";
import { planFor, wordingFor } from "./plan.js";
import type { EvaluateOptions } from "./result.js";
import { FALSE } from "./truth.js";

/**
 * The signs to watch for, fitted to the answers: never one the person has just reported. Under
 * `urgent`, when the ruleset words a heading for it, they are the emergency rules' call-if signs that
 * did not fire and could still apply to this person (who they are and what has already happened, such
 * as an injury, kept as answered):
 * what should make them call the emergency number instead.
 */
export function composeWatchFor(
  ruleset: Ruleset,
  urgency: Urgency,
  fired: readonly FiredRule[],
  answers: Readonly<AnswerValues>,
  codes: AnswerCodes,
  options: EvaluateOptions | undefined,
): string[] {
  const texts = textsFor(ruleset, options);
  if (urgency === "urgent" && ruleset.definition.advice.watchForHeading !== undefined) {
    return emergencySignsStillPossible(ruleset, fired, answers, codes).map((callIf) => fill(callIf, { emergencyNumber: texts.emergencyNumber }));
  }
  const lines: string[] = [];
  for (const line of texts.watchFor) {
    if (!line.reported.some(([question, warning]) => warning !== undefined && answers[question] === warning)) lines.push(line.text);
  }
  return lines;
}

function emergencySignsStillPossible(ruleset: Ruleset, fired: readonly FiredRule[], answers: Readonly<AnswerValues>, codes: AnswerCodes): string[] {
  // Every sign given its warning answer; who the person is and what has already happened stay as answered.
  const worst: Record<string, string | number | undefined> = { ...answers };
  for (const question of ruleset.questions) {
    if (question.type === "choice" && question.background !== true && question.past !== true) worst[question.id] = question.warningAnswer;
  }
  const worstCodes = ruleset.encode(worst);
  const firedIds = new Set(fired.map(({ rule }) => rule.id));
  const lines: string[] = [];
  for (const rule of planFor(ruleset).rules) {
    // Worded for the answers as given (an injury at 65 is not named to someone of 34).
    const { callIf } = wordingFor(rule, codes);
    if (rule.urgency === "emergency" && callIf !== undefined && !firedIds.has(rule.id) && rule.value(worstCodes) !== FALSE) lines.push(callIf);
  }
  return lines;
}
