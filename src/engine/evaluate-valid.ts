import type { AnswerCodes, AnswerValues } from "../ruleset/conditions.js";
import { wordingFor, type CompiledRule, type Ruleset } from "../ruleset/compile.js";
import { rulesToEvaluate } from "../ruleset/internals.js";
import type { Urgency } from "../ruleset/schema.js";
import { composeAdvice, type FiredRule } from "./advice.js";
import type { EvaluateOptions, Reason, TriageResult } from "./result.js";
import { FALSE, isAnchored, TRUE, type Truth } from "../ruleset/unsure.js";
import { URGENCY_RANK } from "../ruleset/urgency.js";
import { composeWatchFor } from "./watch-for.js";

/** Evaluates answers already validated against this ruleset. */
export function evaluateValidAnswers(
  ruleset: Ruleset,
  answers: AnswerValues & { id?: string | number },
  options?: EvaluateOptions,
): TriageResult {
  return evaluateEncodedAnswers(ruleset, answers, ruleset.encode(answers), options);
}

/** Evaluates validated answers whose codes (`ruleset.encode(answers)`) are already made. */
export function evaluateEncodedAnswers(
  ruleset: Ruleset,
  answers: AnswerValues & { id?: string | number },
  codes: AnswerCodes,
  options?: EvaluateOptions,
): TriageResult {
  const rules = rulesToEvaluate(ruleset);
  const fired: FiredRule[] = [];
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    const value = rule.value(codes);
    if (value !== FALSE) fired.push({ rule, reason: reasonFor(ruleset, rule, value, answers, codes) });
  }
  return buildResult(ruleset, fired, answers, codes, options);
}

/**
 * For an interview still in progress: the emergency rules already confirmed by the answers given so
 * far, whatever the unanswered questions turn out to be. An empty list means: keep asking.
 */
export function confirmedEmergencies(ruleset: Ruleset, partialAnswers: AnswerValues): Reason[] {
  const codes = ruleset.encode(partialAnswers);
  const reasons: Reason[] = [];
  for (const rule of rulesToEvaluate(ruleset)) {
    // Unanswered questions read as 0, so a value of 1 holds for every way they could be answered.
    if (rule.urgency === "emergency" && rule.value(codes) === TRUE)
      reasons.push(reasonFor(ruleset, rule, TRUE, partialAnswers, codes));
  }
  return reasons;
}

/**
 * The result of an interview stopped early at a confirmed emergency: only the rules already
 * confirmed, and the questions left unasked, in question order.
 */
export function evaluateEarlyStop(
  ruleset: Ruleset,
  partialAnswers: AnswerValues & { id?: string | number },
  options?: EvaluateOptions,
): TriageResult {
  const codes = ruleset.encode(partialAnswers);
  const fired: FiredRule[] = [];
  for (const rule of rulesToEvaluate(ruleset)) {
    if (rule.value(codes) === TRUE) fired.push({ rule, reason: reasonFor(ruleset, rule, TRUE, partialAnswers, codes) });
  }
  const result = buildResult(ruleset, fired, partialAnswers, codes, options);
  // A follow-up that the answers given have already switched off will never be asked: not unanswered.
  const switchedOff = new Set(
    ruleset.followUps
      .filter((f) => f.reads.every((id) => partialAnswers[id] !== undefined) && f.askWhen(codes) === FALSE)
      .map((f) => f.question.id),
  );
  result.unanswered = ruleset.questions
    .map((q) => q.id)
    .filter((id) => partialAnswers[id] === undefined && !switchedOff.has(id));
  return result;
}

/** The reason a rule gives when its value (`rule.value(codes)`, computed by the caller) is above 0. */
function reasonFor(
  ruleset: Ruleset,
  rule: CompiledRule,
  value: Truth,
  answers: AnswerValues,
  codes: AnswerCodes,
): Reason {
  const certainty = value === TRUE ? "confirmed" : "possible";
  const urgency =
    value === TRUE || (rule.anchorable && isAnchored(rule.parts, codes, ruleset.definition.unsurePolicy))
      ? rule.urgency
      : rule.droppedUrgency;
  const read: Record<string, string | number> = {};
  const fields = rule.fields;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    const answer = answers[field];
    // A follow-up left out (its condition does not hold) has no value to show.
    if (answer !== undefined) read[field] = answer;
  }
  return {
    ruleId: rule.id,
    summary: wordingFor(rule, codes).summary,
    urgency,
    certainty,
    answers: read,
    sources: rule.sources.slice(),
  };
}

function buildResult(
  ruleset: Ruleset,
  fired: FiredRule[],
  answers: AnswerValues & { id?: string | number },
  codes: AnswerCodes,
  options: EvaluateOptions | undefined,
): TriageResult {
  // Rules are visited in ruleset order, so a stable sort by urgency alone gives the contract's order.
  fired.sort(byUrgency);
  const reasons = new Array<Reason>(fired.length);
  for (let i = 0; i < fired.length; i++) reasons[i] = fired[i]!.reason;
  const urgency: Urgency = reasons.length > 0 ? reasons[0]!.urgency : "none";
  const verdict = reasons.length > 0 ? "see-a-professional" : "self-care-likely-fine";
  const advice = composeAdvice(ruleset, urgency, fired, answers, options, codes);
  const watchFor = composeWatchFor(ruleset, urgency, fired, answers, codes, options);
  const { disclaimer } = ruleset.definition;
  const about = { id: ruleset.id, version: ruleset.version, digest: ruleset.digest };
  // Two literals rather than a spread: the id comes first when given, as the contract shows.
  return answers.id === undefined
    ? { verdict, urgency, reasons, advice, watchFor, disclaimer, ruleset: about }
    : { id: answers.id, verdict, urgency, reasons, advice, watchFor, disclaimer, ruleset: about };
}

function byUrgency(a: FiredRule, b: FiredRule): number {
  return URGENCY_RANK[a.reason.urgency] - URGENCY_RANK[b.reason.urgency];
}
