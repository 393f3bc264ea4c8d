import { describe, expect, it } from "vitest";
import defaultDocument from "../../rules/default.json" with { type: "json" };
import { callIfFor } from "../helpers/spec-policy.js";
import {
  defaultRuleset,
  triage,
  type Certainty,
  type DefaultAnswers,
  type RuleUrgency,
  type Urgency,
} from "../../src/index.js";
import { calmAnswers, reasonFor, unsureAnswers } from "../helpers/answers.js";
import { expectedDigest } from "../helpers/digest.js";

/*
 * Truth tables of docs/clinical-basis.md section 3, each row checked by hand against the spec:
 * 1 = warning answer, ½ = unsure, 0 = otherwise; and = min, or = max; possible drops one level
 * (floor soon); a possible emergency of two or more parts is anchored at emergency when exactly one
 * part is unsure and another is confirmed, neither of them age or riskHistory.
 */

type Expected = readonly [Certainty, RuleUrgency] | "not fired";
type Row = readonly [Partial<DefaultAnswers>, Expected, Urgency];

function checkRows(ruleId: string, rows: readonly Row[]) {
  for (const [overrides, expected, overall] of rows) {
    const label = `${ruleId} with ${JSON.stringify(overrides)}`;
    const result = triage(calmAnswers(overrides));
    const reason = reasonFor(result, ruleId);
    expect(reason ? [reason.certainty, reason.urgency] : "not fired", label).toEqual(expected);
    expect(result.urgency, `overall for ${label}`).toBe(overall);
  }
}

describe("the policy in the ruleset is the spec's", () => {
  it("drops one level, floors at soon, anchors emergencies, never on background parts", () => {
    expect(defaultRuleset.definition.unsurePolicy).toEqual({
      possibleDropsLevels: 1,
      floor: "soon",
      anchor: {
        urgency: "emergency",
        minParts: 2,
        maxUnsureParts: 1,
        minConfirmedParts: 1,
        backgroundNeverAnchors: true,
      },
    });
  });
});

describe("and = minimum, with the anchor (meningitis-signs: fever and chin-to-chest no)", () => {
  it("follows the table", () => {
    checkRows("meningitis-signs", [
      [{ fever: "yes", canTouchChinToChest: "no" }, ["confirmed", "emergency"], "emergency"],
      // The spec's example: fever yes + chin unsure stays an emergency.
      [{ fever: "yes", canTouchChinToChest: "unsure" }, ["possible", "emergency"], "emergency"],
      [{ fever: "yes", canTouchChinToChest: "yes" }, "not fired", "urgent"],
      [{ fever: "unsure", canTouchChinToChest: "no" }, ["possible", "emergency"], "emergency"],
      [{ fever: "unsure", canTouchChinToChest: "unsure" }, ["possible", "urgent"], "urgent"],
      [{ fever: "unsure", canTouchChinToChest: "yes" }, "not fired", "soon"],
      [{ fever: "no", canTouchChinToChest: "no" }, "not fired", "soon"],
      [{ fever: "no", canTouchChinToChest: "unsure" }, "not fired", "soon"],
      [{ fever: "no", canTouchChinToChest: "yes" }, "not fired", "none"],
    ]);
  });

  it("adds to the single-sign rules instead of replacing them", () => {
    const result = triage(calmAnswers({ fever: "yes", canTouchChinToChest: "unsure" }));
    expect(result.reasons.map((r) => [r.ruleId, r.certainty, r.urgency])).toEqual([
      ["meningitis-signs", "possible", "emergency"],
      ["fever", "confirmed", "urgent"],
      ["stiff-neck", "possible", "soon"],
    ]);
  });
});

describe("or = maximum, one part (weakness-or-coordination, urgent)", () => {
  it("follows the table", () => {
    checkRows("weakness-or-coordination", [
      [{ limbWeakness: "yes", coordinationLoss: "yes" }, ["confirmed", "urgent"], "urgent"],
      [{ limbWeakness: "yes", coordinationLoss: "unsure" }, ["confirmed", "urgent"], "urgent"],
      [{ limbWeakness: "yes", coordinationLoss: "no" }, ["confirmed", "urgent"], "urgent"],
      [{ limbWeakness: "unsure", coordinationLoss: "yes" }, ["confirmed", "urgent"], "urgent"],
      [{ limbWeakness: "no", coordinationLoss: "yes" }, ["confirmed", "urgent"], "urgent"],
      [{ limbWeakness: "unsure", coordinationLoss: "unsure" }, ["possible", "soon"], "soon"],
      [{ limbWeakness: "unsure", coordinationLoss: "no" }, ["possible", "soon"], "soon"],
      [{ limbWeakness: "no", coordinationLoss: "unsure" }, ["possible", "soon"], "soon"],
      [{ limbWeakness: "no", coordinationLoss: "no" }, "not fired", "none"],
    ]);
  });
});

