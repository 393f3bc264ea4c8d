import { describe, expect, it } from "vitest";
import {
  AnswersError,
  defaultRuleset,
  evaluate,
  fromQuestionnaireResponse,
  isQuestionnaireResponse,
  toQuestionnaire,
  type DefaultAnswers,
  type Ruleset,
} from "../../src/index.js";
import { ANSWER_CODE_SYSTEM } from "../../src/fhir/canonical.js";
import { BUILTIN_RULESET_DOCUMENTS, getBuiltinRuleset } from "../../src/ruleset/builtin.js";
import { isFhirInput } from "../../src/fhir/resource-type.js";
import { questionnaireResponseRecordId } from "../../src/fhir/response.js";
import { calmAnswers, inWords, issuesThrownBy, type IssueInWords } from "../helpers/answers.js";
import { answerCombinations, asInterviewed, type PlainAnswers } from "./combinations.js";
import { fillQuestionnaire, type QuestionnaireResponse } from "./form-filler.js";
import { requiredBindingViolations, validateR4 } from "./r4.js";
import { conditionalQuestion, variantOfDefault, withAskWhen } from "./rulesets.js";

const questionnaire = toQuestionnaire(defaultRuleset);

/** The calm answers of tests/helpers as a plain record, the shape a form filler takes. */
function calm(overrides: Partial<DefaultAnswers> = {}): PlainAnswers {
  return { ...calmAnswers(overrides) };
}
const canonical = `${questionnaire.url}|${questionnaire.version}`;

function respond(answers: PlainAnswers, extra: Parameters<typeof fillQuestionnaire>[2] = {}): QuestionnaireResponse {
  return fillQuestionnaire(questionnaire, answers, extra);
}

function issuesOf(resource: unknown, ruleset: Ruleset = defaultRuleset): IssueInWords[] {
  return inWords(issuesThrownBy(() => fromQuestionnaireResponse(ruleset, resource), AnswersError));
}

function itemIndex(response: QuestionnaireResponse, linkId: string): number {
  const index = response.item.findIndex((item) => item.linkId === linkId);
  if (index === -1) throw new Error(`no item ${linkId}`);
  return index;
}

