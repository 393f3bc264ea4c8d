import { describe, expect, it } from "vitest";
import { defaultRuleset, triage, type DefaultAnswers } from "../../src/index.js";
import {
  answer,
  correct,
  finalResult,
  listAnswer,
  nextStep,
  START,
  type InterviewState,
} from "../../src/web/interview.js";
import { calmAnswers } from "../helpers/answers.js";
import { pageModelResult } from "./helpers/page-model.js";
import { terminalResult } from "./helpers/person.js";
import {
  ALL_UNSURE,
  CALM,
  EMERGENCY_BY_ITEM,
  FEVER_AND_INJURY,
  MANY_WARNINGS,
  PEOPLE_PER_RULE,
} from "./helpers/people.js";

// The page's interview (src/web/interview.ts) against the terminal's (the CLI's interview, run with
// the same person answering): the same questions lead to the same result, early stop included.

const ruleset = defaultRuleset;
const people = [CALM, ALL_UNSURE, EMERGENCY_BY_ITEM, MANY_WARNINGS, FEVER_AND_INJURY, ...PEOPLE_PER_RULE];

describe("the page's interview gives the terminal's result", () => {
  it.each(people.map((person) => [person.name, person] as const))("%s", async (_name, person) => {
    expect(pageModelResult(ruleset, person)).toEqual(await terminalResult(ruleset, person));
  });

  it("the emergency number given to the page is the one its advice names, as in the terminal", async () => {
    const person = PEOPLE_PER_RULE.find((p) => p.name === "emergency-signs confirmed")!;
    const result = pageModelResult(ruleset, person, { emergencyNumber: "112" });
    expect(result.advice).toContain("112");
    expect(result).toEqual(await terminalResult(ruleset, person, ["--emergency-number", "112"]));
  });
});

/** Answers each question the page asks next with the value given, in order; fails on any other step. */
function answerInTurn(state: InterviewState, ...given: [string, string | number][]): InterviewState {
  for (const [field, value] of given) {
    const step = nextStep(ruleset, state, {});
    expect(step.kind === "question" && step.question.id, `asked next instead of ${field}`).toBe(field);
    state = answer(ruleset, state, field, value);
  }
  return state;
}

const inOrder = (answers: DefaultAnswers): [string, string | number][] =>
  ruleset.questions.flatMap((q) => {
    const value = (answers as unknown as Record<string, string | number | undefined>)[q.id];
    const asked =
      q.askWhen === undefined ||
      ruleset.followUps.find((f) => f.question.id === q.id)!.askWhen(ruleset.encode(answers as never)) > 0;
    return value === undefined || !asked ? [] : [[q.id, value] as [string, string | number]];
  });

describe("corrections", () => {
  it("at an emergency stop: changing the answer that stopped it goes on with the next question, and the result is triage()'s", () => {
    let state = answerInTurn(START, ["emergencySigns", "yes"]);
    const stop = nextStep(ruleset, state, {});
    expect(stop.kind === "emergency" && stop.result.unanswered?.length).toBeGreaterThan(0);
    state = correct(ruleset, state, "emergencySigns", "no");
    state = answerInTurn(state, ...inOrder(calmAnswers()).slice(1));
    expect(nextStep(ruleset, state, {}).kind).toBe("review");
    expect(finalResult(ruleset, state, {})).toEqual(triage(calmAnswers()));
  });

  it("at the review: a change that switches on a follow-up asks it next, then comes back to the review", () => {
    let state = answerInTurn(START, ...inOrder(calmAnswers()));
    state = correct(ruleset, state, "headache", "yes");
    state = answerInTurn(state, ["headacheNew", "no"]);
    expect(nextStep(ruleset, state, {}).kind).toBe("review");
    expect(finalResult(ruleset, state, {})).toEqual(triage(calmAnswers({ headache: "yes", headacheNew: "no" })));
  });

  it("at the review: a follow-up switched on by a change is asked before the emergency check, as in the terminal", () => {
    let state = answerInTurn(START, ...inOrder(calmAnswers({ limbWeakness: "yes" })));
    state = correct(ruleset, state, "injury", "yes");
    state = answerInTurn(state, ["injuryMechanism", "no"]);
    const stop = nextStep(ruleset, state, {});
    // Every question answered: the full result, nothing left unanswered.
    expect(stop.kind === "emergency" && stop.result).toEqual(
      triage(calmAnswers({ limbWeakness: "yes", injury: "yes", injuryMechanism: "no" })),
    );
  });

  it("a change that switches a follow-up off drops its answer", () => {
    let state = answerInTurn(
      START,
      ...inOrder(calmAnswers({ headache: "yes", headacheNew: "yes", headacheFast: "no" })),
    );
    state = correct(ruleset, state, "headache", "no");
    expect(state.answers.headacheNew).toBeUndefined();
    expect(state.answers.headacheFast).toBeUndefined();
    expect(nextStep(ruleset, state, {}).kind).toBe("review");
  });
});

describe("a list answered item by item", () => {
  const list = ruleset.questionsById.get("emergencySigns");
  if (list?.type !== "choice" || !list.items) throw new Error("the default ruleset's emergency screen is a list");
  const items = (...values: string[]) => values.map((value, i) => ({ itemId: list.items![i]!.id, value }));

  it("one warning answer settles it at once; otherwise every item is asked", () => {
    expect(listAnswer(list, items("no", "yes"))).toBe("yes");
    expect(listAnswer(list, items("no", "no"))).toBeUndefined();
  });

  it('after the last item: "not sure" if any item was, else the reassuring answer', () => {
    const all = (value: string) => list.items!.map(() => value);
    expect(listAnswer(list, items(...all("no")))).toBe("no");
    expect(listAnswer(list, items("unsure", ...all("no").slice(1)))).toBe("unsure");
  });
});
