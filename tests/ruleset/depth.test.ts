import { describe, expect, it } from "vitest";
import { loadRuleset, RulesetError } from "../../src/index.js";
import type { ConditionDefinition } from "../../src/ruleset/schema.js";
import { MAX_RULESET_DEPTH, pathNestedDeeperThan } from "../../src/ruleset/depth.js";
import { issuesThrownBy } from "../helpers/answers.js";
import { ruleIndex, ruleOf, rulesetDocument } from "../helpers/ruleset-document.js";

/*
 * A ruleset nested deeper than any real one (or in a loop) is refused before it is validated, at a
 * fixed depth: the depth of an object is the length of its path from the document (the shipped
 * rulesets nest 7 levels: rules.3.when.all.1.any.0).
 */

type Tree = { [key: string]: Tree } | Tree[];

/** Objects nested `levels` deep under the root, each under the key `c`. */
function chain(levels: number, bottom: Tree = {}): Tree {
  let node: Tree = bottom;
  for (let i = 0; i < levels; i++) node = { c: node };
  return node;
}

describe("pathNestedDeeperThan", () => {
  it("measures the depth of an object as the length of its path", () => {
    expect(pathNestedDeeperThan(chain(3), 3)).toBeUndefined();
    expect(pathNestedDeeperThan(chain(3), 2)).toEqual(["c", "c", "c"]);
    expect(pathNestedDeeperThan({}, 0)).toBeUndefined();
    expect(pathNestedDeeperThan({ a: {} }, 0)).toEqual(["a"]);
    expect(pathNestedDeeperThan([[[]]], 1)).toEqual([0, 0]);
    expect(pathNestedDeeperThan({ a: 1, b: "x", c: null, d: [1, 2, { e: {} }] }, 2)).toEqual(["d", 2, "e"]);
  });

  it("has nothing to say about a value that is not an object", () => {
    for (const value of [null, undefined, 3, "text", true]) expect(pathNestedDeeperThan(value, 0)).toBeUndefined();
  });

  it("refuses a loop, direct or through other objects, as endless", () => {
    const direct: Record<string, unknown> = {};
    direct.self = direct;
    expect(pathNestedDeeperThan(direct, 100)).toEqual(["self"]);
    const list: unknown[] = [];
    list.push(list);
    expect(pathNestedDeeperThan(list, 100)).toEqual([0]);
    const outer: Record<string, unknown> = { inner: {} };
    (outer.inner as Record<string, unknown>).back = outer;
    expect(pathNestedDeeperThan({ start: outer }, 100)).toEqual(["start", "inner", "back"]);
  });

  it("accepts one object reached by several paths, which is not a loop", () => {
    const shared = chain(2);
    expect(pathNestedDeeperThan({ a: shared, b: shared, c: [shared, shared] }, 4)).toBeUndefined();
  });

  it("explores an object reached by several paths once, so that sharing cannot make the check slow", () => {
    // 12 levels, each holding the next one twice: 4096 paths to the bottom, but only 13 objects to explore.
    let explored = 0;
    let node: object = {};
    for (let level = 0; level < 12; level++) {
      const next = node;
      node = {
        get a() {
          explored++;
          return next;
        },
        b: next,
      };
    }
    expect(pathNestedDeeperThan({ top: node }, 64)).toBeUndefined();
    // Reading an object's entries runs its getter once: one read per object holding one, 12 in all.
    expect(explored).toBe(12);
    expect(pathNestedDeeperThan({ top: node }, 12)).toEqual(["top", ...Array<string>(12).fill("a")]);
  });

  it("measures an object reached again deeper down by its height found the first time", () => {
    const shared = chain(2);
    // First at depth 1 (reaching depth 3), then at depth 3 (reaching depth 5).
    expect(pathNestedDeeperThan({ first: shared, deep: { x: { y: shared } } }, 4)).toEqual(["deep", "x", "y"]);
    expect(pathNestedDeeperThan({ first: shared, deep: { x: { y: shared } } }, 5)).toBeUndefined();
  });

  it("takes an object's height from its deepest child, also when that child was met before", () => {
    const uneven = { a: {}, b: chain(2) }; // height 3: b.c.c
    const wrapper = { inner: uneven }; // height 4, found through a child already measured
    const document = { p: uneven, q: wrapper, r: { k: wrapper } };
    expect(pathNestedDeeperThan(document, 6)).toBeUndefined();
    expect(pathNestedDeeperThan(document, 5)).toEqual(["r", "k"]);
    expect(pathNestedDeeperThan({ p: uneven, r: { k: uneven } }, 4)).toEqual(["r", "k"]);
  });
});

describe("loadRuleset", () => {
  /** all inside all, `levels` times: each adds two levels (the object and its array). */
  function nested(levels: number): ConditionDefinition {
    let condition: ConditionDefinition = { answer: "fever", equals: "yes" };
    for (let i = 0; i < levels; i++) condition = { all: [condition] };
    return condition;
  }

  it("refuses a ruleset nested more than MAX_RULESET_DEPTH levels, at the path where it gets too deep", () => {
    expect(MAX_RULESET_DEPTH).toBe(64);
    const index = ruleIndex(rulesetDocument(), "fever");
    const issues = issuesThrownBy(
      () => loadRuleset(rulesetDocument((d) => (ruleOf(d, "fever").when = nested(40)))),
      RulesetError,
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toBe("nested more than 64 levels deep (or in a loop); a ruleset needs far fewer");
    const path = issues[0]?.path.split(".") ?? [];
    expect(path.slice(0, 3)).toEqual(["rules", String(index), "when"]);
    expect(path).toHaveLength(65);
  });

  it("refuses a ruleset in a loop", () => {
    const document = rulesetDocument();
    const when = ruleOf(document, "fever").when as { answer: string; equals: string; loop?: unknown };
    when.loop = document;
    const issues = issuesThrownBy(() => loadRuleset(document), RulesetError);
    expect(issues).toEqual([
      {
        path: `rules.${ruleIndex(document, "fever")}.when.loop`,
        code: "ruleset.too-deep",
        params: { maxDepth: 64 },
        message: "nested more than 64 levels deep (or in a loop); a ruleset needs far fewer",
      },
    ]);
  });

  it("loads a deep condition within the limit", () => {
    // rules.N.when is at depth 3; 30 more alls reach depth 63 for the innermost condition.
    expect(loadRuleset(rulesetDocument((d) => (ruleOf(d, "fever").when = nested(30)))).rules.length).toBeGreaterThan(0);
  });
});
