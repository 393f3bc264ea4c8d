import type { RecordId } from "./describe.js";

export type YesNoUnsure = "yes" | "no" | "unsure";

/**
 * Answers for the default ruleset (rules/default.json), typed for library users. A follow-up is
 * optional here; it is needed when its condition holds (`injuryMechanism` when `injury` is "yes" or
 * "unsure", and so on), which `triage` checks. A test checks that these fields are exactly the
 * ruleset's questions, optional exactly where the question is a follow-up.
 */
export interface DefaultAnswers {
  id?: RecordId;
  emergencySigns: YesNoUnsure;
  age: number;
  injury: YesNoUnsure;
  /** Needed when `injury` is "yes" or "unsure". */
  injuryMechanism?: YesNoUnsure;
  riskHistory: YesNoUnsure;
  limbWeakness: YesNoUnsure;
  coordinationLoss: YesNoUnsure;
  fever: YesNoUnsure;
  swallowing: YesNoUnsure;
  /** Needed when `swallowing` is "yes" or "unsure". */
  swallowingSevere?: YesNoUnsure;
  headache: YesNoUnsure;
  /** Needed when `headache` is "yes" or "unsure". */
  headacheNew?: YesNoUnsure;
  /** Needed when `headache` and `headacheNew` are each "yes" or "unsure". */
  headacheFast?: YesNoUnsure;
  canTouchChinToChest: YesNoUnsure;
  armTinglingOrNumbness: YesNoUnsure;
  shootingArmPain: YesNoUnsure;
  painDays: number;
  /** Needed when `painDays` is 7 or more. */
  improving?: YesNoUnsure;
  otcResponse: "helped" | "did-not-help" | "not-tried" | "unsure";
}
