import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { jsonSchemaFor } from "../../src/cli/json-schemas.js";
import { ResultSchema } from "../../src/engine/result-schema.js";
import { defaultRuleset, triage, type TriageResult } from "../../src/index.js";
import { calmAnswers } from "../helpers/answers.js";

/*
 * The result's schema (`neck-triage schema result`, contract "Result"): what it says about itself, the
 * optional `id` (string of at most 200 characters, or an integer within ±(2^53 − 1)) and a reason's `answers` (each field's
 * value, a string or a number). Everything is built inside the tests, so that a broken schema fails a
 * test rather than the loading of this file.
 */

function jsonValidator() {
  return new Ajv2020({ allErrors: true, strict: false }).compile(jsonSchemaFor("result", defaultRuleset));
}

/** A result whose reasons read both kinds of answer: choices (injury, riskHistory) and a number (age). */
function resultWithReasons(): TriageResult {
  const result = triage(calmAnswers({ injury: "yes", age: 70 }));
  expect(result.reasons.find((r) => r.ruleId === "injury-high-risk")?.answers).toEqual({
    age: 70,
    injury: "yes",
    riskHistory: "no",
  });
  return result;
}

describe("the JSON Schema document of the result", () => {
  it("is JSON Schema 2020-12, titled, and says that more fields may be added", () => {
    const schema = jsonSchemaFor("result", defaultRuleset);
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.title).toBe("neck-triage result");
    expect(schema.description).toBe("The result of one triage (docs/contract.md); more fields may be added.");
  });

  it("describes id as a string of at most 200 characters or an integer within ±(2^53 − 1)", () => {
    const properties = jsonSchemaFor("result", defaultRuleset).properties as Record<string, unknown>;
    expect(properties.id).toEqual({
      anyOf: [
        { type: "string", maxLength: 200 },
        { type: "integer", minimum: -9007199254740991, maximum: 9007199254740991 },
      ],
    });
  });
});

describe("id in a result", () => {
  it("a result with a string or an integer id is valid, for the zod schema and for the JSON Schema", () => {
    const valid = jsonValidator();
    for (const id of ["record-7", "", "x".repeat(200), 42, 0, -15, Number.MAX_SAFE_INTEGER]) {
      const result = triage({ ...calmAnswers({ fever: "yes" }), id });
      expect(result.id).toBe(id);
      expect(ResultSchema.safeParse(result).success, `id ${JSON.stringify(id)}`).toBe(true);
      expect(valid(result), `id ${JSON.stringify(id)}: ${JSON.stringify(valid.errors)}`).toBe(true);
    }
  });

  it("an id over 200 characters, or of another type, is not", () => {
    const valid = jsonValidator();
    const result = triage(calmAnswers());
    for (const id of ["x".repeat(201), true, null, ["r1"], 1.5, 2 ** 53]) {
      expect(ResultSchema.safeParse({ ...result, id }).success, `id ${JSON.stringify(id)}`).toBe(false);
      expect(valid({ ...result, id }), `id ${JSON.stringify(id)}`).toBe(false);
    }
  });
});

describe("a reason's answers", () => {
  it("hold string and number values, valid for both schemas", () => {
    const result = resultWithReasons();
    expect(ResultSchema.safeParse(result).success).toBe(true);
    const valid = jsonValidator();
    expect(valid(result), JSON.stringify(valid.errors)).toBe(true);
  });

  it("may not hold any other kind of value", () => {
    const result = resultWithReasons();
    const valid = jsonValidator();
    for (const value of [true, null, { age: 70 }, [70]]) {
      const broken = {
        ...result,
        reasons: result.reasons.map((r) => ({ ...r, answers: { ...r.answers, age: value } })),
      };
      expect(ResultSchema.safeParse(broken).success, `age ${JSON.stringify(value)}`).toBe(false);
      expect(valid(broken), `age ${JSON.stringify(value)}`).toBe(false);
    }
  });
});
