import { describeAnswer } from "../../answers/labels.js";
import type { Reason, TriageResult } from "../../engine/result.js";
import type { Ruleset } from "../../ruleset/load.js";
import type { InterviewState } from "../interview.js";
import { MESSAGES } from "../messages.js";
import { answersList } from "./answers-screen.js";
import { h, paragraphs } from "./dom.js";
import type { Screen } from "./question-screens.js";

/** The urgency in the ruleset's words, e.g. "Emergency: call your emergency number now". */
function headline(ruleset: Ruleset, urgency: TriageResult["urgency"]): string {
  const words = ruleset.definition.advice.urgency[urgency];
  return `${words.label}: ${words.meaning}`;
}

/** What to do, first and in a panel marked by words as well as colour. */
function actionPanel(ruleset: Ruleset, result: TriageResult): HTMLElement {
  return h(
    "div",
    { class: `panel urgency-${result.urgency}`, "data-urgency": result.urgency, "data-verdict": result.verdict },
    h("h1", { tabindex: -1 }, headline(ruleset, result.urgency)),
    h("h2", { class: "panel-heading" }, MESSAGES.whatToDo),
    h("div", { class: "advice", "data-advice": "" }, paragraphs(result.advice)),
  );
}

function reasonItem(ruleset: Ruleset, reason: Reason, withDetail: boolean): HTMLElement {
  const tag = ruleset.definition.advice.urgency[reason.urgency].label;
  const answered = Object.entries(reason.answers)
    .map(
      ([field, value]) =>
        `${ruleset.questionsById.get(field)?.label ?? field}: ${describeAnswer(ruleset, field, value)}`,
    )
    .join("; ");
  return h(
    "li",
    {
      class: `reason urgency-${reason.urgency}`,
      "data-rule-id": reason.ruleId,
      "data-certainty": reason.certainty,
      "data-urgency": reason.urgency,
    },
    h("p", { class: "reason-summary" }, h("strong", { class: "tag" }, `${tag}:`), " ", reason.summary),
    h(
      "p",
      { class: "reason-detail" },
      reason.certainty === "possible" && `${MESSAGES.possible} `,
      `${MESSAGES.yourAnswersFor} ${answered}.`,
    ),
    withDetail &&
      h(
        "div",
        { class: "sources" },
        h("p", { class: "sources-heading" }, MESSAGES.sources),
        h(
          "ul",
          {},
          reason.sources.map((source) =>
            h(
              "li",
              {},
              h(
                "a",
                { href: source.url, target: "_blank", rel: "noopener noreferrer" },
                source.title,
                h("span", { class: "visually-hidden" }, ` ${MESSAGES.newTab}`),
              ),
            ),
          ),
        ),
      ),
  );
}

function reasonsSection(ruleset: Ruleset, result: TriageResult, withSources: boolean): HTMLElement | false {
  return (
    result.reasons.length > 0 &&
    h(
      "section",
      { "aria-labelledby": "why" },
      h("h2", { id: "why" }, MESSAGES.why),
      h(
        "ul",
        { class: "reasons" },
        result.reasons.map((r) => reasonItem(ruleset, r, withSources)),
      ),
    )
  );
}

function stoppedNote(result: TriageResult): HTMLElement | false {
  const count = result.unanswered?.length ?? 0;
  return count > 0 && h("p", { class: "note" }, MESSAGES.stopped(count));
}

/** The moment an emergency is confirmed: what to do at the top, then a way to correct a mistaken answer. */
export function emergencyScreen(
  ruleset: Ruleset,
  result: TriageResult,
  onRight: () => void,
  onChange: () => void,
): Screen {
  return {
    title: headline(ruleset, result.urgency),
    content: [
      actionPanel(ruleset, result),
      ...[reasonsSection(ruleset, result, false), stoppedNote(result)].filter(
        (node): node is HTMLElement => node !== false,
      ),
      h(
        "div",
        { class: "confirm", role: "group", "aria-labelledby": "confirm-heading" },
        h("h2", { id: "confirm-heading" }, MESSAGES.confirmEmergency),
        h(
          "div",
          { class: "buttons" },
          h("button", { type: "button", class: "button", on: { click: onRight } }, MESSAGES.confirmYes),
          h("button", { type: "button", class: "button secondary", on: { click: onChange } }, MESSAGES.confirmChange),
        ),
      ),
    ],
  };
}

export interface ResultView {
  readonly ruleset: Ruleset;
  readonly result: TriageResult;
  readonly state: InterviewState;
  /** When the result was made, in the person's words for dates (the browser's clock). */
  readonly madeOn: string;
  readonly onStartAgain: () => void;
}

/** The result: the action first, then why (with sources), what to watch for, every answer, the disclaimer. */
export function resultScreen(view: ResultView): Screen {
  const { ruleset, result, state } = view;
  const asked = ruleset.questions.filter((q) => state.answers[q.id] !== undefined);
  const watchHeading = result.urgency === "none" ? MESSAGES.watchFor : MESSAGES.getHelpSooner;
  return {
    title: headline(ruleset, result.urgency),
    content: [
      actionPanel(ruleset, result),
      h("p", { class: "report-meta" }, h("span", { id: "made-on" }, MESSAGES.madeOn(view.madeOn))),
      ...[reasonsSection(ruleset, result, true), stoppedNote(result)].filter(
        (node): node is HTMLElement => node !== false,
      ),
      ...(result.urgency === "emergency"
        ? []
        : [
            h(
              "section",
              { "aria-labelledby": "watch" },
              h("h2", { id: "watch" }, watchHeading),
              h(
                "ul",
                { class: "watch-for" },
                result.watchFor.map((line) => h("li", {}, line)),
              ),
            ),
          ]),
      h(
        "section",
        { "aria-labelledby": "answers-heading" },
        h("h2", { id: "answers-heading" }, MESSAGES.yourAnswers),
        answersList(ruleset, state, asked),
      ),
      h("p", { class: "disclaimer" }, result.disclaimer),
      h(
        "div",
        { class: "buttons no-print" },
        h("button", { type: "button", class: "button", on: { click: () => window.print() } }, MESSAGES.printReport),
        h(
          "button",
          { type: "button", class: "button secondary", on: { click: view.onStartAgain } },
          MESSAGES.startAgain,
        ),
      ),
    ],
  };
}