describe("fromQuestionnaireResponse: the same result as the plain answers", () => {
  const combinations = answerCombinations(defaultRuleset, 1000);

  it(`over ${combinations.length} combinations read from the ruleset: the response is valid R4 and scores exactly as its answers`, () => {
    expect(combinations.length).toBeGreaterThan(1000);
    for (const [n, answers] of combinations.entries()) {
      const response = respond(answers, n % 3 === 0 ? { id: `record-${n}` } : {});
      validateR4(response);
      expect(requiredBindingViolations(response)).toEqual([]);
      const read = fromQuestionnaireResponse(defaultRuleset, response);
      const expected =
        n % 3 === 0
          ? { ...asInterviewed(defaultRuleset, answers), id: `record-${n}` }
          : asInterviewed(defaultRuleset, answers);
      expect(read).toStrictEqual(expected);
      // The contract: improving has no effect while painDays < 7, so even the answers as given agree.
      expect(evaluate(defaultRuleset, read)).toStrictEqual(
        evaluate(defaultRuleset, n % 3 === 0 ? { ...answers, id: `record-${n}` } : answers),
      );
    }
  });

  it.each(Object.keys(BUILTIN_RULESET_DOCUMENTS))(
    "built-in ruleset %s: a form filler's response is valid R4 and reads as the interview's answers",
    (name) => {
      const ruleset = getBuiltinRuleset(name) as Ruleset;
      const form = toQuestionnaire(ruleset);
      for (const answers of answerCombinations(ruleset, 300)) {
        const response = fillQuestionnaire(form, answers);
        validateR4(response);
        const read = fromQuestionnaireResponse(ruleset, response);
        const interviewed = asInterviewed(ruleset, answers);
        expect(read).toStrictEqual(interviewed);
        expect(evaluate(ruleset, read)).toStrictEqual(evaluate(ruleset, interviewed));
      }
    },
  );

  it.each([
    ["equals, also enabled on unsure", { answer: "headache", equals: "yes" }],
    [
      "any",
      {
        any: [
          { answer: "painDays", atLeast: 7 },
          { answer: "age", below: 16 },
        ],
      },
    ],
    [
      "all",
      {
        all: [
          { answer: "painDays", atLeast: 7 },
          { answer: "age", atLeast: 18 },
        ],
      },
    ],
    ["below", { answer: "painDays", below: 30 }],
  ])(
    "for a ruleset whose askWhen is %s, a form filler's response reads as the interview's answers",
    (_name, askWhen) => {
      const ruleset = withAskWhen(askWhen);
      const form = toQuestionnaire(ruleset);
      for (const answers of answerCombinations(ruleset, 300)) {
        const read = fromQuestionnaireResponse(ruleset, fillQuestionnaire(form, answers));
        const interviewed = asInterviewed(ruleset, answers);
        expect(read).toStrictEqual(interviewed);
        expect(evaluate(ruleset, read)).toStrictEqual(evaluate(ruleset, interviewed));
      }
    },
  );

  it("leaves improving out with painDays < 7 (a follow-up, as the interview does), and keeps it when given anyway", () => {
    const response = respond(calm({ painDays: 6, improving: "no" }));
    expect(response.item.some((item) => item.linkId === "improving")).toBe(false);
    expect(Object.hasOwn(fromQuestionnaireResponse(defaultRuleset, response), "improving")).toBe(false);
    const given = respond(calm({ painDays: 6 }));
    given.item.push({ linkId: "improving", answer: [{ valueCoding: { system: ANSWER_CODE_SYSTEM, code: "no" } }] });
    expect(fromQuestionnaireResponse(defaultRuleset, given).improving).toBe("no");
  });

  it("requires improving once painDays >= 7 enables it, as the interview asks it then", () => {
    const response = respond(calm({ painDays: 7 }));
    response.item.splice(itemIndex(response, "improving"), 1);
    const issues = issuesOf(response);
    expect(issues).toEqual([
      { path: "improving", message: 'missing; needed because painDays is 7; expected "yes" | "no" | "unsure"' },
    ]);
  });

  it("echoes the response's id, else its identifier.value, as the result's id", () => {
    expect(evaluate(defaultRuleset, fromQuestionnaireResponse(defaultRuleset, respond(calm(), { id: "r-1" }))).id).toBe(
      "r-1",
    );
    const byIdentifier = respond(calm(), { identifier: { system: "urn:example", value: "batch-7" } });
    expect(fromQuestionnaireResponse(defaultRuleset, byIdentifier).id).toBe("batch-7");
    expect(questionnaireResponseRecordId(byIdentifier)).toBe("batch-7");
    expect("id" in fromQuestionnaireResponse(defaultRuleset, respond(calm()))).toBe(false);
    expect(issuesOf(respond(calm(), { id: "x".repeat(201) }))).toEqual([
      { path: "id", message: expect.stringContaining("at most 200 characters") as string },
    ]);
  });

  it("accepts status amended, and help items echoed back without answers", () => {
    const response = respond(calm(), { status: "amended" });
    const helped = defaultRuleset.questions.find((question) => question.help !== undefined);
    if (!helped) throw new Error("expected a question with help");
    const withHelp = { ...response, item: [...response.item, { linkId: `${helped.id}.help` }] };
    expect(fromQuestionnaireResponse(defaultRuleset, withHelp)).toStrictEqual(asInterviewed(defaultRuleset, calm()));
  });
});

