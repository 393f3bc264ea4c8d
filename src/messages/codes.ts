/**
 * Every problem the tool can report, by code, with the data its message is made from. The English
 * for each code is in `en/` (one function per code); nothing else writes a problem's words.
 * Params are plain data (JSON), so that a caller can act on a problem without reading its English.
 */

/** A value a person sent us, as messages quote it ("got …"): its JSON type, and the value when it is short to say. */
export type Received =
  | { type: "string"; value: string }
  | { type: "number"; value: number }
  | { type: "boolean"; value: boolean }
  | { type: "null" | "array" | "object" | "undefined" | "bigint" | "symbol" | "function"; value?: never };

/** What a question accepts: its choices, or its integer range. */
export type Expected = { choices: string[] } | { min: number; max: number };

type Got = { received: Received };
/** A keyed message of a ruleset schema check; `received` when zod's check says what it got. */
type SchemaCheck = { received?: Received };

export interface IssueParams {
  // Answers (src/answers/validate.ts, src/answers/describe.ts).
  "answers.not-an-object": Got;
  "answers.unknown-field": { suggestion?: string; fields: string[] };
  "answers.missing": { expected: Expected };
  "answers.invalid-value": Got & { expected: Expected };
  "answers.missing-follow-up": { because: { field: string; value: string | number }[]; expected: Expected };
  "answers.invalid-id": Got & { maxLength: number; maxInteger: number };

  // A FHIR QuestionnaireResponse (src/fhir/response.ts) and a ruleset as FHIR (src/fhir/enable-when.ts).
  "fhir.not-a-response": Got;
  "fhir.wrong-resource-type": Got;
  "fhir.unfinished": Got;
  "fhir.questionnaire-not-text": Got & { expected: string };
  "fhir.other-questionnaire": {
    named: string;
    expected: string;
    rulesetId: string;
    rulesetVersion: string;
    version?: string;
    sameUrl: boolean;
  };
  "fhir.identifier-not-object": Got;
  "fhir.invalid-id": Got & { maxLength: number };
  "fhir.items-not-array": Got;
  "fhir.item-not-object": Got;
  "fhir.link-id-not-text": Got;
  "fhir.unknown-item": { linkId: string; suggestion?: string; linkIds: string[] };
  "fhir.answered-twice": { linkId: string; earlier: number };
  "fhir.answers-not-array": Got;
  "fhir.several-answers": { count: number };
  "fhir.nested-item": { question: string; valueKey: string };
  "fhir.answer-not-object": Got;
  "fhir.wrong-value-key": { valueKey: string; expected: Expected; valueKeys: string[] };
  "fhir.coding-not-object": Got;
  "fhir.wrong-system": Got & { system: string };
  "fhir.enable-when-nested": Record<string, never>;
  "fhir.enable-when-unknown-question": { question: string };
  "fhir.enable-when-not-choice": { question: string };
  "fhir.enable-when-unsure-in-and": Record<string, never>;

  // A ruleset's references and limits (src/ruleset/references.ts, load.ts, extend.ts).
  "ruleset.duplicate-question-id": { id: string };
  "ruleset.duplicate-choice": { value: string };
  "ruleset.several-unknown-choices": Record<string, never>;
  "ruleset.not-a-choice": { allowed: string[]; value: unknown };
  "ruleset.warning-is-unknown": Record<string, never>;
  "ruleset.item-parts-together": Record<string, never>;
  "ruleset.min-above-max": { min: number; max: number };
  "ruleset.duplicate-rule-id": { id: string };
  "ruleset.unknown-source": { source: string; sources: string[] };
  "ruleset.emergency-needs-call-if": Record<string, never>;
  "ruleset.check-back-not-integer": { question: string };
  "ruleset.unknown-question": { question: string; questions: string[] };
  "ruleset.unknown-placeholder": { name: string; allowed: readonly string[] };
  "ruleset.asked-later": { question: string };
  "ruleset.choice-operator-on-integer": { question: string };
  "ruleset.integer-operator-on-choice": { question: string };
  "ruleset.only-unknown-choices": Record<string, never>;
  "ruleset.bound-always-or-never": {
    operator: "atLeast" | "below";
    bound: number;
    question: string;
    min: number;
    max: number;
  };
  "ruleset.too-deep": { maxDepth: number };
  "ruleset.too-many-values": { maxValues: number };
  "ruleset.lone-surrogate": Record<string, never>;
  "ruleset.builtin-id": { id: string };
  "ruleset.source-exists": { source: string; base: string };
  "ruleset.after-unknown": { after: string; known: string[] };

  // A ruleset's shape, from zod's issues by code and data (src/ruleset/schema-issues.ts).
  "schema.required": { expected: string };
  "schema.invalid-type": Got & { expected: string };
  "schema.invalid-value": Got & { values: (string | number | boolean | null)[] };
  "schema.too-small": Got & { origin: string; minimum: number; inclusive: boolean };
  "schema.too-big": Got & { origin: string; maximum: number; inclusive: boolean };
  "schema.invalid-format": Got & { format: string };
  "schema.invalid-discriminator": Got & { options: string[] };
  "schema.invalid-union-type": Got & { types: string[] };
  "schema.invalid": Record<string, never>;
  "schema.unknown-keys": { keys: string[]; count: number };
  "schema.invalid-key": { problems: SchemaKeyProblem[] };
  // Checks of ours on a ruleset's strings and conditions (src/ruleset/schema.ts names them by code).
  "schema.kebab-case": SchemaCheck;
  "schema.question-id": SchemaCheck;
  "schema.version": SchemaCheck;
  "schema.reserved-name": SchemaCheck;
  "schema.too-long": SchemaCheck & { maxLength: number };
  "schema.control-character": SchemaCheck & { codePoint: string };
  "schema.control-character-in-text": SchemaCheck & { codePoint: string };
  "schema.empty": SchemaCheck;
  "schema.no-source": SchemaCheck;
  "schema.condition-form": { keys: string[] };

  // Input the command line refuses per record or document (src/cli).
  "input.duplicate-key": Record<string, never>;
  "line.too-long": Record<string, never>;
  "line.blank": Record<string, never>;
  "line.utf16": Record<string, never>;
  "line.not-json": { reason: string };
}

export type IssueCode = keyof IssueParams;

/** The codes a ruleset schema names for its own checks (zod carries the code as the check's message). */
export type SchemaCheckCode =
  | "schema.kebab-case"
  | "schema.question-id"
  | "schema.version"
  | "schema.reserved-name"
  | "schema.too-long"
  | "schema.control-character"
  | "schema.control-character-in-text"
  | "schema.empty"
  | "schema.no-source";

/** A key of a record that its key schema refused: the check's code and params. */
export type SchemaKeyProblem = { [C in SchemaCheckCode | "schema.invalid"]: { code: C; params: IssueParams[C] } }[
  SchemaCheckCode | "schema.invalid"];

export type { InputKind, MessageCode, MessageParams, ReadFailure } from "./message-codes.js";
