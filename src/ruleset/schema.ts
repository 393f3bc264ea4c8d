import * as z from "zod";
// Objects from zod/mini: a classic zod object asks, when it is built, whether `new Function` works
// (to compile a faster parser), and that probe is a CSP violation in a page without 'unsafe-eval'.
// zod/mini's objects never compile, and every other schema below is one that never probes.
import { strictObject } from "zod/mini";

import { ConditionSchema } from "./condition-schema.js";
import { schemaCheck } from "./schema-checks.js";
import { questionId, ruleId, string, text } from "./schema-strings.js";
import { RULE_URGENCIES } from "./urgency.js";

export { RULE_URGENCIES, URGENCIES, type RuleUrgency, type Urgency } from "./urgency.js";

export { ConditionSchema, type ConditionDefinition } from "./condition-schema.js";
export { MAX_STRING_LENGTH } from "./schema-checks.js";

const choiceSchema = strictObject({
  value: string().regex(/^[a-z]+(-[a-z]+)*$/, schemaCheck("schema.kebab-case")),
  label: text,
  unknown: z.literal(true).optional(),
});

const questionBase = {
  id: questionId,
  label: text,
  prompt: text,
  help: text.optional(),
  background: z.boolean().optional(),
  /** About what has already happened (an injury): it cannot newly appear, so it is never listed to watch for. */
  past: z.boolean().optional(),
  /**
   * A follow-up: asked only while this holds (value above 0). While it does not, the answer may be left
   * out, and any answer given counts as not given in every rule.
   */
  askWhen: z.optional(ConditionSchema),
};

const choiceQuestionSchema = strictObject({
  ...questionBase,
  type: z.literal("choice"),
  choices: z.array(choiceSchema).min(2),
  warningAnswer: string(),
  items: z
    .array(strictObject({ id: questionId, text }))
    .min(1)
    .optional(),
  /** When the answer is this value, the interview asks each item on its own. */
  askItemsWhen: string().optional(),
  itemPrompt: text.optional(),
  /** The choices for one item, asked on its own; values are the question's own. */
  itemChoices: z.array(choiceSchema).min(2).optional(),
});

const integerQuestionSchema = strictObject({
  ...questionBase,
  type: z.literal("integer"),
  min: z.int(),
  max: z.int(),
  unit: text,
});

const questionSchema = z.discriminatedUnion("type", [choiceQuestionSchema, integerQuestionSchema]);

const ruleSchema = strictObject({
  id: ruleId,
  urgency: z.enum(RULE_URGENCIES),
  when: ConditionSchema,
  summary: text,
  /** For an emergency rule: what to call the emergency number for, if the rule was dropped to urgent. */
  callIf: text.optional(),
  /** Added to the emergency advice when this rule fired and the result is an emergency. */
  emergencyNote: text.optional(),
  /** The rule's own advice, added to the advice when the result's urgency is this rule's urgency in the result. */
  advice: text.optional(),
  /**
   * Wording that fits the answers: the first entry whose condition is fully met (not through "not
   * sure") gives the reason's summary (and callIf, if it has one); otherwise `summary` (and `callIf`).
   * It never changes whether the rule fires.
   */
  summaryBy: z
    .array(strictObject({ when: ConditionSchema, summary: text, callIf: text.optional() }))
    .min(1)
    .optional(),
  /** A few words for what the rule points at, used where reasons possible only through "not sure" are grouped in one line. */
  couldNotRuleOut: text.optional(),
  sources: z.array(string()).min(1, schemaCheck("schema.no-source")),
});

// Checked as a string first: zod's URL check trims the value and drops tabs and line breaks from it,
// so a control character there would otherwise be removed silently, not refused. JSON Schema's "uri"
// format takes any scheme; the pattern says http or https, as the protocol check does
// (case-insensitively), so that `schema ruleset` refuses in an editor what the loader refuses.
const sourceSchema = strictObject({
  title: text,
  url: string()
    .pipe(z.url({ protocol: /^https?$/ }))
    .meta({ pattern: "^[Hh][Tt][Tt][Pp][Ss]?://" }),
});

/** A sign to watch for; `about`: the questions it asks about, so that it is not listed to someone who has just reported it. */
const watchForLineSchema = z.union([text, strictObject({ text, about: z.array(questionId).min(1) })]);

