import type * as z from "zod";
import { formatPath, ISSUE_LIMITS, receivedOf, shorten, type Issue, type Received } from "../issues.js";
import { issue, type SchemaCheckCode, type SchemaKeyProblem } from "../messages/index.js";
import { valueAt } from "../zod-issues.js";
import { CONTROLS, MAX_STRING_LENGTH, SCHEMA_CHECK_CODES } from "./schema-checks.js";

/** zod's codes whose issue says what was received ("…, got 5"). */
const SAYS_RECEIVED = new Set(["invalid_value", "too_small", "too_big", "invalid_format"]);

/**
 * The issues for one zod issue of a ruleset document, mapped by zod's code and data (never by its
 * English): the value is read from `root` at the issue's path, so that what was received is named.
 * One zod issue gives one issue, except a union none of whose forms matched (`unionIssues`).
 */
export function issuesFromZod(zodIssue: z.core.$ZodIssue, root: unknown): Issue[] {
  return zodIssue.code === "invalid_union" && zodIssue.inclusive !== false && (zodIssue.options ?? []).length === 0
    ? unionIssues(zodIssue, root)
    : [issueFromZod(zodIssue, root)];
}

function issueFromZod(zodIssue: z.core.$ZodIssue, root: unknown): Issue {
  const path = formatPath(zodIssue.path);
  const value = valueAt(root, zodIssue.path);
  const received = receivedOf(value);
  if (SCHEMA_CHECK_CODES.has(zodIssue.message)) {
    const { code, params } = checkProblem(
      zodIssue.message as SchemaCheckCode,
      value,
      SAYS_RECEIVED.has(zodIssue.code) ? received : undefined,
    );
    return issue(path, code, params as never);
  }
  switch (zodIssue.code) {
    case "invalid_type":
      if (value === undefined) return issue(path, "schema.required", { expected: zodIssue.expected });
      return issue(path, "schema.invalid-type", { expected: zodIssue.expected, received });
    case "invalid_value":
      return issue(path, "schema.invalid-value", { values: zodIssue.values.map(primitive), received });
    case "too_small":
      return issue(path, "schema.too-small", {
        origin: zodIssue.origin,
        minimum: Number(zodIssue.minimum),
        inclusive: zodIssue.inclusive === true,
        received,
      });
    case "too_big":
      return issue(path, "schema.too-big", {
        origin: zodIssue.origin ?? "value",
        maximum: Number(zodIssue.maximum),
        inclusive: zodIssue.inclusive === true,
        received,
      });
    case "invalid_format":
      return issue(path, "schema.invalid-format", { format: zodIssue.format, received });
    case "unrecognized_keys":
      // A few keys (each shortened) and the count: 60,000 unknown keys are not one 60,000-key issue.
      return issue(path, "schema.unknown-keys", {
        keys: zodIssue.keys.slice(0, 5).map((key) => shorten(key, ISSUE_LIMITS.key)),
        count: zodIssue.keys.length,
      });
    case "invalid_key":
      // The key itself is in the path; say what a key must be (the key schema's own checks).
      return issue(path, "schema.invalid-key", {
        problems: zodIssue.issues.map((inner) => keyProblem(inner, zodIssue.path.at(-1))),
      });
    case "invalid_union":
      if (zodIssue.inclusive !== false && zodIssue.options !== undefined && zodIssue.options.length > 0) {
        return issue(path, "schema.invalid-discriminator", { options: zodIssue.options.map(String), received });
      }
      return issue(path, "schema.invalid", {});
    case "custom":
      if (zodIssue.params?.code === "schema.condition-form")
        return issue(path, "schema.condition-form", { keys: zodIssue.params.keys as string[] });
      return issue(path, "schema.invalid", {});
    default:
      return issue(path, "schema.invalid", {});
  }
}

/**
 * A value that matched none of a union's forms (a sign to watch for: a text, or `{text, about}`). If
 * exactly one form got past its type check, its own problems say what is wrong, at their paths inside
 * the value; if none did, the types the value could have had; zod's bare "invalid input" otherwise.
 */
function unionIssues(
  zodIssue: Extract<z.core.$ZodIssueInvalidUnion, { errors: z.core.$ZodIssue[][] }>,
  root: unknown,
): Issue[] {
  // zod goes on checking a length after a wrong type ([] or {length: 0} as a text), so a form is of
  // the wrong type when any of its issues says so about the value itself.
  const typeProblem = (form: readonly z.core.$ZodIssue[]) =>
    form.find(
      (inner): inner is z.core.$ZodIssueInvalidType => inner.code === "invalid_type" && inner.path.length === 0,
    );
  const near = zodIssue.errors.filter((form) => typeProblem(form) === undefined);
  if (near.length === 1) {
    return near[0]!.flatMap((inner) => issuesFromZod({ ...inner, path: [...zodIssue.path, ...inner.path] }, root));
  }
  const path = formatPath(zodIssue.path);
  if (near.length > 0 || zodIssue.errors.length === 0) return [issue(path, "schema.invalid", {})];
  return [
    issue(path, "schema.invalid-union-type", {
      types: zodIssue.errors.map((form) => typeProblem(form)!.expected),
      received: receivedOf(valueAt(root, zodIssue.path)),
    }),
  ];
}

/** A check's code and params: what it needs said (the longest length, the control character found), and what was received. */
function checkProblem(code: SchemaCheckCode, value: unknown, received: Received | undefined): SchemaKeyProblem {
  const got = received === undefined ? {} : { received };
  if (code === "schema.too-long") return { code, params: { ...got, maxLength: MAX_STRING_LENGTH } };
  if (code === "schema.control-character" || code === "schema.control-character-in-text") {
    const control = new RegExp(`[${CONTROLS[code === "schema.control-character" ? "anywhere" : "inText"]}]`);
    const found = typeof value === "string" ? (control.exec(value)?.[0] ?? "") : "";
    return {
      code,
      params: { ...got, codePoint: `U+${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}` },
    };
  }
  return { code, params: got };
}

/** What is wrong with a record's key, by its key schema's check (the key is the value checked). */
function keyProblem(inner: z.core.$ZodRawIssue | z.core.$ZodIssue, key: PropertyKey | undefined): SchemaKeyProblem {
  if (typeof inner.message === "string" && SCHEMA_CHECK_CODES.has(inner.message))
    return checkProblem(inner.message as SchemaCheckCode, key, undefined);
  return { code: "schema.invalid", params: {} };
}

function primitive(
  value: string | number | bigint | boolean | symbol | null | undefined,
): string | number | boolean | null {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value === null
    ? value
    : String(value);
}
