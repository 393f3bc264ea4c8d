import { describe, expect, it } from "vitest";
import { compileQuickCheck } from "../../src/ruleset/quick-check.js";
import { answersSchemaFor } from "../../src/answers/schema.js";
import { defaultRuleset } from "../../src/index.js";
import { calmAnswers } from "../helpers/answers.js";

// The quick check on the hot path must never accept what the zod schema refuses, and must give the
// same values when it accepts: otherwise a bad answer could slip past validation.
const quickCheck = compileQuickCheck(defaultRuleset.questions, defaultRuleset.followUps);
const schema = answersSchemaFor(defaultRuleset);

function agrees(input: unknown): void {
  const quick = quickCheck(input)?.answers;
  if (quick === undefined) return;
  const parsed = schema.safeParse(input, { jitless: true });
  expect(parsed.success, JSON.stringify(input)).toBe(true);
  expect(quick).toEqual(parsed.data);
}

/** Small deterministic generator, so a failure names a reproducible case. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const ODD_VALUES: unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  -1,
  1.5,
  7,
  121,
  36501,
  Number.NaN,
  Infinity,
  "",
  "yes",
  "no",
  "unsure",
  "YES",
  "helped",
  "did-not-help",
  "not-tried",
  "7",
  [],
  {},
  ["yes"],
  { value: "yes" },
  "x".repeat(201),
  1e300,
];

describe("the hot-path answers check agrees with the zod schema", () => {
  it("gives the same codes as encoding the validated answers", () => {
    const answers = calmAnswers({ fever: "unsure", age: 70, otcResponse: "did-not-help" });
    expect(quickCheck(answers)?.codes).toEqual(defaultRuleset.encode(schema.parse(answers)));
  });

  it("accepts complete valid answers, with and without an id", () => {
    expect(quickCheck(calmAnswers())?.answers).toEqual(schema.parse(calmAnswers()));
    expect(quickCheck({ ...calmAnswers(), id: "r-1" })?.answers).toEqual({ ...calmAnswers(), id: "r-1" });
    expect(quickCheck({ ...calmAnswers(), id: 42 })?.answers).toEqual({ ...calmAnswers(), id: 42 });
  });

  // The CLI validates answers that pass this check without loading zod at all (src/cli/valid-answers.ts),
  // so every plainly valid record must pass it, at the limits too, with the same values zod gives.
  it("accepts answers at every limit: each end of an integer range, an id of exactly 200 characters", () => {
    // Contract: age 0–120 and painDays 0–36500, both ends included; an id of at most 200 characters.
    const limits: object[] = [
      calmAnswers({ age: 0, painDays: 0 }),
      calmAnswers({ age: 120, painDays: 36500 }),
      { ...calmAnswers(), id: "x".repeat(200) },
    ];
    for (const input of limits) {
      expect(quickCheck(input)?.answers, JSON.stringify(input)).toEqual(input);
      expect(quickCheck(input)?.answers).toEqual(schema.parse(input));
    }
    // One step past each limit is left to zod, which refuses it.
    for (const input of [
      calmAnswers({ age: -1 }),
      calmAnswers({ age: 121 }),
      calmAnswers({ painDays: 36501 }),
      { ...calmAnswers(), id: "x".repeat(201) },
    ]) {
      expect(quickCheck(input), JSON.stringify(input)).toBeUndefined();
    }
  });

  it("is what the compiled ruleset's quickCheck gives: the answers, encoded as the engine encodes them", () => {
    const answers = { ...calmAnswers({ fever: "yes", age: 120, otcResponse: "helped" }), id: 7 };
    const quick = defaultRuleset.quickCheck(answers);
    expect(quick?.answers).toEqual(answers);
    // The codes feed the compiled rules directly: they must be the ruleset's own encoding of the answers.
    expect(quick?.codes).toEqual(defaultRuleset.encode(answers));
    expect(defaultRuleset.quickCheck({ ...answers, fever: "maybe" })).toBeUndefined();
  });

  it("leaves to zod: a missing, unknown, misspelt or __proto__ key, a class instance, an inherited field", () => {
    const { fever: _dropped, ...missing } = calmAnswers();
    const inherited = Object.assign(Object.create({ fever: "no" }) as object, missing);
    const withProto = JSON.parse(`{${JSON.stringify(calmAnswers()).slice(1, -1)},"__proto__":{"x":1}}`) as unknown;
    class Answers {}
    for (const input of [
      missing,
      { ...calmAnswers(), fevr: "yes" },
      withProto,
      Object.assign(new Answers(), calmAnswers()),
      inherited,
    ]) {
      expect(quickCheck(input)).toBeUndefined();
    }
  });

  it("never accepts what zod refuses: 20,000 random one- and two-field corruptions", () => {
    const next = random(20261127);
    const fields = [...defaultRuleset.questions.map((q) => q.id), "id", "extra"];
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    let accepted = 0;
    for (let i = 0; i < 20_000; i++) {
      const input: Record<string, unknown> = { ...calmAnswers() };
      for (let k = 0; k < 1 + Math.floor(next() * 2); k++) {
        const field = pick(fields);
        const value = pick(ODD_VALUES);
        if (value === undefined && next() < 0.5) delete input[field];
        else input[field] = value;
      }
      agrees(input);
      if (quickCheck(input) !== undefined) accepted++;
    }
    // Some corruptions are still valid answers (e.g. fever "yes"): the check must accept those too.
    expect(accepted).toBeGreaterThan(1000);
  });
});
