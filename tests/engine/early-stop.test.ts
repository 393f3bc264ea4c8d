import { describe, expect, it } from "vitest";
import { defaultRuleset, triage } from "../../src/index.js";
import { confirmedEmergencies, evaluateEarlyStop } from "../../src/engine/evaluate-valid.js";
import { calmAnswers } from "../helpers/answers.js";

/*
 * The interview stops once an emergency is confirmed (contract, "Result"): a rule counts as confirmed
 * as soon as its value is 1, whatever its unanswered fields.
 */

describe("confirmedEmergencies", () => {
  it("confirms spinal-cord-injury from injury yes + weakness yes, before the tingling question", () => {
    const reasons = confirmedEmergencies(defaultRuleset, { injury: "yes", limbWeakness: "yes" });
    expect(reasons.map((r) => [r.ruleId, r.certainty, r.urgency])).toEqual([
      ["spinal-cord-injury", "confirmed", "emergency"],
    ]);
    expect(reasons[0]?.answers).toEqual({ injury: "yes", limbWeakness: "yes" });
  });

  it("confirms emergency-signs from emergencySigns yes alone", () => {
    const reasons = confirmedEmergencies(defaultRuleset, { emergencySigns: "yes" });
    expect(reasons.map((r) => r.ruleId)).toEqual(["emergency-signs"]);
  });

  it("confirms injury-high-risk once age and injury are known, before riskHistory", () => {
    const reasons = confirmedEmergencies(defaultRuleset, { emergencySigns: "no", age: 70, injury: "yes" });
    expect(reasons.map((r) => r.ruleId)).toEqual(["injury-high-risk"]);
    expect(reasons[0]?.answers).toEqual({ age: 70, injury: "yes" });
  });

  it("confirms nothing from unsure answers only", () => {
    const unsureSoFar = {
      emergencySigns: "unsure",
      age: 40,
      injury: "unsure",
      riskHistory: "unsure",
      limbWeakness: "unsure",
      coordinationLoss: "unsure",
      fever: "unsure",
      headache: "unsure",
      canTouchChinToChest: "unsure",
    };
    expect(confirmedEmergencies(defaultRuleset, unsureSoFar)).toEqual([]);
  });

  it("does not stop at an emergency that is only possible, even when anchored", () => {
    expect(confirmedEmergencies(defaultRuleset, { fever: "yes", canTouchChinToChest: "unsure" })).toEqual([]);
    expect(confirmedEmergencies(defaultRuleset, { injury: "yes", limbWeakness: "unsure" })).toEqual([]);
  });

  it("does not stop at a confirmed sign that is not an emergency", () => {
    expect(confirmedEmergencies(defaultRuleset, { emergencySigns: "no", age: 30, injury: "yes" })).toEqual([]);
  });

  it("confirms nothing before any answer", () => {
    expect(confirmedEmergencies(defaultRuleset, {})).toEqual([]);
  });
});

describe("evaluateEarlyStop", () => {
  it("after injury yes + weakness yes: an emergency, the confirmed rules only, and what was not asked", () => {
    const result = evaluateEarlyStop(defaultRuleset, { injury: "yes", limbWeakness: "yes" });
    expect(result.verdict).toBe("see-a-professional");
    expect(result.urgency).toBe("emergency");
    expect(result.reasons.map((r) => [r.ruleId, r.certainty, r.urgency, r.answers])).toEqual([
      ["spinal-cord-injury", "confirmed", "emergency", { injury: "yes", limbWeakness: "yes" }],
      ["injury", "confirmed", "urgent", { injury: "yes" }],
      ["weakness-or-coordination", "confirmed", "urgent", { limbWeakness: "yes" }],
    ]);
    // Section 1 order, without the two answered; injuryMechanism is still to be asked (injury is
    // yes); the other follow-ups may yet be asked, as what they follow is not answered yet.
    expect(result.unanswered).toEqual([
      "emergencySigns",
      "age",
      "injuryMechanism",
      "riskHistory",
      "coordinationLoss",
      "fever",
      "swallowing",
      "swallowingSevere",
      "headache",
      "headacheNew",
      "headacheFast",
      "canTouchChinToChest",
      "armTinglingOrNumbness",
      "shootingArmPain",
      "painDays",
      "improving",
      "otcResponse",
    ]);
    expect(result.advice).toMatch(/head and neck still/);
    for (const reason of result.reasons) expect(reason.sources.length).toBeGreaterThanOrEqual(1);
  });

  it("after emergencySigns yes alone: every other question is unanswered", () => {
    const result = evaluateEarlyStop(defaultRuleset, { emergencySigns: "yes" }, { emergencyNumber: "112" });
    expect(result.urgency).toBe("emergency");
    expect(result.reasons.map((r) => r.ruleId)).toEqual(["emergency-signs"]);
    expect(result.reasons[0]?.answers).toEqual({ emergencySigns: "yes" });
    expect(result.unanswered).toEqual([
      "age",
      "injury",
      "injuryMechanism",
      "riskHistory",
      "limbWeakness",
      "coordinationLoss",
      "fever",
      "swallowing",
      "swallowingSevere",
      "headache",
      "headacheNew",
      "headacheFast",
      "canTouchChinToChest",
      "armTinglingOrNumbness",
      "shootingArmPain",
      "painDays",
      "improving",
      "otcResponse",
    ]);
    expect(result.advice).toContain("Call 112 now");
  });

  it("leaves out rules that are only possible so far", () => {
    const result = evaluateEarlyStop(defaultRuleset, {
      emergencySigns: "no",
      age: 30,
      injury: "yes",
      riskHistory: "unsure",
      limbWeakness: "unsure",
      coordinationLoss: "yes",
    });
    expect(result.reasons.map((r) => [r.ruleId, r.certainty])).toEqual([
      ["spinal-cord-injury", "confirmed"],
      ["injury", "confirmed"],
      ["weakness-or-coordination", "confirmed"],
    ]);
    expect(result.reasons[0]?.answers).toEqual({ injury: "yes", limbWeakness: "unsure", coordinationLoss: "yes" });
    expect(result.reasons.every((r) => r.certainty === "confirmed")).toBe(true);
  });

  it("echoes the id", () => {
    expect(evaluateEarlyStop(defaultRuleset, { id: "r1", emergencySigns: "yes" }).id).toBe("r1");
  });

  it("only the interview's early stop carries unanswered", () => {
    expect(Object.hasOwn(triage(calmAnswers({ emergencySigns: "yes" })), "unanswered")).toBe(false);
  });
});
