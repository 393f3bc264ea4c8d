import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { answersJsonSchema } from "../../src/answers/json-schema.js";
import { answersSchemaFor } from "../../src/answers/schema.js";
import { AnswersError, evaluate } from "../../src/index.js";
import { answerCombinations } from "../fhir/combinations.js";
import { jsonSchemaFor } from "../../src/cli/json-schemas.js";
import { getBuiltinRuleset } from "../../src/ruleset/builtin.js";
import { AnswersSchema, defaultRuleset, triage } from "../../src/index.js";
import defaultDocument from "../../rules/default.json" with { type: "json" };
import { run } from "../../src/cli/run.js";
import { makeFakeIo } from "../cli/helpers/fake-io.js";
import { calmAnswers } from "../helpers/answers.js";

const ajv = new Ajv2020({ allErrors: true, strict: false });
const answersSchema = jsonSchemaFor("answers", defaultRuleset);
const validAnswers = ajv.compile(answersSchema);
const validResult = ajv.compile(jsonSchemaFor("result", defaultRuleset));

describe("JSON Schema of the answers (generated from the zod schema)", () => {
  it("is JSON Schema 2020-12 and accepts valid answers, with and without an id", () => {
    expect(answersSchema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(validAnswers(calmAnswers()), JSON.stringify(validAnswers.errors)).toBe(true);
    expect(validAnswers({ ...calmAnswers(), id: "r-1" })).toBe(true);
    expect(validAnswers({ ...calmAnswers(), id: 7 })).toBe(true);
  });

  const bad: [string, unknown][] = [
    ["a missing field", (({ fever: _f, ...rest }) => rest)(calmAnswers())],
    ["a misspelt field", { ...calmAnswers(), fevr: "yes" }],
    ["a value not allowed", { ...calmAnswers(), fever: "maybe" }],
    ["a boolean for a three-way answer", { ...calmAnswers(), fever: true }],
    ["a non-integer age", { ...calmAnswers(), age: 30.5 }],
    ["an age over 120", { ...calmAnswers(), age: 121 }],
    ["negative days", { ...calmAnswers(), painDays: -1 }],
    ["a string for a number", { ...calmAnswers(), painDays: "3" }],
    ["an array", [calmAnswers()]],
    ["null", null],
  ];
  it.each(bad)("refuses %s, as the CLI does", async (_name, input) => {
    expect(validAnswers(input)).toBe(false);
    const fake = makeFakeIo({ stdinIsTTY: false, stdinText: JSON.stringify(input) });
    expect(await run(["--answers", "-", "--json"], fake.io)).toBe(2);
  });

  it("agrees with the tool on when a follow-up is needed, for every built-in ruleset (if/then)", () => {
    for (const name of ["default", "extended"]) {
      const ruleset = getBuiltinRuleset(name)!;
      const valid = ajv.compile(answersJsonSchema(ruleset));
      const followUps = ruleset.questions.filter((q) => q.askWhen !== undefined).map((q) => q.id);
      let compared = 0;
      let refused = 0;
      for (const combination of answerCombinations(ruleset, 400)) {
        // Each combination as given, and with each follow-up left out in turn.
        for (const leftOut of [undefined, ...followUps]) {
          const answers: Record<string, unknown> = { ...combination };
          if (leftOut !== undefined) delete answers[leftOut];
          let toolAccepts = true;
          try {
            evaluate(ruleset, answers);
          } catch (error) {
            if (!(error instanceof AnswersError)) throw error;
            toolAccepts = false;
            refused++;
          }
          expect(valid(answers), `${name}: ${JSON.stringify(answers)}`).toBe(toolAccepts);
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(1000);
      expect(refused, "some answers leave a needed follow-up out").toBeGreaterThan(50);
    }
  });

  it("names each question by its label and describes it by its prompt, as `schema answers` prints it", async () => {
    const fake = makeFakeIo({ stdinIsTTY: false });
    expect(await run(["schema", "answers"], fake.io)).toBe(0);
    const printed = JSON.parse(fake.stdout()) as {
      properties: Record<string, { title?: string; description?: string }>;
    };
    // Two checked by hand against rules/default.json, then every question against the document.
    expect(printed.properties.age).toMatchObject({ title: "Age", description: "How old are you? (whole years)" });
    expect(printed.properties.painDays).toMatchObject({
      title: "Days since the pain started",
      description: "How many days ago did this neck pain start? (whole days; 0 means today)",
    });
    for (const question of defaultDocument.questions) {
      expect(printed.properties[question.id], question.id).toMatchObject({
        title: question.label,
        description: question.prompt,
      });
    }
    expect(printed.properties.id?.description).toBe("echoed unchanged in the result, to match records");
  });

  it("is built once per ruleset: answersSchemaFor gives the same schema each time, the exported AnswersSchema for the default", () => {
    expect(answersSchemaFor(defaultRuleset)).toBe(AnswersSchema);
    const extended = getBuiltinRuleset("extended")!;
    expect(answersSchemaFor(extended)).toBe(answersSchemaFor(extended));
  });

  it("follows the active ruleset: the extended one asks eight more questions", () => {
    const extended = getBuiltinRuleset("extended")!;
    const schema = jsonSchemaFor("answers", extended) as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties).filter((k) => k !== "id")).toEqual(extended.questions.map((q) => q.id));
    expect(schema.required).toEqual(extended.questions.filter((q) => q.askWhen === undefined).map((q) => q.id));
    expect(extended.questions.length - getBuiltinRuleset("default")!.questions.length).toBe(8);
  });
});

describe("JSON Schema of the result", () => {
  it("results of every urgency, with and without id, validate", () => {
    const answersList = [
      calmAnswers(),
      calmAnswers({ headache: "yes", id: "x" }),
      calmAnswers({ fever: "yes", canTouchChinToChest: "unsure", id: 3 }),
      calmAnswers({ emergencySigns: "unsure", injury: "unsure", painDays: 10, improving: "no" }),
      calmAnswers({ age: 12 }),
    ];
    for (const answers of answersList) {
      const result = triage(answers);
      expect(validResult(result), JSON.stringify(validResult.errors)).toBe(true);
    }
  });

  it("refuses a result that breaks the contract's shape", () => {
    const result = triage(calmAnswers({ headache: "yes" }));
    expect(validResult({ ...result, urgency: "later" })).toBe(false);
    expect(validResult({ ...result, reasons: [{ ...result.reasons[0], sources: [] }] })).toBe(false);
  });

  it("`neck-triage schema answers|result` prints these schemas", async () => {
    for (const [which, expected] of [
      ["answers", answersSchema],
      ["result", jsonSchemaFor("result", defaultRuleset)],
    ] as const) {
      const fake = makeFakeIo({ stdinIsTTY: false });
      expect(await run(["schema", which], fake.io)).toBe(0);
      expect(JSON.parse(fake.stdout())).toEqual(expected);
    }
    const fake = makeFakeIo({ stdinIsTTY: false });
    expect(await run(["schema", "questions"], fake.io)).toBe(2);
  });
});
