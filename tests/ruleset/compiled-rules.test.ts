import { describe, expect, it } from "vitest";
import { loadRuleset } from "../../src/index.js";
import { urgencyRank } from "../../src/ruleset/load.js";
import { extraRule, rulesetDocument } from "../helpers/ruleset-document.js";

/*
 * What loadRuleset compiles each rule into (the `rules` of a Ruleset, a public type): its urgency's
 * rank, and its parts (the conditions of a top-level `all`, as the "not sure" anchor counts them).
 * Expected values checked by hand against rules/default.json.
 */

const ruleset = loadRuleset(rulesetDocument());
const rule = (id: string) => {
  const found = ruleset.rules.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
};

describe("the rank of a rule's urgency: 0 is the highest", () => {
  it("is 0 for an emergency, 1 for urgent, 2 for soon", () => {
    expect(rule("emergency-signs").rank).toBe(0);
    expect(rule("meningitis-signs").rank).toBe(0);
    expect(rule("fever").rank).toBe(1);
    expect(rule("headache-over-50").rank).toBe(1);
    expect(rule("young").rank).toBe(2);
    expect(rule("stiff-neck").rank).toBe(2);
    const byUrgency = { emergency: 0, urgent: 1, soon: 2 } as const;
    for (const r of ruleset.rules) expect(r.rank, r.id).toBe(byUrgency[r.urgency]);
  });

  it("puts none, the urgency of a result without reasons, after every rule urgency", () => {
    expect(urgencyRank("emergency")).toBe(0);
    expect(urgencyRank("urgent")).toBe(1);
    expect(urgencyRank("soon")).toBe(2);
    expect(urgencyRank("none")).toBe(3);
  });
});

describe("the parts of a rule", () => {
  it("are the conditions of its top-level all, each marked background when it reads only background questions", () => {
    // injury-high-risk: all [injury yes, any [age at least 65, riskHistory yes]]; age and riskHistory are background.
    expect(rule("injury-high-risk").parts.map((part) => part.background)).toEqual([false, true]);
    // meningitis-signs: all [fever yes, canTouchChinToChest no].
    expect(rule("meningitis-signs").parts.map((part) => part.background)).toEqual([false, false]);
  });

  it("are the whole condition, as one part, when it is not an all", () => {
    expect(rule("fever").parts.map((part) => part.background)).toEqual([false]);
    expect(rule("young").parts.map((part) => part.background)).toEqual([true]);
    // An any is one part too, not one per alternative.
    expect(rule("weakness-or-coordination").parts).toHaveLength(1);
    const withAny = loadRuleset(
      rulesetDocument((d) => d.rules.push(extraRule("age-or-history", "soon", { any: [{ answer: "age", atLeast: 80 }, { answer: "riskHistory", equals: "yes" }] }))),
    );
    expect(withAny.rules.find((r) => r.id === "age-or-history")?.parts.map((part) => part.background)).toEqual([true]);
  });
});
