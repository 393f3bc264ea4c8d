import { describe, expect, it } from "vitest";
import { run } from "../src/cli/run.js";
import extendedDocument from "../rules/extended.json" with { type: "json" };
import {
  AnswersError,
  AnswersSchema,
  checkEmergencyNumber,
  defaultRuleset,
  evaluate,
  extendedRuleset,
  loadRuleset,
  RulesetError,
  triage,
} from "../src/index.js";
import type { DefaultAnswers } from "../src/index.js";
import { makeFakeIo } from "./cli/helpers/fake-io.js";
import { calmAnswers } from "./helpers/answers.js";

const calm: DefaultAnswers = calmAnswers({ improving: "unsure" });

describe("library API", () => {
  it("DefaultAnswers names exactly the default ruleset's questions, the follow-ups optional", () => {
    const every: Required<DefaultAnswers> = {
      ...calm,
      id: "x",
      injuryMechanism: "no",
      swallowingSevere: "no",
      headacheNew: "no",
      headacheFast: "no",
      improving: "no",
    };
    expect(
      Object.keys(every)
        .filter((key) => key !== "id")
        .sort(),
    ).toEqual(defaultRuleset.questions.map((q) => q.id).sort());
    // Only the follow-ups may be left out: these are the fields a type-checked caller may omit.
    const optional: (keyof DefaultAnswers)[] = [
      "id",
      "injuryMechanism",
      "swallowingSevere",
      "headacheNew",
      "headacheFast",
      "improving",
    ];
    expect(defaultRuleset.questions.filter((q) => q.askWhen !== undefined).map((q) => q.id)).toEqual(optional.slice(1));
    expect(AnswersSchema.parse(calm)).toEqual(calm);
  });

  it("triage and evaluate(defaultRuleset) agree", () => {
    const answers = { ...calm, headache: "yes" as const, headacheNew: "no" as const };
    expect(triage(answers)).toEqual(evaluate(defaultRuleset, answers));
  });

  it("names the emergency number given in the options", () => {
    const result = triage({ ...calm, emergencySigns: "yes" }, { emergencyNumber: "112" });
    expect(result.advice).toContain("Call 112 now");
  });

  it("throws AnswersError with every issue and its path", () => {
    const bad = { ...calm, fever: "maybe", fevr: "yes" } as unknown as DefaultAnswers;
    const error = (() => {
      try {
        triage(bad);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(AnswersError);
    // Each issue: its path, its code and params (what a program reads), and its message (what a person reads).
    expect((error as AnswersError).issues).toEqual([
      {
        path: "fever",
        code: "answers.invalid-value",
        params: { expected: { choices: ["yes", "no", "unsure"] }, received: { type: "string", value: "maybe" } },
        message: 'expected "yes" | "no" | "unsure", got "maybe"',
      },
      {
        path: "fevr",
        code: "answers.unknown-field",
        params: { suggestion: "fever", fields: defaultRuleset.questions.map((q) => q.id) },
        message: 'unknown field; did you mean "fever"?',
      },
    ]);
  });

  it("loadRuleset throws RulesetError on a broken document", () => {
    expect(() => loadRuleset({ id: "x" })).toThrow(RulesetError);
  });
});

describe('fault: the library trusted emergencyNumber ("" gave "Call  now."; any string or a number was taken)', () => {
  const emergency = calmAnswers({ emergencySigns: "yes" });

  it.each([
    ["", RangeError],
    ["   ", RangeError],
    ["call me", RangeError],
    ["112\u001b[2J", RangeError],
    ["1".repeat(21), RangeError],
    ["x112", RangeError],
    ["112x", RangeError],
    ["(112)", RangeError],
    [112, TypeError],
    [null, TypeError],
    [["112"], TypeError],
  ])("triage(answers, { emergencyNumber: %j }) throws %O naming the option", (value, kind) => {
    expect(() => triage(emergency, { emergencyNumber: value as string })).toThrow(kind);
    expect(() => evaluate(defaultRuleset, emergency, { emergencyNumber: value as string })).toThrow(
      /^emergencyNumber: expected a phone number/,
    );
  });

  it("the library and the CLI take and refuse the same numbers, with the same validator, exported as checkEmergencyNumber", async () => {
    for (const value of ["112", " 911 ", "+44 20 7946 0000", "*112#", "", "x", "1".repeat(21), "--1"]) {
      const fake = makeFakeIo({ stdinIsTTY: false, stdinText: JSON.stringify(emergency) });
      const cliCode = await run(["--answers", "-", "--json", "--emergency-number", value], fake.io);
      const libraryOk = (() => {
        try {
          checkEmergencyNumber(value);
          return true;
        } catch {
          return false;
        }
      })();
      expect(cliCode, `${JSON.stringify(value)}: ${fake.stderr()}`).toBe(libraryOk ? 0 : 2);
      if (libraryOk) {
        expect(triage(emergency, { emergencyNumber: value }).advice).toBe(
          (JSON.parse(fake.stdout()) as { advice: string }).advice,
        );
        expect(triage(emergency, { emergencyNumber: value }).advice).toContain(`Call ${value.trim()} now`);
      }
    }
  });

  it("a misspelt or unknown option is an error, never ignored; options must be an object", () => {
    expect(() => triage(emergency, { emergencyNumbr: "112" } as never)).toThrow(
      new TypeError('options: unknown option "emergencyNumbr"; the options are emergencyNumber, today'),
    );
    expect(() => triage(emergency, "112" as never)).toThrow(TypeError);
    expect(triage(emergency, {}).advice).toBe(triage(emergency).advice);
  });

  // The mutation run showed these answered only by a TypeError of any words (null reached
  // Object.keys) or not at all (an array passed as empty options).
  it.each([
    [null, "null"],
    [[], "an array"],
    ["112", '"112"'],
    [5, "5"],
  ])("options %j are refused, saying an object is expected and what came", (options, got) => {
    expect(() => triage(emergency, options as never)).toThrow(
      new TypeError(`options: expected an object such as { emergencyNumber: "112" }, got ${got}`),
    );
  });

  it("an emergency number that is not a string is refused as such; one with spaces around it is trimmed", () => {
    const expected = "expected a phone number such as 112, 911 or 999 (digits, spaces, + - ( ) # *)";
    expect(() => triage(emergency, { emergencyNumber: 112 } as never)).toThrow(
      new TypeError(`emergencyNumber: ${expected}, got 112 (number, not a string)`),
    );
    expect(() => triage(emergency, { emergencyNumber: null } as never)).toThrow(
      new TypeError(`emergencyNumber: ${expected}, got null (null, not a string)`),
    );
    expect(triage(emergency, { emergencyNumber: " 112 " }).advice).toContain("Call 112 now");
  });
});

describe("fault: library gaps (evaluate(defaultRuleset.definition) threw a raw TypeError; extended was out of reach)", () => {
  it("evaluate given a ruleset document says what it expects: a ruleset from loadRuleset() or a built-in one", () => {
    expect(() => evaluate(defaultRuleset.definition as never, calm)).toThrow(
      new TypeError(
        "evaluate: expected a ruleset from loadRuleset() or a built-in one (defaultRuleset, extendedRuleset), got a ruleset document; pass it to loadRuleset() first",
      ),
    );
    expect(() => evaluate("default" as never, calm)).toThrow(
      /^evaluate: expected a ruleset from loadRuleset\(\).*, got "default"$/,
    );
    expect(evaluate(loadRuleset(defaultRuleset.definition), calm)).toEqual(triage(calm));
  });

  it("the built-in rulesets are exported by name: extendedRuleset asks the default questions and more", () => {
    expect(extendedRuleset.id).toBe("extended");
    expect(extendedRuleset.definition).toEqual(loadRuleset(extendedDocument).definition);
    const defaultIds = defaultRuleset.questions.map((question) => question.id);
    expect(extendedRuleset.questions.map((question) => question.id)).toEqual(expect.arrayContaining(defaultIds));
    expect(() => evaluate(extendedRuleset, calm)).toThrow(AnswersError);
  });
});
