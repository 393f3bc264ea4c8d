import { beforeAll, describe, expect, it } from "vitest";
import { defaultRuleset, evaluate, type TriageResult, type Urgency } from "../../src/index.js";
import {
  BACKGROUND_FIELDS,
  effectiveAnswers,
  expectedReasonFromEffective,
  fieldsReadBy,
  truthOf,
} from "../helpers/spec-policy.js";

/*
 * The answer space of the default ruleset 2.0, in two parts (what is enumerated, what is sampled):
 *
 * A. Enumerated: every combination of the eleven three-way questions that are always asked
 *    (3^11 = 177,147), each under two "settings" from a fixed rotation. A setting fixes the other
 *    answers: otcResponse, painDays (6 or 7), age (15, 30, 50, 65) and a value for each follow-up
 *    (injuryMechanism, swallowingSevere, headacheNew, headacheFast, improving), given whenever its
 *    condition holds (and, in half the settings, also when it does not: it must then have no effect).
 *    So the follow-ups' values are sampled: 24 settings, each follow-up's answer cycling through its
 *    three values from block to block, stand for the 4 × 2 × 4 × 3^5 there are.
 * B. Enumerated: for each follow-up, every combination of the answers of the rules it enters (the
 *    question it follows, the follow-up, and the other answers those rules read), the rest calm.
 *
 * Every case is checked against the contract and docs/clinical-basis.md sections 1–3, re-implemented
 * from the text in tests/helpers/spec-policy.ts. Monotonicity: an answer one step worse (a question
 * a follow-up depends on included) never lowers the urgency.
 */

type Answers = Record<string, string | number>;
type Step = { readonly field: string; readonly values: readonly [string, string, string] };

/** A three-way question's answers from best to worst: [reassuring, not sure, warning], from the ruleset's metadata. */
function stepsOf(field: string): Step {
  const question = defaultRuleset.questions.find((q) => q.id === field);
  if (question?.type !== "choice") throw new Error(`${field}: not a choice question`);
  const unknown = question.choices.filter((c) => c.unknown).map((c) => c.value);
  const reassuring = question.choices
    .filter((c) => !c.unknown && c.value !== question.warningAnswer)
    .map((c) => c.value);
  if (unknown.length !== 1 || reassuring.length !== 1) throw new Error(`${field}: not a three-way question`);
  return { field, values: [reassuring[0] as string, unknown[0] as string, question.warningAnswer] };
}

const FOLLOW_UPS = defaultRuleset.questions.filter((q) => q.askWhen !== undefined).map((q) => q.id);
const ALWAYS_ASKED_THREE_WAY = defaultRuleset.questions
  .filter((q) => q.askWhen === undefined && q.type === "choice" && q.id !== "otcResponse")
  .map((q) => q.id);
const STEPS: readonly Step[] = ALWAYS_ASKED_THREE_WAY.map(stepsOf);
const FOLLOW_UP_STEPS: readonly Step[] = FOLLOW_UPS.map(stepsOf);

const COMBINATIONS = 3 ** STEPS.length;
const PLACE = STEPS.map((_, q) => 3 ** q);
function digitOf(combination: number, q: number): number {
  return Math.floor(combination / (PLACE[q] as number)) % 3;
}

type Otc = "helped" | "did-not-help" | "not-tried" | "unsure";
const OTC_VALUES: readonly Otc[] = ["helped", "not-tried", "unsure", "did-not-help"];
const PAIN_DAYS = [6, 7] as const;
const AGES = [15, 30, 50, 65] as const;

interface Setting {
  readonly otcResponse: Otc;
  readonly painDays: number;
  readonly age: number;
  /** Each follow-up's answer position (0 reassuring, 1 not sure, 2 warning). */
  readonly followUps: readonly number[];
  /** Whether follow-ups are given even when their condition does not hold. */
  readonly giveSwitchedOff: boolean;
}

/*
 * The rotation: blocks of three settings. Slot k (0 or 1) of a combination uses
 * ROTATION[digit sum + k], where each answer's digit is its position best → worst: one answer made a
 * step worse raises the digit sum by one, so a combination's second setting is the first setting of
 * each of its worse neighbours, and every such pair is compared under one setting. Within a block
 * only otcResponse changes, a step worse each time, so those pairs compare otcResponse too. From
 * block to block, painDays and age change, and each follow-up's answer moves on one step (the
 * follow-ups' own monotonicity is part B's, which enumerates them).
 */
