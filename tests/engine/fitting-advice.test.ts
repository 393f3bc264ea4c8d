import { describe, expect, it } from "vitest";
import { evaluate, loadRuleset } from "../../src/index.js";
import { calmAnswers, unsureAnswers } from "../helpers/answers.js";
import { ruleOf, rulesetDocument } from "../helpers/ruleset-document.js";

// The mechanics that fit the advice to the answers, on a copy of the default ruleset given the
// wording they need; the default ruleset's own wording is checked in tests/cli/fitting-advice.test.ts.

describe("summaryBy: a reason worded for the answers given", () => {
  const ruleset = loadRuleset(
    rulesetDocument((d) => {
      ruleOf(d, "injury-high-risk").summaryBy = [
        { when: { answer: "age", atLeast: 65 }, summary: "An injury at 65 or over" },
      ];
    }),
  );
  const summaryOf = (answers: Parameters<typeof calmAnswers>[0]) =>
    evaluate(ruleset, calmAnswers(answers)).reasons.find((r) => r.ruleId === "injury-high-risk")?.summary;

  it("the first entry fully met gives the summary", () => {
    expect(summaryOf({ injury: "yes", age: 70 })).toBe("An injury at 65 or over");
  });

  it("otherwise the rule's own summary, for the same firing (34, history not sure)", () => {
    expect(summaryOf({ injury: "yes", age: 34, riskHistory: "unsure" })).toBe(
      ruleOf(rulesetDocument(), "injury-high-risk").summary,
    );
  });

  it("never changes whether the rule fires", () => {
    expect(summaryOf({ injury: "yes", age: 34, riskHistory: "no" })).toBeUndefined();
  });
});

describe("watch for: never a sign the person has just reported", () => {
  const ruleset = loadRuleset(
    rulesetDocument((d) => {
      d.advice.selfCare.watchFor = [
        { text: "a fever", about: ["fever"] },
        { text: "a headache", about: ["headache"] },
        "pain that gets worse",
      ];
    }),
  );

  it("a line about a question answered with its warning answer is left out; unsure keeps it", () => {
    expect(evaluate(ruleset, calmAnswers()).watchFor).toEqual(["a fever", "a headache", "pain that gets worse"]);
    expect(evaluate(ruleset, calmAnswers({ headache: "yes" })).watchFor).toEqual(["a fever", "pain that gets worse"]);
    expect(evaluate(ruleset, calmAnswers({ headache: "unsure" })).watchFor).toEqual([
      "a fever",
      "a headache",
      "pain that gets worse",
    ]);
  });

  it("a line naming an unknown question is refused with its path", () => {
    const document = rulesetDocument((d) => {
      d.advice.selfCare.watchFor = [{ text: "a fever", about: ["fevr"] }];
    });
    expect(() => loadRuleset(document)).toThrow(/advice\.selfCare\.watchFor\.0\.about\.0: unknown question "fevr"/);
  });
});

describe("watch for under urgent: when to call the emergency number instead", () => {
  const ruleset = loadRuleset(
    rulesetDocument((d) => {
      d.advice.watchForHeading = {
        none: "Watch for",
        soon: "Get help today if",
        urgent: "Call {emergencyNumber} instead if",
      };
    }),
  );
  const callIf = (id: string) => ruleOf(rulesetDocument(), id).callIf ?? "";

  it("lists the emergency rules' signs that did not fire and could still apply to this person", () => {
    // Fever alone (urgent), 40, no risk history: meningitis and infection signs could still appear; a
    // fracture after an injury at 65 or with a risk history cannot apply to this person.
    const watchFor = evaluate(ruleset, calmAnswers({ fever: "yes", age: 40 })).watchFor;
    expect(watchFor).toContain(callIf("meningitis-signs"));
    expect(watchFor).toContain(callIf("infection-with-neuro"));
    expect(watchFor).not.toContain(callIf("injury-high-risk"));
    expect(watchFor).not.toContain(callIf("risk-with-fever"));
  });

  it("with a risk history the rules it opens are listed too; an injury not had is not (it cannot newly happen)", () => {
    const result = evaluate(ruleset, calmAnswers({ limbWeakness: "yes", riskHistory: "yes" }));
    expect(result.urgency).toBe("urgent");
    expect(result.watchFor).toContain(callIf("risk-with-fever"));
    expect(result.watchFor).not.toContain(callIf("injury-high-risk"));
    expect(result.watchFor).not.toContain(callIf("spinal-cord-injury"));
  });

  it("a dropped emergency already in the advice is not repeated", () => {
    const result = evaluate(ruleset, unsureAnswers());
    expect(result.urgency).toBe("urgent");
    for (const reason of result.reasons.filter(
      (r) => r.urgency === "urgent" && ruleOf(rulesetDocument(), r.ruleId).urgency === "emergency",
    )) {
      expect(result.watchFor).not.toContain(callIf(reason.ruleId));
    }
  });
});

describe("check-back as a date, when the caller says which day it is", () => {
  const ruleset = loadRuleset(
    rulesetDocument((d) => {
      d.advice.selfCare.checkBackBy = "If it is not clearly better by {date} (day {day}), see a doctor.";
    }),
  );

  it("day 0 on 26 November 2026: by 3 December 2026 (day 7); without a date, days from now", () => {
    expect(evaluate(ruleset, calmAnswers({ painDays: 0 }), { today: "2026-11-26" }).advice).toContain(
      "by 3 December 2026 (day 7)",
    );
    expect(evaluate(ruleset, calmAnswers({ painDays: 6 }), { today: "2026-12-31" }).advice).toContain(
      "by 1 January 2027 (day 7)",
    );
    expect(evaluate(ruleset, calmAnswers({ painDays: 3 })).advice).toContain("4 days from now");
  });

  it("past the check-back day the date plays no part", () => {
    const advice = evaluate(ruleset, calmAnswers({ painDays: 10, improving: "yes" }), { today: "2026-11-26" }).advice;
    expect(advice).not.toMatch(/2026/);
  });

  it.each(["2026-02-30", "26/11/2026", "2026-11-26T10:00", ""])("an impossible date %j is refused", (today) => {
    expect(() => evaluate(ruleset, calmAnswers({ painDays: 1 }), { today })).toThrow(RangeError);
  });
});

describe("summaryBy with callIf: the call-if sign worded for the answers too", () => {
  const ruleset = loadRuleset(
    rulesetDocument((d) => {
      const rule = ruleOf(d, "injury-high-risk");
      rule.callIf = "you were injured and have a risk history";
      rule.summaryBy = [
        {
          when: { answer: "age", atLeast: 65 },
          summary: "An injury at 65 or over",
          callIf: "you were injured at 65 or over",
        },
      ];
    }),
  );

  it("a dropped emergency's sign in the advice: by the answers given", () => {
    expect(evaluate(ruleset, unsureAnswers({ age: 34 })).advice).toContain(
      "- you were injured and have a risk history",
    );
    expect(evaluate(ruleset, unsureAnswers({ age: 70 })).advice).toContain("- you were injured at 65 or over");
    expect(evaluate(ruleset, unsureAnswers({ age: 34 })).advice).not.toContain("65");
  });
});

describe("fault: the today option is checked like any option", () => {
  it("a number for today is a TypeError, not a silent undated result", () => {
    expect(() =>
      evaluate(loadRuleset(rulesetDocument()), calmAnswers({ painDays: 1 }), { today: 20261126 } as never),
    ).toThrow(TypeError);
  });
});
