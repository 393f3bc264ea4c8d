import { describe, expect, it } from "vitest";
import { defaultRuleset } from "../../src/index.js";
import { LEAF_KEYS, LEAF_OPERATORS, resolveLeaf } from "../../src/ruleset/operators.js";
import { ConditionSchema } from "../../src/ruleset/schema.js";

/*
 * The leaf operators' table (src/ruleset/operators.ts) is the one list of them: the condition schema
 * takes exactly its keys, and each operator applies to the question type it says.
 */

describe("the leaf operators' table", () => {
  it("names exactly the leaf keys the condition schema takes", () => {
    const shape = (ConditionSchema as unknown as { _zod: { def: { shape: Record<string, unknown> } } })._zod.def.shape;
    const leafKeys = Object.keys(shape).filter((key) => !["answer", "all", "any"].includes(key));
    expect([...LEAF_KEYS].sort()).toEqual(leafKeys.sort());
  });

  it("says which question type each operator applies to, as the built-in rulesets use them", () => {
    expect(LEAF_OPERATORS.equals.questionType).toBe("choice");
    expect(LEAF_OPERATORS.in.questionType).toBe("choice");
    expect(LEAF_OPERATORS.atLeast.questionType).toBe("integer");
    expect(LEAF_OPERATORS.below.questionType).toBe("integer");
    const leaves = (condition: unknown): { answer: string }[] => {
      const c = condition as Record<string, unknown>;
      if (Array.isArray(c.all)) return c.all.flatMap(leaves);
      if (Array.isArray(c.any)) return c.any.flatMap(leaves);
      return [c as { answer: string }];
    };
    for (const rule of defaultRuleset.definition.rules) {
      for (const leaf of leaves(rule.when)) {
        const resolved = resolveLeaf(leaf as Parameters<typeof resolveLeaf>[0]);
        expect(resolved.operator.questionType, `${rule.id}: ${JSON.stringify(leaf)}`).toBe(
          defaultRuleset.questionsById.get(leaf.answer)?.type,
        );
      }
    }
  });

  it("reads what each condition names: the choices, or the bound", () => {
    expect(resolveLeaf({ answer: "fever", equals: "yes" })).toMatchObject({ named: ["yes"] });
    expect(resolveLeaf({ answer: "otcResponse", in: ["did-not-help", "unsure"] })).toMatchObject({
      named: ["did-not-help", "unsure"],
    });
    expect(resolveLeaf({ answer: "age", atLeast: 50 })).toMatchObject({ bound: 50 });
    expect(resolveLeaf({ answer: "age", below: 20 })).toMatchObject({ bound: 20 });
  });
});
