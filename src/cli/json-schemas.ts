import * as z from "zod";
import { answersJsonSchema } from "../answers/json-schema.js";
import { ResultSchema } from "../engine/result-schema.js";
import type { Ruleset } from "../ruleset/load.js";
import { RulesetDefinitionSchema, RulesetExtensionSchema } from "../ruleset/schema.js";
import { jsonSchemaOf } from "../zod-json-schema.js";
import { ErrorRecordSchema } from "./batch/error-record-schema.js";

/** What `neck-triage schema WHICH` describes, each made from the zod schema that checks it, so that neither can drift. */
export const SCHEMA_KINDS = ["answers", "result", "error", "ruleset"] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

/** A ruleset file as the loader takes it: a whole ruleset, or one that `extends` a built-in (told apart by that key). */
const RULESET_FILE_SCHEMA = z.union([RulesetDefinitionSchema, RulesetExtensionSchema]).meta({
  title: "neck-triage ruleset file",
  description:
    "A whole ruleset, or one that extends a built-in, as `--ruleset FILE` takes it; the loader also checks references (rules/README.md).",
});

/** The base of every schema's `$id`: `.example` is reserved (RFC 2606), as for the FHIR canonical URLs. */
const SCHEMA_BASE = "https://neck-triage.example/schema";

/** JSON Schema (2020-12) of `which`, with its `$id`; the answers' follow the ruleset's questions. */
export function jsonSchemaFor(which: SchemaKind, ruleset: Ruleset): Record<string, unknown> {
  const { $schema, ...rest } = schemaOf(which, ruleset);
  return { $schema, $id: idOf(which, ruleset), ...rest };
}

function schemaOf(which: SchemaKind, ruleset: Ruleset): Record<string, unknown> {
  if (which === "answers") return answersJsonSchema(ruleset);
  if (which === "result") return jsonSchemaOf(ResultSchema);
  if (which === "error") return jsonSchemaOf(ErrorRecordSchema);
  // What a person writes (before `trim`): a whole ruleset, or one that extends a built-in.
  return jsonSchemaOf(RULESET_FILE_SCHEMA, "input");
}

function idOf(which: SchemaKind, ruleset: Ruleset): string {
  return which === "answers"
    ? `${SCHEMA_BASE}/answers/${ruleset.id}/${ruleset.version}.json`
    : `${SCHEMA_BASE}/${which}.json`;
}
