import { confirmedEmergencies, evaluateEarlyStop, evaluateValidAnswers } from "../../engine/evaluate-valid.js";
import type { EvaluateOptions, Reason, TriageResult } from "../../engine/result.js";
import type { Ruleset } from "../../ruleset/load.js";
import type { ChoiceQuestionDefinition, QuestionDefinition } from "../../ruleset/schema.js";
import { describeAnswer } from "../../answers/labels.js";
import type { Prompter } from "./prompter.js";

type AnswerValue = string | number;

/** What the interview shows between questions, in the CLI's words and colours. */
export interface InterviewScreens {
  intro(ruleset: Ruleset): string;
  /** Shown the moment an emergency is confirmed, before anything else is asked. */
  emergency(result: TriageResult): string;
}

/** One item of a list question, asked on its own after "not sure", and the answer given to it. */
export interface ItemAnswer {
  itemId: string;
  value: string;
}

/** What the interview ends with: the result, and the answers as they were given (for a report). */
export interface InterviewOutcome {
  result: TriageResult;
  /** The final answer to every question asked, by question id. */
  answers: Readonly<Record<string, AnswerValue>>;
  /** The questions asked, in order (a follow-up whose condition did not hold was not). */
  asked: readonly string[];
  /** For a list question answered item by item, each item's answer, by question id. */
  itemAnswers: Readonly<Record<string, readonly ItemAnswer[]>>;
}

const DONE = "__done__";
const RIGHT = "__right__";
const CHANGE = "__change__";

/**
 * Asks the ruleset's questions in order and returns the result. Stops as soon as an emergency is
 * confirmed (after offering to correct a mistaken answer); otherwise reviews the answers first.
 */
export async function runInterview(
  ruleset: Ruleset,
  prompter: Prompter,
  screens: InterviewScreens,
  options: EvaluateOptions,
): Promise<InterviewOutcome> {
  const answers: Record<string, AnswerValue> = {};
  const asked = new Set<string>();
  const itemAnswers: Record<string, ItemAnswer[]> = {};
  const outcome = (result: TriageResult): InterviewOutcome => ({
    result,
    answers: { ...answers },
    asked: ruleset.questions.filter((q) => asked.has(q.id)).map((q) => q.id),
    itemAnswers: { ...itemAnswers },
  });
  const askWhen = new Map(ruleset.followUps.map((followUp) => [followUp.question.id, followUp.askWhen]));
  const shouldAsk = (question: QuestionDefinition) => {
    const condition = askWhen.get(question.id);
    return condition === undefined || condition(ruleset.encode(answers)) > 0;
  };

  prompter.say(screens.intro(ruleset));

  for (const question of ruleset.questions) {
    // Skipped while its condition does not hold; already asked if a correction switched it on.
    if (!shouldAsk(question) || asked.has(question.id)) continue;
    answers[question.id] = await ask(question, answers[question.id]);
    asked.add(question.id);
    const stop = await emergencyCheck();
    if (stop) return outcome(stop);
  }

  for (;;) {
    const choice = await prompter.select(
      "Please check your answers.",
      [
        { value: DONE, name: "These are right: show my result" },
        ...ruleset.questions
          .filter((q) => asked.has(q.id))
          .map((q) => ({
            value: q.id,
            name: `Change "${q.label}" (now: ${describeAnswer(ruleset, q.id, answers[q.id]!)})`,
          })),
      ],
      DONE,
    );
    if (choice === DONE) break;
    const stop = await change(choice);
    if (stop) return outcome(stop);
  }
  return outcome(evaluateValidAnswers(ruleset, answers, options));

  async function ask(question: QuestionDefinition, current: AnswerValue | undefined): Promise<AnswerValue> {
    if (question.type === "integer") {
      if (question.help) prompter.say(question.help);
      return prompter.integer(question.prompt, question.min, question.max, current as number | undefined);
    }
    if (question.help) prompter.say(question.help);
    if (question.items) prompter.say(question.items.map((item) => `  - ${item.text}`).join("\n"));
    const value = await prompter.select(
      question.prompt,
      question.choices.map((c) => ({ value: c.value, name: c.label })),
      current as string | undefined,
    );
    delete itemAnswers[question.id];
    return value === question.askItemsWhen ? askItemByItem(question) : value;
  }

  /** "Not sure" about the list: ask each item on its own; one warning answer settles it. */
  async function askItemByItem(question: ChoiceQuestionDefinition): Promise<AnswerValue> {
    const unknown = question.choices.find((c) => c.unknown)?.value;
    let sawUnknown = false;
    let last: string | undefined;
    const given: ItemAnswer[] = (itemAnswers[question.id] = []);
    prompter.say("One at a time, then:");
    for (const item of question.items ?? []) {
      prompter.say(`  - ${item.text}`);
      last = await prompter.select(
        question.itemPrompt ?? question.prompt,
        (question.itemChoices ?? question.choices).map((c) => ({ value: c.value, name: c.label })),
      );
      given.push({ itemId: item.id, value: last });
      if (last === question.warningAnswer) return last;
      if (last === unknown) sawUnknown = true;
    }
    return sawUnknown && unknown !== undefined ? unknown : (last ?? question.askItemsWhen!);
  }

  /**
   * Re-asks one question, then, in question order, each follow-up it switched off (its answer is
   * dropped) or on (it is asked now). Only follow-ups of questions already reached: the rest will be
   * asked in turn. A follow-up switched on may switch on the next (headache, then headacheNew, then headacheFast).
   */
  async function reask(field: string): Promise<void> {
    const question = ruleset.questionsById.get(field)!;
    answers[field] = await ask(question, answers[field]);
    asked.add(field);
    const reached = ruleset.questions.findIndex((q) => answers[q.id] === undefined && !askWhen.has(q.id));
    for (const [index, q] of ruleset.questions.entries()) {
      if (!askWhen.has(q.id) || (reached !== -1 && index > reached)) continue;
      if (!shouldAsk(q)) {
        delete answers[q.id];
        asked.delete(q.id);
        delete itemAnswers[q.id];
      } else if (!asked.has(q.id)) {
        answers[q.id] = await ask(q, undefined);
        asked.add(q.id);
      }
    }
  }

  async function change(field: string): Promise<TriageResult | undefined> {
    await reask(field);
    return emergencyCheck();
  }

  async function emergencyCheck(): Promise<TriageResult | undefined> {
    let confirmed: Reason[] = confirmedEmergencies(ruleset, answers);
    while (confirmed.length > 0) {
      // Once every question has an answer (a change at the review), nothing stopped early: the full result.
      const complete = ruleset.questions.every((q) => answers[q.id] !== undefined || !shouldAsk(q));
      const result = complete
        ? evaluateValidAnswers(ruleset, answers, options)
        : evaluateEarlyStop(ruleset, answers, options);
      prompter.say(screens.emergency(result));
      const choice = await prompter.select(
        "Are your answers right?",
        [
          { value: RIGHT, name: "Yes: show me what to do" },
          { value: CHANGE, name: "No, I answered by mistake: change an answer" },
        ],
        RIGHT,
      );
      if (choice === RIGHT) return result;
      const field = await prompter.select(
        "Which answer do you want to change?",
        ruleset.questions
          .filter((q) => asked.has(q.id))
          .map((q) => ({ value: q.id, name: `${q.label} (now: ${describeAnswer(ruleset, q.id, answers[q.id]!)})` })),
      );
      await reask(field);
      confirmed = confirmedEmergencies(ruleset, answers);
    }
    return undefined;
  }
}
