import { issueLines, type Issue } from "../issues.js";

/** Thrown by `loadRuleset` when a ruleset document is not valid; `issues` lists every problem. */
export class RulesetError extends Error {
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[]) {
    super(`invalid ruleset:\n${issueLines(issues).join("\n")}`);
    this.name = "RulesetError";
    this.issues = issues;
  }
}
