import { describe, expect, it } from "vitest";
import { compileResultSerializer } from "../../src/cli/batch/serialize.js";
import { evaluateEarlyStop } from "../../src/engine/evaluate-valid.js";
import { defaultRuleset, evaluate, loadRuleset, type EvaluateOptions, type TriageResult } from "../../src/index.js";
import type { ConditionDefinition } from "../../src/ruleset/schema.js";
import { calmAnswers } from "../helpers/answers.js";

/*
 * Batch writes results with a serializer built once per ruleset; its output must be exactly
 * JSON.stringify(result), byte for byte, for every result, so that batch output is the library's JSON.
 */

type AnswerValue = string | number;

/** Every value worth trying for each question, from the ruleset itself: each choice; for integers the range ends and each rule threshold and the value below it. */
function valuesByQuestion(): Map<string, AnswerValue[]> {
  const thresholds = new Map<string, Set<number>>();
  const walk = (condition: ConditionDefinition): void => {
    if ("all" in condition) condition.all.forEach(walk);
    else if ("any" in condition) condition.any.forEach(walk);
    else if ("atLeast" in condition || "below" in condition) {
      const at = "atLeast" in condition ? condition.atLeast : condition.below;
      const set = thresholds.get(condition.answer) ?? new Set<number>();
      set.add(at).add(at - 1);
      thresholds.set(condition.answer, set);
    }
  };
  for (const rule of defaultRuleset.definition.rules) walk(rule.when);
  const values = new Map<string, AnswerValue[]>();
  for (const question of defaultRuleset.questions) {
    if (question.type === "choice") {
      values.set(
        question.id,
        question.choices.map((choice) => choice.value),
      );
    } else {
      const candidates = new Set([question.min, question.max, ...(thresholds.get(question.id) ?? [])]);
      values.set(
        question.id,
        [...candidates].filter((n) => n >= question.min && n <= question.max),
      );
    }
  }
  return values;
}

/** A small seeded generator, so that a failure can be replayed. */
function seeded(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n) >>> 0;
  };
}

const IDS: readonly (string | number | undefined)[] = [
  undefined,
  "patient-1",
  "",
  'quote " and backslash \\',
  "line\nbreak\ttab\u0000nul\u001besc",
  "\u2028\u2029 separators, é 漢字 😀",
  "\ud800 lone surrogate",
  "x".repeat(200),
  0,
  -1,
  42,
  Number.MIN_SAFE_INTEGER,
  2 ** 40,
  -0,
  Number.MAX_SAFE_INTEGER,
];

function pick<T>(list: readonly T[], random: (n: number) => number): T {
  return list[random(list.length)] as T;
}

