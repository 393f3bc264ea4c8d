import { describe, expect, it } from "vitest";
import { defaultRuleset, loadRuleset, triage } from "../../src/index.js";
import { calmAnswers } from "../helpers/answers.js";
import { confirmedEmergencies, evaluateEarlyStop } from "../../src/engine/evaluate-valid.js";
import { choiceQuestion, rulesetDocument } from "../helpers/ruleset-document.js";

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
    expect(confirmedEmergencies(defaultRuleset, { injury: "yes", riskHistory: "yes" }).map((r) => r.ruleId)).toEqual([
      "injury-high-risk",
    ]);
  });

  it("nor as unsure, even for a question that has no 'not sure' choice", () => {
    // shootingArmPain offered as yes / no only. The ruleset's compiled rules (public on Ruleset) read
    // the codes of the answers given so far: 1, ½ or 0, with 0 for anything not answered yet.
    const ruleset = loadRuleset(
      rulesetDocument((document) => {
        const question = choiceQuestion(document, "shootingArmPain");
        question.choices = question.choices.filter((choice) => !choice.unknown);
      }),
    );
    expect(choiceQuestion(ruleset.definition, "shootingArmPain").choices.map((c) => c.value)).toEqual(["yes", "no"]);
    const shooting = ruleset.rules.find((rule) => rule.id === "shooting-arm-pain");
    if (!shooting) throw new Error("no rule shooting-arm-pain");
    expect(shooting.value(ruleset.encode({}))).toBe(0);
    expect(shooting.value(ruleset.encode({ age: 40, fever: "yes" }))).toBe(0);
    expect(shooting.value(ruleset.encode({ shootingArmPain: "no" }))).toBe(0);
    expect(shooting.value(ruleset.encode({ shootingArmPain: "yes" }))).toBe(1);
    // Before any answer no rule of the ruleset reads as anything but 0.
    expect(ruleset.rules.map((rule) => rule.value(ruleset.encode({})))).toEqual(ruleset.rules.map(() => 0));
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
    const result = evaluateEarlyStop(defaultRuleset, {
      emergencySigns: "no",
      injury: "yes",
      armTinglingOrNumbness: "yes",
    });
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
    expect(result.watchFor).toEqual(
      triage(calmAnswers({ emergencySigns: "yes" }), { emergencyNumber: "112" }).watchFor,
    );
    expect(result.disclaimer).toBe(defaultRuleset.definition.disclaimer);
    expect(result.ruleset).toEqual({
      id: defaultRuleset.id,
      version: defaultRuleset.version,
      digest: defaultRuleset.digest,
    });
    expect(Object.hasOwn(result, "id")).toBe(false);
  });
});
