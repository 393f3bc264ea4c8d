import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { AnswersError, evaluate, loadRuleset, RulesetError, type Ruleset } from "../../src/index.js";
import { BUILTIN_RULESET_DOCUMENTS } from "../../src/ruleset/builtin.js";
import { MAX_RULESET_DEPTH, pathNestedDeeperThan } from "../../src/ruleset/depth.js";
import {
  anythingArbitrary,
  corruptedEntriesFor,
  entriesObject,
  validEntriesFor,
} from "./helpers/answers-arbitraries.js";
import { assertProperty, printTally } from "./helpers/fuzz-config.js";
import { check, expectResultInvariants, outcomeOf } from "./helpers/invariants.js";
import { allPaths, allStrings, mutate, mutationArbitrary } from "./helpers/json-mutation.js";

// Hostile ruleset documents into loadRuleset (docs/contract.md, "Library"): the only thing ever thrown is
// RulesetError, each issue with a path and a message; a document that loads is one the engine can
// run: any answers give a result keeping the contract's rules, or an AnswersError.

const BUILTIN = Object.entries(BUILTIN_RULESET_DOCUMENTS);

afterAll(() => printTally("ruleset"));

/** A ruleset that loaded: run it on answers drawn for it, valid and corrupted. */
function exercise(ruleset: Ruleset, draw: fc.GeneratorValue): void {
  const valid = entriesObject(draw(() => validEntriesFor(ruleset))) as Record<string, unknown>;
  expectResultInvariants(ruleset, valid, evaluate(ruleset, valid));
  const corrupted = entriesObject(draw(() => corruptedEntriesFor(ruleset)));
  const outcome = outcomeOf(() => evaluate(ruleset, corrupted), AnswersError);
  if (outcome.ok) expectResultInvariants(ruleset, corrupted as Record<string, unknown>, outcome.value);
}

describe("ruleset fuzzing: only RulesetError, always with a path and a message", () => {
  it("the built-in documents load (the mutations below start from valid documents)", () => {
    for (const [name, document] of BUILTIN) expect(() => loadRuleset(structuredClone(document)), name).not.toThrow();
  });

  it("any JSON value", () => {
    assertProperty(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (document) => {
        outcomeOf(() => loadRuleset(document), RulesetError);
      }),
      500,
    );
  });

  it("anything a caller could pass", () => {
    assertProperty(
      fc.property(anythingArbitrary, (document) => {
        outcomeOf(() => loadRuleset(document), RulesetError);
      }),
      300,
      0.5,
    );
  });

  for (const [name, builtin] of BUILTIN) {
    // Under an id of its own: an edited copy may not keep a built-in's id (ruleset-identity.test.ts),
    // and here what matters is whether what still loads runs.
    const document = { ...(builtin as object), id: `${name}-mutated` };
    const paths = allPaths(document);
    const mutations = fc.array(mutationArbitrary(paths.length, allStrings(document)), { minLength: 1, maxLength: 4 });

    it(`random mutations of the built-in "${name}" ruleset; whatever still loads runs any answers`, () => {
      assertProperty(
        fc.property(mutations, fc.gen(), (changes, draw) => {
          const mutated = mutate(document, paths, changes);
          const before = JSON.stringify(mutated);
          const outcome = outcomeOf(() => loadRuleset(mutated), RulesetError);
          check(JSON.stringify(mutated) === before, "loadRuleset leaves the document it is given as it was");
          if (outcome.ok) exercise(outcome.value, draw);
        }),
        250,
        0.05,
      );
    });
  }

  // The class of the fault "a sign to watch for of the wrong type was refused as a bare 'invalid input'"
  // (tests/ruleset/schema-messages.test.ts): a value in a union of forms (a text, or {text, about}), in
  // a full ruleset and in an extension, is taken or refused with issues that say what is allowed
  // (outcomeOf checks every issue).
  it("any JSON value as a sign to watch for, in a ruleset or an extension: taken, or refused saying what is allowed", () => {
    const [, document] = BUILTIN[0]!;
    const line = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.record({ text: fc.jsonValue({ maxDepth: 1 }), about: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] }),
      // zod checks a length even after a wrong type: arrays, and objects with a length (found in review).
      fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
      fc.record({ length: fc.jsonValue({ maxDepth: 1 }), text: fc.string() }, { requiredKeys: ["length"] }),
    );
    const inRuleset = (watchFor: unknown) => {
      const full = structuredClone(document) as { id: string; advice: { selfCare: { watchFor: unknown[] } } };
      full.id = "watch-for-fuzz";
      full.advice.selfCare.watchFor[0] = watchFor;
      return full;
    };
    const inExtension = (watchFor: unknown) => ({
      extends: "default",
      id: "watch-for-fuzz",
      version: "1.0.0",
      addWatchFor: [watchFor],
    });
    assertProperty(
      fc.property(line, fc.boolean(), (watchFor, extension) => {
        outcomeOf(() => loadRuleset((extension ? inExtension : inRuleset)(watchFor)), RulesetError);
      }),
      200,
      0.2,
    );
  });

  it("conditions nested far deeper than any ruleset needs are refused, not a stack overflow", () => {
    const [, document] = BUILTIN[0]!;
    const leaf = (document as { rules: { when: unknown }[] }).rules[0]!.when;
    assertProperty(
      fc.property(fc.integer({ min: 1, max: 20_000 }), fc.boolean(), fc.boolean(), (depth, useAny, inAskWhen) => {
        let when: unknown = leaf;
        for (let i = 0; i < depth; i++) when = useAny ? { any: [when] } : { all: [when] };
        const mutated = structuredClone(document) as { rules: { when: unknown }[]; questions: { askWhen?: unknown }[] };
        if (inAskWhen) mutated.questions[mutated.questions.length - 1]!.askWhen = when;
        else mutated.rules[0]!.when = when;
        outcomeOf(() => loadRuleset(mutated), RulesetError);
      }),
      25,
      0.01,
    );
  });
});

