import type { ConditionDefinition, QuestionDefinition } from "../ruleset/schema.js";
import { FALSE, TRUE, UNSURE, type Truth } from "./truth.js";

/** Answers by question id; a missing key means "not answered yet" and reads as 0. */
export type AnswerValues = Readonly<Record<string, string | number | undefined>>;
export type CompiledCondition = (answers: AnswerValues) => Truth;

/**
 * Turns a validated condition into a plain closure over its data, once per ruleset, so that
 * evaluating builds no trees and interprets no text. Nothing from the ruleset is ever executed.
 */
export function compileCondition(
  condition: ConditionDefinition,
  questions: ReadonlyMap<string, QuestionDefinition>,
): CompiledCondition {
  if ("all" in condition) {
    const parts = condition.all.map((child) => compileCondition(child, questions));
    return (answers) => {
      let value: Truth = TRUE;
      for (const part of parts) {
        const v = part(answers);
        if (v === FALSE) return FALSE;
        if (v < value) value = v;
      }
      return value;
    };
  }
  if ("any" in condition) {
    const parts = condition.any.map((child) => compileCondition(child, questions));
    return (answers) => {
      let value: Truth = FALSE;
      for (const part of parts) {
        const v = part(answers);
        if (v === TRUE) return TRUE;
        if (v > value) value = v;
      }
      return value;
    };
  }
  const field = condition.answer;
  if ("equals" in condition) {
    const warning = condition.equals;
    const question = questions.get(field);
    const unknown = question?.type === "choice" ? question.choices.find((choice) => choice.unknown)?.value : undefined;
    return (answers) => {
      const value = answers[field];
      return value === warning ? TRUE : unknown !== undefined && value === unknown ? UNSURE : FALSE;
    };
  }
  if ("atLeast" in condition) {
    const bound = condition.atLeast;
    return (answers) => {
      const value = answers[field];
      return typeof value === "number" && value >= bound ? TRUE : FALSE;
    };
  }
  const bound = condition.below;
  return (answers) => {
    const value = answers[field];
    return typeof value === "number" && value < bound ? TRUE : FALSE;
  };
}

/** Every question id a condition reads, once each. */
export function fieldsRead(condition: ConditionDefinition, into: Set<string> = new Set()): Set<string> {
  if ("all" in condition) for (const child of condition.all) fieldsRead(child, into);
  else if ("any" in condition) for (const child of condition.any) fieldsRead(child, into);
  else into.add(condition.answer);
  return into;
}
