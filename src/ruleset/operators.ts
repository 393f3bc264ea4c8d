import type { CompiledCondition, IndexedQuestion } from "./conditions.js";
import type { ConditionDefinition } from "./condition-schema.js";
import { choiceTruth, numberTruth } from "./unsure.js";

/** A condition on one question's answer: `{answer, equals}`, `{answer, in}`, `{answer, atLeast}`, `{answer, below}`. */
export type LeafCondition = Extract<ConditionDefinition, { answer: string }>;

/** A JSON Schema (2020-12) fragment. */
type JsonSchema = Record<string, unknown>;

/** A leaf operator on a choice question: true for the choices it names, unsure for the unknown choice. */
interface ChoiceOperator<C extends LeafCondition> {
  readonly questionType: "choice";
  /** The choice values the condition names. */
  readonly named: (condition: C) => readonly string[];
}

/** A leaf operator on an integer question: a bound, never unsure. */
interface IntegerOperator<C extends LeafCondition> {
  readonly questionType: "integer";
  readonly bound: (condition: C) => number;
  /** Compiled: the closure evaluating reads, one per operator so that each stays a plain comparison. */
  readonly compile: (slot: number, bound: number) => CompiledCondition;
  /** How the condition reads in words (`age ≥ 50`). */
  readonly symbol: string;
  /** FHIR R4 `enableWhen.operator`. */
  readonly fhirOperator: ">=" | "<";
  /** The JSON Schema of a number that meets the bound. */
  readonly jsonSchema: (bound: number) => JsonSchema;
}

type OperatorOf<K extends string> = K extends "equals" | "in"
  ? ChoiceOperator<Extract<LeafCondition, Record<K, unknown>>>
  : IntegerOperator<Extract<LeafCondition, Record<K, unknown>>>;

type LeafKey = "equals" | "in" | "atLeast" | "below";

/**
 * The leaf operators, one unit each (as json-rules-engine keeps one per operator): the question type
 * it applies to, how it compiles, reads in words, and becomes FHIR `enableWhen` and JSON Schema.
 * A new operator needs a line in ConditionDefinition (schema.ts) and an entry here.
 */
export const LEAF_OPERATORS: { readonly [K in LeafKey]: OperatorOf<K> } = {
  equals: { questionType: "choice", named: (condition) => [condition.equals] },
  in: { questionType: "choice", named: (condition) => condition.in },
  atLeast: {
    questionType: "integer",
    bound: (condition) => condition.atLeast,
    compile: (slot, bound) => (codes) => numberTruth((codes[slot] as number) >= bound),
    symbol: "≥",
    fhirOperator: ">=",
    jsonSchema: (bound) => ({ type: "integer", minimum: bound }),
  },
  below: {
    questionType: "integer",
    bound: (condition) => condition.below,
    compile: (slot, bound) => (codes) => numberTruth((codes[slot] as number) < bound),
    symbol: "<",
    fhirOperator: "<",
    jsonSchema: (bound) => ({ type: "integer", exclusiveMaximum: bound }),
  },
};

/** The keys that name a leaf operator, in the table's order. */
export const LEAF_KEYS = Object.keys(LEAF_OPERATORS) as LeafKey[];

/** A leaf condition's operator, with what it reads from the condition. */
export type ResolvedLeaf =
  | { readonly operator: ChoiceOperator<LeafCondition>; readonly named: readonly string[] }
  | { readonly operator: IntegerOperator<LeafCondition>; readonly bound: number };

export function resolveLeaf(condition: LeafCondition): ResolvedLeaf {
  const key = LEAF_KEYS.find((k) => k in condition)!;
  const operator = LEAF_OPERATORS[key] as ChoiceOperator<LeafCondition> | IntegerOperator<LeafCondition>;
  return operator.questionType === "choice"
    ? { operator, named: operator.named(condition) }
    : { operator, bound: operator.bound(condition) };
}

/** A compiled choice leaf: true for a named choice, unsure for the unknown choice (when not named), else false. */
export function compileChoiceLeaf(slot: number, entry: IndexedQuestion, named: readonly string[]): CompiledCondition {
  const choices = entry.question.type === "choice" ? entry.question.choices : [];
  const codesNamed = named.map((value) => choices.findIndex((choice) => choice.value === value));
  const unknown = choices.findIndex((choice) => choice.unknown === true);
  // One named choice (every equals) compares codes with ===, as the compiler did before this table: no Set lookup per call.
  if (codesNamed.length === 1) {
    const warning = codesNamed[0];
    return (codes) => {
      const code = codes[slot];
      return choiceTruth(code === warning, code === unknown && unknown !== -1);
    };
  }
  const listed = new Set(codesNamed);
  return (codes) => {
    const code = codes[slot] as number;
    return choiceTruth(listed.has(code), code === unknown && unknown !== -1);
  };
}