describe("compileResultSerializer gives exactly JSON.stringify(result)", () => {
  const values = valuesByQuestion();
  const questions = defaultRuleset.questions.map((question) => question.id);

  it("for thousands of answer combinations, ids and emergency numbers, one serializer throughout", () => {
    const serialize = compileResultSerializer(defaultRuleset);
    const random = seeded(7);
    // More distinct emergency numbers than any cache of advice texts would hold, and runs of the same one.
    const numbers = Array.from({ length: 400 }, (_, i) => String(100 + i));
    const seen = {
      rules: new Set<string>(),
      urgencies: new Set<string>(),
      certainties: new Set<string>(),
      advice: new Set<string>(),
    };
    let checked = 0;

    const check = (answers: Record<string, AnswerValue>, options: EvaluateOptions | undefined) => {
      const result = evaluate(defaultRuleset, answers, options);
      const expected = JSON.stringify(result);
      const got = serialize(result);
      if (got !== expected)
        expect(got, `answers ${JSON.stringify(answers)}, options ${JSON.stringify(options)}`).toBe(expected);
      checked++;
      seen.urgencies.add(result.urgency);
      seen.advice.add(result.advice);
      for (const reason of result.reasons) {
        seen.rules.add(reason.ruleId);
        seen.certainties.add(reason.certainty);
      }
    };
    const withId = (answers: Record<string, AnswerValue>, id: string | number | undefined) =>
      id === undefined ? answers : { id, ...answers };

    // Every question at every value, all else random: each rule gets its chance to fire.
    for (const question of questions) {
      for (const value of values.get(question) ?? []) {
        const answers: Record<string, AnswerValue> = {};
        for (const q of questions) answers[q] = pick(values.get(q) ?? [], random);
        answers[question] = value;
        check(
          withId(answers, pick(IDS, random)),
          random(2) === 0 ? undefined : { emergencyNumber: pick(numbers, random) },
        );
      }
    }
    // Random combinations, the options changing in runs and at random. Every other one starts from
    // calm answers and changes a few, since fully random answers nearly always refer.
    const calm: Record<string, AnswerValue> = { ...calmAnswers() };
    for (let i = 0; i < 4000; i++) {
      const answers: Record<string, AnswerValue> = {};
      for (const q of questions)
        answers[q] = i % 2 === 0 ? pick(values.get(q) ?? [], random) : (calm[q] ?? pick(values.get(q) ?? [], random));
      if (i % 2 === 1) {
        for (let change = random(4); change > 0; change--) {
          const q = pick(questions, random);
          answers[q] = pick(values.get(q) ?? [], random);
        }
      }
      const mode = Math.floor(i / 50) % 3;
      const options: EvaluateOptions | undefined =
        mode === 0 ? undefined : mode === 1 ? { emergencyNumber: "112" } : { emergencyNumber: pick(numbers, random) };
      check(withId(answers, IDS[i % IDS.length]), options);
    }

    expect(checked).toBeGreaterThan(4000);
    // The loop covered what it claims to: every rule, urgency and certainty, and many advice texts.
    expect([...seen.rules].sort()).toEqual(defaultRuleset.rules.map((rule) => rule.id).sort());
    expect([...seen.urgencies].sort()).toEqual(["emergency", "none", "soon", "urgent"]);
    expect([...seen.certainties].sort()).toEqual(["confirmed", "possible"]);
    expect(seen.advice.size).toBeGreaterThan(256);
  });

  it("for results of an interview stopped early (with `unanswered`)", () => {
    const serialize = compileResultSerializer(defaultRuleset);
    const random = seeded(11);
    let withUnanswered = 0;
    for (let i = 0; i < 500; i++) {
      const answers: Record<string, AnswerValue> = {};
      const answered = random(questions.length);
      for (const q of questions.slice(0, answered)) answers[q] = pick(values.get(q) ?? [], random);
      if (random(2) === 0) answers.emergencySigns = "yes";
      const id = IDS[i % IDS.length];
      const result: TriageResult = evaluateEarlyStop(
        defaultRuleset,
        id === undefined ? answers : { ...answers, id },
        i % 2 ? { emergencyNumber: "999" } : undefined,
      );
      if (result.unanswered !== undefined && result.unanswered.length > 0) withUnanswered++;
      expect(serialize(result)).toBe(JSON.stringify(result));
    }
    expect(withUnanswered).toBeGreaterThan(400);
  });

  it("for another ruleset's results, and for results of this ruleset mixed with them", () => {
    // A second ruleset: same questions, other id, texts and version.
    const document = structuredClone(defaultRuleset.definition) as unknown as {
      id: string;
      version: string;
      disclaimer: string;
      rules: { summary: string }[];
    };
    document.id = "other";
    document.version = "9.9.9";
    document.disclaimer = 'Another disclaimer, with "quotes" and a \u2028 separator.';
    for (const rule of document.rules) rule.summary = `${rule.summary} (other)`;
    const other = loadRuleset(document);

    const forDefault = compileResultSerializer(defaultRuleset);
    const forOther = compileResultSerializer(other);
    const random = seeded(13);
    for (let i = 0; i < 300; i++) {
      const answers: Record<string, AnswerValue> = {};
      for (const q of questions) answers[q] = pick(values.get(q) ?? [], random);
      const a = evaluate(defaultRuleset, answers);
      const b = evaluate(other, answers);
      expect(forDefault(a)).toBe(JSON.stringify(a));
      expect(forOther(b)).toBe(JSON.stringify(b));
      // A serializer handed a result it was not built for still writes that result, not its own texts.
      expect(forDefault(b)).toBe(JSON.stringify(b));
      expect(forOther(a)).toBe(JSON.stringify(a));
    }
  });
});
