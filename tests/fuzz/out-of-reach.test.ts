import fc from "fast-check";
import { afterAll, describe, it } from "vitest";
import { evaluate } from "../../src/index.js";
import { BUILTIN_RULESET_DOCUMENTS, getBuiltinRuleset } from "../../src/ruleset/builtin.js";
import { calmAnswersFor } from "../helpers/answers.js";
import { reachableObjects, rulesetFunctions } from "../helpers/reachable.js";
import { entriesObject, validEntriesFor } from "./helpers/answers-arbitraries.js";
import { assertProperty, printTally } from "./helpers/fuzz-config.js";
import { check } from "./helpers/invariants.js";

// The class of "the ruleset hands out the engine's own state" (tests/ruleset/out-of-reach.test.ts):
// whatever answers a caller passes to a ruleset's functions, and whatever it then does to what they
// return, every later result for any answers stays as it was.

afterAll(() => printTally("out-of-reach"));

/** Overwrites every property of every unfrozen object reachable from `value` (arrays emptied). */
function tamperWith(value: unknown, junk: unknown): void {
  for (const object of reachableObjects(value)) {
    if (Object.isFrozen(object)) continue;
    if (Array.isArray(object)) object.length = 0;
    else for (const key of Object.keys(object)) (object as Record<string, unknown>)[key] = junk;
  }
}

describe("out of reach: what a ruleset's functions return cannot change a later result", () => {
  for (const name of Object.keys(BUILTIN_RULESET_DOCUMENTS)) {
    const ruleset = getBuiltinRuleset(name)!;
    const emergency = { ...calmAnswersFor(ruleset), emergencySigns: "yes" };
    const expectedEmergency = JSON.stringify(evaluate(ruleset, emergency));

    it(`"${name}": random answers, everything returned overwritten`, () => {
      assertProperty(
        fc.property(
          validEntriesFor(ruleset),
          fc.constantFrom<unknown>(0, "", null, () => 0),
          (entries, junk) => {
            const answers = entriesObject(entries) as Record<string, string | number>;
            const before = JSON.stringify(evaluate(ruleset, answers));
            for (const [, fn] of rulesetFunctions(ruleset)) tamperWith(fn(answers), junk);
            check(JSON.stringify(evaluate(ruleset, answers)) === before, "a result changed after tampering");
            check(JSON.stringify(evaluate(ruleset, emergency)) === expectedEmergency, "the emergency result changed");
          },
        ),
        200,
      );
    });
  }
});
