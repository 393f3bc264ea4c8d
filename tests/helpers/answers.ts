import { AnswersError, RulesetError, type DefaultAnswers, type Issue, type Reason, type TriageResult } from "../../src/index.js";

/**
 * Answers with no warning sign and nothing unsure (clinical-reference section 1): an adult on day 3
 * whose pain is getting better and who has not tried medicine.
 */
export function calmAnswers(overrides: Partial<DefaultAnswers> = {}): DefaultAnswers {
  return {
    emergencySigns: "no",
    age: 30,
    injury: "no",
    riskHistory: "no",
    limbWeakness: "no",
    coordinationLoss: "no",
    fever: "no",
    headache: "no",
    canTouchChinToChest: "yes",
    armTinglingOrNumbness: "no",
    shootingArmPain: "no",
    painDays: 3,
    improving: "yes",
    otcResponse: "not-tried",
    ...overrides,
  };
}

/**
 * Every three-way and medicine answer "not sure", 10 days of pain (so `improving` is asked), adult
 * age 30 unless overridden: only possible reasons, never emergency (clinical-reference section 3).
 */
export function unsureAnswers(overrides: Partial<DefaultAnswers> = {}): DefaultAnswers {
  return calmAnswers({
    emergencySigns: "unsure",
    injury: "unsure",
    riskHistory: "unsure",
    limbWeakness: "unsure",
    coordinationLoss: "unsure",
    fever: "unsure",
    headache: "unsure",
    canTouchChinToChest: "unsure",
    armTinglingOrNumbness: "unsure",
    shootingArmPain: "unsure",
    painDays: 10,
    improving: "unsure",
    otcResponse: "unsure",
    ...overrides,
  });
}

export function reasonFor(result: TriageResult, ruleId: string): Reason | undefined {
  return result.reasons.find((reason) => reason.ruleId === ruleId);
}

/** The issues of the AnswersError or RulesetError that `action` throws; fails if it throws nothing else. */
export function issuesThrownBy(action: () => unknown, kind: typeof AnswersError | typeof RulesetError): readonly Issue[] {
  try {
    action();
  } catch (error) {
    if (error instanceof kind) return error.issues;
    throw error;
  }
  throw new Error(`expected ${kind.name}, but nothing was thrown`);
}
