import { issueLines, type Issue } from "../issues.js";

/** Thrown by `triage` and `evaluate` when answers are not valid; `issues` lists every problem. */
export class AnswersError extends Error {
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[]) {
    super(`invalid answers:\n${issueLines(issues).join("\n")}`);
    this.name = "AnswersError";
    this.issues = issues;
  }
}
