import { fill } from "../../ruleset/placeholders.js";
import type { Reason, TriageResult } from "../../engine/result.js";
import type { Ruleset } from "../../ruleset/load.js";
import { printable } from "./printable.js";

/** From this many reasons possible only through "not sure", they are said in one line. */
export const GROUP_FROM = 3;

/** Reasons said one by one, and the one line (if any) that groups the rest, with its urgency. */
export interface GroupedReasons {
  single: Reason[];
  group?: { urgency: Reason["urgency"]; text: string; reasons: Reason[] };
}

/**
 * Many reasons that are only possible because of "not sure" answers read as one line, in the
 * ruleset's words: "Because you were not sure about …, these could not be ruled out: …". A possible
 * reason still at emergency level (the anchor), or one whose rule has no short name, stays on its own.
 */
export function groupReasons(result: TriageResult, ruleset: Ruleset): GroupedReasons {
  const template = ruleset.definition.advice.possibleGroup;
  const shortName = (reason: Reason) =>
    ruleset.rules.find((rule) => rule.id === reason.ruleId)?.definition.couldNotRuleOut;
  const groupable = (reason: Reason) =>
    reason.certainty === "possible" && reason.urgency !== "emergency" && shortName(reason) !== undefined;
  const grouped = result.reasons.filter(groupable);
  if (template === undefined || grouped.length < GROUP_FROM) return { single: result.reasons };

  const unsure: string[] = [];
  for (const question of ruleset.questions) {
    if (question.type !== "choice") continue;
    const unknown = question.choices.find((choice) => choice.unknown)?.value;
    if (grouped.some((reason) => reason.answers[question.id] !== undefined && reason.answers[question.id] === unknown))
      unsure.push(lowerFirst(question.label));
  }
  // Named: what could not be ruled out at the highest urgency among them; the rest counted.
  const top = grouped[0]!.urgency;
  const names = [...new Set(grouped.filter((reason) => reason.urgency === top).map((reason) => shortName(reason)!))];
  const others = new Set(grouped.filter((reason) => reason.urgency !== top).map((reason) => shortName(reason)!)).size;
  if (others > 0) names.push(fill(template.more, { count: others }));
  return {
    single: result.reasons.filter((reason) => !groupable(reason)),
    group: {
      urgency: top,
      text: printable(fill(template.line, { unsure: listInWords(unsure), list: listInWords(names) })),
      reasons: grouped,
    },
  };
}

/** "a; b; and c": semicolons, as the items may hold commas of their own. */
export function listInWords(items: readonly string[]): string {
  return items.length <= 2 ? items.join(" and ") : `${items.slice(0, -1).join("; ")}; and ${items.at(-1)}`;
}

/** "Emergency signs" → "emergency signs", "A new headache" → "a new headache"; an acronym ("NSAIDs") is left alone. */
function lowerFirst(label: string): string {
  return /^[A-Z](?![A-Z])/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}
