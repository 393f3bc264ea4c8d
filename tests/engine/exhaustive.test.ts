import { beforeAll, describe, expect, it } from "vitest";
import { defaultRuleset, evaluate, type DefaultAnswers, type TriageResult, type Urgency } from "../../src/index.js";
import { BACKGROUND_FIELDS, expectedReason, fieldsReadBy } from "../helpers/spec-policy.js";

/*
 * Every combination of the eleven three-way answers, each under two settings of otcResponse,
 * painDays and age: 2 × 3^11 cases, checked against the contract and clinical-reference sections 1–3.
 */

/** The eleven yes/no/unsure answers of the contract, in question order. */
const THREE_WAY_FIELDS = [
  "emergencySigns",
  "injury",
  "riskHistory",
  "limbWeakness",
  "coordinationLoss",
  "fever",
  "headache",
  "canTouchChinToChest",
  "armTinglingOrNumbness",
  "shootingArmPain",
  "improving",
] as const;

/** Each three-way question's answers from best to worst: [reassuring, not sure, warning], from the ruleset's metadata. */
const STEPS = THREE_WAY_FIELDS.map((field) => {
  const question = defaultRuleset.questions.find((q) => q.id === field);
  if (question?.type !== "choice") throw new Error(`${field}: not a choice question`);
  const unknown = question.choices.filter((c) => c.unknown).map((c) => c.value);
  const reassuring = question.choices.filter((c) => !c.unknown && c.value !== question.warningAnswer).map((c) => c.value);
  if (unknown.length !== 1 || reassuring.length !== 1) throw new Error(`${field}: not a three-way question`);
  return { field, values: [reassuring[0], unknown[0], question.warningAnswer] as [string, string, string] };
});

const COMBINATIONS = 3 ** THREE_WAY_FIELDS.length;
const PLACE = THREE_WAY_FIELDS.map((_, q) => 3 ** q);

function digitOf(combination: number, q: number): number {
  return Math.floor(combination / (PLACE[q] as number)) % 3;
}

type Otc = DefaultAnswers["otcResponse"];
const OTC_VALUES: readonly Otc[] = ["helped", "not-tried", "unsure", "did-not-help"];
const OTC_ONE_STEP_WORSE: Readonly<Record<Otc, Otc | undefined>> = {
  helped: "unsure",
  "not-tried": "unsure",
  unsure: "did-not-help",
  "did-not-help": undefined,
};
/** Either side of day 7, where `improving` starts to count; the ages are at the edges of their bands. */
const PAIN_DAYS = [6, 7] as const;
/** Under 16, adult, 50 or over, 65 or over. */
const AGES = [15, 30, 50, 65] as const;

interface Setting {
  readonly otcResponse: Otc;
  readonly painDays: number;
  readonly age: number;
}
const SETTINGS: readonly Setting[] = OTC_VALUES.flatMap((otcResponse) =>
  PAIN_DAYS.flatMap((painDays) => AGES.map((age) => ({ otcResponse, painDays, age }))),
);
function settingIndex(otcResponse: Otc, painDays: number, age: number): number {
  return SETTINGS.findIndex((s) => s.otcResponse === otcResponse && s.painDays === painDays && s.age === age);
}

/*
 * Slot k (0 or 1) of a combination uses ROTATION[digit sum + k], where each answer's digit is its
 * position best → worst. One answer made a step worse raises the digit sum by one, so a combination's
 * second setting is the first setting of each of its worse neighbours: every such pair is evaluated
 * under the same setting and can be compared. Within a block of three the settings differ by one
 * otcResponse step, so those pairs compare otcResponse too.
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
const ROTATION: readonly number[] = BLOCKS.flatMap(([first, painDays, age]) =>
  ([first, "unsure", "did-not-help"] as const).map((otc) => settingIndex(otc, painDays, age)),
);

const URGENCY_RANK: Readonly<Record<Urgency, number>> = { emergency: 0, urgent: 1, soon: 2, none: 3 };
const RULE_ORDER = new Map(defaultRuleset.definition.rules.map((rule, index) => [rule.id, index]));
const RULES_BY_ID = new Map(defaultRuleset.definition.rules.map((rule) => [rule.id, rule]));
const FIELDS_READ = new Map(defaultRuleset.definition.rules.map((rule) => [rule.id, [...fieldsReadBy(rule.when)].sort()]));
const OTC_QUESTION = defaultRuleset.questions.find((q) => q.id === "otcResponse");
const OTC_WARNING = OTC_QUESTION?.type === "choice" ? OTC_QUESTION.warningAnswer : undefined;
const OTC_UNKNOWN = OTC_QUESTION?.type === "choice" ? OTC_QUESTION.choices.find((c) => c.unknown)?.value : undefined;

type Answers = Record<string, string | number>;

function answersFor(combination: number, setting: Setting): Answers {
  const answers: Answers = { age: setting.age, painDays: setting.painDays, otcResponse: setting.otcResponse };
  STEPS.forEach(({ field, values }, q) => {
    answers[field] = values[digitOf(combination, q)] as string;
  });
  return answers;
}

/** Section 1, derived from the questions' warning answers and "not sure" choices, not from the engine. */
function hasWarningOrUnsure(answers: Answers): boolean {
  for (const { field, values } of STEPS) {
    if (field === "improving" && (answers.painDays as number) < 7) continue;
    if (answers[field] !== values[0]) return true;
  }
  if (answers.otcResponse === OTC_WARNING || answers.otcResponse === OTC_UNKNOWN) return true;
  return (answers.age as number) < 16;
}

