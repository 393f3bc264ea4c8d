import * as z from "zod";
import { RecordIdSchema } from "../answers/schema.js";
import { RULE_URGENCIES, URGENCIES } from "../ruleset/urgency.js";
import type { TriageResult } from "./result.js";

/**
 * The result of docs/contract.md as a zod schema, for `neck-triage schema result` (JSON Schema) and for
 * tests. `satisfies` keeps it in step with the TriageResult type the engine returns. Every object is
 * open (looseObject: no `additionalProperties: false`), as the contract says more fields may be added.
 */
export const ResultSchema = z
  .looseObject({
    id: RecordIdSchema.exactOptional(),
    verdict: z.enum(["see-a-professional", "self-care-likely-fine"]),
    urgency: z.enum(URGENCIES),
    reasons: z.array(
      z.looseObject({
        ruleId: z.string(),
        summary: z.string(),
        urgency: z.enum(RULE_URGENCIES),
        certainty: z.enum(["confirmed", "possible"]),
        answers: z.record(z.string(), z.union([z.string(), z.number()])),
        sources: z.array(z.looseObject({ title: z.string(), url: z.string() })).min(1),
      }),
    ),
    advice: z.string(),
    watchFor: z.array(z.string()),
    disclaimer: z.string(),
    ruleset: z.looseObject({
      id: z.string(),
      version: z.string(),
      digest: z
        .string()
        .regex(/^sha256:[0-9a-f]{64}$/)
        .meta({
          description:
            "SHA-256 of the ruleset document in RFC 8785 canonical form (without $schema): which rules scored this",
        }),
    }),
    unanswered: z.array(z.string()).exactOptional(),
  })
  .meta({
    title: "neck-triage result",
    description: "The result of one triage (docs/contract.md); more fields may be added.",
  }) satisfies z.ZodType<TriageResult>;
