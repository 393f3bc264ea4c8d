import { describe, expect, it } from "vitest";
import { callIfFor } from "../helpers/spec-policy.js";
import { defaultRuleset, evaluate, loadRuleset, triage, type DefaultAnswers } from "../../src/index.js";
import { calmAnswers } from "../helpers/answers.js";
import { rulesetDocument } from "../helpers/ruleset-document.js";

/*
 * The advice of a result, word for word: the ruleset's wording for the result's urgency (section 2's
 * meanings), with the emergency number, the list of dropped emergencies (section 3.6), the notes of
 * the rules that fired and the self-care check-back point (section 4) filled in. Expected texts are
 * built from the ruleset document, the one source of the wording.
 */

const advice = defaultRuleset.definition.advice;
const DEFAULT_NUMBER = advice.emergencyNumber;
const rule = (id: string) => {
  const found = defaultRuleset.definition.rules.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
};
const withNumber = (template: string, number: string) => template.split("{emergencyNumber}").join(number);
const emergencyAdvice = (number: string) => withNumber(advice.urgency.emergency.advice, number);
const AFTER_INJURY = rule("spinal-cord-injury").emergencyNote as string;

function droppedAdvice(
  number: string,
  ruleIds: readonly string[],
  answers: Parameters<typeof callIfFor>[1] = calmAnswers(),
): string {
  const list = ruleIds.map((id) => `- ${callIfFor(id, answers)}`).join("\n");
  return withNumber(advice.droppedEmergency, number).replace("{list}", list);
}

describe("emergency", () => {
  it("is the ruleset's emergency advice with the number, and nothing else when no rule adds a note", () => {
    expect(triage(calmAnswers({ emergencySigns: "yes" }), { emergencyNumber: "112" }).advice).toBe(
      emergencyAdvice("112"),
    );
    expect(triage(calmAnswers({ fever: "yes", canTouchChinToChest: "no" })).advice).toBe(
      emergencyAdvice(DEFAULT_NUMBER),
    );
  });

  it("adds the note of the rules that fired once, after a space, however many of them carry it", () => {
    // spinal-cord-injury, injury-high-risk and injury all carry the same note.
    const result = triage(calmAnswers({ injury: "yes", age: 70, limbWeakness: "yes" }), { emergencyNumber: "000" });
    expect(
      result.reasons.filter((r) => r.ruleId.startsWith("injury") || r.ruleId === "spinal-cord-injury"),
    ).toHaveLength(3);
    expect(result.advice).toBe(`${emergencyAdvice("000")} ${AFTER_INJURY}`);
  });

  it("adds the note of an urgent rule that fired alongside an emergency", () => {
    const result = triage(calmAnswers({ emergencySigns: "yes", injury: "yes" }), { emergencyNumber: "999" });
    expect(result.advice).toBe(`${emergencyAdvice("999")} ${AFTER_INJURY}`);
  });
});

