import type { Answers } from "../answers/schema.js";
import { isFhirInput } from "../fhir/resource-type.js";
import type { Ruleset } from "../ruleset/load.js";

/**
 * The answers, validated. Plainly valid answers pass the quick check; anything else goes to the zod
 * schema, loaded only then (it is most of the start-up cost), which throws AnswersError listing every
 * problem. A FHIR resource (it says its resourceType) is read as a QuestionnaireResponse to the
 * ruleset's Questionnaire, which refuses one for another questionnaire or version.
 */
export async function validAnswers(ruleset: Ruleset, input: unknown): Promise<Answers> {
  if (isFhirInput(ruleset, input)) {
    const { fromQuestionnaireResponse } = await import("../fhir/response.js");
    return fromQuestionnaireResponse(ruleset, input);
  }
  const quick = ruleset.quickCheck(input);
  if (quick) return quick.answers;
  const { validateAnswers } = await import("../answers/validate.js");
  return validateAnswers(ruleset, input);
}
