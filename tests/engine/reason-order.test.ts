import { describe, expect, it } from "vitest";
import { defaultRuleset, evaluate, loadRuleset, triage, type TriageResult } from "../../src/index.js";
import { calmAnswers } from "../helpers/answers.js";
import { rulesetDocument } from "../helpers/ruleset-document.js";

/*
 * Contract, "Result": `reasons` are sorted by urgency (highest first), then by the ruleset's rule
 * order, and the result's urgency is the highest among them. The default ruleset lists its rules by
 * urgency already, so the cases here need either a "not sure" drop (a rule early in the list that
 * ends up less urgent than a later one) or a ruleset whose rules are not listed by urgency.
 * Expected orders are worked out by hand from rules/default.json and docs/clinical-basis.md section 3.
 */

const reasonsOf = (result: TriageResult) => result.reasons.map((r) => [r.ruleId, r.certainty, r.urgency]);

describe("reasons are sorted by urgency, then by rule order", () => {
  it("an emergency dropped to urgent by 'not sure' comes after a confirmed emergency listed later", () => {
    // emergency-signs (rule 1, emergency) unsure: possible, one level down to urgent.
    // meningitis-signs (rule 2): fever yes + chin-to-chest no, confirmed emergency.
    const result = triage(calmAnswers({ emergencySigns: "unsure", fever: "yes", canTouchChinToChest: "no" }));
    expect(reasonsOf(result)).toEqual([
      ["meningitis-signs", "confirmed", "emergency"],
      ["emergency-signs", "possible", "urgent"],
      ["fever", "confirmed", "urgent"],
      ["stiff-neck", "confirmed", "soon"],
    ]);
    expect(result.urgency).toBe("emergency");
  });

  it("urgent rules dropped to soon come after a confirmed urgent rule listed later", () => {
    // fever and fever-with-headache (urgent) are possible through fever unsure: soon (no anchor for
    // urgent rules); headache-over-50 (urgent) is confirmed at 50 with a headache of old kind unsure
    // whether new (counted fully); headache (soon) confirmed.
    const result = triage(
      calmAnswers({ fever: "unsure", headache: "yes", headacheNew: "unsure", headacheFast: "no", age: 50 }),
    );
    expect(reasonsOf(result)).toEqual([
      ["headache-over-50", "confirmed", "urgent"],
      ["fever", "possible", "soon"],
      ["fever-with-headache", "possible", "soon"],
      ["headache", "confirmed", "soon"],
    ]);
    expect(result.urgency).toBe("urgent");
    expect(result.advice).toBe(defaultRuleset.definition.advice.urgency.urgent.advice);
  });

  it("follows the ruleset's own order within an urgency, whatever order the rules are listed in", () => {
    // The default rules listed backwards: soon rules first, emergency-signs last.
    const reversed = loadRuleset(rulesetDocument((document) => document.rules.reverse()));
    const answers = calmAnswers({ fever: "yes", canTouchChinToChest: "no", headache: "yes" });
    // Fired: meningitis-signs (emergency); fever, fever-with-headache (urgent); headache, stiff-neck (soon).
    expect(reasonsOf(evaluate(reversed, answers))).toEqual([
      ["meningitis-signs", "confirmed", "emergency"],
      ["fever-with-headache", "confirmed", "urgent"],
      ["fever", "confirmed", "urgent"],
      ["stiff-neck", "confirmed", "soon"],
      ["headache", "confirmed", "soon"],
    ]);
    expect(evaluate(reversed, answers).urgency).toBe("emergency");
    // The same answers with the rules in their usual order: the same reasons, in that order instead.
    expect(reasonsOf(triage(answers))).toEqual([
      ["meningitis-signs", "confirmed", "emergency"],
      ["fever", "confirmed", "urgent"],
      ["fever-with-headache", "confirmed", "urgent"],
      ["headache", "confirmed", "soon"],
      ["stiff-neck", "confirmed", "soon"],
    ]);
  });

  it("a soon rule listed first does not set the result's urgency", () => {
    const soonFirst = loadRuleset(
      rulesetDocument((document) => {
        const young = document.rules.findIndex((rule) => rule.id === "young");
        document.rules.unshift(...document.rules.splice(young, 1));
      }),
    );
    const result = evaluate(soonFirst, calmAnswers({ age: 15, limbWeakness: "yes" }));
    expect(reasonsOf(result)).toEqual([
      ["weakness-or-coordination", "confirmed", "urgent"],
      ["young", "confirmed", "soon"],
    ]);
    expect(result.urgency).toBe("urgent");
    expect(result.verdict).toBe("see-a-professional");
  });
});

describe("a reason's sources", () => {
  const expectedSources = (ruleId: string) => {
    const rule = defaultRuleset.definition.rules.find((r) => r.id === ruleId);
    if (!rule) throw new Error(`no rule ${ruleId}`);
    return rule.sources.map((key) => {
      const source = defaultRuleset.definition.sources[key];
      if (!source) throw new Error(`no source ${key}`);
      return { title: source.title, url: source.url };
    });
  };

  it("are the rule's sources, in its order, with title and url", () => {
    const [reason] = triage(calmAnswers({ fever: "yes" })).reasons;
    expect(reason?.ruleId).toBe("fever");
    expect(reason?.sources).toEqual(expectedSources("fever"));
    expect(reason?.sources.length).toBeGreaterThanOrEqual(1);
  });

  it("are a fresh array for each result: changing one result does not change the next", () => {
    const first = triage(calmAnswers({ fever: "yes" }));
    const sources = first.reasons[0]!.sources;
    sources.length = 0;
    sources.push({ title: "changed", url: "https://example.org/changed" });
    const second = triage(calmAnswers({ fever: "yes" }));
    expect(second.reasons[0]?.sources).toEqual(expectedSources("fever"));
    // Nor does it change the ruleset that the caller holds.
    expect(defaultRuleset.definition.rules.find((r) => r.id === "fever")?.sources.length).toBe(
      expectedSources("fever").length,
    );
  });
});
