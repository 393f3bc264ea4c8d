import { describe, expect, it } from "vitest";
import { loadRuleset, RulesetError } from "../../src/index.js";
import { MAX_RULESET_VALUES, valueCount } from "../../src/ruleset/size.js";
import { inWords, issuesThrownBy } from "../helpers/answers.js";
import { rulesetDocument } from "../helpers/ruleset-document.js";

/*
 * The bound on a ruleset's size (src/ruleset/size.ts), in the pure core: a document of more than
 * 10,000 values is refused before validation, which would otherwise report a problem per value (a
 * 1 MiB array of {} overflowed zod's stack) or, for an object a library caller shares at every level,
 * walk it exponentially often. The CLI's bounded-errors tests cover the same through a file.
 */

describe("counting a document's values", () => {
  it("counts every object, array and leaf once per place it appears", () => {
    // The object, the array, and the array's three leaves.
    expect(valueCount({ a: [1, "x", null] }, 100)).toBe(5);
    expect(valueCount("leaf", 100)).toBe(1);
    // A shared object (a library caller's, not JSON) counts at each place, as validation meets it.
    const shared = { x: 1 };
    expect(valueCount({ a: shared, b: shared }, 100)).toBe(5);
  });

  it("stops soon after the limit, even for an object shared at every level (2^41 places)", () => {
    let node: object = { leaf: 1 };
    for (let level = 0; level < 40; level++) node = { a: node, b: node };
    const counted = valueCount(node, MAX_RULESET_VALUES);
    expect(counted).toBeGreaterThan(MAX_RULESET_VALUES);
    expect(counted).toBeLessThan(4 * MAX_RULESET_VALUES);
  });

  it("counts up to the limit exactly: an array of 9,999 leaves holds 10,000 values", () => {
    expect(valueCount(new Array(MAX_RULESET_VALUES - 1).fill(0), MAX_RULESET_VALUES)).toBe(MAX_RULESET_VALUES);
    expect(valueCount(new Array(MAX_RULESET_VALUES).fill(0), MAX_RULESET_VALUES)).toBe(MAX_RULESET_VALUES + 1);
  });
});

describe("a ruleset of more than 10,000 values", () => {
  it("is refused with one problem at the root, saying so, not one per value", () => {
    const huge = rulesetDocument((d) => {
      d.advice.selfCare.watchFor = Array.from({ length: MAX_RULESET_VALUES }, () => ({}) as never);
    });
    expect(inWords(issuesThrownBy(() => loadRuleset(huge), RulesetError))).toEqual([
      { path: "(root)", message: "holds more than 10,000 values; a ruleset needs far fewer" },
    ]);
  });

  it("the default ruleset, far under it, loads", () => {
    expect(valueCount(rulesetDocument(), MAX_RULESET_VALUES)).toBeLessThan(MAX_RULESET_VALUES / 10);
    expect(() => loadRuleset(rulesetDocument())).not.toThrow();
  });
});
