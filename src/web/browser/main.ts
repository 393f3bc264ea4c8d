import { localDate, madeAtWords } from "../../engine/calendar.js";
import type { EvaluateOptions, TriageResult } from "../../engine/result.js";
import { compileValidatedRuleset } from "../../ruleset/compile.js";
import type { ChoiceQuestionDefinition, QuestionDefinition } from "../../ruleset/schema.js";
import {
  answer,
  answeredQuestions,
  correct,
  finalResult,
  listAnswer,
  nextStep,
  START,
  type AnswerValue,
  type InterviewState,
  type ItemAnswer,
} from "../interview.js";
import { MESSAGES } from "../messages.js";
import { PAGE_DATA_ID, type PageData } from "../page-data.js";
import { h } from "./dom.js";
import { itemScreen, questionScreen, type Screen } from "./question-screens.js";
import { answersScreen } from "./answers-screen.js";
import { emergencyScreen, resultScreen } from "./result-screens.js";

// The ruleset was validated by the command that made this page, so it is only compiled here.
const data = JSON.parse(document.getElementById(PAGE_DATA_ID)!.textContent) as PageData;
const ruleset = compileValidatedRuleset(data.ruleset);
/** The command's options, and today's date from the browser's clock: check-back days worded as dates, as the terminal words them. */
const options = (): EvaluateOptions => ({ ...data.options, today: localDate(new Date()) });
const main = document.getElementById("main")!;

let state: InterviewState = START;

function show(screen: Screen): void {
  main.replaceChildren(...screen.content);
  document.title = `${screen.title} · ${ruleset.definition.title}`;
  window.scrollTo(0, 0);
  (main.querySelector("h1") ?? main).focus();
}

/** Shows whatever the engine says comes next: a question, the emergency stop, or the review. */
function advance(): void {
  const step = nextStep(ruleset, state, options());
  if (step.kind === "question") {
    const caption = MESSAGES.questionOf(step.number, step.total);
    const intro = Object.keys(state.answers).length === 0 ? ruleset.definition.intro : undefined;
    ask(step.question, caption, intro, (field, value, items) => {
      state = answer(ruleset, state, field, value, items);
      advance();
    });
  } else if (step.kind === "emergency") {
    show(emergencyScreen(ruleset, step.result, () => showResult(step.result), pickCorrection));
  } else {
    show(
      answersScreen(ruleset, state, answeredQuestions(ruleset, state), MESSAGES.review, askAgain, () =>
        showResult(finalResult(ruleset, state, options())),
      ),
    );
  }
}

type Commit = (field: string, value: AnswerValue, items?: readonly ItemAnswer[]) => void;

/** Asks one question; "not sure" about a list goes through its items one at a time. */
function ask(question: QuestionDefinition, caption: string, intro: string | undefined, commit: Commit): void {
  show(
    questionScreen({
      question,
      caption,
      intro,
      current: state.answers[question.id],
      onAnswer: (value) => {
        if (question.type === "choice" && question.items && value === question.askItemsWhen)
          askItems(question, caption, [], commit);
        else commit(question.id, value);
      },
    }),
  );
}

function askItems(
  question: ChoiceQuestionDefinition,
  caption: string,
  given: readonly ItemAnswer[],
  commit: Commit,
): void {
  show(
    itemScreen(question, given.length, caption, (value) => {
      const items = [...given, { itemId: question.items![given.length]!.id, value }];
      const settled = listAnswer(question, items);
      if (settled === undefined) askItems(question, caption, items, commit);
      else commit(question.id, settled, items);
    }),
  );
}

/** Asks a question again to change its answer; then the engine decides what follows. */
function askAgain(field: string): void {
  const question = ruleset.questionsById.get(field)!;
  ask(question, question.label, undefined, (id, value, items) => {
    state = correct(ruleset, state, id, value, items);
    advance();
  });
}

function pickCorrection(): void {
  show(answersScreen(ruleset, state, answeredQuestions(ruleset, state), MESSAGES.whichAnswer, askAgain));
}

function showResult(result: TriageResult): void {
  const now = () => madeAtWords(new Date());
  show(resultScreen({ ruleset, result, state, madeOn: now(), onStartAgain: startAgain }));
  // A printed report carries the date it was printed.
  const madeOn = document.getElementById("made-on");
  window.onbeforeprint = () => {
    if (madeOn?.isConnected) madeOn.textContent = MESSAGES.madeOn(now());
  };
}

function startAgain(): void {
  state = START;
  advance();
}

/** Below every screen, and in the printed report: what the page keeps to itself, and which rules it runs (the digest tells an edited copy). */
function footer(): void {
  document
    .getElementById("about")!
    .replaceChildren(
      h("p", {}, MESSAGES.privacy),
      h(
        "p",
        { class: "ruleset-line" },
        `${MESSAGES.rules(ruleset.id, ruleset.version)}, ${MESSAGES.digest(ruleset.digest)}`,
      ),
    );
}

try {
  advance();
} finally {
  // After the first question is on screen: the footer names the ruleset's digest, worked out from the page's data.
  setTimeout(footer);
}
