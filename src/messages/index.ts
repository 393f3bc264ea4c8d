import { listedIssues, type Issue, type ListedIssue } from "../issues.js";
import type { IssueCode, IssueParams, MessageCode, MessageParams } from "./codes.js";
import { MESSAGE_WORDING } from "./en/cli.js";
import { ISSUE_WORDING } from "./en/issues.js";
import { counted } from "./en/values.js";

export type {
  Expected,
  InputKind,
  IssueCode,
  IssueParams,
  MessageCode,
  MessageParams,
  Received,
  SchemaCheckCode,
  SchemaKeyProblem,
} from "./codes.js";
export { expectedText } from "./en/values.js";

/** The one way to make an issue: its message is made from its code and params, here. */
export function issue<C extends IssueCode>(path: string, code: C, params: IssueParams[C]): Issue {
  return { path, code, params, message: issueMessage(code, params) } as Issue;
}

/** The words for one code and its params. */
export function issueMessage<C extends IssueCode>(code: C, params: IssueParams[C]): string {
  return (ISSUE_WORDING[code] as (params: IssueParams[C]) => string)(params);
}

/** "… and 59,950 more problems": the line that stands for the problems not listed. */
export function moreProblemsLine(more: number): string {
  return `… and ${counted(more, "more problem", "more problems")}`;
}

/** One line per listed problem (`path: message`), then the count of the rest, if any. */
export function issueLines(issues: readonly ListedIssue[]): string[] {
  const { listed, more } = listedIssues(issues);
  const lines = listed.map((issue) => `${issue.path}: ${issue.message}`);
  if (more > 0) lines.push(moreProblemsLine(more));
  return lines;
}

/** The first line of an AnswersError's or a RulesetError's message, above its issue lines. */
export function invalidDocumentMessage(what: "answers" | "ruleset", issues: readonly ListedIssue[]): string {
  return [`invalid ${what}:`, ...issueLines(issues)].join("\n");
}

/** The words of a message that is not an issue (the command line's, a library argument's), from its code and params. */
export function message<C extends MessageCode>(code: C, params: MessageParams[C]): string {
  return (MESSAGE_WORDING[code] as (params: MessageParams[C]) => string)(params);
}