describe("an or group counts as one part (infection-with-neuro: fever and (weakness or coordination))", () => {
  it("follows the table", () => {
    checkRows("infection-with-neuro", [
      [{ fever: "yes", limbWeakness: "yes" }, ["confirmed", "emergency"], "emergency"],
      [{ fever: "yes", limbWeakness: "unsure" }, ["possible", "emergency"], "emergency"],
      // Two unsure members of one group are still one unsure part.
      [{ fever: "yes", limbWeakness: "unsure", coordinationLoss: "unsure" }, ["possible", "emergency"], "emergency"],
      [{ fever: "unsure", coordinationLoss: "yes" }, ["possible", "emergency"], "emergency"],
      [{ fever: "unsure", limbWeakness: "unsure" }, ["possible", "urgent"], "urgent"],
      [{ fever: "no", limbWeakness: "yes" }, "not fired", "urgent"],
    ]);
  });
});

describe("spinal-cord-injury: injury and (weakness or tingling or coordination)", () => {
  it("follows the table, with the spec's example of injury yes + tingling unsure", () => {
    checkRows("spinal-cord-injury", [
      [{ injury: "yes", armTinglingOrNumbness: "yes" }, ["confirmed", "emergency"], "emergency"],
      [{ injury: "yes", armTinglingOrNumbness: "unsure" }, ["possible", "emergency"], "emergency"],
      [{ injury: "unsure", limbWeakness: "yes" }, ["possible", "emergency"], "emergency"],
      [{ injury: "unsure", armTinglingOrNumbness: "unsure" }, ["possible", "urgent"], "urgent"],
      [{ injury: "no", armTinglingOrNumbness: "yes" }, "not fired", "soon"],
      [{ injury: "yes" }, "not fired", "urgent"],
    ]);
  });
});

describe("background parts (age, riskHistory) never anchor", () => {
  it("injury-high-risk: injury and (age >= 65 or riskHistory)", () => {
    checkRows("injury-high-risk", [
      [{ injury: "yes", age: 65 }, ["confirmed", "emergency"], "emergency"],
      [{ injury: "yes", age: 64 }, "not fired", "urgent"],
      [{ injury: "yes", age: 70, riskHistory: "unsure" }, ["confirmed", "emergency"], "emergency"],
      [{ injury: "yes", riskHistory: "yes" }, ["confirmed", "emergency"], "emergency"],
      // The spec's examples: a 70-year-old unsure whether injured, an injured person unsure about blood thinners.
      [{ injury: "unsure", age: 70 }, ["possible", "urgent"], "urgent"],
      [{ injury: "yes", age: 40, riskHistory: "unsure" }, ["possible", "urgent"], "urgent"],
      [{ injury: "unsure", riskHistory: "yes" }, ["possible", "urgent"], "urgent"],
      [{ injury: "unsure", riskHistory: "unsure" }, ["possible", "urgent"], "urgent"],
    ]);
  });

  it("the injured person unsure about their history gets every reason that applies", () => {
    const result = triage(calmAnswers({ injury: "yes", age: 40, riskHistory: "unsure" }));
    expect(result.reasons.map((r) => [r.ruleId, r.certainty, r.urgency])).toEqual([
      ["injury-high-risk", "possible", "urgent"],
      ["injury", "confirmed", "urgent"],
      ["risk-history", "possible", "soon"],
    ]);
  });

  it("risk-with-fever: riskHistory and fever", () => {
    checkRows("risk-with-fever", [
      [{ riskHistory: "yes", fever: "yes" }, ["confirmed", "emergency"], "emergency"],
      [{ riskHistory: "yes", fever: "unsure" }, ["possible", "urgent"], "urgent"],
      [{ riskHistory: "unsure", fever: "yes" }, ["possible", "urgent"], "urgent"],
      [{ riskHistory: "unsure", fever: "unsure" }, ["possible", "urgent"], "urgent"],
    ]);
  });

  it("headache-over-50: an urgent rule with age drops to soon when the headache is unsure; an unsure headacheNew counts fully (section 1b)", () => {
    checkRows("headache-over-50", [
      [{ headache: "yes", headacheNew: "yes", age: 50 }, ["confirmed", "urgent"], "urgent"],
      [{ headache: "yes", headacheNew: "unsure", age: 60 }, ["confirmed", "urgent"], "urgent"],
      [{ headache: "yes", headacheNew: "no", age: 62 }, "not fired", "soon"],
      [{ headache: "yes", headacheNew: "yes", age: 49 }, "not fired", "soon"],
      [{ headache: "unsure", headacheNew: "yes", age: 55 }, ["possible", "soon"], "soon"],
      [{ headache: "unsure", headacheNew: "unsure", age: 55 }, ["possible", "soon"], "soon"],
    ]);
  });
});