describe("urgent", () => {
  it("is the ordinary same-day advice when no emergency was dropped", () => {
    expect(triage(calmAnswers({ fever: "yes" }), { emergencyNumber: "112" }).advice).toBe(advice.urgency.urgent.advice);
    expect(triage(calmAnswers({ injury: "yes" })).advice).toBe(advice.urgency.urgent.advice);
  });

  it("names each dropped emergency, one line each, in the order of the reasons", () => {
    const answers = calmAnswers({ injury: "unsure", age: 70, fever: "unsure", canTouchChinToChest: "unsure" });
    const result = triage(answers, { emergencyNumber: "112" });
    const dropped = result.reasons.filter((r) => rule(r.ruleId).urgency === "emergency").map((r) => r.ruleId);
    expect(dropped).toEqual(["meningitis-signs", "injury-high-risk"]);
    expect(result.advice).toBe(droppedAdvice("112", dropped, answers));
  });

  // Fault: injury-dangerous-mechanism's own advice began "Until help comes:", as if help were on its
  // way, also under urgent (the rule possible only), where the advice is to go and get help today.
  it('fault "a dropped injury-dangerous-mechanism said Until help comes": its advice is the specification\'s, after the same-day advice', () => {
    const answers = calmAnswers({ injury: "unsure", injuryMechanism: "unsure" });
    const result = triage(answers, { emergencyNumber: "112" });
    expect(result.urgency).toBe("urgent");
    expect(result.advice).toBe(
      `${droppedAdvice("112", ["injury-dangerous-mechanism"], answers)}\nSit or lie down, keep your head and neck as still as you can, and don't drive.`,
    );
  });

  it("lists only the dropped emergencies, not the confirmed urgent signs beside them", () => {
    const result = triage(calmAnswers({ emergencySigns: "unsure", fever: "yes" }));
    expect(result.urgency).toBe("urgent");
    expect(result.advice).toBe(droppedAdvice(DEFAULT_NUMBER, ["emergency-signs"]));
  });

  it("never lists an urgent rule, even one whose ruleset entry carries a callIf", () => {
    // callIf is what to call the emergency number for when an emergency rule is dropped (section 3.6).
    const ruleset = loadRuleset(
      rulesetDocument((d) => {
        const fever = d.rules.find((r) => r.id === "fever");
        if (!fever) throw new Error("no rule fever");
        fever.callIf = "a fever that keeps rising";
      }),
    );
    const confirmed = evaluate(ruleset, calmAnswers({ fever: "yes" }), { emergencyNumber: "112" });
    expect(confirmed.reasons.map((r) => [r.ruleId, r.urgency])).toEqual([["fever", "urgent"]]);
    expect(confirmed.advice).toBe(advice.urgency.urgent.advice);
    // Beside a dropped emergency, only that emergency is listed.
    const beside = evaluate(ruleset, calmAnswers({ emergencySigns: "unsure", fever: "yes" }), {
      emergencyNumber: "112",
    });
    expect(beside.advice).toBe(droppedAdvice("112", ["emergency-signs"]));
  });

  it("does not list an emergency that the policy dropped further, to soon", () => {
    // possibleDropsLevels 2: an unsure emergency sign drops two levels, to soon; fever yes is urgent.
    const ruleset = loadRuleset(rulesetDocument((d) => (d.unsurePolicy.possibleDropsLevels = 2)));
    const result = evaluate(ruleset, calmAnswers({ emergencySigns: "unsure", fever: "yes" }), {
      emergencyNumber: "112",
    });
    expect(result.reasons.map((r) => [r.ruleId, r.certainty, r.urgency])).toEqual([
      ["fever", "confirmed", "urgent"],
      ["emergency-signs", "possible", "soon"],
    ]);
    expect(result.advice).toBe(advice.urgency.urgent.advice);
  });
});

describe("soon and none", () => {
  it("soon is the ruleset's appointment advice", () => {
    expect(triage(calmAnswers({ shootingArmPain: "yes" }), { emergencyNumber: "112" }).advice).toBe(
      advice.urgency.soon.advice,
    );
  });

  it("self-care counts the days left to the check-back day (7) from painDays", () => {
    const selfCare = (painDays: number, improving: DefaultAnswers["improving"] = "yes") =>
      triage(calmAnswers({ painDays, improving }), { emergencyNumber: "112" }).advice;
    const expected = (checkBack: string) => withNumber(advice.selfCare.advice, "112").replace("{checkBack}", checkBack);
    const before = (daysLeft: number) =>
      (daysLeft === 1 ? advice.selfCare.checkBackBefore.one : advice.selfCare.checkBackBefore.other)
        .replace("{day}", "7")
        .replace("{daysLeft}", String(daysLeft));
    expect(selfCare(0)).toBe(expected(before(7)));
    expect(selfCare(3)).toBe(expected(before(4)));
    expect(selfCare(5)).toBe(expected(before(2)));
    expect(selfCare(6)).toBe(expected(before(1)));
    expect(selfCare(7)).toBe(expected(advice.selfCare.checkBackAfter));
    expect(selfCare(400)).toBe(expected(advice.selfCare.checkBackAfter));
    // The same day again, after other days: the same text.
    expect(selfCare(3)).toBe(expected(before(4)));
  });
});

