import type { RecordId } from "./describe.js";

export type YesNoUnsure = "yes" | "no" | "unsure";

/**
 * Answers for the default ruleset (rules/default.json), typed for library users.
 * A test checks that these fields are exactly the ruleset's questions.
 */
export interface DefaultAnswers {
  id?: RecordId;
  emergencySigns: YesNoUnsure;
  age: number;
  injury: YesNoUnsure;
  riskHistory: YesNoUnsure;
  limbWeakness: YesNoUnsure;
  coordinationLoss: YesNoUnsure;
  fever: YesNoUnsure;
  headache: YesNoUnsure;
  canTouchChinToChest: YesNoUnsure;
  armTinglingOrNumbness: YesNoUnsure;
  shootingArmPain: YesNoUnsure;
  painDays: number;
  improving: YesNoUnsure;
  otcResponse: "helped" | "did-not-help" | "not-tried" | "unsure";
}
