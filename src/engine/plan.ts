import { compileCondition, type AnswerCodes, type CompiledCondition } from "../ruleset/conditions.js";
import type { CompiledPart, Ruleset } from "../ruleset/load.js";
import type { RuleDefinition } from "../ruleset/schema.js";
import { RULE_URGENCIES, type RuleUrgency } from "../ruleset/urgency.js";
import type { Source } from "./result.js";
import { TRUE } from "../ruleset/truth.js";

/** One rule as the evaluation loop reads it. */
export interface PlannedRule {
  readonly id: string;
  readonly definition: RuleDefinition;
  readonly urgency: RuleUrgency;
  readonly value: CompiledCondition;
  readonly parts: CompiledPart[];
  readonly fields: string[];
  readonly sources: Source[];
  /** The urgency when the rule is only possible and not anchored. */
  readonly droppedUrgency: RuleUrgency;
  /** Whether the emergency anchor can apply at all (the right urgency and enough parts). */
  readonly anchorable: boolean;
  /** The rule's `summaryBy`, compiled: wording chosen by which of its conditions holds. */
  readonly summaries: { readonly value: CompiledCondition; readonly summary: string; readonly callIf: string | undefined }[];
  /** The rule's own summary and callIf, when no `summaryBy` entry is met. */
  readonly wording: { readonly summary: string; readonly callIf: string | undefined };
}

export interface Plan {
  readonly rules: PlannedRule[];
}

/**
 * The ruleset's rules copied into plain arrays for the evaluation loop. The public ruleset is deeply
 * frozen so that nobody can edit a rule away, and V8 walks frozen arrays several times slower than
 * plain ones; this copy is private to the engine, so it needs no freezing.
 */
const plans = new WeakMap<Ruleset, Plan>();

export function planFor(ruleset: Ruleset): Plan {
  let plan = plans.get(ruleset);
  if (!plan) {
    const policy = ruleset.definition.unsurePolicy;
    const floor = RULE_URGENCIES.indexOf(policy.floor);
    const drop = (urgency: RuleUrgency): RuleUrgency => {
      const rank = RULE_URGENCIES.indexOf(urgency);
      return RULE_URGENCIES[Math.max(rank, Math.min(rank + policy.possibleDropsLevels, floor))] as RuleUrgency;
    };
    plan = {
      rules: ruleset.rules.map((rule) => ({
        id: rule.id,
        definition: rule.definition,
        urgency: rule.urgency,
        value: rule.value,
        parts: [...rule.parts],
        fields: [...rule.fields],
        sources: [...rule.sources],
        droppedUrgency: drop(rule.urgency),
        anchorable: rule.urgency === policy.anchor.urgency && rule.parts.length >= policy.anchor.minParts,
        summaries: (rule.definition.summaryBy ?? []).map((entry) => ({
          value: compileCondition(entry.when, ruleset.questionIndex),
          summary: entry.summary,
          callIf: entry.callIf ?? rule.definition.callIf,
        })),
        wording: { summary: rule.definition.summary, callIf: rule.definition.callIf },
      })),
    };
    plans.set(ruleset, plan);
  }
  return plan;
}

/** The rule's wording that fits the answers: the first `summaryBy` entry fully met, else its own. */
export function wordingFor(rule: PlannedRule, codes: AnswerCodes): { summary: string; callIf: string | undefined } {
  for (const entry of rule.summaries) if (entry.value(codes) === TRUE) return entry;
  return rule.wording;
}
