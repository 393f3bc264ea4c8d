import { defaultRuleset } from "../../../src/index.js";
import type { ConditionDefinition, RuleDefinition } from "../../../src/ruleset/schema.js";
import { calmAnswers, unsureAnswers, withReassuringFollowUps } from "../../helpers/answers.js";
import type { AnswerValue, Person } from "./person.js";

type Leaf = Extract<ConditionDefinition, { answer: string }>;

function leavesOf(condition: ConditionDefinition): Leaf[] {
  if ("all" in condition) return condition.all.flatMap(leavesOf);
  if ("any" in condition) return condition.any.flatMap(leavesOf);
  return [condition];
}

function warningValue(leaf: Leaf): AnswerValue {
  if ("equals" in leaf) return leaf.equals;
  if ("in" in leaf) return leaf.in[0]!;
  if ("atLeast" in leaf) return leaf.atLeast;
  return leaf.below - 1;
}

const unsureChoice = (field: string) => {
  const question = defaultRuleset.questionsById.get(field);
  return question?.type === "choice" ? question.choices.find((c) => c.unknown)?.value : undefined;
};

const record = (answers: object) => answers as Record<string, AnswerValue>;

/** Calm answers with every part of the rule's condition at its warning answer: the rule fires confirmed. */
function confirming(rule: RuleDefinition): Person {
  const answers = record({ ...calmAnswers() });
  for (const leaf of leavesOf(rule.when)) answers[leaf.answer] = warningValue(leaf);
  return { name: `${rule.id} confirmed`, answers: withReassuringFollowUps(answers) };
}

/** The same, with every choice part "not sure": the rule fires possible (if it reads any choice). */
function possible(rule: RuleDefinition): Person | undefined {
  const answers = record({ ...calmAnswers() });
  let unsure = false;
  for (const leaf of leavesOf(rule.when)) {
    const choice = unsureChoice(leaf.answer);
    unsure ||= choice !== undefined;
    answers[leaf.answer] = choice ?? warningValue(leaf);
  }
  return unsure
    ? { name: `${rule.id} possible`, answers: withReassuringFollowUps(answers), items: allItemsUnsure }
    : undefined;
}

/** For a list question answered "not sure": "not sure" about every item too. */
const allItemsUnsure: Record<string, string[]> = Object.fromEntries(
  defaultRuleset.questions.flatMap((q) =>
    q.type === "choice" && q.items ? [[q.id, q.items.map(() => unsureChoice(q.id)!)]] : [],
  ),
);

export const CALM: Person = { name: "self-care", answers: record(calmAnswers()) };
export const ALL_UNSURE: Person = {
  name: "everything unsure, age 70",
  answers: record(unsureAnswers({ age: 70 })),
  items: allItemsUnsure,
};

/** "Not sure" about the emergency list, then "no" to each item but one that is "yes": an emergency stop. */
export const EMERGENCY_BY_ITEM: Person = {
  name: "emergency found item by item",
  answers: record(calmAnswers({ emergencySigns: "unsure" })),
  items: { emergencySigns: ["no", "no", "yes"] },
};

/** Confirmed and possible for every rule of the default ruleset, as far as a rule can be possible. */
export const PEOPLE_PER_RULE: readonly Person[] = defaultRuleset.definition.rules.flatMap((rule) => {
  const maybe = possible(rule);
  return maybe ? [confirming(rule), maybe] : [confirming(rule)];
});

/** Every warning answer that no emergency rule combines (no fever, no injury): many urgent and soon rules at once. */
export const MANY_WARNINGS: Person = {
  name: "many warning signs, no emergency",
  answers: record(
    calmAnswers({
      age: 55,
      riskHistory: "yes",
      limbWeakness: "yes",
      coordinationLoss: "yes",
      swallowing: "yes",
      swallowingSevere: "yes",
      headache: "yes",
      headacheNew: "yes",
      headacheFast: "yes",
      canTouchChinToChest: "no",
      armTinglingOrNumbness: "yes",
      shootingArmPain: "yes",
      painDays: 10,
      improving: "no",
      otcResponse: "did-not-help",
    }),
  ),
};

/** A fever with an old kind of headache, and an injury in no dangerous way, at 15. */
export const FEVER_AND_INJURY: Person = {
  name: "fever, headache and an injury at 15",
  answers: record(
    calmAnswers({ age: 15, fever: "yes", headache: "yes", headacheNew: "no", injury: "yes", injuryMechanism: "no" }),
  ),
};

/** "Not sure" about the emergency list, "no" to each of its items, then a fever: an urgent result with sources. */
export const LIST_THEN_FEVER: Person = {
  name: "emergency list item by item, then a fever",
  answers: record(calmAnswers({ emergencySigns: "unsure", fever: "yes" })),
  items: { emergencySigns: allItemsUnsure.emergencySigns!.map(() => "no") },
};
