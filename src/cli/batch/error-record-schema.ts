import * as z from "zod";
import { RecordIdSchema } from "../../answers/schema.js";
import type { ErrorRecord } from "./records.js";

/**
 * A batch error record (docs/contract.md, "Batch") as a zod schema, for `neck-triage schema error`.
 * `satisfies` keeps it in step with the records batch writes; open for more fields, as results are.
 */
export const ErrorRecordSchema = z
  .looseObject({
    line: z.int().min(1).meta({ description: "the input line, counting from 1" }),
    id: RecordIdSchema.exactOptional().meta({ description: "the line's id, when it could be read and is a valid id" }),
    error: z.looseObject({
      message: z.string(),
      issues: z.array(
        z.looseObject({
          path: z.string(),
          code: z
            .string()
            .meta({ description: "what is wrong, for a program: e.g. answers.invalid-value (docs/issue-codes.md)" }),
          message: z.string(),
        }),
      ),
    }),
  })
  .meta({
    title: "neck-triage batch error record",
    description: "What batch writes for a line it cannot evaluate, in that line's place; more fields may be added.",
  }) satisfies z.ZodType<ErrorRecord>;
