import type { ChoiceQuestionDefinition, IntegerQuestionDefinition, QuestionDefinition } from "../../ruleset/schema.js";
import type { AnswerValue } from "../interview.js";
import { MESSAGES } from "../messages.js";
import { h, type Child } from "./dom.js";

/** One screen: its heading is focused when shown, so a screen reader starts there. */
export interface Screen {
  readonly title: string;
  readonly content: Node[];
}

export interface QuestionView {
  readonly question: QuestionDefinition;
  /** "Question 3 of 14" and the like: where the person is. */
  readonly caption: string;
  /** The answer given before, when the question is asked again to change it. */
  readonly current: AnswerValue | undefined;
  /** Shown above the first question only; undefined for the others. */
  readonly intro: string | undefined;
  readonly onAnswer: (value: AnswerValue) => void;
}

/** A question as a form: a radio group in a fieldset, or a labelled whole-number field. */
export function questionScreen(view: QuestionView): Screen {
  const { question } = view;
  return question.type === "integer"
    ? integerScreen(view, question)
    : choiceScreen(view, question, question.prompt, question.choices, question.items);
}

/** One item of a list question, asked on its own after "not sure". */
export function itemScreen(
  question: ChoiceQuestionDefinition,
  index: number,
  caption: string,
  onAnswer: (value: string) => void,
): Screen {
  const item = question.items![index]!;
  const view: QuestionView = {
    question,
    caption: `${caption} · ${MESSAGES.itemOf(index + 1, question.items!.length)}`,
    current: undefined,
    intro: undefined,
    onAnswer: (value) => onAnswer(String(value)),
  };
  const choices = question.itemChoices ?? question.choices;
  return choiceScreen(view, question, question.itemPrompt ?? question.prompt, choices, undefined, item.text);
}

type Choice = ChoiceQuestionDefinition["choices"][number];

function choiceScreen(
  view: QuestionView,
  question: ChoiceQuestionDefinition,
  prompt: string,
  choices: readonly Choice[],
  items: ChoiceQuestionDefinition["items"],
  itemText?: string,
): Screen {
  const errorId = "answer-error";
  const hintId = "answer-hint";
  const radios = choices.map((choice, i) =>
    h("input", {
      type: "radio",
      class: "radio-input",
      id: `answer-${i}`,
      name: "answer",
      value: choice.value,
      checked: choice.value === view.current,
    }),
  );
  const error = h("p", { class: "error-message", id: errorId, hidden: true });
  const fieldset = h(
    "fieldset",
    { class: "question", "aria-describedby": question.help || items ? hintId : undefined },
    h(
      "legend",
      {},
      h("span", { class: "caption" }, view.caption),
      h("h1", { tabindex: -1 }, prompt),
      itemText && h("span", { class: "item-text" }, itemText),
    ),
    (question.help || items) &&
      h(
        "div",
        { id: hintId, class: "hint" },
        question.help && h("p", {}, question.help),
        items &&
          h(
            "ul",
            { class: "items" },
            items.map((item) => h("li", {}, item.text)),
          ),
      ),
    error,
    h(
      "div",
      { class: "radios" },
      radios.map((radio, i) => h("div", { class: "radio" }, radio, h("label", { for: radio.id }, choices[i]!.label))),
    ),
  );
  return formScreen(
    prompt,
    view.intro,
    fieldset,
    () => {
      const chosen = radios.find((radio) => radio.checked);
      if (chosen) return chosen.value;
      showError(fieldset, error, MESSAGES.chooseOne, radios[0]!, fieldset);
      return undefined;
    },
    view.onAnswer,
  );
}

function integerScreen(view: QuestionView, question: IntegerQuestionDefinition): Screen {
  const errorId = "answer-error";
  const unitId = "answer-unit";
  const input = h("input", {
    type: "text",
    inputmode: "numeric",
    autocomplete: "off",
    spellcheck: "false",
    class: "number-input",
    id: "answer",
    name: "answer",
    "aria-describedby": unitId,
    value: view.current === undefined ? undefined : String(view.current),
  });
  const error = h("p", { class: "error-message", id: errorId, hidden: true });
  const field = h(
    "div",
    { class: "question" },
    h("span", { class: "caption" }, view.caption),
    h("h1", { tabindex: -1 }, h("label", { for: input.id }, question.prompt)),
    question.help && h("p", { class: "hint" }, question.help),
    error,
    h("div", { class: "number-row" }, input, h("span", { class: "unit", id: unitId }, question.unit)),
  );
  return formScreen(
    question.prompt,
    view.intro,
    field,
    () => {
      const text = input.value.trim();
      const value = /^\d{1,6}$/.test(text) ? Number(text) : Number.NaN;
      if (value >= question.min && value <= question.max) return value;
      showError(field, error, MESSAGES.wholeNumber(question.min, question.max), input, input);
      return undefined;
    },
    view.onAnswer,
  );
}

/** The question in a form whose Continue button hands on the answer, or shows what is wrong. */
function formScreen(
  title: string,
  intro: string | undefined,
  body: HTMLElement,
  read: () => AnswerValue | undefined,
  onAnswer: (value: AnswerValue) => void,
): Screen {
  const form = h(
    "form",
    {
      novalidate: true,
      on: {
        submit: (event) => {
          event.preventDefault();
          const value = read();
          if (value !== undefined) onAnswer(value);
        },
      },
    },
    body,
    h("button", { type: "submit", class: "button" }, MESSAGES.continue),
  );
  const content: Child[] = [intro && h("p", { class: "intro" }, intro), form];
  return { title, content: content.filter((node): node is HTMLElement => node instanceof HTMLElement) };
}

/** Says what is wrong beside the question, ties it to the field for screen readers, and puts the focus there. */
function showError(
  group: HTMLElement,
  error: HTMLElement,
  message: string,
  focus: HTMLElement,
  describes: HTMLElement,
): void {
  error.textContent = "";
  error.append(h("span", { class: "visually-hidden" }, `${MESSAGES.problem}: `), message);
  error.hidden = false;
  error.setAttribute("role", "alert");
  group.classList.add("has-error");
  const described = describes.getAttribute("aria-describedby") ?? "";
  if (!described.includes(error.id)) describes.setAttribute("aria-describedby", `${error.id} ${described}`.trim());
  if (describes instanceof HTMLInputElement) describes.setAttribute("aria-invalid", "true");
  focus.focus();
}