const INVARIANTS = [
  "warning or unsure <=> see-a-professional",
  "contract consistency",
  "reasons follow the not-sure policy",
  "nothing but unsure => possible, never emergency, urgent",
  "emergencySigns yes => emergency",
  "monotonic",
] as const;
type Invariant = (typeof INVARIANTS)[number];

const failures = new Map<Invariant, { count: number; examples: string[] }>(INVARIANTS.map((name) => [name, { count: 0, examples: [] }]));
function fail(invariant: Invariant, answers: Answers, detail: string): void {
  const entry = failures.get(invariant);
  if (!entry) return;
  entry.count++;
  if (entry.examples.length < 5) entry.examples.push(`${detail} for ${JSON.stringify(answers)}`);
}

function checkCase(answers: Answers, result: TriageResult): void {
  const referred = result.verdict === "see-a-professional";
  if (hasWarningOrUnsure(answers) !== referred) fail("warning or unsure <=> see-a-professional", answers, `verdict ${result.verdict}`);

  checkContract(answers, result);
  checkPolicy(answers, result);

  if (STEPS.every(({ field, values }) => answers[field] === values[1]) && (answers.age as number) >= 16) {
    const onlyUnsure = (answers.painDays as number) >= 7 && answers.otcResponse === OTC_UNKNOWN;
    if (onlyUnsure && result.reasons.some((reason) => reason.certainty !== "possible")) {
      fail("nothing but unsure => possible, never emergency, urgent", answers, "a confirmed reason");
    }
    if (result.urgency !== "urgent" || result.reasons.some((reason) => reason.urgency === "emergency")) {
      fail("nothing but unsure => possible, never emergency, urgent", answers, `urgency ${result.urgency}`);
    }
  }

  if (answers.emergencySigns === "yes" && result.urgency !== "emergency") {
    fail("emergencySigns yes => emergency", answers, `urgency ${result.urgency}`);
  }
}

function checkContract(answers: Answers, result: TriageResult): void {
  const bad = (detail: string) => fail("contract consistency", answers, detail);
  const referred = result.verdict === "see-a-professional";
  if (referred !== result.reasons.length > 0) bad("verdict and reasons disagree");
  if ((result.urgency === "none") !== (result.verdict === "self-care-likely-fine")) bad("urgency none and verdict disagree");
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
    const keys = Object.keys(reason.answers).sort();
    if (keys.join() !== read.join() || keys.some((key) => reason.answers[key] !== answers[key])) {
      bad(`${reason.ruleId} answers ${JSON.stringify(reason.answers)}`);
    }
    if (reason.sources.length === 0 || reason.sources.some((source) => !/^https?:\/\/\S+$/.test(source.url) || source.title === "")) {
      bad(`${reason.ruleId} sources`);
    }
    if (reason.certainty !== "confirmed" && reason.certainty !== "possible") bad(`${reason.ruleId} certainty ${String(reason.certainty)}`);
  });
}

/** Every rule that section 3 says fires is there, with the certainty and urgency it gives; no other. */
function checkPolicy(answers: Answers, result: TriageResult): void {
  const given = new Map(result.reasons.map((reason) => [reason.ruleId, reason]));
  for (const rule of RULES_BY_ID.values()) {
    const expected = expectedReason(rule, answers);
    const actual = given.get(rule.id);
    if (expected?.certainty !== actual?.certainty || expected?.urgency !== actual?.urgency) {
      fail("reasons follow the not-sure policy", answers, `${rule.id}: expected ${JSON.stringify(expected)}, got ${actual?.certainty} ${actual?.urgency}`);
    }
  }
}

const rankAt = new Int8Array(COMBINATIONS * SETTINGS.length).fill(-1);
let casesRun = 0;
const comparisons = { answers: 0, otcResponse: 0 };
/** coverage[q][answer position][setting] = how many cases had that answer under that setting. */
const coverage = STEPS.map(() => [0, 1, 2].map(() => new Array<number>(SETTINGS.length).fill(0)));

