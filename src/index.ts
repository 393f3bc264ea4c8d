import type { DefaultAnswers } from "./answers/default-answers.js";
import { answersSchemaFor, type AnswersZodSchema } from "./answers/schema.js";
import { evaluate } from "./engine/evaluate.js";
import type { EvaluateOptions, TriageResult } from "./engine/result.js";
import { getDefaultRuleset, getExtendedRuleset } from "./ruleset/builtin.js";
import type { Ruleset } from "./ruleset/load.js";

export { AnswersError } from "./answers/errors.js";
export { RulesetError } from "./ruleset/errors.js";
export { loadRuleset, type Ruleset } from "./ruleset/load.js";
export { evaluate } from "./engine/evaluate.js";
export { checkEmergencyNumber } from "./engine/options.js";
export { answersSchemaFor } from "./answers/schema.js";
export type { Answers, AnswersZodSchema, RecordId } from "./answers/schema.js";
export type { DefaultAnswers, YesNoUnsure } from "./answers/default-answers.js";
export type { Expected, Issue, IssueCode, IssueParams, Received } from "./issues.js";
export type { Certainty, EvaluateOptions, Reason, Source, TriageResult, Verdict } from "./engine/result.js";
export type { RuleUrgency, Urgency, RulesetDefinition } from "./ruleset/schema.js";
export { toQuestionnaire } from "./fhir/questionnaire.js";
export { fromQuestionnaireResponse } from "./fhir/response.js";
export { isQuestionnaireResponse } from "./fhir/resource-type.js";
export type { Questionnaire } from "./fhir/r4-types.js";

// Each export below is marked pure, so that a bundler drops what an importer does not use: importing
// `triage` alone leaves rules/extended.json out of a browser bundle.

/** The built-in default ruleset (rules/default.json), compiled; the build has validated it. */
export const defaultRuleset: Ruleset = /* @__PURE__ */ getDefaultRuleset();

/** The built-in extended ruleset (rules/extended.json: the default one plus NICE CKS red flags), compiled. */
export const extendedRuleset: Ruleset = /* @__PURE__ */ getExtendedRuleset();

/** The zod schema of the default ruleset's answers. */
export const AnswersSchema = /* @__PURE__ */ answersSchemaFor(
  defaultRuleset,
) as unknown as AnswersZodSchema<DefaultAnswers>;

/** Triage with the default ruleset. Throws `AnswersError` listing every problem with the answers. */
export function triage(answers: DefaultAnswers, options?: EvaluateOptions): TriageResult {
  return evaluate(defaultRuleset, answers, options);
}
