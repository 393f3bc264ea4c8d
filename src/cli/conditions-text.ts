import type { Ruleset } from "../ruleset/load.js";
import { resolveLeaf } from "../ruleset/operators.js";
import type { ConditionDefinition } from "../ruleset/schema.js";

/** A rule's condition in words, e.g. `fever is "yes" and (limbWeakness is "yes" or coordinationLoss is "yes")`. */
export function describeCondition(condition: ConditionDefinition, nested = false): string {
  return describe(condition, nested, (_field, values) => values);
}

/**
 * A follow-up's condition as the answers that switch it on (above 0, so the unknown choice too),
 * e.g. `injury is "yes" or "unsure"`.
 */
export function describeAskWhen(ruleset: Ruleset, condition: ConditionDefinition): string {
  return describe(condition, false, (field, values) => {
    const question = ruleset.questionsById.get(field);
    const unknown = question?.type === "choice" ? question.choices.filter((c) => c.unknown).map((c) => c.value) : [];
    return [...new Set([...values, ...unknown])];
  });
}

function describe(
  condition: ConditionDefinition,
  nested: boolean,
  enabling: (field: string, values: string[]) => string[],
): string {
  if ("all" in condition || "any" in condition) {
    const [parts, joiner] = "all" in condition ? [condition.all, " and "] : [condition.any, " or "];
    const text = parts.map((part) => describe(part, true, enabling)).join(joiner);
    return nested && parts.length > 1 ? `(${text})` : text;
  }
  const leaf = resolveLeaf(condition);
  if ("named" in leaf) {
    const values = enabling(condition.answer, [...leaf.named]);
    return `${condition.answer} is ${values.map((value) => JSON.stringify(value)).join(" or ")}`;
  }
  return `${condition.answer} ${leaf.operator.symbol} ${leaf.bound}`;
}
