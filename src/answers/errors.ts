import type { Issue } from "../issues.js";
import { invalidDocumentMessage } from "../messages/index.js";

/** Thrown by `triage` and `evaluate` when answers are not valid; `issues` lists every problem. */
export class AnswersError extends Error {
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[]) {
    super(invalidDocumentMessage("answers", issues));
    this.name = "AnswersError";
    this.issues = issues;
  }
}
