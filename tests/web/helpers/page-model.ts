import type { EvaluateOptions, TriageResult } from "../../../src/index.js";
import type { Ruleset } from "../../../src/ruleset/load.js";
import {
  answer,
  finalResult,
  listAnswer,
  nextStep,
  START,
  type InterviewState,
  type ItemAnswer,
} from "../../../src/web/interview.js";
import { Replies, type Person } from "./person.js";

/** The page's interview without the page: the person answers each step the page would show. */
export function pageModelResult(
  ruleset: Ruleset,
  person: Person,
  options: EvaluateOptions = {},
  from: InterviewState = START,
): TriageResult {
  const replies = new Replies(person);
  let state = from;
  for (let steps = 0; steps < 500; steps++) {
    const step = nextStep(ruleset, state, options);
    if (step.kind === "emergency") return step.result;
    if (step.kind === "review") return finalResult(ruleset, state, options);
    const { question } = step;
    let value = replies.answerTo(question);
    let items: ItemAnswer[] | undefined;
    if (question.type === "choice" && question.items && value === question.askItemsWhen) {
      items = [];
      let settled: string | undefined;
      while ((settled = listAnswer(question, items)) === undefined)
        items.push({ itemId: question.items[items.length]!.id, value: replies.nextItem(question) });
      value = settled;
    }
    state = answer(ruleset, state, question.id, value, items);
  }
  throw new Error(`${person.name}: the interview did not end`);
}
