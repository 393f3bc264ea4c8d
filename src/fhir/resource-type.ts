import type { Ruleset } from "../ruleset/load.js";

/** A JSON object carrying a string `resourceType`: how a FHIR resource says what it is. */
export function isFhirResource(value: unknown): value is { resourceType: string } & Record<string, unknown> {
  return (
    value !== null &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    typeof (value as { resourceType?: unknown }).resourceType === "string"
  );
}

/** True for a FHIR QuestionnaireResponse (recognised by its resourceType), whatever it answers. */
export function isQuestionnaireResponse(
  value: unknown,
): value is { resourceType: "QuestionnaireResponse" } & Record<string, unknown> {
  return isFhirResource(value) && value.resourceType === "QuestionnaireResponse";
}

/**
 * Whether input is to be read as a FHIR resource (fromQuestionnaireResponse, which names a wrong
 * resourceType) rather than as plain answers: it has a string resourceType, and the ruleset has no
 * question of that name (any id is allowed, so one could).
 */
export function isFhirInput(ruleset: Ruleset, value: unknown): boolean {
  return isFhirResource(value) && !ruleset.questionsById.has("resourceType");
}
