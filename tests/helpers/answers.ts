import {
  AnswersError,
  defaultRuleset,
  RulesetError,
  type DefaultAnswers,
  type Issue,
  type Reason,
  type Ruleset,
  type TriageResult,
} from "../../src/index.js";

/**
 * Answers with no warning sign and nothing unsure (docs/clinical-basis.md section 1): an adult on day 3
 * whose pain is getting better and who has not tried medicine. Every follow-up that the overrides
 * switch on and do not answer is answered with its reassuring choice ("no"), so that an override
 * such as `{ headache: "yes" }` gives valid answers about that one sign. (The CLI's tests use a fixed
 * variant where medicine helped: calmAnswersMedicineHelped in tests/cli/helpers/answers.ts.)
 */
export function calmAnswers(overrides: Partial<DefaultAnswers> = {}): DefaultAnswers {
  return withReassuringFollowUps({
    emergencySigns: "no",
    age: 30,
    injury: "no",
    riskHistory: "no",
    limbWeakness: "no",
    coordinationLoss: "no",
    fever: "no",
    swallowing: "no",
    headache: "no",
    canTouchChinToChest: "yes",
    armTinglingOrNumbness: "no",
    shootingArmPain: "no",
    painDays: 3,
    improving: "yes",
    otcResponse: "not-tried",
    ...overrides,
  });
}

/** The answers with each follow-up that their other answers switch on, and that is not given, answered "no". */
export function withReassuringFollowUps<T extends object>(answers: T, ruleset: Ruleset = defaultRuleset): T {
  const filled: Record<string, unknown> = { ...(answers as Record<string, unknown>) };
  for (const { question, askWhen } of ruleset.followUps) {
    if (filled[question.id] !== undefined || question.type !== "choice") continue;
    if (askWhen(ruleset.encode(filled as Record<string, string | number>)) === 0) continue;
    filled[question.id] = question.choices.find((c) => !c.unknown && c.value !== question.warningAnswer)?.value;
  }
  return filled as T;
}

/**
 * Every three-way and medicine answer "not sure", follow-ups too (each is asked, since what it follows
 * is unsure), 10 days of pain (so `improving` is asked), adult
 * age 30 unless overridden: only possible reasons, never emergency (docs/clinical-basis.md section 3).
 */
export function unsureAnswers(overrides: Partial<DefaultAnswers> = {}): DefaultAnswers {
  return calmAnswers({
    emergencySigns: "unsure",
    injury: "unsure",
    injuryMechanism: "unsure",
    riskHistory: "unsure",
    limbWeakness: "unsure",
    coordinationLoss: "unsure",
    fever: "unsure",
    swallowing: "unsure",
    swallowingSevere: "unsure",
    headache: "unsure",
    headacheNew: "unsure",
    headacheFast: "unsure",
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

/**
 * Issues as a person reads them: path and English only. The tables that use it pin the words users
 * see; the codes and params behind them are asserted in tests/messages.
 */
export type IssueInWords = Pick<Issue, "path" | "message">;

export function inWords(issues: readonly Issue[]): IssueInWords[] {
  return issues.map(({ path, message }) => ({ path, message }));
}

/** The issues of the AnswersError or RulesetError that `action` throws; fails if it throws nothing else. */
export function issuesThrownBy(
  action: () => unknown,
  kind: typeof AnswersError | typeof RulesetError,
): readonly Issue[] {
  try {
    action();
  } catch (error) {
    if (error instanceof kind) return error.issues;
    throw error;
  }
  throw new Error(`expected ${kind.name}, but nothing was thrown`);
}

/**
 * calmAnswers() plus, for each question `ruleset` asks beyond the default one's (follow-ups left
 * out), its first answer that is neither the warning answer nor "not sure": e.g. the extended
 * ruleset's extra questions all answered "no".
 */
export function calmAnswersFor(ruleset: Ruleset): Record<string, string | number> {
  const answers: Record<string, string | number> = { ...calmAnswers() };
  for (const question of ruleset.questions) {
    if (Object.hasOwn(answers, question.id) || question.askWhen !== undefined) continue;
    if (question.type !== "choice")
      throw new Error(`calmAnswersFor: no calm answer chosen for the integer question ${question.id}`);
    const calm = question.choices.find((choice) => choice.value !== question.warningAnswer && !choice.unknown);
    if (!calm) throw new Error(`calmAnswersFor: ${question.id} has no calm answer`);
    answers[question.id] = calm.value;
  }
  return answers;
}
