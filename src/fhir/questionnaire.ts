import { assertRuleset, type Ruleset } from "../ruleset/compile.js";
import type { QuestionDefinition } from "../ruleset/schema.js";
import { ANSWER_CODE_SYSTEM, questionnaireUrl, RULESET_DIGEST_SYSTEM } from "./canonical.js";
import { enableWhenFor } from "./enable-when.js";
import type { Extension, Questionnaire, QuestionnaireItem } from "./r4-types.js";

const MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";
const MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";
const ITEM_CONTROL = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";
const ITEM_CONTROL_SYSTEM = "http://hl7.org/fhir/questionnaire-item-control";

/** The linkId of a question's help text; question ids have no dot, so it never clashes with one. */
export function helpLinkId(questionId: string): string {
  return `${questionId}.help`;
}

/**
 * The ruleset's questions as an R4 Questionnaire: one item per question, in order, linkId = question
 * id, and the ruleset's digest as an identifier. Pure; every text comes from the ruleset. Throws RulesetError when an askWhen cannot be written
 * as enableWhen (see enable-when.ts).
 */
export function toQuestionnaire(ruleset: Ruleset): Questionnaire {
  assertRuleset(ruleset, "toQuestionnaire");
  const { definition } = ruleset;
  return {
    resourceType: "Questionnaire",
    url: questionnaireUrl(ruleset),
    identifier: [{ system: RULESET_DIGEST_SYSTEM, value: ruleset.digest }],
    version: ruleset.version,
    name: questionnaireName(ruleset.id),
    title: definition.title,
    status: "active",
    description: definition.description,
    subjectType: ["Patient"],
    item: ruleset.questions.map((question, index) => questionItem(ruleset, question, index)),
  };
}

function questionItem(ruleset: Ruleset, question: QuestionDefinition, index: number): QuestionnaireItem {
  const item: QuestionnaireItem = {
    linkId: question.id,
    text: questionText(question),
    type: question.type,
    ...enableWhenFor(ruleset, question, index),
    // R4: `required` counts only while enableWhen holds, which is when the interview asks too.
    required: true,
  };
  if (question.type === "choice") {
    item.answerOption = question.choices.map((choice) => ({
      valueCoding: { system: ANSWER_CODE_SYSTEM, code: choice.value, display: choice.label },
    }));
  } else {
    item.extension = [bound(MIN_VALUE, question.min), bound(MAX_VALUE, question.max)];
  }
  if (question.help !== undefined) {
    item.item = [
      {
        linkId: helpLinkId(question.id),
        text: question.help,
        type: "display",
        extension: [
          { url: ITEM_CONTROL, valueCodeableConcept: { coding: [{ system: ITEM_CONTROL_SYSTEM, code: "help" }] } },
        ],
      },
    ];
  }
  return item;
}

/** The prompt, and for a question about a list of signs the list itself, one per line: the form must show it. */
function questionText(question: QuestionDefinition): string {
  if (question.type !== "choice" || question.items === undefined) return question.prompt;
  return [question.prompt, ...question.items.map((entry) => `- ${entry.text}`)].join("\n");
}

function bound(url: string, value: number): Extension {
  return { url, valueInteger: value };
}

/** A computable name (R4 que-0: `[A-Z]([A-Za-z0-9_]){0,254}`) from a ruleset id like `default`. */
function questionnaireName(rulesetId: string): string {
  const words = ["neck", "triage", ...rulesetId.split("-")];
  return words
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("")
    .slice(0, 255);
}
