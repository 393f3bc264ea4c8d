import { wordingFor, type Ruleset } from "../ruleset/compile.js";
import type { Urgency } from "../ruleset/schema.js";
import { textsFor, type FiredRule } from "./advice.js";
import { fill } from "../ruleset/placeholders.js";
import { emergenciesStillPossible } from "../ruleset/internals.js";
import type { AnswerCodes, AnswerValues } from "../ruleset/conditions.js";
import type { EvaluateOptions } from "./result.js";

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
    return emergencySignsStillPossible(ruleset, fired, answers, codes).map((callIf) =>
      fill(callIf, { emergencyNumber: texts.emergencyNumber }),
    );
  }
  const lines: string[] = [];
  for (const line of texts.watchFor) {
    if (!line.reported.some(([question, warning]) => warning !== undefined && answers[question] === warning))
      lines.push(line.text);
  }
  return lines;
}

function emergencySignsStillPossible(
  ruleset: Ruleset,
  fired: readonly FiredRule[],
  answers: Readonly<AnswerValues>,
  codes: AnswerCodes,
): string[] {
  const possible = emergenciesStillPossible(ruleset, answers);
  const lines: string[] = [];
  for (const rule of possible) {
    if (fired.some((f) => f.rule.id === rule.id)) continue;
    // Worded for the answers as given (an injury at 65 is not named to someone of 34).
    const { callIf } = wordingFor(rule, codes);
    if (callIf !== undefined) lines.push(callIf);
  }
  return lines;
}
