import { expect } from "vitest";
import { z } from "zod";
import { expectedDigest } from "../../helpers/digest.js";
import { questionIds, ruleFields, rulesFile } from "./ruleset-file.js";

const RULE_URGENCIES = ["emergency", "urgent", "soon"] as const;

/** The result shape of docs/contract.md; not strict, since more fields may be added. */
const ResultSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).optional(),
  verdict: z.enum(["see-a-professional", "self-care-likely-fine"]),
  urgency: z.enum([...RULE_URGENCIES, "none"]),
  reasons: z.array(
    z.object({
      ruleId: z.string(),
      summary: z.string().min(1),
      urgency: z.enum(RULE_URGENCIES),
      certainty: z.enum(["confirmed", "possible"]),
      answers: z.record(z.string(), z.union([z.string(), z.number()])),
      sources: z.array(z.object({ title: z.string().min(1), url: z.url() })).min(1),
    }),
  ),
  advice: z.string().min(1),
  disclaimer: z.string().min(1),
  ruleset: z.object({ id: z.string(), version: z.string(), digest: z.string().regex(/^sha256:[0-9a-f]{64}$/) }),
  unanswered: z.array(z.string()).optional(),
});

export type ContractResult = z.infer<typeof ResultSchema>;

/** Parses a result and checks every rule docs/contract.md states about it; returns it typed. */
export function expectContractResult(value: unknown): ContractResult {
  const result = ResultSchema.parse(value);
  expect(result.verdict === "see-a-professional").toBe(result.reasons.length > 0);
  expect(result.urgency === "none").toBe(result.verdict === "self-care-likely-fine");
  if (result.reasons[0]) expect(result.urgency).toBe(result.reasons[0].urgency);
  expect(result.ruleset).toEqual({ id: rulesFile.id, version: rulesFile.version, digest: expectedDigest(rulesFile) });

  const ruleOrder = rulesFile.rules.map((r) => r.id);
  const sortKeys = result.reasons.map((r) => [RULE_URGENCIES.indexOf(r.urgency), ruleOrder.indexOf(r.ruleId)] as const);
  for (const reason of result.reasons)
    expect(ruleOrder, "every reason is a rule of the ruleset").toContain(reason.ruleId);
  const sorted = [...sortKeys].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  expect(sortKeys, "reasons sorted by urgency, then rule order").toEqual(sorted);

  for (const reason of result.reasons) {
    const read = [...ruleFields(reason.ruleId)];
    const answered = Object.keys(reason.answers);
    if (result.unanswered === undefined) {
      expect(answered.sort(), `${reason.ruleId}: answers hold every field the rule reads`).toEqual(read.sort());
    } else {
      expect(read, `${reason.ruleId}: answers hold only fields the rule reads`).toEqual(
        expect.arrayContaining(answered),
      );
      for (const field of answered) expect(result.unanswered).not.toContain(field);
    }
  }
  if (result.unanswered !== undefined) {
    const inQuestionOrder = questionIds.filter((id) => result.unanswered?.includes(id));
    expect(result.unanswered, "unanswered in question order").toEqual(inQuestionOrder);
  }
  return result;
}
