/** One problem found in answers or a ruleset: where it is, and what is wrong there. */
export interface Issue {
  /** Dotted path to the offending value, e.g. `fever` or `rules.3.when.answer`; `(root)` for the whole document. */
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

/** A short, safe rendering of a value a person sent us, for "got …" in messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  // JSON.stringify escapes C0 controls but leaves DEL and C1 (the one-byte CSI) raw: escape them too.
  if (typeof value === "string") return JSON.stringify(shorten(value, ISSUE_LIMITS.quoted)).replace(/[\u007f-\u009f]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return typeof value;
}

/** The problems to print: the first `ISSUE_LIMITS.listed`, each path and message cut to its bound, and how many more there are. */
export function listedIssues(issues: readonly Issue[]): { listed: Issue[]; more: number } {
  const listed = issues.slice(0, ISSUE_LIMITS.listed).map((issue) => ({
    path: shorten(issue.path, ISSUE_LIMITS.path),
    message: shorten(issue.message, ISSUE_LIMITS.message),
  }));
  return { listed, more: issues.length - listed.length };
}

/** "… and 59,950 more problems": the line that stands for the problems not listed. */
export function moreProblemsLine(more: number): string {
  return `… and ${more.toLocaleString("en")} more ${more === 1 ? "problem" : "problems"}`;
}

/** One line per listed problem (`path: message`), then the count of the rest, if any. */
export function issueLines(issues: readonly Issue[]): string[] {
  const { listed, more } = listedIssues(issues);
  const lines = listed.map((issue) => `${issue.path}: ${issue.message}`);
  if (more > 0) lines.push(moreProblemsLine(more));
  return lines;
}
