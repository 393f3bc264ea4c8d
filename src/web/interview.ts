import { confirmedEmergencies, evaluateEarlyStop, evaluateValidAnswers } from "../engine/evaluate-valid.js";
import type { EvaluateOptions, TriageResult } from "../engine/result.js";
import type { Ruleset } from "../ruleset/load.js";
import type { ChoiceQuestionDefinition, QuestionDefinition } from "../ruleset/schema.js";

export type AnswerValue = string | number;

/** One item of a list question, asked on its own after "not sure", and the answer given to it. */
export interface ItemAnswer {
  readonly itemId: string;
  readonly value: string;
}

/**
 * Where the page's interview stands: only data, so that every step is a pure function of it. The
 * order of questions, the follow-ups, the early stop and the result come from the engine, as in the
 * terminal's interview (src/cli/interview/flow.ts), so that the page gives the same answer.
 */
export interface InterviewState {
  readonly answers: Readonly<Record<string, AnswerValue>>;
  /** For each list question answered item by item, each item's answer: shown in the report. */
  readonly itemAnswers: Readonly<Record<string, readonly ItemAnswer[]>>;
  /**
   * After a correction: follow-ups before this position that the correction switched on are asked
   * before anything else (as the terminal does), and only then is the emergency check made.
   */
  readonly correctingBefore?: number;
}

export type Step =
  | {
      readonly kind: "question";
      readonly question: QuestionDefinition;
      readonly number: number;
      readonly total: number;
    }
  | { readonly kind: "emergency"; readonly result: TriageResult }
  | { readonly kind: "review" };

export const START: InterviewState = { answers: {}, itemAnswers: {} };

/** Whether a question is asked for these answers: always, or for a follow-up, while its condition holds. */
export function isAsked(
  ruleset: Ruleset,
  answers: Readonly<Record<string, AnswerValue>>,
  question: QuestionDefinition,
): boolean {
  const followUp = ruleset.followUps.find((f) => f.question.id === question.id);
  return followUp === undefined || followUp.askWhen(ruleset.encode(answers)) > 0;
}

/** What the page shows next. */
export function nextStep(ruleset: Ruleset, state: InterviewState, options: EvaluateOptions): Step {
  const { answers } = state;
  const pending = (question: QuestionDefinition) =>
    answers[question.id] === undefined && isAsked(ruleset, answers, question);
  const before = state.correctingBefore;
  if (before !== undefined) {
    const followUp = ruleset.questions.find((q, index) => index < before && q.askWhen !== undefined && pending(q));
    if (followUp) return questionStep(ruleset, answers, followUp);
  }
  if (confirmedEmergencies(ruleset, answers).length > 0) {
    // Once every question has an answer (a change at the review), nothing stopped early: the full result.
    const complete = !ruleset.questions.some(pending);
    return {
      kind: "emergency",
      result: complete ? evaluateValidAnswers(ruleset, answers, options) : evaluateEarlyStop(ruleset, answers, options),
    };
  }
  const next = ruleset.questions.find(pending);
  return next ? questionStep(ruleset, answers, next) : { kind: "review" };
}

function questionStep(
  ruleset: Ruleset,
  answers: Readonly<Record<string, AnswerValue>>,
  question: QuestionDefinition,
): Step {
  const asked = ruleset.questions.filter((q) => isAsked(ruleset, answers, q));
  return { kind: "question", question, number: asked.indexOf(question) + 1, total: asked.length };
}

/**
 * The state after answering a question (for a list question answered item by item, `items` holds
 * each item's answer). Follow-ups that the new answer switches off lose their answers.
 */
export function answer(
  ruleset: Ruleset,
  state: InterviewState,
  field: string,
  value: AnswerValue,
  items?: readonly ItemAnswer[],
): InterviewState {
  const answers: Record<string, AnswerValue> = { ...state.answers, [field]: value };
  const itemAnswers: Record<string, readonly ItemAnswer[]> = { ...state.itemAnswers };
  if (items) itemAnswers[field] = items;
  else delete itemAnswers[field];
  for (const question of ruleset.questions) {
    if (answers[question.id] !== undefined && !isAsked(ruleset, answers, question)) {
      delete answers[question.id];
      delete itemAnswers[question.id];
    }
  }
  return { ...state, answers, itemAnswers };
}

/**
 * The state after changing an answer given earlier: follow-ups it switches on, up to the first
 * question not yet reached, will be asked next.
 */
export function correct(
  ruleset: Ruleset,
  state: InterviewState,
  field: string,
  value: AnswerValue,
  items?: readonly ItemAnswer[],
): InterviewState {
  const changed = answer(ruleset, state, field, value, items);
  const reached = ruleset.questions.findIndex((q) => changed.answers[q.id] === undefined && q.askWhen === undefined);
  return { ...changed, correctingBefore: reached === -1 ? ruleset.questions.length : reached };
}

/** The questions answered so far, in question order: what the review lists. */
export function answeredQuestions(ruleset: Ruleset, state: InterviewState): QuestionDefinition[] {
  return ruleset.questions.filter((q) => state.answers[q.id] !== undefined);
}

/** The result once the person has checked every answer. */
export function finalResult(ruleset: Ruleset, state: InterviewState, options: EvaluateOptions): TriageResult {
  return evaluateValidAnswers(ruleset, state.answers, options);
}

/**
 * A list question answered item by item: the answer so far, or undefined while more items are to be
 * asked. One warning answer settles it; after the last item, "not sure" if any item was, else the
 * last item's answer.
 */
export function listAnswer(question: ChoiceQuestionDefinition, given: readonly ItemAnswer[]): string | undefined {
  const last = given.at(-1);
  if (last?.value === question.warningAnswer) return last.value;
  if (given.length < (question.items?.length ?? 0)) return undefined;
  const unknown = question.choices.find((c) => c.unknown)?.value;
  if (unknown !== undefined && given.some((item) => item.value === unknown)) return unknown;
  return last?.value ?? question.askItemsWhen;
}
