import type { DefaultAnswers } from "../../../src/index.js";
import { calmAnswers as baseline } from "../../helpers/answers.js";

/** No warning answer anywhere: the self-care baseline (clinical reference section 1). */
export const calmAnswers: Readonly<DefaultAnswers> = Object.freeze(baseline({ improving: "unsure", otcResponse: "helped" }));

/** One answers object per urgency, each fired by a single rule of clinical reference section 2. */
export const answersByUrgency = {
  none: calmAnswers,
  soon: { ...calmAnswers, headache: "yes" },
  urgent: { ...calmAnswers, fever: "yes" },
  emergency: { ...calmAnswers, emergencySigns: "yes" },
} as const satisfies Record<string, DefaultAnswers>;

/** Answers as JSON text, with fields replaced or (with `undefined`) removed. */
export function answersJson(changes: Readonly<Record<string, unknown>> = {}, base: object = calmAnswers): string {
  const answers: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete answers[key];
    else answers[key] = value;
  }
  return JSON.stringify(answers);
}
