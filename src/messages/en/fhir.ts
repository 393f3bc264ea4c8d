import type { Wording } from "./answers.js";
import { expectedText, receivedText } from "./values.js";

const ENABLE_WHEN = "cannot be written as a FHIR R4 enableWhen";

export const fhir: Wording<"fhir"> = {
  "fhir.not-a-response": ({ received }) =>
    `expected a FHIR QuestionnaireResponse (a JSON object), got ${receivedText(received)}`,
  "fhir.wrong-resource-type": ({ received }) => `expected "QuestionnaireResponse", got ${receivedText(received)}`,
  "fhir.unfinished": ({ received }) =>
    `expected "completed" or "amended" (a finished response), got ${receivedText(received)}`,
  "fhir.questionnaire-not-text": ({ expected, received }) => `expected "${expected}", got ${receivedText(received)}`,
  "fhir.other-questionnaire": ({ named, expected, rulesetId, rulesetVersion, version, sameUrl }) => {
    const what = !sameUrl
      ? "answers another Questionnaire"
      : version === undefined
        ? "names no version of this ruleset's Questionnaire"
        : `answers version ${version} of this ruleset's Questionnaire`;
    return `${what}: it names "${named}", but ruleset ${rulesetId} ${rulesetVersion} scores only "${expected}"`;
  },
  "fhir.identifier-not-object": ({ received }) => `expected one Identifier (an object), got ${receivedText(received)}`,
  "fhir.invalid-id": ({ maxLength, received }) =>
    `expected a string of at most ${maxLength} characters, got ${receivedText(received)}`,
  "fhir.items-not-array": ({ received }) => `expected an array of items, got ${receivedText(received)}`,
  "fhir.item-not-object": ({ received }) => `expected an item (an object), got ${receivedText(received)}`,
  "fhir.link-id-not-text": ({ received }) => `expected the linkId of a question, got ${receivedText(received)}`,
  "fhir.unknown-item": ({ linkId, suggestion, linkIds }) =>
    suggestion !== undefined
      ? `unknown item "${linkId}"; did you mean "${suggestion}"?`
      : `unknown item "${linkId}"; the Questionnaire's items are ${linkIds.join(", ")}`,
  "fhir.answered-twice": ({ linkId, earlier }) => `"${linkId}" is answered more than once (also item[${earlier}])`,
  "fhir.answers-not-array": ({ received }) => `expected an array of answers, got ${receivedText(received)}`,
  "fhir.several-answers": ({ count }) => `expected one answer, got ${count}`,
  "fhir.nested-item": ({ question, valueKey }) => `unexpected nested item; "${question}" takes a single ${valueKey}`,
  "fhir.answer-not-object": ({ received }) => `expected an answer (an object), got ${receivedText(received)}`,
  "fhir.wrong-value-key": ({ valueKey, expected, valueKeys }) =>
    `expected ${valueKey} (${expectedText(expected)}), got ${valueKeys.length === 0 ? "no value" : valueKeys.join(", ")}`,
  "fhir.coding-not-object": ({ received }) => `expected a Coding (an object), got ${receivedText(received)}`,
  "fhir.wrong-system": ({ system, received }) => `expected "${system}", got ${receivedText(received)}`,
  "fhir.enable-when-nested": () => `${ENABLE_WHEN}: a nested all/any`,
  "fhir.enable-when-unknown-question": ({ question }) => `${ENABLE_WHEN}: unknown question "${question}"`,
  "fhir.enable-when-not-choice": ({ question }) => `${ENABLE_WHEN}: "${question}" is not a choice question`,
  "fhir.enable-when-unsure-in-and": () =>
    `${ENABLE_WHEN}: an unsure answer also enables this part, and enableWhen cannot nest an or inside an and`,
};
