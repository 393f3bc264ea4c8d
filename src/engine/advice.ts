import type { Ruleset } from "../ruleset/load.js";
import type { Urgency } from "../ruleset/schema.js";
import type { PlannedRule } from "./plan.js";
import type { EvaluateOptions, Reason } from "./result.js";

/** Replaces `{name}` placeholders; the loader has checked that every name used is one we fill. */
function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

/** The wording that depends only on the ruleset and the emergency number: filled once, then reused. */
interface FilledTexts {
  readonly emergencyNumber: string;
  readonly emergency: string;
  readonly urgent: string;
  readonly soon: string;
  readonly watchFor: readonly string[];
  /** Self-care advice by days left to the check-back day (0: on or past it). */
  readonly selfCare: Map<number, string>;
}

const MAX_CACHED_NUMBERS = 16;
const filledTexts = new WeakMap<Ruleset, Map<string | undefined, FilledTexts>>();

function textsFor(ruleset: Ruleset, options: EvaluateOptions | undefined): FilledTexts {
  let byNumber = filledTexts.get(ruleset);
  if (!byNumber) filledTexts.set(ruleset, (byNumber = new Map()));
  const key = options?.emergencyNumber;
  let texts = byNumber.get(key);
  if (!texts) {
    const advice = ruleset.definition.advice;
    const emergencyNumber = key ?? advice.emergencyNumber;
    texts = {
      emergencyNumber,
      emergency: fill(advice.urgency.emergency.advice, { emergencyNumber }),
      urgent: fill(advice.urgency.urgent.advice, { emergencyNumber }),
      soon: fill(advice.urgency.soon.advice, { emergencyNumber }),
      watchFor: advice.selfCare.watchFor.map((line) => fill(line, { emergencyNumber })),
      selfCare: new Map(),
    };
    if (byNumber.size >= MAX_CACHED_NUMBERS) byNumber.clear();
    byNumber.set(key, texts);
  }
  return texts;
}

/** A rule that fired, with the reason it gives. */
export interface FiredRule {
  readonly rule: PlannedRule;
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
): string {
  const texts = textsFor(ruleset, options);
  const base = urgencyAdvice(ruleset, texts, urgency, fired, answers);
  let own: Set<string> | undefined;
  for (const { rule, reason } of fired) {
    const advice = rule.definition.advice;
    if (advice !== undefined && reason.urgency === urgency) (own ??= new Set()).add(fill(advice, { emergencyNumber: texts.emergencyNumber }));
  }
  return own === undefined ? base : [base, ...own].join("\n");
}

function urgencyAdvice(
  ruleset: Ruleset,
  texts: FilledTexts,
  urgency: Urgency,
  fired: readonly FiredRule[],
  answers: Readonly<Record<string, string | number | undefined>>,
): string {
  const advice = ruleset.definition.advice;
  if (urgency === "none") {
    const days = answers[advice.selfCare.checkBackQuestion];
    const daysLeft = typeof days === "number" && days < advice.selfCare.checkBackDay ? advice.selfCare.checkBackDay - days : 0;
    let text = texts.selfCare.get(daysLeft);
    if (text === undefined) {
      text = fill(advice.selfCare.advice, { emergencyNumber: texts.emergencyNumber, checkBack: checkBack(ruleset, daysLeft, texts.emergencyNumber) });
      texts.selfCare.set(daysLeft, text);
    }
    return text;
  }
  if (urgency === "emergency") {
    const notes = new Set<string>();
    for (const { rule } of fired) if (rule.definition.emergencyNote !== undefined) notes.add(rule.definition.emergencyNote);
    return notes.size === 0 ? texts.emergency : [texts.emergency, ...notes].join(" ");
  }
  if (urgency === "urgent") {
    // An emergency rule that "not sure" dropped to urgent: say what to call the emergency number for.
    const callFor: string[] = [];
    for (const { rule, reason } of fired) {
      if (rule.urgency === "emergency" && reason.urgency === "urgent" && rule.definition.callIf !== undefined) {
        callFor.push(`- ${rule.definition.callIf}`);
      }
    }
    if (callFor.length > 0) return fill(advice.droppedEmergency, { emergencyNumber: texts.emergencyNumber, list: callFor.join("\n") });
    return texts.urgent;
  }
  return texts.soon;
}

function checkBack(ruleset: Ruleset, daysLeft: number, emergencyNumber: string): string {
  const selfCare = ruleset.definition.advice.selfCare;
  if (daysLeft <= 0) return fill(selfCare.checkBackAfter, { emergencyNumber });
  return fill(daysLeft === 1 ? selfCare.checkBackBefore.one : selfCare.checkBackBefore.other, { day: selfCare.checkBackDay, daysLeft });
}

/** The signs to watch for, with the emergency number filled in: a fresh array each call. */
export function composeWatchFor(ruleset: Ruleset, options: EvaluateOptions | undefined): string[] {
  const lines = textsFor(ruleset, options).watchFor;
  const copy: string[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) copy[i] = lines[i]!;
  return copy;
}
