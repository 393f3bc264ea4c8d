import type { DefaultAnswers } from "../../../src/index.js";
import { calmAnswers as baseline, withReassuringFollowUps } from "../../helpers/answers.js";

/** No warning answer anywhere: the self-care baseline (docs/clinical-basis.md section 1). */
export const calmAnswers: Readonly<DefaultAnswers> = Object.freeze(baseline({ otcResponse: "helped" }));

/** One answers object per urgency, each fired by a single rule of docs/clinical-basis.md section 2. */
export const answersByUrgency = {
  none: calmAnswers,
  soon: { ...calmAnswers, headache: "yes", headacheNew: "no" },
  urgent: { ...calmAnswers, fever: "yes" },
  emergency: { ...calmAnswers, emergencySigns: "yes" },
} as const satisfies Record<string, DefaultAnswers>;

/**
 * Answers as JSON text, with fields replaced or (with `undefined`) removed; a follow-up that the
 * changes switch on and do not mention is answered "no".
 */
export function answersJson(changes: Readonly<Record<string, unknown>> = {}, base: object = calmAnswers): string {
  const answers: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete answers[key];
    else answers[key] = value;
  }
  const filled = withReassuringFollowUps(answers);
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete filled[key];
  return JSON.stringify(filled);
}
