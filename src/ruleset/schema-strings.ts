import * as z from "zod";
import { CONTROLS, MAX_STRING_LENGTH, schemaCheck } from "./schema-checks.js";

/** Names that must never become object keys built from data. */
const FORBIDDEN_IDS = new Set(["__proto__", "constructor", "prototype", "id"]);

export { MAX_STRING_LENGTH } from "./schema-checks.js";

/** No control characters (schema-checks.ts); the issue names the first one found. */
function withoutControls(where: keyof typeof CONTROLS) {
  return [
    new RegExp(`^[^${CONTROLS[where]}]*$`),
    schemaCheck(where === "inText" ? "schema.control-character-in-text" : "schema.control-character"),
  ] as const;
}

/** Every string of a ruleset is one of these (or a URL, bounded the same). */
export const string = (where: keyof typeof CONTROLS = "anywhere") =>
  z
    .string()
    .max(MAX_STRING_LENGTH, schemaCheck("schema.too-long"))
    .regex(...withoutControls(where));

export const questionId = string()
  .regex(/^[A-Za-z][A-Za-z0-9]*$/, schemaCheck("schema.question-id"))
  .refine((id) => !FORBIDDEN_IDS.has(id), schemaCheck("schema.reserved-name"));
export const ruleId = string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, schemaCheck("schema.kebab-case"));
export const text = string("inText").trim().min(1, schemaCheck("schema.empty"));