// Found by the whole-core mutation run: a rule's own advice under another urgency, its number, and
// the check-back date of one call reused for another (the self-care texts are kept by days left).
describe("a rule's own advice (section 4)", () => {
  // The specification's advice for swallowing-severe and deep-neck-infection, written out by hand.
  const GO_TODAY =
    "Go to an emergency department today: a GP appointment is not enough. Call 112 at once if breathing becomes noisy or hard, you drool, or you cannot swallow.";

  it("follows the same-day advice with the emergency number, once when two rules that fired carry it", () => {
    const answers = calmAnswers({ swallowing: "yes", swallowingSevere: "yes", fever: "yes" });
    const result = triage(answers, { emergencyNumber: "112" });
    expect(result.reasons.map((r) => r.ruleId)).toEqual(
      expect.arrayContaining(["swallowing-severe", "deep-neck-infection"]),
    );
    expect(result.urgency).toBe("urgent");
    expect(result.advice).toBe(`${advice.urgency.urgent.advice}\n${GO_TODAY}`);
  });

  it("is not given when the result is of another urgency (an emergency: call now, not go today)", () => {
    const result = triage(calmAnswers({ emergencySigns: "yes", swallowing: "yes", swallowingSevere: "yes" }), {
      emergencyNumber: "112",
    });
    expect(result.reasons.map((r) => r.ruleId)).toContain("swallowing-severe");
    expect(result.advice).toBe(emergencyAdvice("112"));
  });
});

describe("the check-back point as a date", () => {
  const selfCare = (options: { today?: string }) => triage(calmAnswers({ painDays: 3 }), options).advice;

  it("is the date of each call's own today, whatever was asked before", () => {
    expect(selfCare({ today: "2026-11-26" })).toContain("by 30 November 2026 (day 7)");
    expect(selfCare({ today: "2026-12-30" })).toContain("by 3 January 2027 (day 7)");
    expect(selfCare({})).toContain("by day 7, 4 days from now");
    expect(selfCare({ today: "2026-11-26" })).toContain("by 30 November 2026 (day 7)");
  });

  it("is in days for a ruleset with no dated wording, even when today is given", () => {
    const ruleset = loadRuleset(rulesetDocument((d) => delete d.advice.selfCare.checkBackBy));
    const withoutDates = (options: { today?: string }) =>
      evaluate(ruleset, calmAnswers({ painDays: 3 }), options).advice;
    expect(withoutDates({ today: "2026-11-26" })).toBe(withoutDates({}));
    expect(withoutDates({ today: "2026-11-26" })).toContain("by day 7, 4 days from now");
  });
});

/** The ruleset's watch-for lines with the number, less those about a question answered with its warning answer. */
function expectedWatchFor(given: object, number: string): string[] {
  const answers = given as Record<string, unknown>;
  return advice.selfCare.watchFor.flatMap((line) => {
    if (typeof line === "string") return [withNumber(line, number)];
    const reported = line.about.some((id) => {
      const q = defaultRuleset.definition.questions.find((entry) => entry.id === id);
      return q?.type === "choice" && answers[id] === q.warningAnswer;
    });
    return reported ? [] : [withNumber(line.text, number)];
  });
}

// An emergency that leaves the emergency-signs line (with the number) among the signs to watch for.
const meningitis = () => calmAnswers({ fever: "yes", canTouchChinToChest: "no" });

