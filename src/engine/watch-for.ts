import { rulesToEvaluate, wordingFor, type CompiledRule, type Ruleset } from "../ruleset/compile.js";
import type { Urgency } from "../ruleset/schema.js";
import { textsFor, type FiredRule } from "./advice.js";
import { fill } from "../ruleset/placeholders.js";
import type { AnswerCodes, AnswerValues } from "../ruleset/conditions.js";
import type { EvaluateOptions } from "./result.js";
import { FALSE } from "../ruleset/unsure.js";

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

/** Per ruleset: the emergency rules that could still apply, by the answers that stay as given (a memo of recent answers). */
const stillPossibleCache = new WeakMap<Ruleset, Map<string, CompiledRule[]>>();
const MAX_CACHED = 256;

function emergencySignsStillPossible(
  ruleset: Ruleset,
  fired: readonly FiredRule[],
  answers: Readonly<AnswerValues>,
  codes: AnswerCodes,
): string[] {
  let byKept = stillPossibleCache.get(ruleset);
  if (!byKept) stillPossibleCache.set(ruleset, (byKept = new Map<string, CompiledRule[]>()));
  const kept = ruleset.keptWhenWorstCase;
  const key = kept.map((id) => String(answers[id])).join("\u0000");
  let possible = byKept.get(key);
  if (!possible) {
    const worst: Record<string, string | number | undefined> = { ...answers };
    for (const question of ruleset.questions) {
      if (question.type === "choice" && !kept.includes(question.id)) worst[question.id] = question.warningAnswer;
    }
    const worstCodes = ruleset.encode(worst);
    possible = rulesToEvaluate(ruleset).filter(
      (rule) =>
        rule.urgency === "emergency" && rule.definition.callIf !== undefined && rule.value(worstCodes) !== FALSE,
    );
    if (byKept.size >= MAX_CACHED) byKept.clear();
    byKept.set(key, possible);
  }
  const lines: string[] = [];
  for (const rule of possible) {
    if (fired.some((f) => f.rule.id === rule.id)) continue;
    // Worded for the answers as given (an injury at 65 is not named to someone of 34).
    const { callIf } = wordingFor(rule, codes);
    if (callIf !== undefined) lines.push(callIf);
  }
  return lines;
}
