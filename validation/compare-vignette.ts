import { type DefaultAnswers, triage } from "../src/index.js";
import type { ComparedVignette } from "./triage-table.js";
import type { Vignette } from "./vignette-schema.js";

/** The tool's urgency for one vignette and the rules that set it; throws AnswersError on refused answers. */
export function compareVignette(vignette: Vignette): ComparedVignette {
  const result = triage(vignette.answers as unknown as DefaultAnswers);
  return {
    id: vignette.id,
    expected: vignette.disposition.expectedUrgency,
    tool: result.urgency,
    rules: result.reasons.filter((reason) => reason.urgency === result.urgency).map((reason) => reason.ruleId),
  };
}
