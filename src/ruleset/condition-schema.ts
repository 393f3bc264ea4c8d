import * as z from "zod";
// zod/mini's objects never probe for `new Function` (see schema.ts).
import { strictObject } from "zod/mini";
import { LEAF_KEYS } from "./operators.js";
import { questionId, string } from "./schema-strings.js";

/**
 * A condition over the answers. Exactly one form per object:
 * `{answer, equals}` (a choice: 1 for it, ½ for the "not sure" choice), `{answer, in}` (1 for any of
 * these choices, which may include "not sure"; ½ for "not sure" otherwise), `{answer, atLeast}` /
 * `{answer, below}` (an integer),
 * `{all: [...]}` (and: the lowest value), `{any: [...]}` (or: the highest value).
 */
export type ConditionDefinition =
  | { answer: string; equals: string }
  | { answer: string; in: string[] }
  | { answer: string; atLeast: number }
  | { answer: string; below: number }
  | { all: ConditionDefinition[] }
  | { any: ConditionDefinition[] };

/** The forms a condition may take: one per leaf operator (operators.ts), and the two groups. */
const CONDITION_FORMS: readonly (readonly string[])[] = [...LEAF_KEYS.map((key) => ["answer", key]), ["all"], ["any"]];

export const ConditionSchema: z.core.$ZodType<ConditionDefinition> = strictObject({
  answer: questionId.optional(),
  equals: string().optional(),
  in: z.array(string()).min(1).optional(),
  atLeast: z.int().optional(),
  below: z.int().optional(),
  // Lazy, not getters: zod/mini reads the shape when `.check` below copies the object, before
  // ConditionSchema has a value.
  all: z
    .array(z.lazy(() => ConditionSchema))
    .min(1)
    .optional(),
  any: z
    .array(z.lazy(() => ConditionSchema))
    .min(1)
    .optional(),
}).check(
  z.superRefine((condition, ctx) => {
    const present = Object.keys(condition).filter((key) => (condition as Record<string, unknown>)[key] !== undefined);
    const matches = CONDITION_FORMS.some(
      (form) => form.length === present.length && form.every((key) => present.includes(key)),
    );
    if (!matches) {
      ctx.addIssue({
        code: "custom",
        // The words are the messages module's; the issue's code and keys are what the loader reads.
        message: "schema.condition-form",
        params: { code: "schema.condition-form", keys: present },
      });
    }
  }),
) as unknown as z.core.$ZodType<ConditionDefinition>;