describe("single-part rules drop one level, never below soon", () => {
  it("emergencySigns unsure alone is urgent, not an ambulance", () => {
    const result = triage(calmAnswers({ emergencySigns: "unsure" }));
    expect(result.reasons.map((r) => [r.ruleId, r.certainty, r.urgency])).toEqual([
      ["emergency-signs", "possible", "urgent"],
    ]);
    expect(result.urgency).toBe("urgent");
  });

  it("the anchor is for emergencies only: fever-with-headache (urgent) with one part unsure is soon", () => {
    checkRows("fever-with-headache", [
      [{ fever: "yes", headache: "yes" }, ["confirmed", "urgent"], "urgent"],
      [{ fever: "yes", headache: "unsure" }, ["possible", "soon"], "urgent"],
      [{ fever: "unsure", headache: "yes" }, ["possible", "soon"], "soon"],
    ]);
  });

  it("fever unsure is soon; headache unsure stays soon", () => {
    checkRows("fever", [[{ fever: "unsure" }, ["possible", "soon"], "soon"]]);
    checkRows("headache", [[{ headache: "unsure" }, ["possible", "soon"], "soon"]]);
  });

  it("young: under 16 only", () => {
    checkRows("young", [
      [{ age: 15 }, ["confirmed", "soon"], "soon"],
      [{ age: 0 }, ["confirmed", "soon"], "soon"],
      [{ age: 16 }, "not fired", "none"],
    ]);
  });
});

describe("improving counts only from day 7; otcResponse not-tried is not a warning", () => {
  it("not-improving", () => {
    checkRows("not-improving", [
      [{ painDays: 6, improving: "no" }, "not fired", "none"],
      [{ painDays: 0, improving: "no" }, "not fired", "none"],
      [{ painDays: 6, improving: "unsure" }, "not fired", "none"],
      [{ painDays: 7, improving: "no" }, ["confirmed", "soon"], "soon"],
      [{ painDays: 7, improving: "unsure" }, ["possible", "soon"], "soon"],
      [{ painDays: 30, improving: "yes" }, "not fired", "none"],
    ]);
  });

  it("medicine-not-helping", () => {
    checkRows("medicine-not-helping", [
      [{ otcResponse: "not-tried" }, "not fired", "none"],
      [{ otcResponse: "helped" }, "not fired", "none"],
      [{ otcResponse: "unsure" }, ["possible", "soon"], "soon"],
      [{ otcResponse: "did-not-help" }, ["confirmed", "soon"], "soon"],
    ]);
  });
});

describe("everything unsure", () => {
  const allUnsure = (age: number): DefaultAnswers => unsureAnswers({ age });

  it("is urgent: same-day help, not an ambulance and not 'book in a few days'", () => {
    for (const age of [16, 30, 50, 70]) {
      const result = triage(allUnsure(age));
      expect(result.urgency, `age ${age}`).toBe("urgent");
      expect(
        result.reasons.every((r) => r.certainty === "possible"),
        `age ${age}`,
      ).toBe(true);
    }
  });

  it("sends the seven emergency rules of section 2 to urgent and the rest to soon", () => {
    const result = triage(allUnsure(30));
    const byUrgency = (urgency: RuleUrgency) =>
      result.reasons.filter((r) => r.urgency === urgency).map((r) => r.ruleId);
    expect(byUrgency("emergency")).toEqual([]);
    expect(byUrgency("urgent")).toEqual([
      "emergency-signs",
      "meningitis-signs",
      "infection-with-neuro",
      "spinal-cord-injury",
      "injury-high-risk",
      "risk-with-fever",
      "injury-dangerous-mechanism",
    ]);
    // Section 2's urgent rules, one level down, then its soon rules; headache-over-50 needs age 50.
    expect(byUrgency("soon")).toEqual([
      "injury",
      "swallowing-severe",
      "deep-neck-infection",
      "swallowing-with-risk",
      "swallowing",
      "fever",
      "fever-with-headache",
      "weakness-or-coordination",
      "sudden-new-headache",
      "new-headache-with-risk",
      "risk-history",
      "not-improving",
      "medicine-not-helping",
      "headache",
      "arm-tingling-numbness",
      "shooting-arm-pain",
      "stiff-neck",
    ]);
  });
});