describe("fromQuestionnaireResponse: a response to another form is refused", () => {
  const answers = calm();

  it("names both the Questionnaire the response answers and the one this ruleset scores: another version", () => {
    const stale = { ...respond(answers), questionnaire: `${questionnaire.url}|0.9.0` };
    const issues = issuesOf(stale);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe("questionnaire");
    expect(issues[0]?.message).toContain(`"${questionnaire.url}|0.9.0"`);
    expect(issues[0]?.message).toContain(`"${canonical}"`);
    expect(issues[0]?.message).toContain("version 0.9.0");
  });

  it("another Questionnaire, one named without a version, or none", () => {
    const other = "https://example.org/Questionnaire/phq-9|1.0.0";
    const issues = issuesOf({ ...respond(answers), questionnaire: other });
    expect(issues[0]?.message).toContain(`"${other}"`);
    expect(issues[0]?.message).toContain(`"${canonical}"`);
    expect(issuesOf({ ...respond(answers), questionnaire: questionnaire.url })[0]?.message).toContain("no version");
    const { questionnaire: _dropped, ...unnamed } = respond(answers);
    expect(issuesOf(unnamed)).toEqual([{ path: "questionnaire", message: `expected "${canonical}", got nothing` }]);
  });

  it("a ruleset of another version refuses a response to this one, and the other way round", () => {
    // A ruleset of its own (only the built-in's own content may be called "default"), at two versions.
    const base = variantOfDefault(() => {});
    const bumped = variantOfDefault((document) => {
      document.version = "1.0.1";
    });
    const toBase = fillQuestionnaire(toQuestionnaire(base), answers);
    expect(issuesOf(toBase, bumped).map((issue) => issue.path)).toEqual(["questionnaire"]);
    const toBumped = fillQuestionnaire(toQuestionnaire(bumped), answers);
    expect(fromQuestionnaireResponse(bumped, toBumped)).toStrictEqual(asInterviewed(bumped, answers));
    expect(issuesOf(toBumped, base)[0]?.message).toContain("version 1.0.1");
  });

  it("anything but a QuestionnaireResponse", () => {
    expect(issuesOf([])).toEqual([
      { path: "(root)", message: "expected a FHIR QuestionnaireResponse (a JSON object), got an array" },
    ]);
    expect(issuesOf(questionnaire)).toEqual([
      { path: "resourceType", message: 'expected "QuestionnaireResponse", got "Questionnaire"' },
    ]);
  });

  it("an unfinished response", () => {
    expect(issuesOf(respond(answers, { status: "in-progress" }))).toEqual([
      { path: "status", message: 'expected "completed" or "amended" (a finished response), got "in-progress"' },
    ]);
  });
});

describe("fromQuestionnaireResponse: every problem, with its path", () => {
  const answers = calm();
  type Item = QuestionnaireResponse["item"][number];

  function withItem(
    linkId: string,
    change: (item: Item) => Item | undefined,
  ): { response: QuestionnaireResponse; index: number } {
    const response = respond(answers);
    const index = itemIndex(response, linkId);
    const changed = change(structuredClone(response.item[index] as Item));
    if (changed) response.item[index] = changed;
    else response.item.splice(index, 1);
    return { response, index };
  }

  it("every question left out is missing, by linkId", () => {
    for (const question of defaultRuleset.questions) {
      if (question.askWhen !== undefined) continue;
      const { response } = withItem(question.id, () => undefined);
      expect(issuesOf(response), question.id).toEqual([
        { path: question.id, message: expect.stringMatching(/^missing; expected /) as string },
      ]);
    }
  });

  it("an unknown linkId, with a suggestion when it looks like a typo", () => {
    const { response, index } = withItem("fever", (item) => ({ ...item, linkId: "fevr" }));
    expect(issuesOf(response)).toEqual([
      { path: `item[${index}].linkId`, message: 'unknown item "fevr"; did you mean "fever"?' },
      { path: "fever", message: 'missing; expected "yes" | "no" | "unsure"' },
    ]);
  });

  it("a code outside the question's choices, a foreign code system, a wrong value type", () => {
    const cases: [string, (item: Item) => Item, string, string][] = [
      [
        "fever",
        (item) => ({ ...item, answer: [{ valueCoding: { system: ANSWER_CODE_SYSTEM, code: "maybe" } }] }),
        "answer[0].valueCoding.code",
        'expected "yes" | "no" | "unsure", got "maybe"',
      ],
      [
        "fever",
        (item) => ({ ...item, answer: [{ valueCoding: { system: "http://snomed.info/sct", code: "yes" } }] }),
        "answer[0].valueCoding.system",
        `expected "${ANSWER_CODE_SYSTEM}", got "http://snomed.info/sct"`,
      ],
      [
        "otcResponse",
        (item) => ({ ...item, answer: [{ valueCoding: { system: ANSWER_CODE_SYSTEM, code: "yes" } }] }),
        "answer[0].valueCoding.code",
        'expected "helped" | "did-not-help" | "not-tried" | "unsure", got "yes"',
      ],
      [
        "fever",
        (item) => ({ ...item, answer: [{ valueInteger: 1 }] }),
        "answer[0]",
        'expected valueCoding ("yes" | "no" | "unsure"), got valueInteger',
      ],
      [
        "age",
        (item) => ({ ...item, answer: [{ valueCoding: { system: ANSWER_CODE_SYSTEM, code: "yes" } }] }),
        "answer[0]",
        "expected valueInteger (an integer 0–120), got valueCoding",
      ],
      [
        "age",
        (item) => ({ ...item, answer: [{ valueInteger: 121 }] }),
        "answer[0].valueInteger",
        "expected an integer 0–120, got 121",
      ],
      [
        "painDays",
        (item) => ({ ...item, answer: [{ valueInteger: 1.5 }] }),
        "answer[0].valueInteger",
        "expected an integer 0–36500, got 1.5",
      ],
      [
        "fever",
        (item) => ({ ...item, answer: [...item.answer, ...item.answer] }),
        "answer",
        "expected one answer, got 2",
      ],
    ];
    for (const [linkId, change, where, message] of cases) {
      const { response, index } = withItem(linkId, change);
      expect(issuesOf(response), `${linkId} ${where}`).toEqual([{ path: `item[${index}].${where}`, message }]);
    }
  });

  it("an item given twice, and a nested item that is no help text", () => {
    const twice = respond(answers);
    twice.item.push(structuredClone(twice.item[0] as Item));
    expect(issuesOf(twice)).toEqual([
      {
        path: `item[${twice.item.length - 1}].linkId`,
        message: `"${twice.item[0]?.linkId}" is answered more than once (also item[0])`,
      },
    ]);
    const { response, index } = withItem(
      "fever",
      (item) =>
        ({ ...item, answer: [{ ...(item.answer[0] as object), item: [{ linkId: "extra" }] }] }) as unknown as Item,
    );
    expect(issuesOf(response)).toEqual([
      { path: `item[${index}].answer[0].item[0]`, message: expect.stringMatching(/^unexpected nested item/) as string },
    ]);
  });

  it("lists every problem at once, in order", () => {
    const response = respond(answers, { status: "stopped" });
    const fever = itemIndex(response, "fever");
    const age = itemIndex(response, "age");
    (response.item[fever] as Item).answer = [{ valueCoding: { system: ANSWER_CODE_SYSTEM, code: "maybe" } }];
    (response.item[age] as Item).answer = [{ valueInteger: -1 }];
    response.item.splice(itemIndex(response, "headache"), 1);
    expect(issuesOf(response).map((issue) => issue.path)).toEqual([
      "status",
      `item[${age}].answer[0].valueInteger`,
      `item[${fever}].answer[0].valueCoding.code`,
      "headache",
    ]);
  });

  it("does not report a conditional question when the answer it depends on is itself wrong", () => {
    const { response, index } = withItem("painDays", (item) => ({ ...item, answer: [{ valueInteger: -3 }] }));
    expect(issuesOf(response).map((issue) => issue.path)).toEqual([`item[${index}].answer[0].valueInteger`]);
  });
});

