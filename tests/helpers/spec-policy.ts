import type { Certainty, DefaultAnswers, RuleUrgency, Ruleset } from "../../src/index.js";
import { defaultRuleset } from "../../src/index.js";
import type { ConditionDefinition, RuleDefinition } from "../../src/ruleset/schema.js";

/**
 * The "not sure" policy of docs/clinical-basis.md section 3, written from the text of the spec and
 * not from the engine, so that tests can compare the two. Each function reads the questions of the
 * ruleset it is given (the default one unless told): which choice is "not sure", which is reassuring,
 * which questions are follow-ups. The policy itself is the spec's, the same for every ruleset.
 */

export type Leaf = Extract<ConditionDefinition, { answer: string }>;
export type Truth = 0 | 0.5 | 1;
export type AnswerRecord = Readonly<Record<string, string | number | undefined>>;

/** Answers as a record by field name, to read a field named by a condition. */
export function asRecord(answers: DefaultAnswers | AnswerRecord): AnswerRecord {
  return answers as unknown as AnswerRecord;
}

/** Section 3.4: parts about who the person is. */
export const BACKGROUND_FIELDS: ReadonlySet<string> = new Set(["age", "riskHistory"]);

export const URGENCY_ORDER: readonly RuleUrgency[] = ["emergency", "urgent", "soon"];

export function leavesOf(condition: ConditionDefinition): Leaf[] {
  if ("all" in condition) return condition.all.flatMap(leavesOf);
  if ("any" in condition) return condition.any.flatMap(leavesOf);
  return [condition];
}

export function fieldsReadBy(condition: ConditionDefinition): Set<string> {
  return new Set(leavesOf(condition).map((leaf) => leaf.answer));
}

/** The parts the anchor counts: the children of a top-level `all`, else the whole condition. */
export function topLevelParts(condition: ConditionDefinition): ConditionDefinition[] {
  return "all" in condition ? condition.all : [condition];
}

const unknownChoicesByRuleset = new WeakMap<Ruleset, ReadonlyMap<string, string>>();

function unknownChoicesOf(ruleset: Ruleset): ReadonlyMap<string, string> {
  let choices = unknownChoicesByRuleset.get(ruleset);
  if (!choices) {
    choices = new Map(
      ruleset.questions.flatMap((q) =>
        q.type === "choice" ? q.choices.filter((c) => c.unknown).map((c) => [q.id, c.value] as const) : [],
      ),
    );
    unknownChoicesByRuleset.set(ruleset, choices);
  }
  return choices;
}

/** The "not sure" choice of a choice question, from the ruleset's question metadata. */
export function unknownChoiceOf(field: string, ruleset: Ruleset = defaultRuleset): string | undefined {
  return unknownChoicesOf(ruleset).get(field);
}

/** A choice that is neither the warning answer nor "not sure" (e.g. "no", or "yes" for the chin). */
export function reassuringChoiceOf(field: string, ruleset: Ruleset = defaultRuleset): string {
  const question = ruleset.questions.find((q) => q.id === field);
  if (question?.type !== "choice") throw new Error(`${field} is not a choice question`);
  const choice = question.choices.find((c) => !c.unknown && c.value !== question.warningAnswer);
  if (!choice) throw new Error(`${field} has no reassuring choice`);
  return choice.value;
}

/** Section 3.1: 1 for the warning answer, ½ for "not sure", 0 otherwise; and = min, or = max. */
export function truthOf(
  condition: ConditionDefinition,
  answers: AnswerRecord,
  ruleset: Ruleset = defaultRuleset,
): Truth {
  if ("all" in condition) {
    let lowest: Truth = 1;
    for (const child of condition.all) lowest = Math.min(lowest, truthOf(child, answers, ruleset)) as Truth;
    return lowest;
  }
  if ("any" in condition) {
    let highest: Truth = 0;
    for (const child of condition.any) highest = Math.max(highest, truthOf(child, answers, ruleset)) as Truth;
    return highest;
  }
  const value = answers[condition.answer];
  if ("in" in condition) {
    if (value !== undefined && condition.in.includes(value as string)) return 1;
    return value !== undefined && value === unknownChoiceOf(condition.answer, ruleset) ? 0.5 : 0;
  }
  if ("equals" in condition) {
    if (value === condition.equals) return 1;
    return value !== undefined && value === unknownChoiceOf(condition.answer, ruleset) ? 0.5 : 0;
  }
  if (typeof value !== "number") return 0;
  if ("atLeast" in condition) return value >= condition.atLeast ? 1 : 0;
  return value < condition.below ? 1 : 0;
}

/** Section 3.3: one level down, never below soon. */
export function dropOneLevel(urgency: RuleUrgency): RuleUrgency {
  return urgency === "emergency" ? "urgent" : "soon";
}

/**
 * Section 1b: while its condition does not hold (value 0), a follow-up counts as not given, whatever
 * was given. Conditions read only earlier questions, so one pass in question order settles chains.
 */
export function effectiveAnswers(
  given: DefaultAnswers | AnswerRecord,
  ruleset: Ruleset = defaultRuleset,
): AnswerRecord {
  const answers: Record<string, string | number | undefined> = { ...asRecord(given) };
  for (const question of ruleset.definition.questions) {
    if (question.askWhen !== undefined && truthOf(question.askWhen, answers, ruleset) === 0)
      delete answers[question.id];
  }
  return answers;
}

/** Sections 3.2–3.4: whether a rule fires for these answers, how surely, and how urgently. */
export function expectedReason(
  rule: RuleDefinition,
  given: DefaultAnswers | AnswerRecord,
  ruleset: Ruleset = defaultRuleset,
): { certainty: Certainty; urgency: RuleUrgency } | undefined {
  return expectedReasonFromEffective(rule, effectiveAnswers(given, ruleset), ruleset);
}

/** As expectedReason, for answers already passed through effectiveAnswers (section 1b). */
export function expectedReasonFromEffective(
  rule: RuleDefinition,
  answers: AnswerRecord,
  ruleset: Ruleset = defaultRuleset,
): { certainty: Certainty; urgency: RuleUrgency } | undefined {
  const value = truthOf(rule.when, answers, ruleset);
  if (value === 0) return undefined;
  if (value === 1) return { certainty: "confirmed", urgency: rule.urgency };
  const parts = topLevelParts(rule.when).map((part) => ({
    value: truthOf(part, answers, ruleset),
    background: [...fieldsReadBy(part)].every((field) => BACKGROUND_FIELDS.has(field)),
  }));
  const unsureParts = parts.filter((part) => part.value === 0.5);
  const confirmedSymptoms = parts.filter((part) => part.value === 1 && !part.background);
  const anchored =
    rule.urgency === "emergency" &&
    parts.length >= 2 &&
    unsureParts.length === 1 &&
    unsureParts.every((part) => !part.background) &&
    confirmedSymptoms.length >= 1;
  return { certainty: "possible", urgency: anchored ? "emergency" : dropOneLevel(rule.urgency) };
}

/**
 * The callIf a rule's reason uses for these answers (rules/README.md, summaryBy): the first summaryBy
 * entry whose condition is fully met, with its callIf, else the rule's own.
 */
export function callIfFor(ruleId: string, given: DefaultAnswers | AnswerRecord): string | undefined {
  const rule = defaultRuleset.definition.rules.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const answers = effectiveAnswers(given);
  const entry = rule.summaryBy?.find((e) => truthOf(e.when, answers) === 1);
  return entry?.callIf ?? rule.callIf;
}
