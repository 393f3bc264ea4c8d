import type { Ruleset } from "../../src/index.js";
import { compileCondition } from "../../src/ruleset/conditions.js";
import type { ConditionDefinition, QuestionDefinition } from "../../src/ruleset/schema.js";

export type PlainAnswers = Record<string, string | number>;

/** Each question's values worth trying, from the ruleset: every choice; for an integer its range ends and both sides of every bound a condition sets on it. */
export function valuesWorthTrying(ruleset: Ruleset, question: QuestionDefinition): (string | number)[] {
  if (question.type === "choice") return question.choices.map((choice) => choice.value);
  const bounds = new Set<number>([question.min, question.max]);
  const conditions = [
    ...ruleset.definition.rules.map((rule) => rule.when),
    ...ruleset.questions.flatMap((q) => (q.askWhen ? [q.askWhen] : [])),
  ];
  const visit = (condition: ConditionDefinition): void => {
    if ("all" in condition) condition.all.forEach(visit);
    else if ("any" in condition) condition.any.forEach(visit);
    else if (condition.answer === question.id && ("atLeast" in condition || "below" in condition)) {
      const bound = "atLeast" in condition ? condition.atLeast : condition.below;
      for (const value of [bound - 1, bound]) if (value >= question.min && value <= question.max) bounds.add(value);
    }
  };
  conditions.forEach(visit);
  return [...bounds].sort((a, b) => a - b);
}

/**
 * Answers to try: every value of every question once (the others at their first value), then
 * `randomCount` combinations drawn with a fixed seed, so a failure always reproduces.
 */
export function answerCombinations(ruleset: Ruleset, randomCount: number, seed = 20240601): PlainAnswers[] {
  const values = ruleset.questions.map((question) => ({
    id: question.id,
    values: valuesWorthTrying(ruleset, question),
  }));
  const first = (): PlainAnswers =>
    Object.fromEntries(values.map(({ id, values: v }) => [id, v[0] as string | number]));
  const combinations: PlainAnswers[] = [];
  for (const { id, values: v } of values) for (const value of v) combinations.push({ ...first(), [id]: value });
  const random = mulberry32(seed);
  for (let n = 0; n < randomCount; n++) {
    combinations.push(
      Object.fromEntries(
        values.map(({ id, values: v }) => [id, v[Math.floor(random() * v.length)] as string | number]),
      ),
    );
  }
  return combinations;
}

/** The answers as the interview would hold them: a follow-up it would not ask is left out. */
export function asInterviewed(ruleset: Ruleset, answers: PlainAnswers): PlainAnswers {
  const result: PlainAnswers = { ...answers };
  for (const question of ruleset.questions) {
    if (question.askWhen === undefined) continue;
    const asked = compileCondition(question.askWhen, ruleset.questionIndex)(ruleset.encode(result)) > 0;
    if (!asked) delete result[question.id];
  }
  return result;
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
