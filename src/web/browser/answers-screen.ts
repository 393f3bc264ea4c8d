import { describeAnswer } from "../../answers/labels.js";
import type { Ruleset } from "../../ruleset/load.js";
import type { QuestionDefinition } from "../../ruleset/schema.js";
import type { InterviewState } from "../interview.js";
import { MESSAGES } from "../messages.js";
import { h } from "./dom.js";
import type { Screen } from "./question-screens.js";

/** Every answer given, in question order, with the items of a list answered one by one. */
export function answersList(
  ruleset: Ruleset,
  state: InterviewState,
  questions: readonly QuestionDefinition[],
  onChange?: (field: string) => void,
): HTMLElement {
  return h(
    "dl",
    { class: "answers" },
    questions.map((question) => {
      const value = state.answers[question.id]!;
      const items = state.itemAnswers[question.id];
      const itemChoices = question.type === "choice" ? (question.itemChoices ?? question.choices) : [];
      const itemText = (id: string) =>
        (question.type === "choice" ? question.items?.find((item) => item.id === id)?.text : undefined) ?? id;
      return h(
        "div",
        { class: "answer-row", "data-field": question.id },
        h("dt", {}, question.label),
        h(
          "dd",
          {},
          describeAnswer(ruleset, question.id, value),
          items &&
            h(
              "ul",
              { class: "item-answers" },
              items.map((item) =>
                h(
                  "li",
                  {},
                  `${itemText(item.itemId)}: ${itemChoices.find((c) => c.value === item.value)?.label ?? item.value}`,
                ),
              ),
            ),
        ),
        onChange &&
          h(
            "dd",
            { class: "change" },
            h(
              "button",
              { type: "button", class: "link-button", on: { click: () => onChange(question.id) } },
              MESSAGES.change,
              h("span", { class: "visually-hidden" }, ` ${question.label}`),
            ),
          ),
      );
    }),
  );
}

/** The review before the result, and the list to pick an answer to correct at an emergency stop. */
export function answersScreen(
  ruleset: Ruleset,
  state: InterviewState,
  questions: readonly QuestionDefinition[],
  title: string,
  onChange: (field: string) => void,
  onDone?: () => void,
): Screen {
  return {
    title,
    content: [
      h("h1", { tabindex: -1 }, title),
      answersList(ruleset, state, questions, onChange),
      ...(onDone ? [h("button", { type: "button", class: "button", on: { click: onDone } }, MESSAGES.reviewDone)] : []),
    ],
  };
}
