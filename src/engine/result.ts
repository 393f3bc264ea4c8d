import type { RecordId } from "../answers/describe.js";
import type { RuleUrgency, Urgency } from "../ruleset/schema.js";

export type Verdict = "see-a-professional" | "self-care-likely-fine";
export type Certainty = "confirmed" | "possible";

export interface Source {
  title: string;
  url: string;
}

/** One rule that fired, with the answers it read and why it is believed. */
export interface Reason {
  ruleId: string;
  summary: string;
  urgency: RuleUrgency;
  certainty: Certainty;
  answers: Record<string, string | number>;
  sources: Source[];
}

export interface TriageResult {
  id?: RecordId;
  verdict: Verdict;
  urgency: Urgency;
  reasons: Reason[];
  advice: string;
  /** Signs that should prompt getting help (sooner), whatever the verdict. */
  watchFor: string[];
  disclaimer: string;
  /** Which ruleset scored it; `digest` (`sha256:<hex>`, RFC 8785) tells an edited copy from the original. */
  ruleset: { id: string; version: string; digest: string };
  /** Only in an interview that stopped early at a confirmed emergency: the questions not asked. */
  unanswered?: string[];
}

export interface EvaluateOptions {
  /** The number the emergency advice names, e.g. "112"; without it the advice lists common ones. */
  emergencyNumber?: string;
  /**
   * Today's date in the person's calendar, "2026-11-26", for check-back points worded as dates
   * ("by 3 December 2026 (day 7)") when the ruleset has such wording. The engine reads no clock.
   */
  today?: string;
}
