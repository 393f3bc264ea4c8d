import { describe, expect, it } from "vitest";
import { AnswersError, AnswersSchema, defaultRuleset, evaluate, loadRuleset, RulesetError, triage } from "../src/index.js";
import type { DefaultAnswers } from "../src/index.js";
import { calmAnswers } from "./helpers/answers.js";

const calm: DefaultAnswers = calmAnswers({ improving: "unsure" });

describe("library API", () => {
  it("DefaultAnswers names exactly the default ruleset's questions, the follow-ups optional", () => {
    const every: Required<DefaultAnswers> = {
      ...calm,
      id: "x",
      injuryMechanism: "no",
      swallowingSevere: "no",
      headacheNew: "no",
      headacheFast: "no",
      improving: "no",
    };
    expect(Object.keys(every).filter((key) => key !== "id").sort()).toEqual(defaultRuleset.questions.map((q) => q.id).sort());
    // Only the follow-ups may be left out: these are the fields a type-checked caller may omit.
    const optional: (keyof DefaultAnswers)[] = ["id", "injuryMechanism", "swallowingSevere", "headacheNew", "headacheFast", "improving"];
    expect(defaultRuleset.questions.filter((q) => q.askWhen !== undefined).map((q) => q.id)).toEqual(optional.slice(1));
    expect(AnswersSchema.parse(calm)).toEqual(calm);
  });

  it("triage and evaluate(defaultRuleset) agree", () => {
    const answers = { ...calm, headache: "yes" as const, headacheNew: "no" as const };
    expect(triage(answers)).toEqual(evaluate(defaultRuleset, answers));
  });

  it("names the emergency number given in the options", () => {
    const result = triage({ ...calm, emergencySigns: "yes" }, { emergencyNumber: "112" });
    expect(result.advice).toContain("Call 112 now");
  });

  it("throws AnswersError with every issue and its path", () => {
    const bad = { ...calm, fever: "maybe", fevr: "yes" } as unknown as DefaultAnswers;
    const error = (() => {
      try {
        triage(bad);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AnswersError);
    expect((error as AnswersError).issues).toEqual([
      { path: "fever", message: 'expected "yes" | "no" | "unsure", got "maybe"' },
      { path: "fevr", message: 'unknown field; did you mean "fever"?' },
    ]);
  });

  it("loadRuleset throws RulesetError on a broken document", () => {
    expect(() => loadRuleset({ id: "x" })).toThrow(RulesetError);
  });
});
