import { describe, expect, it } from "vitest";
import { BUILTIN_RULESET_DOCUMENTS, getBuiltinRuleset } from "../../src/ruleset/builtin.js";
import { evaluate, loadRuleset, type Ruleset } from "../../src/index.js";
import { calmAnswersFor, unsureAnswers } from "../helpers/answers.js";
import { reachableObjects, rulesetFunctions } from "../helpers/reachable.js";
import { rulesFile } from "../cli/helpers/ruleset-file.js";

/*
 * Fault found in review (2026-11-29): the compiled ruleset exposed `emergenciesStillPossible()`, which
 * returned the engine's own, unfrozen compiled rules, and `texts()`, which returned the engine's
 * filled advice: a library caller could set a rule's condition to "never" (triage() then said
 * self-care with emergency signs) or rewrite the advice of every later result. What a caller can
 * reach from a ruleset, directly or from what its functions return, is frozen or a fresh copy. (The
 * same review walk found the lookup Maps and their entries open to change: frozen too now.)
 */

const RULESETS: [string, Ruleset][] = [
  ...Object.keys(BUILTIN_RULESET_DOCUMENTS).map((name): [string, Ruleset] => [name, getBuiltinRuleset(name)!]),
  ["loaded with loadRuleset", loadRuleset(structuredClone(rulesFile))],
];

describe.each(RULESETS)("what a caller can reach from the %s ruleset", (_name, ruleset) => {
  it("everything reachable from the ruleset itself is frozen", () => {
    expect([...reachableObjects(ruleset)].filter((object) => !Object.isFrozen(object))).toEqual([]);
  });

  it("its lookup Maps refuse changes, as a frozen object does", () => {
    for (const lookup of [ruleset.questionsById, ruleset.questionIndex] as Map<string, unknown>[]) {
      expect(() => lookup.set("fever", undefined)).toThrow(TypeError);
      expect(() => lookup.delete("fever")).toThrow(/lookups cannot be changed/);
      expect(() => lookup.clear()).toThrow(TypeError);
      expect(lookup.has("fever")).toBe(true);
    }
  });

  it("each of its functions returns frozen objects or fresh ones, never the engine's own", () => {
    for (const answers of [calmAnswersFor(ruleset), unsureAnswers(), {}]) {
      for (const [name, fn] of rulesetFunctions(ruleset)) {
        const first = reachableObjects(fn(answers));
        const shared = [...reachableObjects(fn(answers))].filter(
          (object) => first.has(object) && !Object.isFrozen(object),
        );
        expect(shared, `${name}() returned the same unfrozen object twice`).toEqual([]);
      }
    }
  });

  it("changing whatever its functions return changes no later result", () => {
    const emergency = { ...calmAnswersFor(ruleset), emergencySigns: "yes" };
    const before = [evaluate(ruleset, emergency), evaluate(ruleset, calmAnswersFor(ruleset))];
    for (const [, fn] of rulesetFunctions(ruleset)) {
      for (const object of reachableObjects(fn(emergency))) {
        if (Object.isFrozen(object)) continue;
        for (const key of Object.keys(object)) (object as Record<string, unknown>)[key] = 0;
      }
    }
    expect([evaluate(ruleset, emergency), evaluate(ruleset, calmAnswersFor(ruleset))]).toEqual(before);
  });
});
