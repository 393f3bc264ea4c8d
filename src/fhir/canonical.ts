import type { Ruleset } from "../ruleset/load.js";

/**
 * The base of every canonical URL the project mints. `.example` is reserved (RFC 2606), so these
 * identify without pretending to resolve; changing the base would orphan every stored response.
 */
export const FHIR_CANONICAL_BASE = "https://neck-triage.example/fhir";

/** The code system of answer codes: a choice's `value` in a ruleset is its code here. */
export const ANSWER_CODE_SYSTEM = `${FHIR_CANONICAL_BASE}/CodeSystem/answer`;

/**
 * The identifier system of a ruleset's digest (`sha256:<hex>`, see ruleset/digest.ts): a
 * Questionnaire carries its ruleset's digest as an identifier, the content it was generated from.
 */
export const RULESET_DIGEST_SYSTEM = `${FHIR_CANONICAL_BASE}/ruleset-digest`;

/** The Questionnaire's canonical URL, without version: one per ruleset id. */
export function questionnaireUrl(ruleset: Ruleset): string {
  return `${FHIR_CANONICAL_BASE}/Questionnaire/${ruleset.id}`;
}

/** `url|version`: what a QuestionnaireResponse to this ruleset's Questionnaire names. */
export function questionnaireCanonical(ruleset: Ruleset): string {
  return `${questionnaireUrl(ruleset)}|${ruleset.version}`;
}
