import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { compileQuickCheck } from "../../src/ruleset/quick-check.js";
import {
  AnswersError,
  AnswersSchema,
  answersSchemaFor,
  defaultRuleset,
  evaluate,
  loadRuleset,
  triage,
  type Ruleset,
} from "../../src/index.js";
import { expectContractResult } from "../cli/helpers/contract.js";
import { rulesFile } from "../cli/helpers/ruleset-file.js";
import {
  anythingArbitrary,
  corruptedEntriesFor,
  entriesObject,
  expectedProblems,
  issuePathOfKey,
  validEntriesFor,
} from "./helpers/answers-arbitraries.js";
import { assertProperty, printTally } from "./helpers/fuzz-config.js";
import { check, expectResultInvariants, outcomeOf } from "./helpers/invariants.js";

// Hostile answers into the library (docs/contract.md, "Library"): whatever comes in, the only thing ever
// thrown is AnswersError, each issue with a path and a message, and valid answers always give a
// result that keeps the contract's rules.

/** The same ruleset loaded afresh: evaluate() must not depend on the default one's caches. */
const reloaded: Ruleset = loadRuleset(structuredClone(rulesFile));

/** triage() and evaluate() with either ruleset object: every way in to the same engine. */
const ENTRY_POINTS: readonly [string, (input: unknown) => ReturnType<typeof triage>][] = [
  ["triage", (input) => triage(input as Parameters<typeof triage>[0])],
  [
    "triage with an emergency number",
    (input) => triage(input as Parameters<typeof triage>[0], { emergencyNumber: "112" }),
  ],
  ["evaluate(defaultRuleset)", (input) => evaluate(defaultRuleset, input)],
  ["evaluate(reloaded ruleset)", (input) => evaluate(reloaded, input)],
];
const entryPoint = fc.constantFrom(...ENTRY_POINTS);

afterAll(() => printTally("answers"));

describe("answers fuzzing: only AnswersError, always with a path and a message", () => {
  it("any JSON value", () => {
    assertProperty(
      fc.property(fc.jsonValue({ maxDepth: 4 }), entryPoint, (input, [, call]) => {
        const outcome = outcomeOf(() => call(input), AnswersError);
        if (outcome.ok) expectResultInvariants(defaultRuleset, input as Record<string, unknown>, outcome.value);
      }),
      400,
    );
  });

  it("anything a caller could pass: class instances, Maps, Sets, Dates, boxed values, null prototypes, bigints", () => {
    assertProperty(
      fc.property(anythingArbitrary, entryPoint, (input, [, call]) => {
        outcomeOf(() => call(input), AnswersError);
      }),
      400,
    );
  });

  it("valid answers with random corruption fail exactly at the corrupted keys (hostile keys included)", () => {
    assertProperty(
      fc.property(corruptedEntriesFor(defaultRuleset), entryPoint, (entries, [, call]) => {
        const input = entriesObject(entries);
        const expected = expectedProblems(defaultRuleset, input);
        const outcome = outcomeOf(() => call(input), AnswersError);
        if (expected !== "root" && expected.size === 0) {
          check(outcome.ok, `valid answers refused: ${JSON.stringify(entries)}`);
          if (outcome.ok) expectResultInvariants(defaultRuleset, input as Record<string, unknown>, outcome.value);
        } else {
          check(!outcome.ok, `invalid answers accepted: ${JSON.stringify(entries)}`);
          if (!outcome.ok) {
            const paths = [...new Set(outcome.error.issues.map((issue) => issue.path))].sort();
            const wanted = expected === "root" ? ["(root)"] : [...expected].map(issuePathOfKey).sort();
            check(
              JSON.stringify(paths) === JSON.stringify(wanted),
              `issues at ${JSON.stringify(paths)}, expected ${JSON.stringify(wanted)}`,
            );
          }
        }
      }),
      2_000,
    );
  });

  it("valid answers always give a result that keeps the contract's invariants", () => {
    assertProperty(
      fc.property(validEntriesFor(defaultRuleset), entryPoint, (entries, [, call]) => {
        const input = entriesObject(entries) as Record<string, unknown>;
        expectResultInvariants(defaultRuleset, input, call(input));
      }),
      2_000,
    );
  });

  it("valid answers give JSON that passes the contract's result schema", () => {
    assertProperty(
      fc.property(validEntriesFor(defaultRuleset), (entries) => {
        expectContractResult(
          JSON.parse(JSON.stringify(triage(entriesObject(entries) as Parameters<typeof triage>[0]))),
        );
      }),
      200,
      0.02,
    );
  });

  it("the hot-path quick check accepts only what the zod schema accepts, with the same values", () => {
    const quick = compileQuickCheck(defaultRuleset.questions, defaultRuleset.followUps);
    const schema = answersSchemaFor(defaultRuleset);
    assertProperty(
      fc.property(fc.oneof(corruptedEntriesFor(defaultRuleset).map(entriesObject), anythingArbitrary), (input) => {
        const accepted = quick(input);
        if (accepted === undefined) return;
        const parsed = schema.safeParse(input, { jitless: true });
        expect(parsed.success).toBe(true);
        expect(accepted.answers).toEqual(parsed.data);
        expect(AnswersSchema.safeParse(input).success).toBe(true);
      }),
      1_000,
    );
  });
});

describe("found by fuzzing, kept as examples", () => {
  it("a blank key is reported at a quoted path, never an empty one", () => {
    for (const [key, path] of [
      ["", '""'],
      [" ", '" "'],
      ["\t", '"\\t"'],
    ] as const) {
      const outcome = outcomeOf(
        () =>
          triage(
            entriesObject([
              ["emergencySigns", "no"],
              [key, 1],
            ]) as Parameters<typeof triage>[0],
          ),
        AnswersError,
      );
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.error.issues.map((issue) => issue.path)).toContain(path);
    }
  });
});
