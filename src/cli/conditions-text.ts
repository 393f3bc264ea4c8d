import type { ConditionDefinition } from "../ruleset/schema.js";

/** A rule's condition in words, e.g. `fever is "yes" and (limbWeakness is "yes" or coordinationLoss is "yes")`. */
export function describeCondition(condition: ConditionDefinition, nested = false): string {
  if ("all" in condition || "any" in condition) {
    const [parts, joiner] = "all" in condition ? [condition.all, " and "] : [condition.any, " or "];
    const text = parts.map((part) => describeCondition(part, true)).join(joiner);
    return nested && parts.length > 1 ? `(${text})` : text;
  }
  if ("equals" in condition) return `${condition.answer} is ${JSON.stringify(condition.equals)}`;
  if ("atLeast" in condition) return `${condition.answer} ≥ ${condition.atLeast}`;
  return `${condition.answer} < ${condition.below}`;
}
