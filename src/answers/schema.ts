import * as z from "zod";
// The object from zod/mini, which never probes for `new Function` (see ruleset/schema.ts): building
// this schema must raise no CSP violation in a page without 'unsafe-eval'.
import { strictObject, type ZodMiniType } from "zod/mini";
import { assertRuleset, type Ruleset } from "../ruleset/compile.js";
import type { QuestionDefinition } from "../ruleset/schema.js";

import { ID_MAX_LENGTH, type RecordId } from "./describe.js";

export { allowedValues, ID_MAX_LENGTH, type RecordId } from "./describe.js";

/** As `isRecordId`: z.int() takes only integers within ±(2^53 − 1), and says so in JSON Schema. */
export const RecordIdSchema = z.union([z.string().max(ID_MAX_LENGTH), z.int()]);

/** Validated answers: one value per question of the ruleset (a follow-up may be left out), plus the optional id. */
export type Answers = Readonly<Record<string, string | number>> & { readonly id?: RecordId };

/** A zod schema with `parse` and `safeParse` (zod/mini's type: see above); `z.toJSONSchema` takes it. */
export type AnswersZodSchema<T = Answers> = ZodMiniType<T>;

const schemas = new WeakMap<Ruleset, AnswersZodSchema>();

/**
 * The zod schema of the answers a ruleset takes: every question required but follow-ups (questions
 * with askWhen), nothing else allowed. Whether a left-out follow-up was needed is checked after it
 * (validate.ts), and said in the JSON Schema by if/then (json-schema.ts).
 */
export function answersSchemaFor(ruleset: Ruleset): AnswersZodSchema {
  let schema = schemas.get(ruleset);
  if (!schema) {
    assertRuleset(ruleset, "answersSchemaFor");
    const shape: Record<string, z.ZodType> = {};
    for (const question of ruleset.questions) {
      const schema = questionSchema(question).meta({ title: question.label, description: question.prompt });
      shape[question.id] = question.askWhen === undefined ? schema : schema.optional();
    }
    shape.id = RecordIdSchema.optional().meta({ description: "echoed unchanged in the result, to match records" });
    schema = strictObject(shape).check(
      z.meta({ title: `neck-triage answers (ruleset ${ruleset.id} ${ruleset.version})` }),
    ) as unknown as AnswersZodSchema;
    schemas.set(ruleset, schema);
  }
  return schema;
}

function questionSchema(question: QuestionDefinition): z.ZodType {
  if (question.type === "choice") {
    const [first, ...rest] = question.choices.map((choice) => choice.value);
    return z.enum([first as string, ...rest]);
  }
  return z.int().min(question.min).max(question.max);
}
