import type * as z from "zod";
import { describeValue, ISSUE_LIMITS, shorten } from "./issues.js";

/** The value at `path` inside `root`, read through own properties only. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** One readable line for one zod issue, naming what was received. */
export function describeZodIssue(issue: z.core.$ZodIssue, root: unknown): string {
  const value = valueAt(root, issue.path);
  const message = issue.message.replace(/^Invalid input: /, "").replace(/^[A-Z]/, (c) => c.toLowerCase());
  switch (issue.code) {
    case "invalid_type":
      return value === undefined ? `required; ${message.replace(/, received undefined$/, "")}` : `${message.replace(/, received .*$/, "")}, got ${describeValue(value)}`;
    case "unrecognized_keys":
      return `unknown ${issue.keys.length === 1 ? "key" : "keys"} ${quotedKeys(issue.keys)}`;
    case "invalid_key":
      // The key itself is in the path; say what a key must be (the key schema's own messages).
      return `invalid key: ${issue.issues.map((inner) => inner.message).join("; ")}`;
    case "invalid_value":
    case "too_small":
    case "too_big":
    case "invalid_format":
      return `${message}, got ${describeValue(value)}`;
    default:
      return message;
  }
}

/** Keys as quoted in a message: each shortened, and a few of them, with a count of the rest. */
function quotedKeys(keys: readonly string[]): string {
  const shown = keys.slice(0, 5).map((key) => JSON.stringify(shorten(key, ISSUE_LIMITS.key)));
  return keys.length > shown.length ? `${shown.join(", ")} and ${(keys.length - shown.length).toLocaleString("en")} more` : shown.join(", ");
}
