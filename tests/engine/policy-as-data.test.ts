import { describe, expect, it } from "vitest";
import { evaluate, loadRuleset, type DefaultAnswers, type Ruleset, type RuleUrgency } from "../../src/index.js";
import type { RulesetDefinition } from "../../src/ruleset/schema.js";
import { calmAnswers, reasonFor } from "../helpers/answers.js";
import { choiceQuestion, extraRule, rulesetDocument } from "../helpers/ruleset-document.js";

/*
 * docs/clinical-basis.md section 3: "This policy is part of the ruleset (data: the drop, the floor, the
 * anchor), not code." Each setting of unsurePolicy is changed on its own and the engine must follow
 * it; the rules of section 2 are used unchanged, plus test rules where a case needs more parts.
 */

type Policy = RulesetDefinition["unsurePolicy"];

function withPolicy(change: (policy: Policy) => void, extraRules: RulesetDefinition["rules"] = []): Ruleset {
  return loadRuleset(
    rulesetDocument((document) => {
      change(document.unsurePolicy);
      document.rules.push(...extraRules);
    }),
  );
}

function reasonOf(
  ruleset: Ruleset,
  answers: Partial<DefaultAnswers>,
  ruleId: string,
): [string, RuleUrgency] | undefined {
  const reason = reasonFor(evaluate(ruleset, calmAnswers(answers)), ruleId);
  return reason && [reason.certainty, reason.urgency];
}

const unchanged = withPolicy(() => {});

/** Three symptoms, all needed: the anchor counts three parts. */
const threeSigns = extraRule("three-signs", "emergency", {
  all: [
    { answer: "injury", equals: "yes" },
    { answer: "fever", equals: "yes" },
    { answer: "headache", equals: "yes" },
  ],
});

describe("and over three parts", () => {
  const ruleset = withPolicy(() => {}, [threeSigns]);

  it("needs every part: two warnings and one reassuring answer do not fire it", () => {
    expect(reasonOf(ruleset, { injury: "yes", fever: "yes", headache: "no" }, "three-signs")).toBeUndefined();
    expect(reasonOf(ruleset, { injury: "no", fever: "yes", headache: "yes" }, "three-signs")).toBeUndefined();
    expect(reasonOf(ruleset, { injury: "yes", fever: "no", headache: "yes" }, "three-signs")).toBeUndefined();
  });

  it("is confirmed with all three, and as unsure as its least sure part", () => {
    expect(reasonOf(ruleset, { injury: "yes", fever: "yes", headache: "yes" }, "three-signs")).toEqual([
      "confirmed",
      "emergency",
    ]);
    // Two confirmed, one unsure: anchored.
    expect(reasonOf(ruleset, { injury: "yes", fever: "yes", headache: "unsure" }, "three-signs")).toEqual([
      "possible",
      "emergency",
    ]);
    expect(reasonOf(ruleset, { injury: "unsure", fever: "yes", headache: "yes" }, "three-signs")).toEqual([
      "possible",
      "emergency",
    ]);
    // Two unsure parts: more than the one the anchor allows.
    expect(reasonOf(ruleset, { injury: "yes", fever: "unsure", headache: "unsure" }, "three-signs")).toEqual([
      "possible",
      "urgent",
    ]);
  });
});

describe("the 'not sure' answer is the choice marked unknown, wherever the question lists it", () => {
  // fever's choices listed as yes, unsure, no instead of yes, no, unsure.
  const ruleset = loadRuleset(
    rulesetDocument((document) => {
      const fever = choiceQuestion(document, "fever");
      const order = ["yes", "unsure", "no"];
      fever.choices.sort((a, b) => order.indexOf(a.value) - order.indexOf(b.value));
    }),
  );

  it("is read as unsure (section 3.1): the rules it is in fire as possible", () => {
    expect(choiceQuestion(ruleset.definition, "fever").choices.map((c) => c.value)).toEqual(["yes", "unsure", "no"]);
    const result = evaluate(ruleset, calmAnswers({ fever: "unsure" }));
    expect(result.reasons.map((r) => [r.ruleId, r.certainty, r.urgency])).toEqual([["fever", "possible", "soon"]]);
    expect(reasonOf(ruleset, { fever: "unsure", canTouchChinToChest: "no" }, "meningitis-signs")).toEqual([
      "possible",
      "emergency",
    ]);
  });

  it("while the warning answer is confirmed and the others do not fire", () => {
    expect(reasonOf(ruleset, { fever: "yes" }, "fever")).toEqual(["confirmed", "urgent"]);
    expect(evaluate(ruleset, calmAnswers({ fever: "no" })).reasons).toEqual([]);
  });
});

describe("an or group is background only if all its members are (section 3.4)", () => {
  const mixed = extraRule("fever-with-risk-or-headache", "emergency", {
    all: [
      { answer: "fever", equals: "yes" },
      {
        any: [
          { answer: "riskHistory", equals: "yes" },
          { answer: "headache", equals: "yes" },
        ],
      },
    ],
  });
  const ruleset = withPolicy(() => {}, [mixed]);

  it("a group with a symptom in it anchors as the unsure part", () => {
    expect(reasonOf(ruleset, { fever: "yes", riskHistory: "unsure" }, "fever-with-risk-or-headache")).toEqual([
      "possible",
      "emergency",
    ]);
    // The same answers on the all-background group of risk-with-fever do not anchor.
    expect(reasonOf(ruleset, { fever: "yes", riskHistory: "unsure" }, "risk-with-fever")).toEqual([
      "possible",
      "urgent",
    ]);
  });

  it("and as the confirmed part", () => {
    expect(reasonOf(ruleset, { fever: "unsure", headache: "yes" }, "fever-with-risk-or-headache")).toEqual([
      "possible",
      "emergency",
    ]);
  });
});

