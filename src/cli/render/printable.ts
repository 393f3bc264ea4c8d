/**
 * Text from a ruleset or from answers, safe to print: every control character but the line break is
 * shown escaped (`\u001b`), so that a ruleset file cannot move the cursor, change colours or hide text.
 */
export function printable(text: string): string {
  return text.replace(
    /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** A copy of `value` with every string in it made printable. */
export function printableDeep<T>(value: T): T {
  if (typeof value === "string") return printable(value) as T;
  if (Array.isArray(value)) return (value as unknown[]).map((item) => printableDeep(item)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, printableDeep(item)])) as T;
  }
  return value;
}
