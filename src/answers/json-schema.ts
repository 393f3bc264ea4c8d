import type { Ruleset } from "../ruleset/load.js";
import { resolveLeaf } from "../ruleset/operators.js";
import type { ConditionDefinition } from "../ruleset/schema.js";
import { jsonSchemaOf } from "../zod-json-schema.js";
import { answersSchemaFor } from "./schema.js";

type JsonSchema = Record<string, unknown>;

/**
 * JSON Schema (2020-12) of a ruleset's answers: the zod schema's, plus, for each follow-up, an
 * `if`/`then` that requires it exactly when the tool does, so that a schema validator agrees with
 * the tool on every answers object.
 */
export function answersJsonSchema(ruleset: Ruleset): JsonSchema {
  const schema = jsonSchemaOf(answersSchemaFor(ruleset));
  const followUps = new Map(ruleset.followUps.map((followUp) => [followUp.question.id, followUp.question.askWhen!]));
  if (followUps.size === 0) return schema;

  /** Matches when the condition is above 0 for the answers given, as the engine reads them. */
  const holds = (condition: ConditionDefinition): JsonSchema => {
    if ("all" in condition) return { allOf: condition.all.map(holds) };
    if ("any" in condition) return { anyOf: condition.any.map(holds) };
    const field = condition.answer;
    const question = ruleset.questionsById.get(field);
    const unknown = question?.type === "choice" ? question.choices.filter((c) => c.unknown).map((c) => c.value) : [];
    const operator = resolveLeaf(condition);
    const value: JsonSchema =
      "named" in operator
        ? { enum: [...new Set([...operator.named, ...unknown])] }
        : operator.operator.jsonSchema(operator.bound);
    const leaf: JsonSchema = { properties: { [field]: value }, required: [field] };
    // A follow-up read by a condition counts only while its own condition holds.
    const guard = followUps.get(field);
    return guard === undefined ? leaf : { allOf: [leaf, holds(guard)] };
  };

  const allOf = [...followUps].map(([field, askWhen]) => ({ if: holds(askWhen), then: { required: [field] } }));
  return { ...schema, allOf };
}
