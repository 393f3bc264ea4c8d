import type { EvaluateOptions } from "../engine/result.js";
import type { Ruleset } from "../ruleset/load.js";
import type { RulesetDefinition } from "../ruleset/schema.js";

/** The id of the page's data block: a `<script type="application/json">`, which is never run. */
export const PAGE_DATA_ID = "neck-triage-data";

/**
 * What the page needs to run the interview: the ruleset, already validated (the page only compiles
 * it, so it needs no zod), and the evaluation options the command was given.
 */
export interface PageData {
  readonly ruleset: RulesetDefinition;
  readonly options: EvaluateOptions;
}

export function pageData(ruleset: Ruleset, options: EvaluateOptions = {}): PageData {
  return { ruleset: ruleset.definition, options };
}

/**
 * The data as the text of a script element: JSON with every "<" escaped, so that no text in a
 * ruleset can end the element or open a comment.
 */
export function pageDataText(data: PageData): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
