import { describe, expect, it } from "vitest";
import {
  AnswersError,
  AnswersSchema,
  defaultRuleset,
  evaluate,
  loadRuleset,
  triage,
  type DefaultAnswers,
} from "../../src/index.js";
import { validateAnswers } from "../../src/answers/validate.js";
import { calmAnswers, inWords, issuesThrownBy, type IssueInWords } from "../helpers/answers.js";
import { integerQuestion, rulesetDocument } from "../helpers/ruleset-document.js";

/** The issues `triage` reports for input that a caller (or a JSON file) may send. */
function issuesFor(input: unknown): IssueInWords[] {
  return inWords(issuesThrownBy(() => triage(input as DefaultAnswers), AnswersError));
}

function calmWith(changes: Record<string, unknown>, without: readonly string[] = []): Record<string, unknown> {
  const answers: Record<string, unknown> = { ...calmAnswers(), ...changes };
  for (const key of without) delete answers[key];
  return answers;
}

const YES_NO_UNSURE = '"yes" | "no" | "unsure"';
const ALL_FIELDS = defaultRuleset.questions.map((q) => q.id).join(", ");

describe("answers that are not an object", () => {
  it.each([
    [null, "null"],
    [[], "an array"],
    [[calmAnswers()], "an array"],
    ["yes", '"yes"'],
    [42, "42"],
    [true, "true"],
    [undefined, "nothing"],
  ])("%j is refused at the root", (input, shown) => {
    expect(issuesFor(input)).toEqual([
      { path: "(root)", message: `expected a JSON object with one field per question, got ${shown}` },
    ]);
  });
});

describe("one problem, reported with its path and the allowed values", () => {
  it.each<[string, Record<string, unknown>, readonly string[], IssueInWords & { code: string }]>([
    [
      "a missing three-way answer",
      {},
      ["fever"],
      { path: "fever", code: "answers.missing", message: `missing; expected ${YES_NO_UNSURE}` },
    ],
    [
      "a missing age",
      {},
      ["age"],
      { path: "age", code: "answers.missing", message: "missing; expected an integer 0–120" },
    ],
    [
      "a missing otcResponse",
      {},
      ["otcResponse"],
      {
        path: "otcResponse",
        code: "answers.missing",
        message: 'missing; expected "helped" | "did-not-help" | "not-tried" | "unsure"',
      },
    ],
    [
      "a value outside the choices",
      { fever: "maybe" },
      [],
      { path: "fever", code: "answers.invalid-value", message: `expected ${YES_NO_UNSURE}, got "maybe"` },
    ],
    [
      "another question's value",
      { otcResponse: "no" },
      [],
      {
        path: "otcResponse",
        code: "answers.invalid-value",
        message: 'expected "helped" | "did-not-help" | "not-tried" | "unsure", got "no"',
      },
    ],
    [
      "a capitalised value",
      { injury: "Yes" },
      [],
      { path: "injury", code: "answers.invalid-value", message: `expected ${YES_NO_UNSURE}, got "Yes"` },
    ],
    [
      "a boolean for a three-way answer",
      { fever: true },
      [],
      { path: "fever", code: "answers.invalid-value", message: `expected ${YES_NO_UNSURE}, got true` },
    ],
    [
      "false for a three-way answer",
      { headache: false },
      [],
      { path: "headache", code: "answers.invalid-value", message: `expected ${YES_NO_UNSURE}, got false` },
    ],
    [
      "null for a three-way answer",
      { canTouchChinToChest: null },
      [],
      { path: "canTouchChinToChest", code: "answers.invalid-value", message: `expected ${YES_NO_UNSURE}, got null` },
    ],
    [
      "a fractional age",
      { age: 30.5 },
      [],
      { path: "age", code: "answers.invalid-value", message: "expected an integer 0–120, got 30.5" },
    ],
    [
      "a negative age",
      { age: -1 },
      [],
      { path: "age", code: "answers.invalid-value", message: "expected an integer 0–120, got -1" },
    ],
    [
      "an age over 120",
      { age: 121 },
      [],
      { path: "age", code: "answers.invalid-value", message: "expected an integer 0–120, got 121" },
    ],
    [
      "an age as a string",
      { age: "30" },
      [],
      { path: "age", code: "answers.invalid-value", message: 'expected an integer 0–120, got "30"' },
    ],
    [
      "fractional painDays",
      { painDays: 2.5 },
      [],
      { path: "painDays", code: "answers.invalid-value", message: "expected an integer 0–36500, got 2.5" },
    ],
    [
      "negative painDays",
      { painDays: -3 },
      [],
      { path: "painDays", code: "answers.invalid-value", message: "expected an integer 0–36500, got -3" },
    ],
    [
      "too many painDays",
      { painDays: 36501 },
      [],
      { path: "painDays", code: "answers.invalid-value", message: "expected an integer 0–36500, got 36501" },
    ],
    [
      "painDays as a string",
      { painDays: "7" },
      [],
      { path: "painDays", code: "answers.invalid-value", message: 'expected an integer 0–36500, got "7"' },
    ],
    [
      "an id over 200 characters",
      { id: "x".repeat(201) },
      [],
      {
        path: "id",
        code: "answers.invalid-id",
        message: `expected a string of at most 200 characters or an integer within ±9007199254740991, got "${"x".repeat(40)}…"`,
      },
    ],
    [
      "an object as id",
      { id: { ref: 1 } },
      [],
      {
        path: "id",
        code: "answers.invalid-id",
        message: "expected a string of at most 200 characters or an integer within ±9007199254740991, got an object",
      },
    ],
    [
      "null as id",
      { id: null },
      [],
      {
        path: "id",
        code: "answers.invalid-id",
        message: "expected a string of at most 200 characters or an integer within ±9007199254740991, got null",
      },
    ],
    [
      "a boolean as id",
      { id: true },
      [],
      {
        path: "id",
        code: "answers.invalid-id",
        message: "expected a string of at most 200 characters or an integer within ±9007199254740991, got true",
      },
    ],
  ])("%s", (_, changes, without, issue) => {
    const issues = issuesThrownBy(() => triage(calmWith(changes, without) as unknown as DefaultAnswers), AnswersError);
    expect(issues.map(({ path, code, message }) => ({ path, code, message }))).toEqual([issue]);
  });

  it("a misspelt field is unknown, with a suggestion, and its real field is missing", () => {
    const issues = issuesFor(calmWith({ fevr: "yes" }, ["fever"]));
    expect(issues).toHaveLength(2);
    expect(issues).toContainEqual({ path: "fevr", message: 'unknown field; did you mean "fever"?' });
    expect(issues).toContainEqual({ path: "fever", message: `missing; expected ${YES_NO_UNSURE}` });
  });

  it.each([
    ["Fever", "fever"],
    ["canTouchChinToChst", "canTouchChinToChest"],
    ["armTinglingOrNumbnes", "armTinglingOrNumbness"],
    ["pain_days", "painDays"],
    ["otcRespone", "otcResponse"],
  ])("%s: did you mean %s?", (typo, field) => {
    expect(issuesFor(calmWith({ [typo]: "yes" }))).toEqual([
      { path: typo, message: `unknown field; did you mean "${field}"?` },
    ]);
  });

  it("an unrelated field lists the fields there are", () => {
    expect(issuesFor(calmWith({ banana: 1 }))).toEqual([
      { path: "banana", message: `unknown field; the fields are ${ALL_FIELDS} and an optional id` },
    ]);
  });
});

