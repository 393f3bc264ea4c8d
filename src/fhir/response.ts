import { AnswersError } from "../answers/errors.js";
import { expectedOf, ID_MAX_LENGTH, type RecordId } from "../answers/describe.js";
import type { Answers } from "../answers/schema.js";
import { closestName } from "../answers/suggest.js";
import { validateAnswers } from "../answers/validate.js";
import { receivedOf, type Issue } from "../issues.js";
import { issue } from "../messages/index.js";
import { assertRuleset, type Ruleset } from "../ruleset/compile.js";
import type { QuestionDefinition } from "../ruleset/schema.js";
import { ANSWER_CODE_SYSTEM, questionnaireCanonical, questionnaireUrl } from "./canonical.js";
import { helpLinkId } from "./questionnaire.js";

/** R4 questionnaire-answers-status codes that mean the answers are final. */
const FINAL_STATUSES: readonly string[] = ["completed", "amended"];

type Json = Record<string, unknown>;

/**
 * The answers in a QuestionnaireResponse to this ruleset's Questionnaire (see toQuestionnaire), as
 * the plain answers object `evaluate` takes, validated. Throws AnswersError listing every problem,
 * with FHIR paths (`item[3].answer[0].valueCoding.code`) or, for a missing item, its linkId.
 * A response to another Questionnaire, or to another version of this one, is refused outright:
 * its answers were given to other questions, or to the same ones for other rules.
 */
export function fromQuestionnaireResponse(ruleset: Ruleset, resource: unknown): Answers {
  assertRuleset(ruleset, "fromQuestionnaireResponse");
  if (!isObject(resource)) {
    throw new AnswersError([issue("(root)", "fhir.not-a-response", { received: receivedOf(resource) })]);
  }
  if (resource.resourceType !== "QuestionnaireResponse") {
    throw new AnswersError([issue("resourceType", "fhir.wrong-resource-type", { received: receivedOf(resource.resourceType) })]);
  }
  const questionnaireIssue = checkQuestionnaire(ruleset, resource.questionnaire);
  if (questionnaireIssue) throw new AnswersError([questionnaireIssue]);

  const issues: Issue[] = [];
  if (typeof resource.status !== "string" || !FINAL_STATUSES.includes(resource.status)) {
    issues.push(issue("status", "fhir.unfinished", { received: receivedOf(resource.status) }));
  }
  const id = readRecordId(resource, issues);
  const given = readItems(ruleset, resource.item, issues);
  const answers: Record<string, string | number> = {};
  for (const question of ruleset.questions) {
    const value = given.values.get(question.id);
    if (value !== undefined) answers[question.id] = value;
    else if (!given.invalid.has(question.id)) fillUnanswered(question, issues);
  }
  if (issues.length > 0) throw new AnswersError(issues);
  return validateAnswers(ruleset, id === undefined ? answers : { ...answers, id });
}

/** The id a response would be echoed with (its `id`, else `identifier.value`), when readable: for error records. */
export function questionnaireResponseRecordId(resource: unknown): RecordId | undefined {
  if (!isObject(resource)) return undefined;
  const issues: Issue[] = [];
  const id = readRecordId(resource, issues);
  return issues.length === 0 ? id : undefined;
}

function checkQuestionnaire(ruleset: Ruleset, named: unknown): Issue | undefined {
  const expected = questionnaireCanonical(ruleset);
  if (named === expected) return undefined;
  if (typeof named !== "string") {
    return issue("questionnaire", "fhir.questionnaire-not-text", { expected, received: receivedOf(named) });
  }
  const [url, version] = named.split("|");
  const which = { named, expected, rulesetId: ruleset.id, rulesetVersion: ruleset.version, sameUrl: url === questionnaireUrl(ruleset) };
  return issue("questionnaire", "fhir.other-questionnaire", version === undefined ? which : { ...which, version });
}

function readRecordId(resource: Json, issues: Issue[]): RecordId | undefined {
  let path = "id";
  let id: unknown = resource.id;
  if (id === undefined && resource.identifier !== undefined) {
    if (!isObject(resource.identifier)) {
      issues.push(issue("identifier", "fhir.identifier-not-object", { received: receivedOf(resource.identifier) }));
      return undefined;
    }
    path = "identifier.value";
    id = resource.identifier.value;
  }
  if (id === undefined) return undefined;
  if (typeof id !== "string" || id.length > ID_MAX_LENGTH) {
    issues.push(issue(path, "fhir.invalid-id", { maxLength: ID_MAX_LENGTH, received: receivedOf(id) }));
    return undefined;
  }
  return id;
}