const urgencyAdviceSchema = strictObject({ label: text, meaning: text, advice: text });

const policySchema = strictObject({
  possibleDropsLevels: z
    .int()
    .min(0)
    .max(RULE_URGENCIES.length - 1),
  floor: z.enum(RULE_URGENCIES),
  anchor: strictObject({
    urgency: z.enum(RULE_URGENCIES),
    minParts: z.int().min(2),
    maxUnsureParts: z.int().min(1),
    minConfirmedParts: z.int().min(1),
    backgroundNeverAnchors: z.boolean(),
  }),
});

const adviceSchema = strictObject({
  emergencyNumber: text,
  urgency: strictObject({
    emergency: urgencyAdviceSchema,
    urgent: urgencyAdviceSchema,
    soon: urgencyAdviceSchema,
    none: strictObject({ label: text, meaning: text }),
  }),
  droppedEmergency: text,
  /** The heading above the signs to watch for, by the result's urgency (under urgent: when to call the emergency number instead). */
  watchForHeading: z.optional(strictObject({ none: text, soon: text, urgent: text })),
  /**
   * One line for many reasons possible only through "not sure": {unsure} the questions, {list} what
   * could not be ruled out at the highest of their urgencies, then `more` ({count}) for the others.
   */
  possibleGroup: z.optional(strictObject({ line: text, more: text })),
  selfCare: strictObject({
    advice: text,
    /** The integer question (days since the pain started) the check-back point is counted from. */
    checkBackQuestion: questionId,
    checkBackDay: z.int().min(1),
    checkBackBefore: strictObject({ one: text, other: text }),
    checkBackAfter: text,
    /** The check-back point as a date, when the caller gives today's date: {date}, {day}. */
    checkBackBy: text.optional(),
    watchFor: z.array(watchForLineSchema).min(1),
  }),
});

export const RulesetDefinitionSchema = strictObject({
  $schema: string().optional(),
  id: string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, schemaCheck("schema.kebab-case")),
  version: string().regex(/^\d+\.\d+\.\d+$/, schemaCheck("schema.version")),
  title: text,
  description: text,
  intro: text,
  disclaimer: text,
  sources: z.record(string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, schemaCheck("schema.kebab-case")), sourceSchema),
  questions: z.array(questionSchema).min(1),
  rules: z.array(ruleSchema).min(1),
  unsurePolicy: policySchema,
  advice: adviceSchema,
}).check(
  z.meta({
    title: "neck-triage ruleset",
    description:
      "A ruleset document, as `--ruleset FILE` takes it; the loader also checks references (rules/README.md).",
  }),
);

export type RulesetDefinition = z.infer<typeof RulesetDefinitionSchema>;

/** The built-in rulesets another ruleset may build on (`"extends"`). */
export const EXTENDABLE_RULESETS = ["default"] as const;

/**
 * A ruleset that builds on a built-in one: the base's questions, rules, sources and advice, plus
 * these. An added question or rule goes straight after the one named by `after` (at the end without
 * it). What the base says is never repeated, so the extension follows the base's changes.
 */
export const RulesetExtensionSchema = strictObject({
  $schema: string().optional(),
  extends: z.enum(EXTENDABLE_RULESETS),
  id: RulesetDefinitionSchema.shape.id,
  version: RulesetDefinitionSchema.shape.version,
  title: text.optional(),
  description: text.optional(),
  intro: text.optional(),
  disclaimer: text.optional(),
  addSources: RulesetDefinitionSchema.shape.sources.optional(),
  addQuestions: z.array(strictObject({ after: questionId.optional(), question: questionSchema })).optional(),
  addRules: z.array(strictObject({ after: ruleId.optional(), rule: ruleSchema })).optional(),
  addWatchFor: z.array(watchForLineSchema).optional(),
});

export type RulesetExtension = z.infer<typeof RulesetExtensionSchema>;
export type QuestionDefinition = RulesetDefinition["questions"][number];
export type ChoiceQuestionDefinition = Extract<QuestionDefinition, { type: "choice" }>;
export type IntegerQuestionDefinition = Extract<QuestionDefinition, { type: "integer" }>;
export type RuleDefinition = RulesetDefinition["rules"][number];
export type SourceDefinition = z.infer<typeof sourceSchema>;