function runCase(combination: number, setting: number): void {
  const key = combination * SETTINGS.length + setting;
  if (rankAt[key] !== -1) return;
  const answers = answersFor(combination, SETTINGS[setting] as Setting);
  const result = evaluate(defaultRuleset, answers);
  checkCase(answers, result);
  rankAt[key] = URGENCY_RANK[result.urgency];
  casesRun++;
}

/** A step worse (one answer, otcResponse included; not age) never lowers the overall urgency. */
function checkMonotonic(): void {
  const settingsCount = SETTINGS.length;
  for (let key = 0; key < rankAt.length; key++) {
    const rank = rankAt[key] as number;
    if (rank === -1) continue;
    const combination = Math.floor(key / settingsCount);
    const setting = key % settingsCount;
    const worse: { key: number; what: string }[] = [];
    STEPS.forEach(({ field }, q) => {
      if (digitOf(combination, q) < 2) worse.push({ key: key + (PLACE[q] as number) * settingsCount, what: field });
    });
    const { otcResponse, painDays, age } = SETTINGS[setting] as Setting;
    const worseOtc = OTC_ONE_STEP_WORSE[otcResponse];
    if (worseOtc) worse.push({ key: combination * settingsCount + settingIndex(worseOtc, painDays, age), what: "otcResponse" });
    for (const neighbour of worse) {
      const neighbourRank = rankAt[neighbour.key] as number;
      if (neighbourRank === -1) continue;
      if (neighbour.what === "otcResponse") comparisons.otcResponse++;
      else comparisons.answers++;
      if (neighbourRank > rank) {
        fail("monotonic", answersFor(combination, SETTINGS[setting] as Setting), `${neighbour.what} one step worse lowers the urgency`);
      }
    }
  }
}

/** Combinations at most `distance` answers away from the one with every answer at `position`. */
function combinationsNear(position: number, distance: number): number[] {
  const found: number[] = [];
  for (let combination = 0; combination < COMBINATIONS; combination++) {
    let away = 0;
    for (let q = 0; q < STEPS.length && away <= distance; q++) if (digitOf(combination, q) !== position) away++;
    if (away <= distance) found.push(combination);
  }
  return found;
}

describe("every combination of the three-way answers", () => {
  beforeAll(() => {
    for (let combination = 0; combination < COMBINATIONS; combination++) {
      let digitSum = 0;
      for (let q = 0; q < STEPS.length; q++) digitSum += digitOf(combination, q);
      for (const slot of [0, 1]) {
        const setting = ROTATION[(digitSum + slot) % ROTATION.length] as number;
        runCase(combination, setting);
        STEPS.forEach((_, q) => {
          const counts = coverage[q]?.[digitOf(combination, q)];
          if (counts) counts[setting] = (counts[setting] ?? 0) + 1;
        });
      }
    }
    // The rotation ties settings to how many answers are off; the answers near "all reassuring" and
    // near "all unsure" also get every setting.
    for (const combination of [...combinationsNear(0, 2), ...combinationsNear(1, 1)]) {
      for (let setting = 0; setting < SETTINGS.length; setting++) runCase(combination, setting);
    }
    checkMonotonic();
  }, 120_000);

  it("covers the answer space: 2 × 3^11 rotated cases plus every setting near the two poles", () => {
    expect([...STEPS.map((step): string => step.field), "age", "painDays", "otcResponse"].sort()).toEqual(
      defaultRuleset.questions.map((q) => q.id).sort(),
    );
    expect(new Set(ROTATION).size).toBe(ROTATION.length);
    expect(casesRun).toBeGreaterThanOrEqual(2 * COMBINATIONS);
    expect(casesRun).toBeLessThan(2 * COMBINATIONS + 20_000);
  });

  it("rotates every otcResponse value, both sides of day 7 and every age band through every answer of every question", () => {
    const tooRare: string[] = [];
    STEPS.forEach(({ field, values }, q) => {
      values.forEach((value, position) => {
        const counts = coverage[q]?.[position] ?? [];
        const seen = (pick: (s: Setting) => boolean) => SETTINGS.reduce((sum, s, i) => sum + (pick(s) ? (counts[i] ?? 0) : 0), 0);
        for (const otc of OTC_VALUES) if (seen((s) => s.otcResponse === otc) < 1000) tooRare.push(`${field}=${value} with otc ${otc}`);
        for (const days of PAIN_DAYS) if (seen((s) => s.painDays === days) < 1000) tooRare.push(`${field}=${value} with painDays ${days}`);
        for (const age of AGES) if (seen((s) => s.age === age) < 1000) tooRare.push(`${field}=${value} with age ${age}`);
      });
    });
    expect(tooRare).toEqual([]);
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
    expect(comparisons.otcResponse).toBeGreaterThanOrEqual(COMBINATIONS / 2);
  });
});