interface GivenAnswers {
  readonly values: Map<string, string | number>;
  /** Questions whose item was there but wrong: already reported, so not "missing" too. */
  readonly invalid: Set<string>;
}

function readItems(ruleset: Ruleset, items: unknown, issues: Issue[]): GivenAnswers {
  const values = new Map<string, string | number>();
  const invalid = new Set<string>();
  if (items === undefined) return { values, invalid };
  if (!Array.isArray(items)) {
    issues.push(issue("item", "fhir.items-not-array", { received: receivedOf(items) }));
    for (const question of ruleset.questions) invalid.add(question.id);
    return { values, invalid };
  }
  const seen = new Map<string, number>();
  items.forEach((item: unknown, i) => {
    const path = `item[${i}]`;
    if (!isObject(item)) {
      issues.push(issue(path, "fhir.item-not-object", { received: receivedOf(item) }));
      return;
    }
    const linkId = item.linkId;
    if (typeof linkId !== "string") {
      issues.push(issue(`${path}.linkId`, "fhir.link-id-not-text", { received: receivedOf(linkId) }));
      return;
    }
    const question = ruleset.questionsById.get(linkId);
    if (question === undefined) {
      if (!isDisplayItem(ruleset, item, linkId)) issues.push(unknownItem(ruleset, `${path}.linkId`, linkId));
      return;
    }
    const earlier = seen.get(linkId);
    if (earlier !== undefined) {
      issues.push(issue(`${path}.linkId`, "fhir.answered-twice", { linkId, earlier }));
      invalid.add(linkId);
      values.delete(linkId);
      return;
    }
    seen.set(linkId, i);
    const value = readAnswer(question, item, path, issues);
    if (value === undefined) invalid.add(linkId);
    else if (value !== null) values.set(linkId, value);
  });
  return { values, invalid };
}

/**
 * One question item's answer: the value, null when it has none (unanswered), or undefined after
 * reporting why it cannot be read.
 */
function readAnswer(question: QuestionDefinition, item: Json, path: string, issues: Issue[]): string | number | null | undefined {
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
      issues.push(issue(child.path, "fhir.nested-item", { question: question.id, valueKey: question.type === "choice" ? "valueCoding" : "valueInteger" }));
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
    issues.push(issue(answerPath, "fhir.wrong-value-key", { valueKey: expectedKey, expected: expectedOf(question), valueKeys }));
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
    issues.push(issue(`${path}.system`, "fhir.wrong-system", { system: ANSWER_CODE_SYSTEM, received: receivedOf(coding.system) }));
    ok = false;
  }
  const code = coding.code;
  if (typeof code !== "string" || !question.choices.some((choice) => choice.value === code)) {
    issues.push(issue(`${path}.code`, "answers.invalid-value", { expected: expectedOf(question), received: receivedOf(code) }));
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
  if (typeof value === "number" && Number.isInteger(value) && value >= question.min && value <= question.max) return value;
  issues.push(issue(path, "answers.invalid-value", { expected: expectedOf(question), received: receivedOf(value) }));
  return undefined;
}

/**
 * A question with no answer: a follow-up (askWhen) may be left out, as a form leaves a disabled item
 * empty, and validateAnswers says whether it was needed; any other is missing.
 */
function fillUnanswered(question: QuestionDefinition, issues: Issue[]): void {
  if (question.askWhen === undefined) issues.push(issue(question.id, "answers.missing", { expected: expectedOf(question) }));
}

function* childItems(items: unknown, path: string): Generator<{ item: unknown; path: string }> {
  if (items === undefined) return;
  if (!Array.isArray(items)) {
    yield { item: items, path };
    return;
  }
  for (const [i, item] of items.entries()) yield { item, path: `${path}[${i}]` };
}

/** A display item of the Questionnaire (help text) echoed back without an answer: harmless. */
function isDisplayItem(ruleset: Ruleset, item: Json, linkId: string): boolean {
  return item.answer === undefined && item.item === undefined && ruleset.questions.some((q) => helpLinkId(q.id) === linkId);
}

function unknownItem(ruleset: Ruleset, path: string, linkId: string): Issue {
  const linkIds = ruleset.questions.map((question) => question.id);
  const suggestion = closestName(linkId, linkIds);
  return issue(path, "fhir.unknown-item", suggestion ? { linkId, suggestion, linkIds } : { linkId, linkIds });
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
