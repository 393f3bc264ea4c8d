import { validateAnswers } from "../answers/validate.js";
import type { CompiledRule, Ruleset } from "../ruleset/load.js";
import { RULE_URGENCIES, type RuleUrgency, type Urgency } from "../ruleset/schema.js";
import { composeAdvice, composeWatchFor } from "./advice.js";
import type { AnswerValues } from "./conditions.js";
import type { EvaluateOptions, Reason, TriageResult } from "./result.js";
import { FALSE, TRUE, UNSURE } from "./truth.js";

/**
 * Evaluates answers with a validated ruleset. Pure and synchronous.
 * Throws `AnswersError` (every problem, each with its field) when the answers are not valid.
 */
export function evaluate(ruleset: Ruleset, answers: unknown, options?: EvaluateOptions): TriageResult {
  return evaluateValidAnswers(ruleset, validateAnswers(ruleset, answers), options);
}

/** Evaluates answers already validated against this ruleset. */
export function evaluateValidAnswers(ruleset: Ruleset, answers: AnswerValues & { id?: string | number }, options?: EvaluateOptions): TriageResult {
  const fired: { rule: CompiledRule; reason: Reason }[] = [];
  for (const rule of ruleset.rules) {
    const reason = reasonFor(ruleset, rule, answers, false);
    if (reason) fired.push({ rule, reason });
  }
  return buildResult(ruleset, fired, answers, options);
}

/**
 * For an interview still in progress: the emergency rules already confirmed by the answers given so
 * far, whatever the unanswered questions turn out to be. An empty list means: keep asking.
 */
export function confirmedEmergencies(ruleset: Ruleset, partialAnswers: AnswerValues): Reason[] {
  const reasons: Reason[] = [];
  for (const rule of ruleset.rules) {
    // Unanswered questions read as 0, so a value of 1 holds for every way they could be answered.
    if (rule.urgency === "emergency" && rule.value(partialAnswers) === TRUE) {
      const reason = reasonFor(ruleset, rule, partialAnswers, true);
      if (reason) reasons.push(reason);
    }
  }
  return reasons;
}

/**
 * The result of an interview stopped early at a confirmed emergency: only the rules already
 * confirmed, and the questions left unasked, in question order.
 */
export function evaluateEarlyStop(ruleset: Ruleset, partialAnswers: AnswerValues & { id?: string | number }, options?: EvaluateOptions): TriageResult {
  const fired: { rule: CompiledRule; reason: Reason }[] = [];
  for (const rule of ruleset.rules) {
    if (rule.value(partialAnswers) !== TRUE) continue;
    const reason = reasonFor(ruleset, rule, partialAnswers, true);
    if (reason) fired.push({ rule, reason });
  }
  const result = buildResult(ruleset, fired, partialAnswers, options);
  result.unanswered = ruleset.questions.map((question) => question.id).filter((id) => partialAnswers[id] === undefined);
  return result;
}

function reasonFor(ruleset: Ruleset, rule: CompiledRule, answers: AnswerValues, answeredOnly: boolean): Reason | undefined {
  const value = rule.value(answers);
  if (value === FALSE) return undefined;
  const certainty = value === TRUE ? "confirmed" : "possible";
  const urgency = value === TRUE || isAnchored(ruleset, rule, answers) ? rule.urgency : dropped(ruleset, rule.urgency);
  const read: Record<string, string | number> = {};
  for (const field of rule.fields) {
    const answer = answers[field];
    if (answer !== undefined) read[field] = answer;
    else if (!answeredOnly) throw new Error(`internal: answer "${field}" missing after validation`);
  }
  return {
    ruleId: rule.id,
    summary: rule.definition.summary,
    urgency,
    certainty,
    answers: read,
    sources: rule.sources.map((source) => ({ title: source.title, url: source.url })),
  };
}

/** "Not sure" drops a rule's urgency by the policy's levels, never below its floor. */
function dropped(ruleset: Ruleset, urgency: RuleUrgency): RuleUrgency {
  const policy = ruleset.definition.unsurePolicy;
  const floorRank = RULE_URGENCIES.indexOf(policy.floor);
  const current = RULE_URGENCIES.indexOf(urgency);
  const rank = Math.max(current, Math.min(current + policy.possibleDropsLevels, floorRank));
  return RULE_URGENCIES[rank] as RuleUrgency;
}

/**
 * The emergency anchor: a possible emergency keeps its urgency when exactly one part is unsure and at
 * least one is confirmed, and neither of those is a background part (who the person is).
 */
function isAnchored(ruleset: Ruleset, rule: CompiledRule, answers: AnswerValues): boolean {
  const anchor = ruleset.definition.unsurePolicy.anchor;
  if (rule.urgency !== anchor.urgency || rule.parts.length < anchor.minParts) return false;
  let unsure = 0;
  let confirmed = 0;
  for (const part of rule.parts) {
    const value = part.value(answers);
    if (value === UNSURE) {
      if (anchor.backgroundNeverAnchors && part.background) return false;
      unsure++;
    } else if (value === TRUE && !(anchor.backgroundNeverAnchors && part.background)) {
      confirmed++;
    }
  }
  return unsure >= 1 && unsure <= anchor.maxUnsureParts && confirmed >= anchor.minConfirmedParts;
}

function buildResult(
  ruleset: Ruleset,
  fired: { rule: CompiledRule; reason: Reason }[],
  answers: AnswerValues & { id?: string | number },
  options: EvaluateOptions | undefined,
): TriageResult {
  fired.sort((a, b) => RULE_URGENCIES.indexOf(a.reason.urgency) - RULE_URGENCIES.indexOf(b.reason.urgency) || a.rule.order - b.rule.order);
  const reasons = fired.map((entry) => entry.reason);
  const urgency: Urgency = reasons[0]?.urgency ?? "none";
  return {
    ...(answers.id !== undefined ? { id: answers.id } : {}),
    verdict: reasons.length > 0 ? "see-a-professional" : "self-care-likely-fine",
    urgency,
    reasons,
    advice: composeAdvice(ruleset, urgency, reasons, answers, options),
    watchFor: composeWatchFor(ruleset, options),
    disclaimer: ruleset.definition.disclaimer,
    ruleset: { id: ruleset.id, version: ruleset.version },
  };
}
