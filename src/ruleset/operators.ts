import type { IssueCode, IssueParams } from "../messages/index.js";
import type { CompiledCondition, IndexedQuestion } from "./conditions.js";
import type { ConditionDefinition } from "./condition-schema.js";
import type { Path } from "./placeholders.js";
import type { ChoiceQuestionDefinition, IntegerQuestionDefinition } from "./schema.js";
import { choiceTruth, numberTruth } from "./unsure.js";

/** A condition on one question's answer: `{answer, equals}`, `{answer, in}`, `{answer, atLeast}`, `{answer, below}`. */
export type LeafCondition = Extract<ConditionDefinition, { answer: string }>;

/** A JSON Schema (2020-12) fragment. */
type JsonSchema = Record<string, unknown>;

/** Reports one problem of a ruleset, at a path (the loader's reference checks). */
export type AddProblem = <C extends IssueCode>(path: Path, code: C, params: IssueParams[C]) => void;

/** A leaf operator on a choice question: true for the choices it names, unsure for the unknown choice. */
interface ChoiceOperator<C extends LeafCondition> {
  readonly questionType: "choice";
  /** The choice values the condition names. */
  readonly named: (condition: C) => readonly string[];
  /** The loader's check that the values it names fit the question; `path` ends at the operator's key. */
  readonly check: (condition: C, question: ChoiceQuestionDefinition, path: Path, add: AddProblem) => void;
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
  /** The loader's check that the bound can be met and missed; `path` ends at the operator's key. */
  readonly check: (condition: C, question: IntegerQuestionDefinition, path: Path, add: AddProblem) => void;
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
  equals: {
    questionType: "choice",
    named: (condition) => [condition.equals],
    check: (condition, question, path, add) => {
      const choice = question.choices.find((c) => c.value === condition.equals);
      const allowed = question.choices.filter((c) => !c.unknown).map((c) => c.value);
      if (!choice || choice.unknown) add(path, "ruleset.not-a-choice", { allowed, value: condition.equals });
    },
  },
  in: {
    questionType: "choice",
    named: (condition) => condition.in,
    check: (condition, question, path, add) => {
      const values = question.choices.map((c) => c.value);
      condition.in.forEach((value, i) => {
        if (!values.includes(value)) add([...path, i], "ruleset.not-a-choice", { allowed: values, value });
        else if (condition.in.indexOf(value) !== i) add([...path, i], "ruleset.duplicate-choice", { value });
      });
      if (condition.in.every((value) => question.choices.find((c) => c.value === value)?.unknown === true)) {
        add(path, "ruleset.only-unknown-choices", {});
      }
    },
  },
  atLeast: {
    questionType: "integer",
    bound: (condition) => condition.atLeast,
    compile: (slot, bound) => (codes) => numberTruth((codes[slot] as number) >= bound),
    symbol: "≥",
    fhirOperator: ">=",
    jsonSchema: (bound) => ({ type: "integer", minimum: bound }),
    check: (condition, question, path, add) => checkBound("atLeast", condition.atLeast, question, path, add),
  },
  below: {
    questionType: "integer",
    bound: (condition) => condition.below,
    compile: (slot, bound) => (codes) => numberTruth((codes[slot] as number) < bound),
    symbol: "<",
    fhirOperator: "<",
    jsonSchema: (bound) => ({ type: "integer", exclusiveMaximum: bound }),
    check: (condition, question, path, add) => checkBound("below", condition.below, question, path, add),
  },
};

/** Both atLeast and below are always or never true unless min < bound <= max. */
function checkBound(
  operator: "atLeast" | "below",
  bound: number,
  question: IntegerQuestionDefinition,
  path: Path,
  add: AddProblem,
) {
  if (bound <= question.min || bound > question.max) {
    add(path, "ruleset.bound-always-or-never", {
      operator,
      bound,
      question: question.id,
      min: question.min,
      max: question.max,
    });
  }
}

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