describe("advice", () => {
  const dropped = (rule: string) => defaultRuleset.definition.rules.find((r) => r.id === rule)?.callIf ?? "(no callIf)";

  it("a dropped emergency: help today, now not tomorrow, naming the number and what to call it for", () => {
    const result = triage(calmAnswers({ emergencySigns: "unsure" }), { emergencyNumber: "999" });
    expect(result.urgency).toBe("urgent");
    expect(result.advice).toContain("today");
    expect(result.advice).toContain("now, not tomorrow");
    expect(result.advice).toContain("Call 999 at once");
    expect(result.advice).toContain(dropped("emergency-signs"));
    expect(result.advice).not.toContain("Call 999 now");
  });

  it("several dropped emergencies are all listed", () => {
    const answers = calmAnswers({ injury: "unsure", age: 70, fever: "unsure", canTouchChinToChest: "unsure" });
    const result = triage(answers, { emergencyNumber: "112" });
    expect(result.urgency).toBe("urgent");
    expect(result.advice).toContain(callIfFor("meningitis-signs", answers));
    expect(result.advice).toContain(callIfFor("injury-high-risk", answers));
  });

  it("without an emergency number, the dropped advice lists common ones", () => {
    const result = triage(calmAnswers({ fever: "unsure", canTouchChinToChest: "unsure" }));
    expect(result.advice).toContain("now, not tomorrow");
    for (const number of ["911", "999", "112"]) expect(result.advice).toContain(number);
  });

  it("an anchored emergency gets the ordinary emergency advice", () => {
    const result = triage(calmAnswers({ fever: "yes", canTouchChinToChest: "unsure" }), { emergencyNumber: "112" });
    expect(result.urgency).toBe("emergency");
    expect(result.advice).toContain("Call 112 now");
    expect(result.advice).not.toContain("not tomorrow");
  });

  it("an emergency after an injury says to keep the head and neck still", () => {
    const result = triage(calmAnswers({ injury: "yes", armTinglingOrNumbness: "unsure" }), { emergencyNumber: "000" });
    expect(result.advice).toContain("Call 000 now");
    expect(result.advice).toMatch(/head and neck still/);
    expect(triage(calmAnswers({ emergencySigns: "yes" })).advice).not.toMatch(/head and neck still/);
  });

  it("a confirmed urgent sign without a dropped emergency gets the ordinary same-day advice", () => {
    const result = triage(calmAnswers({ fever: "yes" }), { emergencyNumber: "112" });
    expect(result.urgency).toBe("urgent");
    expect(result.advice).toContain("today");
    expect(result.advice).toContain("urgent care");
    expect(result.advice).not.toContain("not tomorrow");
  });

  it("soon: an appointment in the next few days", () => {
    expect(triage(calmAnswers({ headache: "yes" })).advice).toContain("next few days");
  });

  describe("self-care", () => {
    it("never says 'you are fine' and says what this check cannot do", () => {
      const advice = triage(calmAnswers()).advice;
      expect(advice).not.toMatch(/you are fine/i);
      expect(advice).toContain("No warning signs were reported");
      expect(advice).toContain("cannot rule out serious illness");
      expect(advice).toContain("sooner if it gets worse");
    });

    it("counts the check-back point from painDays", () => {
      const checkBack = (painDays: number, improving: NonNullable<DefaultAnswers["improving"]>) =>
        triage(calmAnswers({ painDays, improving })).advice;
      expect(checkBack(2, "unsure")).toContain("by day 7, 5 days from now");
      expect(checkBack(0, "unsure")).toContain("by day 7, 7 days from now");
      expect(checkBack(6, "no")).toContain("by day 7, 1 day from now");
      expect(checkBack(6, "no")).not.toContain("1 days");
      expect(checkBack(10, "yes")).toContain("If it stops getting better");
      expect(checkBack(10, "yes")).not.toContain("days from now");
      expect(checkBack(7, "yes")).toContain("If it stops getting better");
    });

    it("names the emergency number among the signs to watch for", () => {
      const result = triage(calmAnswers(), { emergencyNumber: "999" });
      expect(result.verdict).toBe("self-care-likely-fine");
      expect(result.watchFor.join("\n")).toContain("999");
    });
  });

  it("every result carries the disclaimer", () => {
    for (const answers of [calmAnswers(), calmAnswers({ emergencySigns: "yes" })]) {
      const disclaimer = triage(answers).disclaimer;
      expect(disclaimer).toContain("not a diagnosis");
      expect(disclaimer).toContain("16 or over");
      expect(disclaimer).toContain("emergency number");
    }
  });
});

describe("id", () => {
  it("is echoed unchanged, string or number", () => {
    expect(triage({ ...calmAnswers(), id: "record-7" }).id).toBe("record-7");
    expect(triage({ ...calmAnswers({ fever: "yes" }), id: 42 }).id).toBe(42);
    expect(triage({ ...calmAnswers(), id: "" }).id).toBe("");
  });

  it("is absent when not given", () => {
    expect(Object.hasOwn(triage(calmAnswers()), "id")).toBe(false);
  });

  it("names the ruleset, with the digest of its document", () => {
    expect(triage(calmAnswers()).ruleset).toEqual({
      id: "default",
      version: defaultRuleset.version,
      digest: expectedDigest(defaultDocument),
    });
  });
});
