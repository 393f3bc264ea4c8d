import type * as z from "zod";
import { fieldsRead, type AnswerValues } from "../ruleset/conditions.js";
import { FALSE } from "../ruleset/unsure.js";
import { formatKey, receivedOf, type Issue } from "../issues.js";
import { issue as newIssue } from "../messages/index.js";
import type { Ruleset } from "../ruleset/load.js";
import { valueAt } from "../zod-issues.js";
import { AnswersError } from "./errors.js";
import { expectedOf, recordIdParams } from "./describe.js";
import { answersSchemaFor, type Answers } from "./schema.js";
import { closestName } from "./suggest.js";

/** Validates answers against a ruleset's questions; throws `AnswersError` listing every problem. */
export function validateAnswers(ruleset: Ruleset, input: unknown): Answers {
  const quick = ruleset.quickCheck(input);
  if (quick) return quick.answers;
  // jitless: zod would otherwise compile a parser from the question ids, and ruleset text never becomes code.
  const own = ownFields(input);
  const parsed = answersSchemaFor(ruleset).safeParse(own, { jitless: true });
  const missing = isRecord(own) ? missingFollowUps(ruleset, own) : [];
  if (parsed.success && missing.length === 0) return parsed.data;
  throw new AnswersError([...(parsed.success ? [] : answersIssues(ruleset, input, parsed.error.issues)), ...missing]);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Follow-ups left out while their condition holds, each with the answers that make it needed:
 * `injuryMechanism: missing; needed because injury is "yes"`. Answers that are not valid count as
 * not given here (they are reported on their own), so they never make a follow-up needed.
 */
function missingFollowUps(ruleset: Ruleset, answers: Record<string, unknown>): Issue[] {
  const codes = ruleset.encode(answers as AnswerValues);
  const issues: Issue[] = [];
  for (const { question, askWhen } of ruleset.followUps) {
    if (answers[question.id] !== undefined || askWhen(codes) === FALSE) continue;
    const because = ruleset.questions
      .filter((q) => fieldsRead(question.askWhen!).has(q.id))
      .map((q) => ({ field: q.id, value: answers[q.id] as string | number }));
    issues.push(newIssue(question.id, "answers.missing-follow-up", { because, expected: expectedOf(question) }));
  }
  return issues;
}

/**
 * A plain object's own fields, on an object with no prototype: zod reads fields through the
 * prototype chain, and a field inherited from a tampered `Object.prototype` must never stand in
 * for a missing answer. Anything else is passed through for zod to refuse.
 */
function ownFields(input: unknown): unknown {
  if (input === null || typeof input !== "object" || Array.isArray(input)) return input;
  const own = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(input)) own[key] = (input as Record<string, unknown>)[key];
  return own;
}

function answersIssues(ruleset: Ruleset, input: unknown, zodIssues: readonly z.core.$ZodIssue[]): Issue[] {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    return [newIssue("(root)", "answers.not-an-object", { received: receivedOf(input) })];
  }
  const fields = ruleset.questions.map((question) => question.id);
  const issues: Issue[] = [];
  for (const issue of zodIssues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) issues.push(unknownField(key, fields));
      continue;
    }
    const field = String(issue.path[0]);
    const value = valueAt(input, issue.path.slice(0, 1));
    const question = ruleset.questionsById.get(field);
    if (question === undefined) {
      issues.push(newIssue(field, "answers.invalid-id", recordIdParams(value)));
      continue;
    }
    const expected = expectedOf(question);
    issues.push(
      value === undefined
        ? newIssue(field, "answers.missing", { expected })
        : newIssue(field, "answers.invalid-value", { expected, received: receivedOf(value) }),
    );
  }
  return issues;
}

function unknownField(key: string, fields: string[]): Issue {
  const suggestion = closestName(key, fields);
  return newIssue(formatKey(key), "answers.unknown-field", suggestion ? { suggestion, fields } : { fields });
}