describe("every problem at once", () => {
  it("reports each bad, missing and unknown field in one error", () => {
    const issues = issuesFor(
      calmWith({ fever: "maybe", age: -1, painDays: 10, id: {}, fevr: "no", extra: true, injury: "yes" }, [
        "headache",
        "improving",
      ]),
    );
    expect(issues.map((issue) => issue.path).sort()).toEqual([
      "age",
      "extra",
      "fever",
      "fevr",
      "headache",
      "id",
      "improving",
      "injuryMechanism",
    ]);
    expect(issues).toContainEqual({ path: "fever", message: `expected ${YES_NO_UNSURE}, got "maybe"` });
    expect(issues).toContainEqual({ path: "headache", message: `missing; expected ${YES_NO_UNSURE}` });
    expect(issues).toContainEqual({
      path: "improving",
      message: `missing; needed because painDays is 10; expected ${YES_NO_UNSURE}`,
    });
  });

  it("an empty object misses every question but the follow-ups, which nothing given switches on", () => {
    const issues = issuesFor({});
    expect(issues.map((issue) => issue.path)).toEqual(
      defaultRuleset.questions.filter((q) => q.askWhen === undefined).map((q) => q.id),
    );
    expect(issues.every((issue) => issue.message.startsWith("missing; expected "))).toBe(true);
  });

  it("the error message has one line per problem", () => {
    try {
      triage(calmWith({ fever: "maybe", age: 200 }) as unknown as DefaultAnswers);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AnswersError);
      const message = error instanceof Error ? error.message : "";
      expect(message).toContain(`fever: expected ${YES_NO_UNSURE}, got "maybe"`);
      expect(message).toContain("age: expected an integer 0–120, got 200");
    }
  });
});

