import {
  compileCondition,
  compileEncoder,
  fieldsRead,
  type AnswerCodes,
  type AnswerValues,
  type CompiledCondition,
  type FollowUp,
  type IndexedQuestion,
  NOT_ANSWERED,
} from "./conditions.js";
import { receivedOf } from "../issues.js";
import { message } from "../messages/index.js";
import { deepFreeze, frozenCopy, frozenMap } from "./freeze.js";
import { compileQuickCheck, type QuickChecked } from "./quick-check.js";
import { rulesetDigest } from "./digest.js";
import type { QuestionDefinition, RuleDefinition, RulesetDefinition, SourceDefinition } from "./schema.js";
import { droppedUrgency, isAnchorable, TRUE, type AnchorPart } from "./unsure.js";
import type { RuleUrgency } from "./urgency.js";
import { compileTexts } from "./texts.js";
import { isCompiledRuleset, registerInternals } from "./internals.js";
import { compileStillPossible } from "./still-possible.js";

/** One part of a rule's top-level `all`, as the "not sure" anchor sees it. */
export interface CompiledPart extends AnchorPart {
  readonly value: CompiledCondition;
}

/** A rule's wording: its summary, and what to call the emergency number for. */
export interface RuleWording {
  readonly summary: string;
  readonly callIf: string | undefined;
}

/** One rule, compiled, with the "not sure" policy applied: all that evaluating it reads. */
export interface CompiledRule {
  readonly definition: RuleDefinition;
  readonly id: string;
  readonly urgency: RuleUrgency;
  readonly value: CompiledCondition;
  readonly parts: readonly CompiledPart[];
  /** The question ids the rule reads, in question order. */
  readonly fields: readonly string[];
  readonly sources: readonly SourceDefinition[];
  /** The urgency when the rule is only possible and not anchored. */
  readonly droppedUrgency: RuleUrgency;
  /** Whether the emergency anchor can apply at all (the right urgency and enough parts). */
  readonly anchorable: boolean;
  /** The rule's `summaryBy`, compiled: wording chosen by which of its conditions holds. */
  readonly summaries: readonly (RuleWording & { readonly value: CompiledCondition })[];
  /** The rule's own summary and callIf, when no `summaryBy` entry is met. */
  readonly wording: RuleWording;
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
  /** Plainly valid answers and their codes in one pass, else undefined (then zod decides and reports). */
  readonly quickCheck: (input: unknown) => QuickChecked | undefined;
}

export interface CompiledFollowUp extends FollowUp {
  readonly question: QuestionDefinition;
  /** The question ids its condition reads, in question order. */
  readonly reads: readonly string[];
}

/**
 * Throws a TypeError naming what `caller` expects unless `value` is a ruleset from `loadRuleset` or
 * a built-in one: a ruleset document (such as `defaultRuleset.definition`) must be loaded first.
 */
export function assertRuleset(value: unknown, caller: string): asserts value is Ruleset {
  if (typeof value === "object" && value !== null && isCompiledRuleset(value)) return;
  const looksLikeDocument = typeof value === "object" && value !== null && "rules" in value && "questions" in value;
  throw new TypeError(
    message("api.not-a-ruleset", { caller, document: looksLikeDocument, received: receivedOf(value) }),
  );
}

/**
 * Compiles a ruleset document that has already been validated (by `loadRuleset`, or at build time
 * for a bundled built-in one) and freezes it: the one place where everything derived from a ruleset
 * is built. It does not validate: never pass it unchecked data, nor a digest not computed from it.
 * `digest`: the document's digest when it is already known (a built-in's, computed at build time).
 */
export function compileValidatedRuleset(document: RulesetDefinition, digest?: string): Ruleset {
  return compileRuleset(deepFreeze(document), digest);
}

function compileRuleset(definition: RulesetDefinition, knownDigest: string | undefined): Ruleset {
  const questionsById = frozenMap(definition.questions.map((question) => [question.id, question]));
  const questionIndex = frozenMap(
    definition.questions.map((question, index) => [question.id, Object.freeze({ index, question })]),
  );
  const inQuestionOrder = (read: Set<string>) => definition.questions.map((q) => q.id).filter((id) => read.has(id));
  const compile = (condition: RuleDefinition["when"]) => compileCondition(condition, questionIndex);
  const isBackground = (field: string) => questionsById.get(field)?.background === true;
  const policy = definition.unsurePolicy;

  const inEvaluationOrder = definition.rules.map((rule): CompiledRule => {
    const partConditions = "all" in rule.when ? rule.when.all : [rule.when];
    const parts = partConditions.map((part) => ({
      value: compile(part),
      background: [...fieldsRead(part)].every(isBackground),
    }));
    return {
      definition: rule,
      id: rule.id,
      urgency: rule.urgency,
      value: compile(rule.when),
      parts,
      fields: inQuestionOrder(fieldsRead(rule.when)),
      sources: rule.sources.map((key) => definition.sources[key] as SourceDefinition),
      droppedUrgency: droppedUrgency(rule.urgency, policy),
      anchorable: isAnchorable(rule.urgency, parts.length, policy),
      summaries: (rule.summaryBy ?? []).map((entry) => ({
        value: compile(entry.when),
        summary: entry.summary,
        callIf: entry.callIf ?? rule.callIf,
      })),
      wording: { summary: rule.summary, callIf: rule.callIf },
    };
  });

  const followUps: CompiledFollowUp[] = [];
  definition.questions.forEach((question, slot) => {
    if (question.askWhen === undefined) return;
    const notAnswered = question.type === "choice" ? NOT_ANSWERED : Number.NaN;
    followUps.push(
      Object.freeze({
        slot,
        question,
        askWhen: compile(question.askWhen),
        notAnswered,
        reads: Object.freeze(inQuestionOrder(fieldsRead(question.askWhen))),
      }),
    );
  });

  const encode = compileEncoder(definition.questions, followUps);
  let digest = knownDigest;
  const ruleset: Ruleset = Object.freeze({
    id: definition.id,
    version: definition.version,
    // Once per ruleset, when first read: by loadRuleset for a ruleset with a built-in's id, otherwise by
    // the first result; the web page after its first question (0.80 of the time to it; docs/performance.md).
    get digest() {
      return (digest ??= rulesetDigest(definition));
    },
    definition,
    questions: definition.questions,
    questionsById,
    rules: frozenCopy(inEvaluationOrder),
    questionIndex,
    encode,
    followUps: Object.freeze(followUps),
    quickCheck: compileQuickCheck(definition.questions, followUps),
  });
  registerInternals(ruleset, {
    rules: inEvaluationOrder,
    texts: compileTexts(definition, questionsById),
    stillPossible: compileStillPossible(definition.questions, inEvaluationOrder, encode),
  });
  return ruleset;
}

/** The rule's wording that fits the answers: the first `summaryBy` entry fully met, else its own. */
export function wordingFor(rule: CompiledRule, codes: AnswerCodes): RuleWording {
  for (const entry of rule.summaries) if (entry.value(codes) === TRUE) return entry;
  return rule.wording;
}
