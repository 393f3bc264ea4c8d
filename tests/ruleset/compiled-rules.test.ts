import { describe, expect, it } from "vitest";
import { loadRuleset } from "../../src/index.js";
import { extraRule, rulesetDocument } from "../helpers/ruleset-document.js";

/*
 * What loadRuleset compiles each rule into (the `rules` of a Ruleset, a public type): the urgency it
 * drops to when only possible, whether the anchor can apply, and its parts (the conditions of a top-level `all`, as the "not sure" anchor counts them).
 * Expected values checked by hand against rules/default.json.
 */

const ruleset = loadRuleset(rulesetDocument());
const rule = (id: string) => {
  const found = ruleset.rules.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
};

describe('the "not sure" policy, applied to each rule when the ruleset is compiled', () => {
  // rules/default.json: possibleDropsLevels 1, floor soon; the anchor is for emergencies of at least 2 parts.
  it("gives the urgency a rule drops to when it is only possible: one level lower, never below soon", () => {
    expect(rule("emergency-signs").droppedUrgency).toBe("urgent");
    expect(rule("meningitis-signs").droppedUrgency).toBe("urgent");
    expect(rule("fever").droppedUrgency).toBe("soon");
    expect(rule("headache-over-50").droppedUrgency).toBe("soon");
    expect(rule("young").droppedUrgency).toBe("soon");
    expect(rule("stiff-neck").droppedUrgency).toBe("soon");
  });

  it("marks as anchorable only the emergencies of two parts or more", () => {
    expect(rule("emergency-signs").anchorable).toBe(false);
    expect(rule("meningitis-signs").anchorable).toBe(true);
    expect(rule("injury-high-risk").anchorable).toBe(true);
    expect(rule("swallowing-severe").anchorable).toBe(false);
    expect(rule("headache-over-50").anchorable).toBe(false);
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
      rulesetDocument((d) =>
        d.rules.push(
          extraRule("age-or-history", "soon", {
            any: [
              { answer: "age", atLeast: 80 },
              { answer: "riskHistory", equals: "yes" },
            ],
          }),
        ),
      ),
    );
    expect(withAny.rules.find((r) => r.id === "age-or-history")?.parts.map((part) => part.background)).toEqual([true]);
  });
});
