import type { DefaultAnswers } from "../../../src/index.js";
import { calmAnswers, withReassuringFollowUps } from "../../helpers/answers.js";

/**
 * No warning answer anywhere, and medicine helped: the self-care baseline of the CLI's tests
 * (docs/clinical-basis.md section 1). A fixed object; for calm answers with changes (and medicine
 * not tried) call calmAnswers() of tests/helpers/answers.ts.
 */
export const calmAnswersMedicineHelped: Readonly<DefaultAnswers> = Object.freeze(
  calmAnswers({ otcResponse: "helped" }),
);

/** One answers object per urgency, each fired by a single rule of docs/clinical-basis.md section 2. */
export const answersByUrgency = {
  none: calmAnswersMedicineHelped,
  soon: { ...calmAnswersMedicineHelped, headache: "yes", headacheNew: "no" },
  urgent: { ...calmAnswersMedicineHelped, fever: "yes" },
  emergency: { ...calmAnswersMedicineHelped, emergencySigns: "yes" },
} as const satisfies Record<string, DefaultAnswers>;

/**
 * Answers as JSON text, with fields replaced or (with `undefined`) removed; a follow-up that the
 * changes switch on and do not mention is answered "no".
 */
export function answersJson(
  changes: Readonly<Record<string, unknown>> = {},
  base: object = calmAnswersMedicineHelped,
): string {
  const answers: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete answers[key];
    else answers[key] = value;
  }
  const filled = withReassuringFollowUps(answers);
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete filled[key];
  return JSON.stringify(filled);
}
