import { AnswersError, RulesetError, type Issue, type Ruleset, type TriageResult } from "../../../src/index.js";

const RANK: Readonly<Record<string, number>> = { emergency: 0, urgent: 1, soon: 2, none: 3 };

/** A plain assertion: vitest's expect costs about a millisecond a call, too much inside a property run thousands of times. */
export function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/**
 * The result rules of docs/contract.md that hold for any ruleset: verdict, urgency and reasons agree,
 * reasons are sorted, each names a rule of the ruleset with the answers it read and a source, and
 * the id is echoed.
 */
export function expectResultInvariants(
  ruleset: Ruleset,
  answers: Readonly<Record<string, unknown>>,
  result: TriageResult,
): void {
  const referred = result.reasons.length > 0;
  check(
    result.verdict === (referred ? "see-a-professional" : "self-care-likely-fine"),
    `verdict ${result.verdict} with ${result.reasons.length} reasons`,
  );
  check(
    referred ? result.urgency === result.reasons[0]!.urgency : result.urgency === "none",
    `urgency ${result.urgency} disagrees with the reasons`,
  );
  check(result.ruleset.id === ruleset.id && result.ruleset.version === ruleset.version, "names the ruleset it used");
  check(result.advice.length > 0 && result.disclaimer.length > 0, "advice and disclaimer are given");
  check(result.unanswered === undefined, "only the interview leaves questions unanswered");
  if (Object.hasOwn(answers, "id")) check(Object.is(result.id, answers.id), "the id is echoed unchanged");
  else check(!Object.hasOwn(result, "id"), "no id unless one was given");

  const order = ruleset.rules.map((rule) => rule.id);
  const seen = new Set<string>();
  let previous: readonly [number, number] = [-1, -1];
  for (const reason of result.reasons) {
    const rule = ruleset.rules.find((candidate) => candidate.id === reason.ruleId);
    check(rule !== undefined, `${reason.ruleId} is a rule of the ruleset`);
    check(!seen.has(reason.ruleId), `${reason.ruleId} is given once`);
    seen.add(reason.ruleId);
    const key = [RANK[reason.urgency] ?? 99, order.indexOf(reason.ruleId)] as const;
    check(
      key[0] > previous[0] || (key[0] === previous[0] && key[1] > previous[1]),
      "reasons sorted by urgency, then rule order",
    );
    previous = key;
    check(
      key[0] <= 2 && key[0] >= RANK[rule!.urgency]!,
      `${reason.ruleId}: urgency ${reason.urgency} is a rule urgency, never above the rule's own`,
    );
    check(reason.certainty === "confirmed" || reason.certainty === "possible", `certainty ${reason.certainty}`);
    if (reason.certainty === "confirmed")
      check(reason.urgency === rule!.urgency, `${reason.ruleId}: confirmed keeps its urgency`);
    const read = Object.keys(reason.answers).sort();
    check(
      JSON.stringify(read) === JSON.stringify([...rule!.fields].sort()),
      `${reason.ruleId}: answers hold exactly the fields it reads`,
    );
    for (const field of read)
      check(Object.is(reason.answers[field], answers[field]), `${reason.ruleId}: ${field} as given`);
    check(reason.sources.length > 0 && reason.summary.length > 0, `${reason.ruleId}: a summary and a source`);
  }
}

/** Every issue names a place (a non-empty path) and a problem (a non-empty message). */
export function expectWellFormedIssues(issues: readonly Issue[]): void {
  check(issues.length > 0, "at least one issue");
  for (const issue of issues) {
    check(typeof issue.path === "string" && issue.path.length > 0, `an issue without a path: ${JSON.stringify(issue)}`);
    check(
      typeof issue.message === "string" && issue.message.trim().length > 0,
      `an issue without a message: ${JSON.stringify(issue)}`,
    );
    // Each problem says what is allowed there: never zod's bare "invalid input" (tests/ruleset/schema-messages.test.ts).
    check(issue.code !== "schema.invalid", `an issue that does not say what is allowed: ${JSON.stringify(issue)}`);
  }
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: AnswersError | RulesetError };

/** Runs `action`; a thrown AnswersError or RulesetError (of the kind expected) is an outcome, anything else fails the property. */
export function outcomeOf<T>(action: () => T, kind: typeof AnswersError | typeof RulesetError): Outcome<T> {
  try {
    return { ok: true, value: action() };
  } catch (error) {
    if (error instanceof kind) {
      expectWellFormedIssues(error.issues);
      check(error.message.length > 0, "the error has a message");
      return { ok: false, error };
    }
    throw new Error(`expected only ${kind.name}, got ${describeThrown(error)}`, { cause: error });
  }
}

function describeThrown(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : `a thrown ${typeof error}: ${String(error)}`;
}

/** Issues as a sorted list of `path: message`, for comparing outcomes whatever order they were found in. */
export function issueSet(issues: readonly Issue[]): string[] {
  return issues.map((issue) => `${issue.path}: ${issue.message}`).sort();
}
