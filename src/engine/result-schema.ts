import * as z from "zod";
import { RULE_URGENCIES, URGENCIES } from "../ruleset/urgency.js";
import type { TriageResult } from "./result.js";

/**
 * The result of docs/contract.md as a zod schema, for `neck-triage schema result` (JSON Schema) and for
 * tests. `satisfies` keeps it in step with the TriageResult type the engine returns.
 */
export const ResultSchema = z
  .object({
    id: z.union([z.string().max(200), z.number()]).optional(),
    verdict: z.enum(["see-a-professional", "self-care-likely-fine"]),
    urgency: z.enum(URGENCIES),
    reasons: z.array(
      z.object({
        ruleId: z.string(),
        summary: z.string(),
        urgency: z.enum(RULE_URGENCIES),
        certainty: z.enum(["confirmed", "possible"]),
        answers: z.record(z.string(), z.union([z.string(), z.number()])),
        sources: z.array(z.object({ title: z.string(), url: z.string() })).min(1),
      }),
    ),
    advice: z.string(),
    watchFor: z.array(z.string()),
    disclaimer: z.string(),
    ruleset: z.object({ id: z.string(), version: z.string() }),
    unanswered: z.array(z.string()).optional(),
  })
  .meta({ title: "neck-triage result", description: "The result of one triage (docs/contract.md); more fields may be added." }) satisfies z.ZodType<TriageResult>;

/** JSON Schema (2020-12) of a ruleset's answers or of a result. */
export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: "draft-2020-12", unrepresentable: "any" }) as Record<string, unknown>;
}
