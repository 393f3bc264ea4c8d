import { describe, expect, it } from "vitest";
import { AnswersError, defaultRuleset, evaluate, triage, type DefaultAnswers } from "../../src/index.js";
import { calmAnswers, issuesThrownBy } from "../helpers/answers.js";
import { variantOfDefault } from "../fhir/rulesets.js";

/** docs/clinical-basis.md section 1b: follow-up questions in JSON answers and in the engine. */

const YES_NO_UNSURE = { choices: ["yes", "no", "unsure"] };

/** Calm answers with exactly these fields set or (undefined) removed: no follow-up filled in for us. */
function exactly(changes: Record<string, string | number | undefined>): Record<string, string | number> {
  const answers: Record<string, string | number | undefined> = { ...calmAnswers(), ...changes };
  for (const [key, value] of Object.entries(answers)) if (value === undefined) delete answers[key];
  return answers as Record<string, string | number>;
}

describe("a follow-up may be left out while its condition does not hold", () => {
  it("takes a 1.0 answers file with injury and headache 'no' once it has the new swallowing field (improving left out before day 7)", () => {
    const oneZero = exactly({ improving: undefined });
    expect(Object.keys(oneZero)).not.toContain("injuryMechanism");
    expect(triage(oneZero as unknown as DefaultAnswers).verdict).toBe("self-care-likely-fine");
    const withoutSwallowing = exactly({ swallowing: undefined });
    expect(issuesThrownBy(() => triage(withoutSwallowing as unknown as DefaultAnswers), AnswersError)).toEqual([
      {
        path: "swallowing",
        code: "answers.missing",
        params: { expected: YES_NO_UNSURE },
        message: 'missing; expected "yes" | "no" | "unsure"',
      },
    ]);
  });

  it.each<[string, Record<string, string | number>, string]>([
    ["injuryMechanism", { injury: "yes" }, 'injury is "yes"'],
    ["injuryMechanism", { injury: "unsure" }, 'injury is "unsure"'],
    ["swallowingSevere", { swallowing: "yes" }, 'swallowing is "yes"'],
    ["headacheNew", { headache: "unsure" }, 'headache is "unsure"'],
    ["headacheFast", { headache: "yes", headacheNew: "unsure" }, 'headache is "yes" and headacheNew is "unsure"'],
    ["improving", { painDays: 7 }, "painDays is 7"],
  ])("refuses %s left out when %o, naming why it is needed", (field, changes, because) => {
    const issues = issuesThrownBy(
      () => triage(exactly({ ...changes, [field]: undefined }) as unknown as DefaultAnswers),
      AnswersError,
    );
    expect(issues).toEqual([
      {
        path: field,
        code: "answers.missing-follow-up",
        // The answers that make it needed, in question order: the same as `changes` here.
        params: {
          because: Object.entries(changes).map(([name, value]) => ({ field: name, value })),
          expected: YES_NO_UNSURE,
        },
        message: `missing; needed because ${because}; expected "yes" | "no" | "unsure"`,
      },
    ]);
  });

  it("gives the contract's message for an injury without injuryMechanism", () => {
    const error = (() => {
      try {
        triage(exactly({ injury: "yes" }) as unknown as DefaultAnswers);
      } catch (caught) {
        return caught as AnswersError;
      }
      throw new Error("expected an AnswersError");
    })();
    expect(error.message).toContain('injuryMechanism: missing; needed because injury is "yes"');
  });

  it("does not ask headacheFast while headacheNew is 'no' (an old kind of headache)", () => {
    expect(triage(exactly({ headache: "yes", headacheNew: "no", age: 62 }) as unknown as DefaultAnswers).urgency).toBe(
      "soon",
    );
  });

  it("reports a needed follow-up together with every other problem", () => {
    const issues = issuesThrownBy(
      () => evaluate(defaultRuleset, exactly({ injury: "yes", fever: "maybe", painDays: 10, improving: undefined })),
      AnswersError,
    );
    expect(issues.map((issue) => issue.path)).toEqual(["fever", "injuryMechanism", "improving"]);
  });

  it("never makes a follow-up needed from an answer that is itself invalid", () => {
    const issues = issuesThrownBy(() => evaluate(defaultRuleset, exactly({ injury: "ja" })), AnswersError);
    expect(issues.map((issue) => issue.path)).toEqual(["injury"]);
  });
});

describe("a follow-up given while its condition does not hold", () => {
  it("is validated like any answer", () => {
    const issues = issuesThrownBy(
      () => evaluate(defaultRuleset, exactly({ injuryMechanism: "perhaps" })),
      AnswersError,
    );
    expect(issues).toEqual([
      {
        path: "injuryMechanism",
        code: "answers.invalid-value",
        params: { expected: YES_NO_UNSURE, received: { type: "string", value: "perhaps" } },
        message: 'expected "yes" | "no" | "unsure", got "perhaps"',
      },
    ]);
  });

  it("has no effect, even in a ruleset whose rule reads the follow-up alone", () => {
    const ruleset = variantOfDefault((document) => {
      document.rules.push({
        id: "mechanism-alone",
        urgency: "emergency",
        when: { answer: "injuryMechanism", equals: "yes" },
        summary: "test",
        callIf: "test",
        sources: ["aans"],
      });
    });
    const switchedOff = evaluate(ruleset, exactly({ injury: "no", injuryMechanism: "yes" }));
    expect(switchedOff.verdict).toBe("self-care-likely-fine");
    const switchedOn = evaluate(ruleset, exactly({ injury: "unsure", injuryMechanism: "yes" }));
    expect(switchedOn.reasons.map((r) => r.ruleId)).toContain("mechanism-alone");
  });

  it("counts as not answered in a follow-up's own condition too (headacheFast after headacheNew switched off)", () => {
    const ruleset = variantOfDefault((document) => {
      const fast = document.questions.find((q) => q.id === "headacheFast");
      if (fast) fast.askWhen = { answer: "headacheNew", equals: "yes" };
      document.rules.push({
        id: "fast-alone",
        urgency: "urgent",
        when: { answer: "headacheFast", equals: "yes" },
        summary: "test",
        sources: ["aans"],
      });
    });
    const result = evaluate(ruleset, exactly({ headache: "no", headacheNew: "yes", headacheFast: "yes" }));
    expect(result.verdict).toBe("self-care-likely-fine");
  });
});

describe("headache-over-50 (section 1b)", () => {
  it("counts an unsure headacheNew fully: confirmed, urgent, the same day", () => {
    const result = triage(calmAnswers({ headache: "yes", headacheNew: "unsure", headacheFast: "no", age: 60 }));
    const reason = result.reasons.find((r) => r.ruleId === "headache-over-50");
    expect([reason?.certainty, reason?.urgency]).toEqual(["confirmed", "urgent"]);
  });

  it("leaves a lifelong headache at 62 at 'soon' (the 1.0 over-triage)", () => {
    const result = triage(calmAnswers({ headache: "yes", headacheNew: "no", age: 62 }));
    expect(result.reasons.map((r) => r.ruleId)).toEqual(["headache"]);
    expect(result.urgency).toBe("soon");
  });
});