const BLOCKS: readonly (readonly [Otc, number, number])[] = [
  ["helped", 6, 30],
  ["not-tried", 7, 15],
  ["not-tried", 6, 65],
  ["helped", 7, 50],
  ["helped", 6, 15],
  ["not-tried", 7, 30],
  ["not-tried", 6, 50],
  ["helped", 7, 65],
];
const ROTATION: readonly Setting[] = BLOCKS.flatMap(([first, painDays, age], block) =>
  ([first, "unsure", "did-not-help"] as const).map((otcResponse) => ({
    otcResponse,
    painDays,
    age,
    followUps: FOLLOW_UPS.map((_, i) => (block + i) % 3),
    giveSwitchedOff: block % 2 === 1,
  })),
);

function answersFor(combination: number, setting: Setting): Answers {
  const answers: Answers = { age: setting.age, painDays: setting.painDays, otcResponse: setting.otcResponse };
  STEPS.forEach(({ field, values }, q) => {
    answers[field] = values[digitOf(combination, q)] as string;
  });
  return withFollowUps(answers, setting.followUps, setting.giveSwitchedOff);
}

/** Section 1b, from the questions' askWhen (data) and the spec's truth values: a follow-up is asked while its condition is above 0. */
function withFollowUps(answers: Answers, positions: readonly number[], giveSwitchedOff: boolean): Answers {
  FOLLOW_UP_STEPS.forEach(({ field, values }, i) => {
    const question = defaultRuleset.questions.find((q) => q.id === field);
    const asked = question?.askWhen !== undefined && truthOf(question.askWhen, effectiveAnswers(answers)) > 0;
    if (asked || giveSwitchedOff) answers[field] = values[positions[i] as number] as string;
  });
  return answers;
}

/** Section 1, derived from the questions' warning answers and "not sure" choices, not from the engine. */
function hasWarningOrUnsure(answers: Readonly<Record<string, string | number | undefined>>): boolean {
  for (const { field, values } of [...STEPS, ...FOLLOW_UP_STEPS]) {
    const value = answers[field];
    if (value !== undefined && value !== values[0]) return true;
  }
  if (answers.otcResponse === "did-not-help" || answers.otcResponse === "unsure") return true;
  return (answers.age as number) < 16;
}

const URGENCY_RANK: Readonly<Record<Urgency, number>> = { emergency: 0, urgent: 1, soon: 2, none: 3 };
const RULE_ORDER = new Map(defaultRuleset.definition.rules.map((rule, index) => [rule.id, index]));
const RULES = defaultRuleset.definition.rules;
const FIELDS_READ = new Map(RULES.map((rule) => [rule.id, [...fieldsReadBy(rule.when)]]));

const INVARIANTS = [
  "warning or unsure <=> see-a-professional",
  "contract consistency",
  "reasons follow the not-sure policy",
  "nothing but unsure => possible, never emergency, urgent",
  "emergencySigns yes => emergency",
  "a follow-up whose condition does not hold has no effect",
  "monotonic",
] as const;
type Invariant = (typeof INVARIANTS)[number];

const failures = new Map<Invariant, { count: number; examples: string[] }>(
  INVARIANTS.map((name) => [name, { count: 0, examples: [] }]),
);
function fail(invariant: Invariant, answers: Answers, detail: string): void {
  const entry = failures.get(invariant);
  if (!entry) return;
  entry.count++;
  if (entry.examples.length < 5) entry.examples.push(`${detail} for ${JSON.stringify(answers)}`);
}