describe("the emergency number", () => {
  it("each result names the number it was given, whatever was asked before, for many numbers", () => {
    const numbers = Array.from({ length: 40 }, (_, i) => String(100 + i));
    for (const number of [...numbers, ...numbers.slice().reverse()]) {
      const result = triage(meningitis(), { emergencyNumber: number });
      expect(result.advice).toBe(emergencyAdvice(number));
      expect(result.watchFor).toEqual(expectedWatchFor(meningitis(), number));
      expect(result.watchFor[0]).toContain(number);
    }
    expect(triage(calmAnswers({ emergencySigns: "yes" })).advice).toBe(emergencyAdvice(DEFAULT_NUMBER));
  });

  it("is the ruleset's own default number when none is given", () => {
    const ruleset = loadRuleset(rulesetDocument((d) => (d.advice.emergencyNumber = "the number on your card")));
    const result = evaluate(ruleset, meningitis());
    expect(result.advice).toBe(emergencyAdvice("the number on your card"));
    expect(result.watchFor[0]).toBe(expectedWatchFor(meningitis(), "the number on your card")[0]);
    expect(result.watchFor[0]).toContain("the number on your card");
    expect(triage(calmAnswers({ emergencySigns: "yes" })).advice).toBe(emergencyAdvice(DEFAULT_NUMBER));
  });

  it("is filled into the urgent and soon advice too, when the ruleset's wording names it", () => {
    const ruleset = loadRuleset(
      rulesetDocument((d) => {
        d.advice.urgency.urgent.advice = "Get medical help today. If it gets worse, call {emergencyNumber}.";
        d.advice.urgency.soon.advice = "See a doctor this week. If {emergencyNumber} is needed, call it.";
      }),
    );
    const urgent = calmAnswers({ fever: "yes" });
    const soon = calmAnswers({ headache: "yes" });
    expect(evaluate(ruleset, urgent, { emergencyNumber: "112" }).advice).toBe(
      "Get medical help today. If it gets worse, call 112.",
    );
    expect(evaluate(ruleset, soon, { emergencyNumber: "112" }).advice).toBe(
      "See a doctor this week. If 112 is needed, call it.",
    );
    expect(evaluate(ruleset, urgent).advice).toBe(`Get medical help today. If it gets worse, call ${DEFAULT_NUMBER}.`);
    expect(evaluate(ruleset, soon).advice).toBe(`See a doctor this week. If ${DEFAULT_NUMBER} is needed, call it.`);
  });

  it("is filled into the self-care check-back line after the check-back day (the loader allows it there)", () => {
    const ruleset = loadRuleset(
      rulesetDocument((d) => {
        d.advice.selfCare.advice = "Rest. {checkBack}";
        d.advice.selfCare.checkBackAfter = "If it gets worse, call {emergencyNumber}.";
      }),
    );
    // Day 10 of pain, getting better, nothing else: self-care, past the check-back day (7).
    const past = calmAnswers({ painDays: 10, improving: "yes" });
    expect(evaluate(ruleset, past, { emergencyNumber: "112" }).advice).toBe("Rest. If it gets worse, call 112.");
    expect(evaluate(ruleset, past).advice).toBe(`Rest. If it gets worse, call ${DEFAULT_NUMBER}.`);
  });

  it("fills only the placeholders it knows, leaving other braces as written", () => {
    const ruleset = loadRuleset(rulesetDocument((d) => (d.advice.emergencyNumber = "{112}")));
    expect(evaluate(ruleset, calmAnswers({ emergencySigns: "yes" })).advice).toBe(emergencyAdvice("{112}"));
  });
});

describe("watchFor", () => {
  it("is every sign of the ruleset not already reported, with the number, in order (self-care, soon, emergency)", () => {
    for (const answers of [
      calmAnswers(),
      calmAnswers({ emergencySigns: "yes" }),
      calmAnswers({ headache: "unsure" }),
      calmAnswers({ headache: "yes", headacheNew: "no" }),
    ]) {
      expect(triage(answers, { emergencyNumber: "999" }).watchFor).toEqual(expectedWatchFor(answers, "999"));
    }
    expect(triage(calmAnswers()).watchFor).toHaveLength(advice.selfCare.watchFor.length);
  });

  it("never lists a sign the person has just reported: each question's warning answer takes its lines out", () => {
    for (const line of advice.selfCare.watchFor) {
      if (typeof line === "string") continue;
      for (const id of line.about) {
        const q = defaultRuleset.definition.questions.find((entry) => entry.id === id);
        if (q?.type !== "choice") continue;
        // Every follow-up answered "no" (given while not needed, it has no effect).
        const followUps = Object.fromEntries(
          defaultRuleset.definition.questions
            .filter((f) => f.askWhen !== undefined && f.type === "choice")
            .map((f) => [f.id, "no"]),
        );
        const result = triage({ ...followUps, ...calmAnswers(), [id]: q.warningAnswer });
        if (result.urgency !== "urgent")
          expect(result.watchFor, `${id}: ${q.warningAnswer}`).not.toContain(withNumber(line.text, DEFAULT_NUMBER));
      }
    }
  });

  it("a fever and a headache reported: neither is listed to watch for (the issue's case)", () => {
    const result = triage(calmAnswers({ fever: "yes", headache: "yes", headacheNew: "no" }));
    expect(result.urgency).toBe("urgent");
    // Under urgent: the emergency signs to call for instead, none of them a fever or a headache alone.
    for (const line of advice.selfCare.watchFor) {
      if (typeof line !== "string" && (line.about.includes("fever") || line.about.includes("headache")))
        expect(result.watchFor).not.toContain(line.text);
    }
    expect(result.watchFor.length).toBeGreaterThan(0);
  });

  it("is a fresh array for each result: changing one result does not change the next", () => {
    const first = triage(calmAnswers());
    first.watchFor.length = 0;
    first.watchFor.push("changed");
    expect(triage(calmAnswers()).watchFor).toEqual(expectedWatchFor(calmAnswers(), DEFAULT_NUMBER));
  });
});
