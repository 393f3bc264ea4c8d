import { describe, expect, it } from "vitest";
import { defaultRuleset, RulesetError, toQuestionnaire, type Questionnaire, type Ruleset } from "../../src/index.js";
import { BUILTIN_RULESET_DOCUMENTS, getBuiltinRuleset } from "../../src/ruleset/builtin.js";
import { ANSWER_CODE_SYSTEM, FHIR_CANONICAL_BASE } from "../../src/fhir/canonical.js";
import { issuesThrownBy } from "../helpers/answers.js";
import { requiredBindingViolations, validateR4, valueSetCodes } from "./r4.js";
import { conditionalQuestion, variantOfDefault, withAskWhen } from "./rulesets.js";

const questionnaire = toQuestionnaire(defaultRuleset);
const MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";
const MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";

function itemsOf(resource: Questionnaire): Questionnaire["item"] {
  return resource.item.flatMap((item) => [item, ...(item.item ?? [])]);
}

const BUILTIN = Object.keys(BUILTIN_RULESET_DOCUMENTS).map((name) => ({
  name,
  ruleset: getBuiltinRuleset(name) as Ruleset,
}));

describe("toQuestionnaire: the validator and the binding check can fail", () => {
  it("the validator rejects an unknown element and a wrongly typed value", () => {
    expect(() => validateR4({ ...questionnaire, items: [] })).toThrow(/items/);
    const broken = structuredClone(questionnaire);
    (broken.item[1] as { required: unknown }).required = "yes";
    expect(() => validateR4(broken)).toThrow();
  });

  it("the binding check catches a status and an item type outside R4", () => {
    const broken = structuredClone(questionnaire);
    (broken as { status: string }).status = "published";
    (broken.item[0] as { type: string }).type = "single-choice";
    expect(requiredBindingViolations(broken).map((v) => v.path)).toEqual([
      "Questionnaire.status",
      "Questionnaire.item[0].type",
    ]);
  });
});

describe.each(BUILTIN)("toQuestionnaire($name)", ({ ruleset }) => {
  const resource = toQuestionnaire(ruleset);

  it("validates with @medplum/core against the R4 definitions", () => {
    expect(() => validateR4(resource)).not.toThrow();
  });

  it("has every code of a required binding in its R4 value set (status, item type, enableWhen operator and behavior)", () => {
    expect(requiredBindingViolations(resource)).toEqual([]);
    expect(valueSetCodes("http://hl7.org/fhir/ValueSet/publication-status").has(resource.status)).toBe(true);
    const itemTypes = valueSetCodes("http://hl7.org/fhir/ValueSet/item-type");
    for (const item of itemsOf(resource)) expect(itemTypes.has(item.type), item.linkId).toBe(true);
  });

  it("meets what the validator leaves out: unique linkIds (que-2), enableBehavior with several enableWhen (que-12), enableWhen on an earlier item", () => {
    const linkIds = itemsOf(resource).map((item) => item.linkId);
    expect(new Set(linkIds).size).toBe(linkIds.length);
    resource.item.forEach((item, index) => {
      const conditions = item.enableWhen ?? [];
      if (conditions.length > 1) expect(item.enableBehavior, item.linkId).toBeDefined();
      const earlier = resource.item.slice(0, index).map((q) => q.linkId);
      for (const condition of conditions) expect(earlier, item.linkId).toContain(condition.question);
    });
  });

  it("is plain JSON (nothing undefined, nothing lost in a round trip) and the same every time", () => {
    expect(JSON.parse(JSON.stringify(resource))).toStrictEqual(resource);
    expect(toQuestionnaire(ruleset)).toStrictEqual(resource);
  });

  it("has the ruleset's canonical url and version, a computable name and its title", () => {
    expect(resource.url).toBe(`${FHIR_CANONICAL_BASE}/Questionnaire/${ruleset.id}`);
    expect(resource.version).toBe(ruleset.version);
    expect(resource.name).toMatch(/^[A-Z]([A-Za-z0-9_]){0,254}$/);
    expect(resource.title).toBe(ruleset.definition.title);
    expect(resource.status).toBe("active");
  });

  it("has one item per question, in ruleset order, with the question id as linkId and its prompt as text", () => {
    expect(resource.item.map((item) => item.linkId)).toEqual(ruleset.questions.map((question) => question.id));
    ruleset.questions.forEach((question, i) => {
      const item = resource.item[i];
      expect(item?.type).toBe(question.type);
      expect(item?.text?.startsWith(question.prompt), question.id).toBe(true);
      expect(item?.required, question.id).toBe(true);
    });
  });

  it("offers each choice as a coding of the project's code system: code = the choice value, display = its label", () => {
    for (const [i, question] of ruleset.questions.entries()) {
      if (question.type !== "choice") continue;
      expect(resource.item[i]?.answerOption, question.id).toEqual(
        question.choices.map((choice) => ({
          valueCoding: { system: ANSWER_CODE_SYSTEM, code: choice.value, display: choice.label },
        })),
      );
    }
  });

  it("makes integer questions integer items bounded by the standard minValue and maxValue extensions", () => {
    for (const [i, question] of ruleset.questions.entries()) {
      if (question.type !== "integer") continue;
      const item = resource.item[i];
      expect(item?.type).toBe("integer");
      expect(item?.answerOption).toBeUndefined();
      expect(item?.extension).toEqual([
        { url: MIN_VALUE, valueInteger: question.min },
        { url: MAX_VALUE, valueInteger: question.max },
      ]);
    }
  });

  it("shows a question's list of signs in its text, one per line, and its help as a help item", () => {
    for (const [i, question] of ruleset.questions.entries()) {
      const item = resource.item[i];
      if (question.type === "choice" && question.items) {
        expect(item?.text?.split("\n")).toEqual([question.prompt, ...question.items.map((entry) => `- ${entry.text}`)]);
      } else {
        expect(item?.text).toBe(question.prompt);
      }
      const help = item?.item?.find((child) => child.type === "display");
      expect(help?.text, question.id).toBe(question.help);
      if (help) expect(help.extension?.[0]?.valueCodeableConcept?.coding?.[0]?.code).toBe("help");
    }
  });

  it("has enableWhen exactly on the questions with askWhen", () => {
    ruleset.questions.forEach((question, i) => {
      expect(resource.item[i]?.enableWhen !== undefined, question.id).toBe(question.askWhen !== undefined);
    });
  });
});