function checkCase(answers: Answers, result: TriageResult): void {
  const effective = effectiveAnswers(answers);
  const referred = result.verdict === "see-a-professional";
  if (hasWarningOrUnsure(effective) !== referred)
    fail("warning or unsure <=> see-a-professional", answers, `verdict ${result.verdict}`);
  checkContract(answers, result);
  checkPolicy(answers, effective, result);

  const everyAsked = [...STEPS, ...FOLLOW_UP_STEPS].filter(({ field }) => effective[field] !== undefined);
  if (everyAsked.every(({ field, values }) => effective[field] === values[1]) && (answers.age as number) >= 16) {
    const onlyUnsure = (answers.painDays as number) >= 7 && answers.otcResponse === "unsure";
    if (onlyUnsure && result.reasons.some((reason) => reason.certainty !== "possible")) {
      fail("nothing but unsure => possible, never emergency, urgent", answers, "a confirmed reason");
    }
    if (result.urgency !== "urgent" || result.reasons.some((reason) => reason.urgency === "emergency")) {
      fail("nothing but unsure => possible, never emergency, urgent", answers, `urgency ${result.urgency}`);
    }
  }
  if (answers.emergencySigns === "yes" && result.urgency !== "emergency")
    fail("emergencySigns yes => emergency", answers, `urgency ${result.urgency}`);

  // The same answers without the follow-ups that are switched off give the same result.
  const switchedOff = FOLLOW_UPS.filter((field) => answers[field] !== undefined && effective[field] === undefined);
  if (switchedOff.length > 0) {
    const without = { ...answers };
    for (const field of switchedOff) delete without[field];
    const other = evaluate(defaultRuleset, without);
    const outcome = (r: TriageResult) =>
      `${r.urgency} ${r.advice} ${r.reasons.map((x) => `${x.ruleId}:${x.certainty}:${x.urgency}`).join()}`;
    if (outcome(other) !== outcome(result))
      fail(
        "a follow-up whose condition does not hold has no effect",
        answers,
        `${switchedOff.join(", ")} changed the result`,
      );
  }
}

function checkContract(answers: Answers, result: TriageResult): void {
  const bad = (detail: string) => fail("contract consistency", answers, detail);
  const referred = result.verdict === "see-a-professional";
  if (referred !== result.reasons.length > 0) bad("verdict and reasons disagree");
  if ((result.urgency === "none") !== (result.verdict === "self-care-likely-fine"))
    bad("urgency none and verdict disagree");
  if (referred) {
    const highest = Math.min(...result.reasons.map((reason) => URGENCY_RANK[reason.urgency]));
    if (URGENCY_RANK[result.urgency] !== highest) bad(`urgency ${result.urgency} is not the highest among reasons`);
  }
  result.reasons.forEach((reason, index) => {
    const previous = result.reasons[index - 1];
    if (previous) {
      const byUrgency = URGENCY_RANK[previous.urgency] - URGENCY_RANK[reason.urgency];
      const byOrder = (RULE_ORDER.get(previous.ruleId) ?? -1) - (RULE_ORDER.get(reason.ruleId) ?? -1);
      if (byUrgency > 0 || (byUrgency === 0 && byOrder >= 0)) bad(`${previous.ruleId} before ${reason.ruleId}`);
    }
    const read = FIELDS_READ.get(reason.ruleId);
    if (!read) return bad(`unknown rule ${reason.ruleId}`);
    const expected = read.filter((field) => answers[field] !== undefined).sort();
    const keys = Object.keys(reason.answers).sort();
    if (keys.join() !== expected.join() || keys.some((key) => reason.answers[key] !== answers[key])) {
      bad(`${reason.ruleId} answers ${JSON.stringify(reason.answers)}`);
    }
    if (
      reason.sources.length === 0 ||
      reason.sources.some((source) => !/^https?:\/\/\S+$/.test(source.url) || source.title === "")
    ) {
      bad(`${reason.ruleId} sources`);
    }
  });
}

/** Every rule that section 3 says fires is there, with the certainty and urgency it gives; no other. */
function checkPolicy(answers: Answers, effective: ReturnType<typeof effectiveAnswers>, result: TriageResult): void {
  const given = new Map(result.reasons.map((reason) => [reason.ruleId, reason]));
  for (const rule of RULES) {
    const expected = expectedReasonFromEffective(rule, effective);
    const actual = given.get(rule.id);
    if (expected?.certainty !== actual?.certainty || expected?.urgency !== actual?.urgency) {
      fail(
        "reasons follow the not-sure policy",
        answers,
        `${rule.id}: expected ${JSON.stringify(expected)}, got ${actual?.certainty} ${actual?.urgency}`,
      );
    }
  }
}

const rankAt = new Int8Array(COMBINATIONS * ROTATION.length).fill(-1);
let casesRun = 0;
const comparisons = { answers: 0, setting: 0 };
/** coverage[q][answer position] per setting: how many cases had that answer under that setting. */
const coverage = STEPS.map(() => [0, 1, 2].map(() => new Array<number>(ROTATION.length).fill(0)));

