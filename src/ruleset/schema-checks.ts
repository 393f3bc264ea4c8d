import type { SchemaCheckCode } from "../messages/index.js";

/**
 * Control characters (C0, DEL, C1: ESC, the one-byte CSI, carriage return, tab, …) could drive the
 * terminal that shows a ruleset's text, so no ruleset string may hold one; a text may hold line
 * breaks. (Renderers escape them too; the loader refusing them keeps every other output clean.)
 */
export const CONTROLS = {
  anywhere: "\\u0000-\\u001f\\u007f-\\u009f",
  inText: "\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f",
} as const;

/**
 * The longest string a ruleset may hold, a text, an id or a URL alike (rules/README.md, "Limits"):
 * far above any real one (the longest built-in text has 398 characters), low enough that nothing
 * that prints, wraps or compares ruleset text ever has much to do.
 */
export const MAX_STRING_LENGTH = 2_000;

/** The checks the ruleset schema names by code. */
export const SCHEMA_CHECK_CODES: ReadonlySet<string> = new Set<SchemaCheckCode>([
  "schema.kebab-case",
  "schema.question-id",
  "schema.version",
  "schema.reserved-name",
  "schema.too-long",
  "schema.control-character",
  "schema.control-character-in-text",
  "schema.empty",
  "schema.no-source",
]);

/**
 * The message to give zod for a check of ours: the check's code, which `issueFromZod` reads back
 * to make the issue (code and params); the English is in the messages module.
 */
export function schemaCheck(code: SchemaCheckCode): string {
  return code;
}
