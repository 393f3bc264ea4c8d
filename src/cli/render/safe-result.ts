import type { TriageResult } from "../../engine/result.js";
import { safeText } from "../../terminal-safe.js";

/**
 * A result as the text and markdown renderers show it: every string made safe to print (its
 * summaries, sources and advice come from a ruleset, its answers from the input). The id is left as
 * it is: it is printed as JSON, through `recordLabel`.
 */
export function safeResult(result: TriageResult): TriageResult {
  const safe = safeStrings(result);
  if (result.id !== undefined) safe.id = result.id;
  return safe;
}

/** The record id as printed: its JSON form, with DEL and C1 (which JSON.stringify leaves raw) escaped. */
export function recordLabel(id: string | number): string {
  return safeText(JSON.stringify(id));
}

function safeStrings<T>(value: T): T {
  if (typeof value === "string") return safeText(value) as T;
  if (Array.isArray(value)) return value.map(safeStrings) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, safeStrings(child)])) as T;
  }
  return value;
}