describe("toQuestionnaire(default): what the issue names", () => {
  it("is https://neck-triage.example/fhir/Questionnaire/default, version 1.0.0 as the ruleset", () => {
    expect(questionnaire.url).toBe("https://neck-triage.example/fhir/Questionnaire/default");
    expect(questionnaire.version).toBe(defaultRuleset.version);
  });

  it("has integer items for age and painDays, and the emergency signs listed in the first item's text", () => {
    expect(questionnaire.item.filter((item) => item.type === "integer").map((item) => item.linkId)).toEqual([
      "age",
      "painDays",
    ]);
    expect(questionnaire.item[0]?.linkId).toBe("emergencySigns");
    expect(questionnaire.item[0]?.text?.split("\n").length).toBeGreaterThan(1);
  });

  it("enables improving only when painDays >= 7, as the interview asks it", () => {
    const improving = questionnaire.item.find((item) => item.linkId === "improving");
    expect(improving?.enableWhen).toEqual([{ question: "painDays", operator: ">=", answerInteger: 7 }]);
    expect(improving?.enableBehavior).toBeUndefined();
  });
});

describe("toQuestionnaire: askWhen as enableWhen, or a loud failure", () => {
  const { id, index } = conditionalQuestion();
  const itemOf = (resource: Questionnaire) => resource.item.find((item) => item.linkId === id);
  const coding = (code: string) => ({ system: ANSWER_CODE_SYSTEM, code });

  it("equals on a question with an unsure answer also enables on unsure, since the interview asks then too", () => {
    const item = itemOf(toQuestionnaire(withAskWhen({ answer: "headache", equals: "yes" })));
    expect(item?.enableWhen).toEqual([
      { question: "headache", operator: "=", answerCoding: coding("yes") },
      { question: "headache", operator: "=", answerCoding: coding("unsure") },
    ]);
    expect(item?.enableBehavior).toBe("any");
  });

  it("below, any and all of plain comparisons", () => {
    expect(itemOf(toQuestionnaire(withAskWhen({ answer: "painDays", below: 30 })))?.enableWhen).toEqual([
      { question: "painDays", operator: "<", answerInteger: 30 },
    ]);
    const any = itemOf(
      toQuestionnaire(
        withAskWhen({
          any: [
            { answer: "painDays", atLeast: 7 },
            { answer: "age", below: 16 },
          ],
        }),
      ),
    );
    expect(any?.enableBehavior).toBe("any");
    expect(any?.enableWhen).toHaveLength(2);
    const all = itemOf(
      toQuestionnaire(
        withAskWhen({
          all: [
            { answer: "painDays", atLeast: 7 },
            { answer: "age", atLeast: 18 },
          ],
        }),
      ),
    );
    expect(all?.enableBehavior).toBe("all");
    expect(all?.enableWhen).toEqual([
      { question: "painDays", operator: ">=", answerInteger: 7 },
      { question: "age", operator: ">=", answerInteger: 18 },
    ]);
    for (const ruleset of [
      withAskWhen({
        any: [
          { answer: "painDays", atLeast: 7 },
          { answer: "fever", equals: "yes" },
        ],
      }),
    ]) {
      const resource = toQuestionnaire(ruleset);
      expect(() => validateR4(resource)).not.toThrow();
      expect(requiredBindingViolations(resource)).toEqual([]);
    }
  });

  it("refuses an all whose part enables on two of four choices (an or inside an and) with a RulesetError naming the askWhen", () => {
    const ruleset = variantOfDefault((document) => {
      document.questions.push({
        id: "afterMedicine",
        type: "choice",
        label: "test",
        prompt: "test",
        choices: [
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ],
        warningAnswer: "yes",
        askWhen: {
          all: [
            { answer: "painDays", atLeast: 7 },
            { answer: "otcResponse", equals: "did-not-help" },
          ],
        },
      });
    });
    const issues = issuesThrownBy(() => toQuestionnaire(ruleset), RulesetError);
    expect(issues.map((issue) => issue.path)).toEqual([`questions.${ruleset.questions.length - 1}.askWhen.all.1`]);
    expect(issues[0]?.message).toMatch(/^cannot be written as a FHIR R4 enableWhen: /);
  });

  it("writes an all whose part enables on every choice but one as 'answered and not that one'", () => {
    const all = itemOf(
      toQuestionnaire(
        withAskWhen({
          all: [
            { answer: "painDays", atLeast: 7 },
            { answer: "headache", equals: "yes" },
          ],
        }),
      ),
    );
    expect(all?.enableBehavior).toBe("all");
    expect(all?.enableWhen).toEqual([
      { question: "painDays", operator: ">=", answerInteger: 7 },
      { question: "headache", operator: "exists", answerBoolean: true },
      { question: "headache", operator: "!=", answerCoding: { system: expect.any(String), code: "no" } },
    ]);
  });

  it.each([
    [
      "a nested all/any",
      {
        any: [
          {
            all: [
              { answer: "painDays", atLeast: 7 },
              { answer: "age", atLeast: 18 },
            ],
          },
        ],
      },
      "any.0",
    ],
  ])("refuses %s with a RulesetError naming the askWhen", (_name, askWhen, where) => {
    const ruleset = withAskWhen(askWhen);
    const issues = issuesThrownBy(() => toQuestionnaire(ruleset), RulesetError);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe(`questions.${index}.askWhen.${where}`);
    expect(issues[0]?.message).toMatch(/^cannot be written as a FHIR R4 enableWhen: /);
  });

  it("writes a follow-up of a follow-up (headacheFast) as 'answered and not no' for each, all of them: a disabled item has no answer, as the engine reads a switched-off follow-up", () => {
    const item = toQuestionnaire(defaultRuleset).item.find((entry) => entry.linkId === "headacheFast");
    const no = { system: expect.any(String), code: "no" };
    expect(item?.enableBehavior).toBe("all");
    expect(item?.enableWhen).toEqual([
      { question: "headache", operator: "exists", answerBoolean: true },
      { question: "headache", operator: "!=", answerCoding: no },
      { question: "headacheNew", operator: "exists", answerBoolean: true },
      { question: "headacheNew", operator: "!=", answerCoding: no },
    ]);
  });
});
