import type { RulesetDefinition } from "./schema.js";
import { RULE_URGENCIES, URGENCY_RANK, type RuleUrgency } from "./urgency.js";

/**
 * The "not sure" policy, all of it: how an unsure answer flows through a condition, and what urgency a
 * rule keeps when it is only possible. Its truth tables are its tests (tests/ruleset/unsure-policy.test.ts).
 *
 * Three-valued truth for clinical answers: 1 = the warning answer, ½ = "not sure", 0 = anything else
 * (or, while an interview is still going, not yet answered). `and` takes the lowest, `or` the highest.
 */
export type Truth = 0 | 0.5 | 1;
export const FALSE: Truth = 0;
export const UNSURE: Truth = 0.5;
export const TRUE: Truth = 1;

/** `and` of two values: the lowest. */
export function and(a: Truth, b: Truth): Truth {
  return b < a ? b : a;
}

/** `or` of two values: the highest. */
export function or(a: Truth, b: Truth): Truth {
  return b > a ? b : a;
}

/**
 * A choice condition's value: true for a listed answer, unsure for the question's "not sure" answer
 * (when it has one and it is not listed), false for anything else, including not answered.
 */
export function choiceTruth(listed: boolean, isUnknownAnswer: boolean): Truth {
  return listed ? TRUE : isUnknownAnswer ? UNSURE : FALSE;
}

/** A number condition's value: a number is never unsure; not answered (NaN) fails every bound. */
export function numberTruth(holds: boolean): Truth {
  return holds ? TRUE : FALSE;
}

export type UnsurePolicy = RulesetDefinition["unsurePolicy"];

/** The urgency a rule that is only possible drops to: `possibleDropsLevels` lower, never below the floor (nor above its own). */
export function droppedUrgency(urgency: RuleUrgency, policy: UnsurePolicy): RuleUrgency {
  const rank = URGENCY_RANK[urgency];
  return RULE_URGENCIES[Math.max(rank, Math.min(rank + policy.possibleDropsLevels, URGENCY_RANK[policy.floor]))]!;
}

/** Whether the emergency anchor can apply to a rule at all: the anchor's urgency and enough parts. */
export function isAnchorable(urgency: RuleUrgency, partCount: number, policy: UnsurePolicy): boolean {
  return urgency === policy.anchor.urgency && partCount >= policy.anchor.minParts;
}

/** One part of a rule's top-level `all`, as the anchor counts it. */
export interface AnchorPart {
  readonly value: (codes: ArrayLike<number>) => Truth;
  /** True when every question the part reads is about who the person is (age, history). */
  readonly background: boolean;
}

/**
 * The emergency anchor: a possible emergency keeps its urgency when exactly one part is unsure and at
 * least one is confirmed, and neither of those is a background part (who the person is).
 */
export function isAnchored(parts: readonly AnchorPart[], codes: ArrayLike<number>, policy: UnsurePolicy): boolean {
  const anchor = policy.anchor;
  let unsure = 0;
  let confirmed = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const value = part.value(codes);
    if (value === UNSURE) {
      if (anchor.backgroundNeverAnchors && part.background) return false;
      unsure++;
    } else if (value === TRUE && !(anchor.backgroundNeverAnchors && part.background)) {
      confirmed++;
    }
  }
  return unsure >= 1 && unsure <= anchor.maxUnsureParts && confirmed >= anchor.minConfirmedParts;
}