describe("recognising a response", () => {
  it("isQuestionnaireResponse by resourceType", () => {
    const response = fillQuestionnaire(questionnaire, calm());
    expect(isQuestionnaireResponse(response)).toBe(true);
    expect(isQuestionnaireResponse(questionnaire)).toBe(false);
    expect(isQuestionnaireResponse(calm())).toBe(false);
    expect(isQuestionnaireResponse(null)).toBe(false);
    expect(isQuestionnaireResponse([response])).toBe(false);
  });

  it("isFhirInput: any resource goes to fromQuestionnaireResponse (which names a wrong resourceType), unless the ruleset has a question of that name", () => {
    expect(isFhirInput(defaultRuleset, questionnaire)).toBe(true);
    expect(isFhirInput(defaultRuleset, { resourceType: "Patient" })).toBe(true);
    expect(isFhirInput(defaultRuleset, calm())).toBe(false);
    expect(isFhirInput(defaultRuleset, { ...calm(), resourceType: 1 })).toBe(false);
    const odd = variantOfDefault((document) => {
      const first = document.questions[0];
      if (first) first.id = "resourceType";
      for (const rule of document.rules)
        if ("answer" in rule.when && rule.when.answer === "emergencySigns") rule.when.answer = "resourceType";
      for (const line of document.advice.selfCare.watchFor)
        if (typeof line !== "string")
          line.about = line.about.map((id) => (id === "emergencySigns" ? "resourceType" : id));
    });
    expect(isFhirInput(odd, { ...calm(), resourceType: "yes" })).toBe(false);
  });

  it("the conditional question of the default ruleset is improving, asked from painDays 7", () => {
    const { id } = conditionalQuestion();
    expect(id).toBe("improving");
    expect(defaultRuleset.questionsById.get(id)?.askWhen).toEqual({ answer: "painDays", atLeast: 7 });
  });
});
