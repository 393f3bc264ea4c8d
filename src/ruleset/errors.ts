import type { Issue } from "../issues.js";
import { invalidDocumentMessage } from "../messages/index.js";

/** Thrown by `loadRuleset` when a ruleset document is not valid; `issues` lists every problem. */
export class RulesetError extends Error {
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[]) {
    super(invalidDocumentMessage("ruleset", issues));
    this.name = "RulesetError";
    this.issues = issues;
  }
}
