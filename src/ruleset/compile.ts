import {
  compileCondition,
  compileEncoder,
  fieldsRead,
  type AnswerValues,
  type CompiledCondition,
  type FollowUp,
  type IndexedQuestion,
  NOT_ANSWERED,
} from "./conditions.js";
import { describeValue } from "../issues.js";
import { rulesetDigest } from "./digest.js";
import type { QuestionDefinition, RuleDefinition, RulesetDefinition, SourceDefinition } from "./schema.js";
import { RULE_URGENCIES, type RuleUrgency } from "./urgency.js";

/** One part of a rule's top-level `all`, as the "not sure" anchor sees it. */
export interface CompiledPart {
  readonly value: CompiledCondition;
  /** True when every question the part reads is about who the person is (age, history). */
  readonly background: boolean;
}

export interface CompiledRule {
  readonly definition: RuleDefinition;
  readonly id: string;
  /** Position in the ruleset: the tie-break when sorting reasons. */
  readonly order: number;
  readonly urgency: RuleUrgency;
  readonly rank: number;
  readonly value: CompiledCondition;
  readonly parts: readonly CompiledPart[];
  /** The question ids the rule reads, in question order. */
  readonly fields: readonly string[];
  readonly sources: readonly SourceDefinition[];
}

/** A validated, compiled ruleset: what `evaluate` takes. Build one with `loadRuleset`. */
export interface Ruleset {
  readonly id: string;
  readonly version: string;
  /** `sha256:<hex>` of the document in RFC 8785 canonical form: which rules these are, whatever the id says. */
  readonly digest: string;
  /** The validated document, unchanged: what `rules --export` prints. */
  readonly definition: RulesetDefinition;
  readonly questions: readonly QuestionDefinition[];
  readonly questionsById: ReadonlyMap<string, QuestionDefinition>;
  readonly rules: readonly CompiledRule[];
  /** Question ids to their position and definition: what compiled conditions are built against. */
  readonly questionIndex: ReadonlyMap<string, IndexedQuestion>;
  /**
   * Answers (possibly partial) as the codes compiled conditions read; an answer that is not allowed,
   * or a follow-up whose condition does not hold, reads as not answered.
   */
  readonly encode: (answers: AnswerValues) => number[];
  /** The follow-up questions (those with askWhen), in question order, with their compiled conditions. */
  readonly followUps: readonly CompiledFollowUp[];
}

export interface CompiledFollowUp extends FollowUp {
  readonly question: QuestionDefinition;
  /** The question ids its condition reads, in question order. */
  readonly reads: readonly string[];
}

/** Urgency rank: 0 is the highest (emergency); `none` ranks after every rule urgency. */
export function urgencyRank(urgency: RuleUrgency | "none"): number {
  const rank = (RULE_URGENCIES as readonly string[]).indexOf(urgency);
  return rank === -1 ? RULE_URGENCIES.length : rank;
}

/** Every ruleset this module compiled: what `evaluate` and the other functions taking a ruleset accept. */
const compiledRulesets = new WeakSet<object>();

/**
 * Throws a TypeError naming what `caller` expects unless `value` is a ruleset from `loadRuleset` or
 * a built-in one: a ruleset document (such as `defaultRuleset.definition`) must be loaded first.
 */
export function assertRuleset(value: unknown, caller: string): asserts value is Ruleset {
  if (typeof value === "object" && value !== null && compiledRulesets.has(value)) return;
  const looksLikeDocument = typeof value === "object" && value !== null && "rules" in value && "questions" in value;
  const got = looksLikeDocument ? "a ruleset document; pass it to loadRuleset() first" : `${describeValue(value)}`;
  throw new TypeError(`${caller}: expected a ruleset from loadRuleset() or a built-in one (defaultRuleset, extendedRuleset), got ${got}`);
}

/**
 * Compiles a ruleset document that has already been validated (by `loadRuleset`, or at build time
 * for a bundled built-in one) and freezes it. It does not validate: never pass it unchecked data.
 */
export function compileValidatedRuleset(document: RulesetDefinition): Ruleset {
  return compileRuleset(deepFreeze(document));
}

function compileRuleset(definition: RulesetDefinition): Ruleset {
  const questionsById = new Map(definition.questions.map((question) => [question.id, question]));
  const questionIndex = new Map(definition.questions.map((question, index) => [question.id, { index, question }]));
  const questionOrder = definition.questions.map((question) => question.id);
  const isBackground = (field: string) => questionsById.get(field)?.background === true;

  const rules = definition.rules.map((rule, order): CompiledRule => {
    const read = fieldsRead(rule.when);
    const partConditions = "all" in rule.when ? rule.when.all : [rule.when];
    return Object.freeze({
      definition: rule,
      id: rule.id,
      order,
      urgency: rule.urgency,
      rank: urgencyRank(rule.urgency),
      value: compileCondition(rule.when, questionIndex),
      parts: Object.freeze(
        partConditions.map((part) =>
          Object.freeze({ value: compileCondition(part, questionIndex), background: [...fieldsRead(part)].every(isBackground) }),
        ),
      ),
      fields: Object.freeze(questionOrder.filter((id) => read.has(id))),
      sources: Object.freeze(rule.sources.map((key) => definition.sources[key] as SourceDefinition)),
    });
  });

  const followUps: CompiledFollowUp[] = [];
  definition.questions.forEach((question, slot) => {
    if (question.askWhen === undefined) return;
    const notAnswered = question.type === "choice" ? NOT_ANSWERED : Number.NaN;
    const read = fieldsRead(question.askWhen);
    const reads = Object.freeze(questionOrder.filter((id) => read.has(id)));
    followUps.push(Object.freeze({ slot, question, askWhen: compileCondition(question.askWhen, questionIndex), notAnswered, reads }));
  });

  const ruleset: Ruleset = Object.freeze({
    id: definition.id,
    version: definition.version,
    // Once per ruleset, here, so that triage() only copies it.
    digest: rulesetDigest(definition),
    definition,
    questions: definition.questions,
    questionsById,
    rules: Object.freeze(rules),
    questionIndex,
    encode: compileEncoder(definition.questions, followUps),
    followUps: Object.freeze(followUps),
  });
  compiledRulesets.add(ruleset);
  return ruleset;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
