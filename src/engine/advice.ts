import { wordingFor, type CompiledRule, type Ruleset } from "../ruleset/compile.js";
import type { Urgency } from "../ruleset/schema.js";
import type { AnswerCodes } from "../ruleset/conditions.js";
import { dateInWords } from "./calendar.js";
import { fill } from "../ruleset/placeholders.js";
import type { FilledTexts } from "../ruleset/texts.js";
import { filledTexts } from "../ruleset/internals.js";
import type { EvaluateOptions, Reason } from "./result.js";

/** The filled wording for this ruleset and emergency number (shared with the signs to watch for). */
export function textsFor(ruleset: Ruleset, options: EvaluateOptions | undefined): FilledTexts {
  return filledTexts(ruleset, options?.emergencyNumber);
}

/**
 * How many self-care texts (by days left and date) a ruleset's filled wording keeps: a memo the bench
 * justifies (without it, triage() ran 1.56 times slower on the pool's self-care cases, same run).
 */
const MAX_CACHED_SELF_CARE = 64;

/** A rule that fired, with the reason it gives. */
export interface FiredRule {
  readonly rule: CompiledRule;
  readonly reason: Reason;
}

/**
 * What to do now, for the urgency of a result, in the ruleset's words: the urgency's advice, then the
 * own advice of each rule that fired at that urgency (section 4 of the clinical basis), once each.
 */
export function composeAdvice(
  ruleset: Ruleset,
  urgency: Urgency,
  fired: readonly FiredRule[],
  answers: Readonly<Record<string, string | number | undefined>>,
  options: EvaluateOptions | undefined,
  codes: AnswerCodes,
): string {
  const texts = textsFor(ruleset, options);
  const base = urgencyAdvice(ruleset, texts, urgency, fired, answers, codes, options?.today);
  let own: Set<string> | undefined;
  for (const { rule, reason } of fired) {
    const advice = rule.definition.advice;
    if (advice !== undefined && reason.urgency === urgency)
      (own ??= new Set()).add(fill(advice, { emergencyNumber: texts.emergencyNumber }));
  }
  return own === undefined ? base : [base, ...own].join("\n");
}

function urgencyAdvice(
  ruleset: Ruleset,
  texts: FilledTexts,
  urgency: Urgency,
  fired: readonly FiredRule[],
  answers: Readonly<Record<string, string | number | undefined>>,
  codes: AnswerCodes,
  todayGiven: string | undefined,
): string {
  const advice = ruleset.definition.advice;
  if (urgency === "none") {
    const days = answers[advice.selfCare.checkBackQuestion];
    const daysLeft =
      typeof days === "number" && days < advice.selfCare.checkBackDay ? advice.selfCare.checkBackDay - days : 0;
    const today = daysLeft > 0 && advice.selfCare.checkBackBy !== undefined ? todayGiven : undefined;
    const key = today === undefined ? String(daysLeft) : `${daysLeft} ${today}`;
    let text = texts.selfCare.get(key);
    if (text === undefined) {
      const checkBackText =
        today === undefined
          ? checkBack(ruleset, daysLeft, texts.emergencyNumber)
          : fill(advice.selfCare.checkBackBy!, {
              date: dateInWords(today, daysLeft),
              day: advice.selfCare.checkBackDay,
            });
      text = fill(advice.selfCare.advice, { emergencyNumber: texts.emergencyNumber, checkBack: checkBackText });
      if (texts.selfCare.size >= MAX_CACHED_SELF_CARE) texts.selfCare.clear();
      texts.selfCare.set(key, text);
    }
    return text;
  }
  if (urgency === "emergency") {
    const notes = new Set<string>();
    for (const { rule } of fired)
      if (rule.definition.emergencyNote !== undefined) notes.add(rule.definition.emergencyNote);
    return notes.size === 0 ? texts.emergency : [texts.emergency, ...notes].join(" ");
  }
  if (urgency === "urgent") {
    // An emergency rule that "not sure" dropped to urgent: say what to call the emergency number for.
    const callFor: string[] = [];
    for (const { rule, reason } of fired) {
      const { callIf } = wordingFor(rule, codes);
      if (rule.urgency === "emergency" && reason.urgency === "urgent" && callIf !== undefined)
        callFor.push(`- ${callIf}`);
    }
    if (callFor.length > 0)
      return fill(advice.droppedEmergency, { emergencyNumber: texts.emergencyNumber, list: callFor.join("\n") });
    return texts.urgent;
  }
  return texts.soon;
}

function checkBack(ruleset: Ruleset, daysLeft: number, emergencyNumber: string): string {
  const selfCare = ruleset.definition.advice.selfCare;
  if (daysLeft <= 0) return fill(selfCare.checkBackAfter, { emergencyNumber });
  return fill(daysLeft === 1 ? selfCare.checkBackBefore.one : selfCare.checkBackBefore.other, {
    day: selfCare.checkBackDay,
    daysLeft,
  });
}
