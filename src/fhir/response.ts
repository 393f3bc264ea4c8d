import { AnswersError } from "../answers/errors.js";
import { expectedOf, ID_MAX_LENGTH, type RecordId } from "../answers/describe.js";
import type { Answers } from "../answers/schema.js";
import { closestName } from "../answers/suggest.js";
import { validateAnswers } from "../answers/validate.js";
import { receivedOf, type Issue } from "../issues.js";
import { issue } from "../messages/index.js";
import { assertRuleset, type Ruleset } from "../ruleset/compile.js";
import type { QuestionDefinition } from "../ruleset/schema.js";
import { questionnaireCanonical, questionnaireUrl } from "./canonical.js";
import { isObject, readAnswer, type Json } from "./response-answer.js";
import { helpLinkId } from "./questionnaire.js";

/** R4 questionnaire-answers-status codes that mean the answers are final. */
const FINAL_STATUSES: readonly string[] = ["completed", "amended"];

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
    throw new AnswersError([
      issue("resourceType", "fhir.wrong-resource-type", { received: receivedOf(resource.resourceType) }),
    ]);
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
  const which = {
    named,
    expected,
    rulesetId: ruleset.id,
    rulesetVersion: ruleset.version,
    sameUrl: url === questionnaireUrl(ruleset),
  };
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
 * A question with no answer: a follow-up (askWhen) may be left out, as a form leaves a disabled item
 * empty, and validateAnswers says whether it was needed; any other is missing.
 */
function fillUnanswered(question: QuestionDefinition, issues: Issue[]): void {
  if (question.askWhen === undefined)
    issues.push(issue(question.id, "answers.missing", { expected: expectedOf(question) }));
}

/** A display item of the Questionnaire (help text) echoed back without an answer: harmless. */
function isDisplayItem(ruleset: Ruleset, item: Json, linkId: string): boolean {
  return (
    item.answer === undefined && item.item === undefined && ruleset.questions.some((q) => helpLinkId(q.id) === linkId)
  );
}

function unknownItem(ruleset: Ruleset, path: string, linkId: string): Issue {
  const linkIds = ruleset.questions.map((question) => question.id);
  const suggestion = closestName(linkId, linkIds);
  return issue(path, "fhir.unknown-item", suggestion ? { linkId, suggestion, linkIds } : { linkId, linkIds });
}
