import { describe, expect, it } from "vitest";
import { defaultRuleset } from "../../src/index.js";
import { confirmedEmergencies, evaluateEarlyStop } from "../../src/engine/evaluate.js";

/*
 * The interview's early stop (contract, "Result"): with some questions not yet asked, a rule is
 * confirmed only if its value is 1 whatever the unasked ones turn out to be, and a reason's answers
 * hold the fields answered, nothing for the others.
 */

describe("an unanswered question is never read as a warning", () => {
  it("fever yes with the chin question not yet asked: meningitis-signs is not confirmed", () => {
    // The chin's warning answer is "no", the second of its choices; not asked must not read as it.
    expect(confirmedEmergencies(defaultRuleset, { fever: "yes" })).toEqual([]);
    expect(confirmedEmergencies(defaultRuleset, { emergencySigns: "no", fever: "yes" })).toEqual([]);
  });

  it("injury yes with age not yet asked: injury-high-risk is not confirmed", () => {
    expect(confirmedEmergencies(defaultRuleset, { emergencySigns: "no", injury: "yes" })).toEqual([]);
    expect(evaluateEarlyStop(defaultRuleset, { injury: "yes" }).reasons.map((r) => r.ruleId)).toEqual(["injury"]);
  });

  it("injury yes and a risk history: confirmed before age is asked", () => {
    expect(confirmedEmergencies(defaultRuleset, { injury: "yes", riskHistory: "yes" }).map((r) => r.ruleId)).toEqual(["injury-high-risk"]);
  });

  it("a confirmed urgent or soon rule is reported only in the early-stop result, never as a reason to stop", () => {
    expect(confirmedEmergencies(defaultRuleset, { fever: "yes", headache: "yes", age: 60 })).toEqual([]);
  });
});

describe("a reason's answers hold the fields answered, and no key for the others", () => {
  it("in confirmedEmergencies", () => {
    const [reason] = confirmedEmergencies(defaultRuleset, { injury: "yes", age: 70 });
    expect(reason?.ruleId).toBe("injury-high-risk");
    expect(Object.keys(reason?.answers ?? {})).toEqual(["age", "injury"]);
    expect(reason?.answers).toStrictEqual({ age: 70, injury: "yes" });
  });

  it("in the early-stop result", () => {
    const result = evaluateEarlyStop(defaultRuleset, { emergencySigns: "no", injury: "yes", armTinglingOrNumbness: "yes" });
    expect(result.reasons.map((r) => [r.ruleId, Object.keys(r.answers)])).toEqual([
      ["spinal-cord-injury", ["injury", "armTinglingOrNumbness"]],
      ["injury", ["injury"]],
      ["arm-tingling-numbness", ["armTinglingOrNumbness"]],
    ]);
    expect(JSON.parse(JSON.stringify(result.reasons))).toStrictEqual(result.reasons);
  });
});

describe("the early-stop result", () => {
  it("carries the emergency advice, the signs to watch for and the disclaimer of a full result", () => {
    const result = evaluateEarlyStop(defaultRuleset, { emergencySigns: "yes" }, { emergencyNumber: "112" });
    expect(result.urgency).toBe("emergency");
    expect(result.verdict).toBe("see-a-professional");
    expect(result.watchFor.join("\n")).toContain("112");
    expect(result.disclaimer).toBe(defaultRuleset.definition.disclaimer);
    expect(result.ruleset).toEqual({ id: defaultRuleset.id, version: defaultRuleset.version });
    expect(Object.hasOwn(result, "id")).toBe(false);
  });
});