function runCase(combination: number, setting: number): void {
  const key = combination * ROTATION.length + setting;
  if (rankAt[key] !== -1) return;
  const answers = answersFor(combination, ROTATION[setting] as Setting);
  const result = evaluate(defaultRuleset, answers);
  checkCase(answers, result);
  rankAt[key] = URGENCY_RANK[result.urgency];
  casesRun++;
  STEPS.forEach((_, q) => {
    const counts = coverage[q]?.[digitOf(combination, q)];
    if (counts) counts[setting] = (counts[setting] ?? 0) + 1;
  });
}

/** One step worse: one answer (a follow-up's parent included), or otcResponse (the next setting of a block). */
function checkMonotonic(): void {
  const count = ROTATION.length;
  for (let key = 0; key < rankAt.length; key++) {
    const rank = rankAt[key] as number;
    if (rank === -1) continue;
    const combination = Math.floor(key / count);
    const setting = key % count;
    const worse: { key: number; what: string }[] = [];
    STEPS.forEach(({ field }, q) => {
      if (digitOf(combination, q) < 2) worse.push({ key: key + (PLACE[q] as number) * count, what: field });
    });
    if (setting % 3 < 2) worse.push({ key: key + 1, what: "otcResponse" });
    for (const neighbour of worse) {
      const neighbourRank = rankAt[neighbour.key] as number;
      if (neighbourRank === -1) continue;
      if (neighbour.key === key + 1) comparisons.setting++;
      else comparisons.answers++;
      if (neighbourRank > rank)
        fail(
          "monotonic",
          answersFor(combination, ROTATION[setting] as Setting),
          `${neighbour.what} one step worse lowers the urgency`,
        );
    }
  }
}

/** Part B: every combination of these three-way fields (and integer values), the rest calm; checked and compared. */
function runFamily(threeWay: readonly string[], integers: Readonly<Record<string, readonly number[]>>): number {
  const steps = threeWay.map(stepsOf);
  const intFields = Object.keys(integers);
  const calm: Answers = { otcResponse: "not-tried", painDays: 3, age: 30 };
  for (const { field, values } of STEPS) calm[field] = values[0];
  const ranks = new Map<string, number>();
  const keyOf = (digits: readonly number[], ints: readonly number[]) => `${digits.join("")}|${ints.join(",")}`;
  const build = (digits: readonly number[], ints: readonly number[]): Answers => {
    const answers: Answers = { ...calm };
    intFields.forEach((field, i) => (answers[field] = ints[i] as number));
    steps.forEach(({ field, values }, i) => {
      answers[field] = values[digits[i] as number] as string;
    });
    // As the interview asks: a follow-up only while its condition holds; one outside the family is then answered "no".
    FOLLOW_UP_STEPS.forEach(({ field, values }) => {
      const question = defaultRuleset.questions.find((q) => q.id === field);
      const asked = question?.askWhen !== undefined && truthOf(question.askWhen, effectiveAnswers(answers)) > 0;
      if (!asked) delete answers[field];
      else if (answers[field] === undefined) answers[field] = values[0];
    });
    return answers;
  };
  const intCombos = intFields.reduce<number[][]>(
    (acc, field) => acc.flatMap((combo) => (integers[field] ?? []).map((v) => [...combo, v])),
    [[]],
  );
  for (let n = 0; n < 3 ** steps.length; n++) {
    const digits = steps.map((_, i) => Math.floor(n / 3 ** i) % 3);
    for (const ints of intCombos) {
      const answers = build(digits, ints);
      const result = evaluate(defaultRuleset, answers);
      checkCase(answers, result);
      ranks.set(keyOf(digits, ints), URGENCY_RANK[result.urgency]);
    }
  }
  for (const [key, rank] of ranks) {
    const [digitText = "", intText = ""] = key.split("|");
    const digits = [...digitText].map(Number);
    digits.forEach((digit, i) => {
      if (digit === 2) return;
      const worse = digits.map((d, j) => (j === i ? d + 1 : d));
      const worseRank = ranks.get(keyOf(worse, intText === "" ? [] : intText.split(",").map(Number)));
      comparisons.answers++;
      if (worseRank !== undefined && worseRank > rank) {
        fail(
          "monotonic",
          build(digits, intText === "" ? [] : intText.split(",").map(Number)),
          `${steps[i]?.field} one step worse lowers the urgency`,
        );
      }
    });
  }
  return ranks.size;
}

