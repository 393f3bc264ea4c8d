import * as z from "zod";
import type { Ruleset } from "../ruleset/load.js";
import type { QuestionDefinition } from "../ruleset/schema.js";

/** The optional record id echoed in the result, for matching records in batch. */
export const ID_MAX_LENGTH = 200;
export const RecordIdSchema = z.union([
  z.string().max(ID_MAX_LENGTH),
  z.number().refine((n) => Number.isFinite(n) && String(n).length <= ID_MAX_LENGTH),
]);
export type RecordId = z.infer<typeof RecordIdSchema>;

/** Validated answers: one value per question of the ruleset, plus the optional id. */
export type Answers = Readonly<Record<string, string | number>> & { readonly id?: RecordId };

const schemas = new WeakMap<Ruleset, z.ZodType<Answers>>();

/** The zod schema of the answers a ruleset takes: every question required, nothing else allowed. */
export function answersSchemaFor(ruleset: Ruleset): z.ZodType<Answers> {
  let schema = schemas.get(ruleset);
  if (!schema) {
    const shape: Record<string, z.ZodType> = {};
    for (const question of ruleset.questions) shape[question.id] = questionSchema(question);
    shape.id = RecordIdSchema.optional();
    schema = z.strictObject(shape) as unknown as z.ZodType<Answers>;
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

/** What a question accepts, in the words error messages use: `"yes" | "no" | "unsure"`. */
export function allowedValues(question: QuestionDefinition): string {
  return question.type === "choice"
    ? question.choices.map((choice) => JSON.stringify(choice.value)).join(" | ")
    : `an integer ${question.min}–${question.max}`;
}
