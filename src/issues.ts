/** One problem found in answers or a ruleset: where it is, and what is wrong there. */
export interface Issue {
  /** Dotted path to the offending value, e.g. `fever` or `rules.3.when.answer`; `(root)` for the whole document. */
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? "(root)" : path.map((key) => formatKey(String(key))).join(".");
}

/** One key as a path names it: itself, or quoted when blank, so that a path is never empty or invisible. */
export function formatKey(key: string): string {
  return key.trim() === "" ? JSON.stringify(key) : key;
}

/** A short, safe rendering of a value a person sent us, for "got …" in messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return typeof value;
}

export function issueLines(issues: readonly Issue[]): string[] {
  return issues.map((issue) => `${issue.path}: ${issue.message}`);
}