const familyCases: Record<string, number> = {};

describe("every combination of the always-asked three-way answers, and of each follow-up's rules", () => {
  beforeAll(() => {
    for (let combination = 0; combination < COMBINATIONS; combination++) {
      let digitSum = 0;
      for (let q = 0; q < STEPS.length; q++) digitSum += digitOf(combination, q);
      for (const slot of [0, 1]) runCase(combination, (digitSum + slot) % ROTATION.length);
    }
    checkMonotonic();
    familyCases.injuryMechanism = runFamily(["injury", "injuryMechanism", "riskHistory", "limbWeakness"], {
      age: [30, 65],
    });
    familyCases.swallowingSevere = runFamily(
      ["swallowing", "swallowingSevere", "fever", "canTouchChinToChest", "riskHistory"],
      {},
    );
    familyCases.headache = runFamily(["headache", "headacheNew", "headacheFast", "riskHistory", "fever"], {
      age: [49, 50],
    });
    familyCases.improving = runFamily(["improving", "headache"], { painDays: [6, 7] });
  }, 300_000); // a guard against a hang, not a timing: alone it takes about 20 s, far longer on a loaded machine

  it("enumerates 2 × 3^11 rotated cases over the questions always asked; the follow-ups are the rest of the questions", () => {
    expect([...STEPS.map((s) => s.field), ...FOLLOW_UPS, "age", "painDays", "otcResponse"].sort()).toEqual(
      defaultRuleset.questions.map((q) => q.id).sort(),
    );
    expect(FOLLOW_UPS).toEqual(["injuryMechanism", "swallowingSevere", "headacheNew", "headacheFast", "improving"]);
    expect(STEPS).toHaveLength(11);
    expect(casesRun).toBe(2 * COMBINATIONS);
    expect(new Set(ROTATION.map((s) => JSON.stringify(s))).size).toBe(ROTATION.length);
  });

  it("rotates every otcResponse value, both sides of day 7, every age band and every follow-up answer through every answer of every question", () => {
    const tooRare: string[] = [];
    STEPS.forEach(({ field, values }, q) => {
      values.forEach((value, position) => {
        const counts = coverage[q]?.[position] ?? [];
        const seen = (pick: (s: Setting) => boolean) =>
          ROTATION.reduce((sum, s, i) => sum + (pick(s) ? (counts[i] ?? 0) : 0), 0);
        for (const otc of OTC_VALUES)
          if (seen((s) => s.otcResponse === otc) < 1000) tooRare.push(`${field}=${value} with otc ${otc}`);
        for (const days of PAIN_DAYS)
          if (seen((s) => s.painDays === days) < 1000) tooRare.push(`${field}=${value} with painDays ${days}`);
        for (const age of AGES)
          if (seen((s) => s.age === age) < 1000) tooRare.push(`${field}=${value} with age ${age}`);
        FOLLOW_UPS.forEach((followUp, i) => {
          for (const p of [0, 1, 2])
            if (seen((s) => s.followUps[i] === p) < 1000) tooRare.push(`${field}=${value} with ${followUp} at ${p}`);
        });
      });
    });
    expect(tooRare.slice(0, 20)).toEqual([]);
  });

  it("enumerates every combination of each follow-up's rules", () => {
    expect(familyCases).toEqual({
      injuryMechanism: 3 ** 4 * 2,
      swallowingSevere: 3 ** 5,
      headache: 3 ** 5 * 2,
      improving: 3 ** 2 * 2,
    });
  });

  it("background fields are the spec's: age and riskHistory", () => {
    expect(defaultRuleset.questions.filter((q) => q.background).map((q) => q.id)).toEqual([...BACKGROUND_FIELDS]);
  });

  for (const invariant of INVARIANTS) {
    it(`holds for every case: ${invariant}`, () => {
      expect(failures.get(invariant)).toEqual({ count: 0, examples: [] });
    });
  }

  it("compared every worse neighbour pair under a shared setting", () => {
    // Each of the 11 answers has 2 × 3^10 pairs one step apart; each shares one rotated setting.
    expect(comparisons.answers).toBeGreaterThanOrEqual(11 * 2 * 3 ** 10);
    expect(comparisons.setting).toBeGreaterThanOrEqual(COMBINATIONS / 2);
  });
});
