import type { Questionnaire } from "../../src/index.js";

/*
 * What a generic FHIR form filler would send back: it knows nothing of rulesets, only the
 * Questionnaire. It applies R4 enableWhen (a disabled item is left out), picks the answerOption whose
 * code is the answer, and writes integers as valueInteger.
 */

type Item = Questionnaire["item"][number];
type EnableWhen = NonNullable<Item["enableWhen"]>[number];
type AnswerValue = { valueCoding: { system?: string; code?: string; display?: string } } | { valueInteger: number };

export interface ResponseItem {
  linkId: string;
  text?: string;
  answer: AnswerValue[];
}

export interface QuestionnaireResponse {
  resourceType: "QuestionnaireResponse";
  id?: string;
  identifier?: { system?: string; value?: string };
  questionnaire: string;
  status: string;
  item: ResponseItem[];
}

export function fillQuestionnaire(
  questionnaire: Questionnaire,
  answers: Readonly<Record<string, string | number>>,
  extra: Partial<Pick<QuestionnaireResponse, "id" | "identifier" | "status">> = {},
): QuestionnaireResponse {
  const given = new Map<string, AnswerValue>();
  const item: ResponseItem[] = [];
  for (const question of questionnaire.item) {
    if (!isEnabled(question, given)) continue;
    const value = answers[question.linkId];
    if (value === undefined) continue;
    const answer = answerFor(question, value);
    given.set(question.linkId, answer);
    item.push({
      linkId: question.linkId,
      ...(question.text === undefined ? {} : { text: question.text }),
      answer: [answer],
    });
  }
  return {
    resourceType: "QuestionnaireResponse",
    ...extra,
    questionnaire: `${questionnaire.url}|${questionnaire.version}`,
    status: extra.status ?? "completed",
    item,
  };
}

function answerFor(question: Item, value: string | number): AnswerValue {
  if (question.type === "integer") {
    if (typeof value !== "number") throw new Error(`${question.linkId}: expected a number`);
    return { valueInteger: value };
  }
  const option = question.answerOption?.find((candidate) => candidate.valueCoding.code === value);
  if (!option) throw new Error(`${question.linkId}: no answerOption with code ${String(value)}`);
  return { valueCoding: { ...option.valueCoding } };
}

/**
 * R4: enabled when any (enableBehavior any, or a single condition) or all conditions hold. An
 * unanswered (or disabled) question meets `exists false` and `!=` ("true if no answer has a value
 * equal to it"), and nothing else.
 */
export function isEnabled(item: Item, given: ReadonlyMap<string, AnswerValue>): boolean {
  const conditions = item.enableWhen ?? [];
  if (conditions.length === 0) return true;
  const results = conditions.map((condition) => holds(condition, given.get(condition.question)));
  return item.enableBehavior === "all" ? results.every(Boolean) : results.some(Boolean);
}

function holds(condition: EnableWhen, answer: AnswerValue | undefined): boolean {
  if (condition.operator === "exists") {
    if (condition.answerBoolean === undefined) throw new Error(`${condition.question}: exists without answerBoolean`);
    return (answer !== undefined) === condition.answerBoolean;
  }
  if (answer === undefined) return condition.operator === "!=";
  if ("valueCoding" in answer) {
    const expected = condition.answerCoding;
    if (expected === undefined) throw new Error(`${condition.question}: compares a coding with a non-coding`);
    const same = answer.valueCoding.system === expected.system && answer.valueCoding.code === expected.code;
    if (condition.operator === "=") return same;
    if (condition.operator === "!=") return !same;
    throw new Error(`${condition.operator} on a coding`);
  }
  const bound = condition.answerInteger;
  if (bound === undefined) throw new Error(`${condition.question}: compares an integer with a non-integer`);
  const value = answer.valueInteger;
  switch (condition.operator) {
    case "=":
      return value === bound;
    case "!=":
      return value !== bound;
    case ">":
      return value > bound;
    case "<":
      return value < bound;
    case ">=":
      return value >= bound;
    case "<=":
      return value <= bound;
  }
}
