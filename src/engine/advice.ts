import type { Ruleset } from "../ruleset/load.js";
import type { Urgency } from "../ruleset/schema.js";
import type { EvaluateOptions, Reason } from "./result.js";

/** Replaces `{name}` placeholders; the loader has checked that every name used is one we fill. */
function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

function emergencyNumberText(ruleset: Ruleset, options: EvaluateOptions | undefined): string {
  return options?.emergencyNumber ?? ruleset.definition.advice.emergencyNumber;
}

/** What to do now, for the urgency of a result, in the ruleset's words. */
export function composeAdvice(
  ruleset: Ruleset,
  urgency: Urgency,
  reasons: readonly Reason[],
  answers: Readonly<Record<string, string | number | undefined>>,
  options: EvaluateOptions | undefined,
): string {
  const advice = ruleset.definition.advice;
  const emergencyNumber = emergencyNumberText(ruleset, options);
  const rulesById = new Map(ruleset.rules.map((rule) => [rule.id, rule.definition]));

  if (urgency === "none") {
    return fill(advice.selfCare.advice, { emergencyNumber, checkBack: checkBack(ruleset, answers) });
  }
  if (urgency === "emergency") {
    const notes = new Set<string>();
    for (const reason of reasons) {
      const note = rulesById.get(reason.ruleId)?.emergencyNote;
      if (note !== undefined) notes.add(note);
    }
    return [fill(advice.urgency.emergency.advice, { emergencyNumber }), ...notes].join(" ");
  }
  if (urgency === "urgent") {
    const dropped = reasons
      .filter((reason) => reason.certainty === "possible" && reason.urgency === "urgent" && rulesById.get(reason.ruleId)?.urgency === "emergency")
      .map((reason) => rulesById.get(reason.ruleId)?.callIf)
      .filter((callIf): callIf is string => callIf !== undefined);
    // One line per sign, as a list ("- …"), so that a person can scan it.
    if (dropped.length > 0) return fill(advice.droppedEmergency, { emergencyNumber, list: dropped.map((callIf) => `- ${callIf}`).join("\n") });
  }
  return fill(advice.urgency[urgency].advice, { emergencyNumber });
}

function checkBack(ruleset: Ruleset, answers: Readonly<Record<string, string | number | undefined>>): string {
  const selfCare = ruleset.definition.advice.selfCare;
  const days = answers[selfCare.checkBackQuestion];
  const painDays = typeof days === "number" ? days : undefined;
  const day = selfCare.checkBackDay;
  if (painDays === undefined || painDays >= day) return fill(selfCare.checkBackAfter, {});
  const daysLeft = day - painDays;
  return fill(daysLeft === 1 ? selfCare.checkBackBefore.one : selfCare.checkBackBefore.other, { day, daysLeft });
}

export function composeWatchFor(ruleset: Ruleset, options: EvaluateOptions | undefined): string[] {
  const emergencyNumber = emergencyNumberText(ruleset, options);
  return ruleset.definition.advice.selfCare.watchFor.map((line) => fill(line, { emergencyNumber }));
}
