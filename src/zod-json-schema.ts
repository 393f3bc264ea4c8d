import * as z from "zod";

/** JSON Schema (2020-12) of a zod schema, as every `neck-triage schema` output is made. */
export function jsonSchemaOf(schema: z.core.$ZodType, io: "input" | "output" = "output"): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: "draft-2020-12", unrepresentable: "any", io });
}
