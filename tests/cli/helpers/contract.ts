import { expect } from "vitest";
import type { z } from "zod";
import { ResultSchema } from "../../../src/engine/result-schema.js";
import { expectedDigest } from "../../helpers/digest.js";
import { questionIds, ruleFields, rulesFile } from "./ruleset-file.js";

const RULE_URGENCIES = ["emergency", "urgent", "soon"] as const;

export type ContractResult = z.infer<typeof ResultSchema>;

/** What the contract says beyond the shape: no empty wording, and every source a URL. */
function expectFilledIn(result: ContractResult): void {
  for (const text of [result.advice, result.disclaimer, ...result.watchFor]) expect(text).not.toBe("");
  for (const reason of result.reasons) {
    expect(reason.summary, reason.ruleId).not.toBe("");
    for (const source of reason.sources) {
      expect(source.title, reason.ruleId).not.toBe("");
      expect(() => new URL(source.url), source.url).not.toThrow();
    }
  }
}

/** Parses a result and checks every rule docs/contract.md states about it; returns it typed. */
export function expectContractResult(value: unknown): ContractResult {
  // The shape: the library's own result schema (src/engine/result-schema.ts), defined once.
  const result = ResultSchema.parse(value);
  expectFilledIn(result);
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