describe("keys that name parts of every object", () => {
  it("refuses __proto__ and constructor from JSON.parse and leaves Object.prototype alone", () => {
    const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();
    const text = JSON.stringify(calmAnswers()).replace(
      /^\{/,
      '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},',
    );
    const input: unknown = JSON.parse(text);

    const issues = issuesFor(input);
    expect(issues.map((issue) => issue.path).sort()).toEqual(["__proto__", "constructor"]);
    for (const issue of issues) expect(issue.message).toMatch(/^unknown field/);

    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
    expect(Object.hasOwn(Object.prototype, "polluted")).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("takes no answer from Object.prototype: a misspelt or missing field is still reported when the prototype has the real one", () => {
    // Another library in the process may have polluted Object.prototype; answers are read as own fields only.
    const { fever: _missing, ...withoutFever } = calmAnswers();
    const polluted = Object.prototype as unknown as Record<string, unknown>;
    polluted.fever = "no";
    try {
      expect(issuesFor({ ...withoutFever, fevr: "no" })).toContainEqual({
        path: "fevr",
        message: 'unknown field; did you mean "fever"?',
      });
      // Nor does an inherited answer stand in for a missing one.
      expect(issuesFor(withoutFever)).toEqual([
        { path: "fever", message: 'missing; expected "yes" | "no" | "unsure"' },
      ]);
      expect(() => triage(withoutFever as DefaultAnswers)).toThrow(AnswersError);
    } finally {
      delete polluted.fever;
    }
    expect(Object.hasOwn(Object.prototype, "fever")).toBe(false);
  });

  it("refuses a prototype key too", () => {
    const input: unknown = JSON.parse(JSON.stringify({ ...calmAnswers(), prototype: "yes" }));
    expect(issuesFor(input).map((issue) => issue.path)).toEqual(["prototype"]);
  });
});

describe("valid answers", () => {
  it("are accepted, with an optional id string or number echoed", () => {
    expect(validateAnswers(defaultRuleset, calmAnswers())).toEqual(calmAnswers());
    for (const id of ["a", "x".repeat(200), 0, 7, -15, 12345678901234]) {
      expect(triage({ ...calmAnswers(), id }).id).toBe(id);
    }
  });

  it("accept a number id that is an integer within ±(2^53 − 1), the edges included", () => {
    for (const id of [Number.MIN_SAFE_INTEGER, -1, 0, 1, Number.MAX_SAFE_INTEGER]) {
      expect(triage({ ...calmAnswers(), id }).id).toBe(id);
    }
  });

  it("accept the edges of each integer range", () => {
    for (const [age, painDays] of [
      [0, 0],
      [120, 36500],
    ] as const) {
      expect(() => triage(calmAnswers({ age, painDays }))).not.toThrow();
    }
  });

  it("agree with the exported AnswersSchema", () => {
    expect(AnswersSchema.safeParse(calmAnswers()).success).toBe(true);
    expect(AnswersSchema.safeParse(calmWith({ fever: "maybe" })).success).toBe(false);
    expect(AnswersSchema.safeParse(calmWith({ fevr: "yes" })).success).toBe(false);
  });

  it("are not changed by validation", () => {
    const answers = { ...calmAnswers({ fever: "unsure" }), id: "r" };
    const before = structuredClone(answers);
    triage(answers);
    expect(answers).toEqual(before);
  });
});

describe("answers for another ruleset", () => {
  // The default ruleset's ranges both start at 0; this one asks only about ages 10 to 120.
  const adultsAndOlderChildren = loadRuleset(rulesetDocument((d) => (integerQuestion(d, "age").min = 10)));

  it("take its integer range, both ends included", () => {
    expect(evaluate(adultsAndOlderChildren, calmAnswers({ age: 10 })).verdict).toBe("see-a-professional");
    expect(evaluate(adultsAndOlderChildren, calmAnswers({ age: 120 })).verdict).toBe("self-care-likely-fine");
  });

  it("refuse a value below its minimum, naming its range", () => {
    expect(
      inWords(issuesThrownBy(() => evaluate(adultsAndOlderChildren, calmAnswers({ age: 9 })), AnswersError)),
    ).toEqual([{ path: "age", message: "expected an integer 10–120, got 9" }]);
    expect(
      inWords(issuesThrownBy(() => evaluate(adultsAndOlderChildren, calmAnswers({ age: 0 })), AnswersError)),
    ).toEqual([{ path: "age", message: "expected an integer 10–120, got 0" }]);
  });
});
