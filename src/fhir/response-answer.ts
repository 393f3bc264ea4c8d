import { expectedOf } from "../answers/describe.js";
import { receivedOf, type Issue } from "../issues.js";
import { issue } from "../messages/index.js";
import type { QuestionDefinition } from "../ruleset/schema.js";
import { ANSWER_CODE_SYSTEM } from "./canonical.js";
import { helpLinkId } from "./questionnaire.js";

// Reading one item of a QuestionnaireResponse: its answer, as a code or an integer the ruleset allows.

export type Json = Record<string, unknown>;

/**
 * One question item's answer: the value, null when it has none (unanswered), or undefined after
 * reporting why it cannot be read.
 */
export function readAnswer(
  question: QuestionDefinition,
  item: Json,
  path: string,
  issues: Issue[],
): string | number | null | undefined {
  const before = issues.length;
  const nested = [...childItems(item.item, `${path}.item`)];
  const answers = item.answer;
  if (answers !== undefined && !Array.isArray(answers)) {
    issues.push(issue(`${path}.answer`, "fhir.answers-not-array", { received: receivedOf(answers) }));
  } else if (answers !== undefined && answers.length > 1) {
    issues.push(issue(`${path}.answer`, "fhir.several-answers", { count: answers.length }));
  }
  const answer: unknown = Array.isArray(answers) ? answers[0] : undefined;
  const answerPath = `${path}.answer[0]`;
  if (isObject(answer)) nested.push(...childItems(answer.item, `${answerPath}.item`));
  for (const child of nested) {
    if (!isObject(child.item) || child.item.linkId !== helpLinkId(question.id) || child.item.answer !== undefined) {
      issues.push(
        issue(child.path, "fhir.nested-item", {
          question: question.id,
          valueKey: question.type === "choice" ? "valueCoding" : "valueInteger",
        }),
      );
    }
  }
  if (issues.length > before) return undefined;
  if (answer === undefined) return null;
  if (!isObject(answer)) {
    issues.push(issue(answerPath, "fhir.answer-not-object", { received: receivedOf(answer) }));
    return undefined;
  }
  const valueKeys = Object.keys(answer).filter((key) => key.startsWith("value"));
  const expectedKey = question.type === "choice" ? "valueCoding" : "valueInteger";
  if (valueKeys.length !== 1 || valueKeys[0] !== expectedKey) {
    issues.push(
      issue(answerPath, "fhir.wrong-value-key", { valueKey: expectedKey, expected: expectedOf(question), valueKeys }),
    );
    return undefined;
  }
  return question.type === "choice"
    ? readCoding(question, answer.valueCoding, `${answerPath}.valueCoding`, issues)
    : readInteger(question, answer.valueInteger, `${answerPath}.valueInteger`, issues);
}

function readCoding(
  question: Extract<QuestionDefinition, { type: "choice" }>,
  coding: unknown,
  path: string,
  issues: Issue[],
): string | undefined {
  if (!isObject(coding)) {
    issues.push(issue(path, "fhir.coding-not-object", { received: receivedOf(coding) }));
    return undefined;
  }
  let ok = true;
  if (coding.system !== ANSWER_CODE_SYSTEM) {
    issues.push(
      issue(`${path}.system`, "fhir.wrong-system", { system: ANSWER_CODE_SYSTEM, received: receivedOf(coding.system) }),
    );
    ok = false;
  }
  const code = coding.code;
  if (typeof code !== "string" || !question.choices.some((choice) => choice.value === code)) {
    issues.push(
      issue(`${path}.code`, "answers.invalid-value", { expected: expectedOf(question), received: receivedOf(code) }),
    );
    ok = false;
  }
  return ok ? (code as string) : undefined;
}

function readInteger(
  question: Extract<QuestionDefinition, { type: "integer" }>,
  value: unknown,
  path: string,
  issues: Issue[],
): number | undefined {
  if (typeof value === "number" && Number.isInteger(value) && value >= question.min && value <= question.max)
    return value;
  issues.push(issue(path, "answers.invalid-value", { expected: expectedOf(question), received: receivedOf(value) }));
  return undefined;
}

export function* childItems(items: unknown, path: string): Generator<{ item: unknown; path: string }> {
  if (items === undefined) return;
  if (!Array.isArray(items)) {
    yield { item: items, path };
    return;
  }
  for (const [i, item] of items.entries()) yield { item, path: `${path}[${i}]` };
}

export function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
