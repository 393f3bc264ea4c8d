import type { AnswerValues } from "./conditions.js";
import type { CompiledRule, Ruleset } from "./compile.js";
import type { FilledTexts } from "./texts.js";

/**
 * What compileRuleset builds for the engine alone, out of reach of a library caller: the compiled
 * rules as mutable objects in plain arrays (see rulesToEvaluate), and closures that return them or
 * keep memos. Reachable only through the functions below, which the package does not export.
 */
export interface RulesetInternals {
  readonly rules: readonly CompiledRule[];
  readonly texts: (emergencyNumber: string | undefined) => FilledTexts;
  readonly stillPossible: (answers: Readonly<AnswerValues>) => readonly CompiledRule[];
}

/** Every ruleset compileRuleset built (what `evaluate` and the other functions taking a ruleset accept). */
const internals = new WeakMap<object, RulesetInternals>();

export function registerInternals(ruleset: Ruleset, parts: RulesetInternals): void {
  internals.set(ruleset, parts);
}

/** Whether `value` is a ruleset that compileRuleset built. */
export function isCompiledRuleset(value: object): boolean {
  return internals.has(value);
}

/**
 * The ruleset's rules as the evaluation loop walks them: the same compiled rules as `ruleset.rules`,
 * in plain arrays. V8 walks frozen arrays slower: triage() ran 1.33 times faster on the plain ones
 * (npm run bench, A/B in one run, 2026-11-29). Private to the engine, so nobody can edit a rule away through it.
 */
export function rulesToEvaluate(ruleset: Ruleset): readonly CompiledRule[] {
  return internals.get(ruleset)!.rules;
}

/** The ruleset's advice wording filled with an emergency number (undefined: the ruleset's own); see texts.ts. */
export function filledTexts(ruleset: Ruleset, emergencyNumber: string | undefined): FilledTexts {
  return internals.get(ruleset)!.texts(emergencyNumber);
}

/** The emergency rules with a call-if sign that could still fire for these answers; see still-possible.ts. */
export function emergenciesStillPossible(ruleset: Ruleset, answers: Readonly<AnswerValues>): readonly CompiledRule[] {
  return internals.get(ruleset)!.stillPossible(answers);
}