describe("the nesting limit that keeps hostile rulesets from overflowing the stack", () => {
  /** Arrays and objects in turn, the innermost `levels` below the root. */
  const nested = (levels: number): unknown => {
    let node: unknown = "leaf";
    for (let i = 0; i <= levels; i++) node = i % 2 === 0 ? [node] : { next: node };
    return node;
  };

  it(`allows ${MAX_RULESET_DEPTH} levels below the root and refuses one more, naming where`, () => {
    expect(pathNestedDeeperThan(nested(MAX_RULESET_DEPTH), MAX_RULESET_DEPTH)).toBeUndefined();
    const path = pathNestedDeeperThan(nested(MAX_RULESET_DEPTH + 1), MAX_RULESET_DEPTH);
    expect(path).toHaveLength(MAX_RULESET_DEPTH + 1);
  });

  it("refuses a loop as endless, with a RulesetError from loadRuleset", () => {
    const [, document] = BUILTIN[0]!;
    const looped = structuredClone(document) as { rules: { when: unknown }[] };
    const when = { all: [] as unknown[] };
    when.all.push(when);
    looped.rules[0]!.when = when;
    expect(pathNestedDeeperThan(looped, MAX_RULESET_DEPTH)).toEqual(["rules", 0, "when", "all", 0]);
    const outcome = outcomeOf(() => loadRuleset(looped), RulesetError);
    expect(outcome.ok).toBe(false);
  });

  it("explores an object shared many times over once, so sharing cannot make it slow", () => {
    let node: unknown = {};
    for (let i = 0; i < 60; i++) node = { left: node, right: node };
    const started = performance.now();
    expect(pathNestedDeeperThan(node, MAX_RULESET_DEPTH)).toBeUndefined();
    expect(pathNestedDeeperThan({ a: node, b: { c: { d: { e: { f: node } } } } }, MAX_RULESET_DEPTH)).toEqual([
      "b",
      "c",
      "d",
      "e",
      "f",
    ]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