describe("possibleDropsLevels and floor", () => {
  it("0: a possible rule keeps its urgency", () => {
    const ruleset = withPolicy((p) => (p.possibleDropsLevels = 0));
    expect(reasonOf(ruleset, { emergencySigns: "unsure" }, "emergency-signs")).toEqual(["possible", "emergency"]);
    expect(reasonOf(ruleset, { fever: "unsure" }, "fever")).toEqual(["possible", "urgent"]);
    expect(reasonOf(ruleset, { headache: "unsure" }, "headache")).toEqual(["possible", "soon"]);
  });

  it("2 with the floor at soon: an emergency drops to soon", () => {
    const ruleset = withPolicy((p) => (p.possibleDropsLevels = 2));
    expect(reasonOf(ruleset, { emergencySigns: "unsure" }, "emergency-signs")).toEqual(["possible", "soon"]);
    expect(reasonOf(ruleset, { fever: "unsure" }, "fever")).toEqual(["possible", "soon"]);
    expect(evaluate(ruleset, calmAnswers({ emergencySigns: "unsure" })).urgency).toBe("soon");
  });

  it("2 with the floor at urgent: nothing drops below urgent, and a soon rule is never raised to the floor", () => {
    const ruleset = withPolicy((p) => {
      p.possibleDropsLevels = 2;
      p.floor = "urgent";
    });
    expect(reasonOf(ruleset, { emergencySigns: "unsure" }, "emergency-signs")).toEqual(["possible", "urgent"]);
    expect(reasonOf(ruleset, { fever: "unsure" }, "fever")).toEqual(["possible", "urgent"]);
    expect(reasonOf(ruleset, { headache: "unsure" }, "headache")).toEqual(["possible", "soon"]);
  });

  it("the floor at emergency: nothing drops", () => {
    const ruleset = withPolicy((p) => (p.floor = "emergency"));
    expect(reasonOf(ruleset, { emergencySigns: "unsure" }, "emergency-signs")).toEqual(["possible", "emergency"]);
    expect(reasonOf(ruleset, { fever: "unsure" }, "fever")).toEqual(["possible", "urgent"]);
    expect(reasonOf(ruleset, { headache: "unsure" }, "headache")).toEqual(["possible", "soon"]);
  });
});

describe("the anchor", () => {
  it("backgroundNeverAnchors false: age and history anchor like symptoms", () => {
    const ruleset = withPolicy((p) => (p.anchor.backgroundNeverAnchors = false));
    // The spec's two examples, which get urgent under its own policy (see not-sure-policy.test.ts).
    expect(reasonOf(ruleset, { injury: "unsure", age: 70 }, "injury-high-risk")).toEqual(["possible", "emergency"]);
    expect(reasonOf(ruleset, { injury: "yes", age: 40, riskHistory: "unsure" }, "injury-high-risk")).toEqual([
      "possible",
      "emergency",
    ]);
    expect(reasonOf(ruleset, { fever: "yes", riskHistory: "unsure" }, "risk-with-fever")).toEqual([
      "possible",
      "emergency",
    ]);
    expect(reasonOf(unchanged, { fever: "yes", riskHistory: "unsure" }, "risk-with-fever")).toEqual([
      "possible",
      "urgent",
    ]);
  });

  it("anchor urgency urgent: urgent rules are anchored, emergencies drop", () => {
    const ruleset = withPolicy((p) => (p.anchor.urgency = "urgent"));
    expect(reasonOf(ruleset, { fever: "yes", headache: "unsure" }, "fever-with-headache")).toEqual([
      "possible",
      "urgent",
    ]);
    expect(reasonOf(ruleset, { fever: "yes", canTouchChinToChest: "unsure" }, "meningitis-signs")).toEqual([
      "possible",
      "urgent",
    ]);
    expect(reasonOf(unchanged, { fever: "yes", headache: "unsure" }, "fever-with-headache")).toEqual([
      "possible",
      "soon",
    ]);
  });

  it("minParts 3: two-part emergencies are no longer anchored, three-part ones are", () => {
    const ruleset = withPolicy((p) => (p.anchor.minParts = 3), [threeSigns]);
    expect(reasonOf(ruleset, { fever: "yes", canTouchChinToChest: "unsure" }, "meningitis-signs")).toEqual([
      "possible",
      "urgent",
    ]);
    expect(reasonOf(ruleset, { injury: "yes", fever: "yes", headache: "unsure" }, "three-signs")).toEqual([
      "possible",
      "emergency",
    ]);
  });

  it("maxUnsureParts 2: two unsure parts and one confirmed are anchored", () => {
    const ruleset = withPolicy((p) => (p.anchor.maxUnsureParts = 2), [threeSigns]);
    expect(reasonOf(ruleset, { injury: "yes", fever: "unsure", headache: "unsure" }, "three-signs")).toEqual([
      "possible",
      "emergency",
    ]);
    // Still nothing when every part is unsure.
    expect(reasonOf(ruleset, { injury: "unsure", fever: "unsure", headache: "unsure" }, "three-signs")).toEqual([
      "possible",
      "urgent",
    ]);
  });

  it("minConfirmedParts 2: one confirmed part no longer anchors, two do", () => {
    const ruleset = withPolicy((p) => (p.anchor.minConfirmedParts = 2), [threeSigns]);
    expect(reasonOf(ruleset, { fever: "yes", canTouchChinToChest: "unsure" }, "meningitis-signs")).toEqual([
      "possible",
      "urgent",
    ]);
    expect(reasonOf(ruleset, { injury: "yes", fever: "yes", headache: "unsure" }, "three-signs")).toEqual([
      "possible",
      "emergency",
    ]);
  });
});
