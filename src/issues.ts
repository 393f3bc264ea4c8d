import type { IssueCode, IssueParams, Received } from "./messages/codes.js";

export type { Expected, IssueCode, IssueParams, Received } from "./messages/codes.js";

/**
 * One problem found in answers or a ruleset: where it is, what is wrong there (a code and its data),
 * and the same in words, made from the code and params by the messages module (`issue()` there).
 */
export type Issue = {
  [C in IssueCode]: {
    /** Dotted path to the offending value, e.g. `fever` or `rules.3.when.answer`; `(root)` for the whole document. */
    path: string;
    code: C;
    params: IssueParams[C];
    message: string;
  };
}[IssueCode];

/** An issue as printed and as a batch error record lists it. */
export interface ListedIssue {
  path: string;
  message: string;
}

/**
 * The bounds of every printed problem list, in one place. An input is at most 1 MiB, and what is said
 * about it must never outgrow it: 60,000 unknown keys are 50 lines and a count, not 60,000 lines.
 */
export const ISSUE_LIMITS = {
  /** Problems listed per input (on stderr, in a batch error record, in an error's message); the rest are counted. */
  listed: 50,
  /** Characters of a value quoted in a message ("got …"). */
  quoted: 40,
  /** Characters of one key in a path or a message. */
  key: 80,
  /** Characters of one issue's path, and of its message. */
  path: 200,
  message: 300,
} as const;

/** `text`, cut to `max` characters with "…" when longer. */
export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? "(root)" : path.map((key) => formatKey(String(key))).join(".");
}

/**
 * One key as a path names it: itself (shortened when long), or quoted when blank, so that a path is
 * never empty or invisible.
 */
export function formatKey(key: string): string {
  return key.trim() === "" ? JSON.stringify(key) : shorten(key, ISSUE_LIMITS.key);
}

/** A value a person sent us, as an issue's params hold it: its JSON type, and the value itself when it is a short string, a number or a boolean. */
export function receivedOf(value: unknown): Received {
  if (value === undefined) return { type: "undefined" };
  if (value === null) return { type: "null" };
  if (Array.isArray(value)) return { type: "array" };
  if (typeof value === "object") return { type: "object" };
  if (typeof value === "string") return { type: "string", value: shorten(value, ISSUE_LIMITS.quoted) };
  if (typeof value === "number") return { type: "number", value };
  if (typeof value === "boolean") return { type: "boolean", value };
  return { type: typeof value as "bigint" | "symbol" | "function" };
}

/** The problems to print: the first `ISSUE_LIMITS.listed`, each path and message cut to its bound, and how many more there are. */
export function listedIssues(issues: readonly ListedIssue[]): { listed: ListedIssue[]; more: number } {
  const listed = issues.slice(0, ISSUE_LIMITS.listed).map((issue) => ({
    path: shorten(issue.path, ISSUE_LIMITS.path),
    message: shorten(issue.message, ISSUE_LIMITS.message),
  }));
  return { listed, more: issues.length - listed.length };
}
