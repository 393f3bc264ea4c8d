import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as z from "zod";
import { describe, expect, it } from "vitest";
import {
  AnswersError,
  defaultRuleset,
  loadRuleset,
  RulesetError,
  triage,
  type DefaultAnswers,
  type Issue,
} from "../../src/index.js";
import { triageLine } from "../../src/cli/batch/records.js";
import { ISSUE_WORDING } from "../../src/messages/en/issues.js";
import { MESSAGE_WORDING } from "../../src/messages/en/cli.js";
import { calmAnswers, issuesThrownBy } from "../helpers/answers.js";
import { choiceQuestion, rulesetDocument, ruleOf } from "../helpers/ruleset-document.js";
import type { RulesetDefinition } from "../../src/ruleset/schema.js";

// What a program reads from an issue: its code and params. The words are pinned by the tables in
// tests/answers, tests/ruleset and tests/fhir; here, what each problem is, as data.

type Coded = { path: string; code: string; params: unknown };
const coded = (issues: readonly Issue[]): Coded[] => issues.map(({ path, code, params }) => ({ path, code, params }));
const answersIssues = (input: unknown) => coded(issuesThrownBy(() => triage(input as DefaultAnswers), AnswersError));
const rulesetIssues = (edit: (document: RulesetDefinition) => void) =>
  coded(issuesThrownBy(() => loadRuleset(rulesetDocument(edit)), RulesetError));

const YES_NO_UNSURE = { choices: ["yes", "no", "unsure"] };
const text = (value: string) => ({ type: "string", value });

describe("answers: each problem by code and params", () => {
  it.each<[string, unknown, Coded[]]>([
    [
      "not an object",
      [1],
      [{ path: "(root)", code: "answers.not-an-object", params: { received: { type: "array" } } }],
    ],
    [
      "a value outside the choices",
      calmAnswers({ fever: "maybe" } as never),
      [{ path: "fever", code: "answers.invalid-value", params: { expected: YES_NO_UNSURE, received: text("maybe") } }],
    ],
    [
      "an age out of range",
      calmAnswers({ age: 121 }),
      [
        {
          path: "age",
          code: "answers.invalid-value",
          params: { expected: { min: 0, max: 120 }, received: { type: "number", value: 121 } },
        },
      ],
    ],
    [
      "a misspelt field",
      { ...calmAnswers(), fevr: "no" },
      [
        {
          path: "fevr",
          code: "answers.unknown-field",
          params: { suggestion: "fever", fields: defaultRuleset.questions.map((q) => q.id) },
        },
      ],
    ],
    [
      "a field like no other",
      { ...calmAnswers(), zzz: 1 },
      [{ path: "zzz", code: "answers.unknown-field", params: { fields: defaultRuleset.questions.map((q) => q.id) } }],
    ],
    [
      "an id that cannot be echoed",
      calmAnswers({ id: 1.5 }),
      [
        {
          path: "id",
          code: "answers.invalid-id",
          params: { received: { type: "number", value: 1.5 }, maxLength: 200, maxInteger: Number.MAX_SAFE_INTEGER },
        },
      ],
    ],
  ])("%s", (_, input, expected) => {
    expect(answersIssues(input)).toEqual(expected);
  });

  it("a missing answer and a missing follow-up, with the answers that make it needed", () => {
    const { fever: _, ...withoutFever } = calmAnswers({ injury: "unsure" });
    const { injuryMechanism: __, ...input } = withoutFever as Record<string, unknown>;
    expect(answersIssues(input)).toEqual([
      { path: "fever", code: "answers.missing", params: { expected: YES_NO_UNSURE } },
      {
        path: "injuryMechanism",
        code: "answers.missing-follow-up",
        params: { because: [{ field: "injury", value: "unsure" }], expected: YES_NO_UNSURE },
      },
    ]);
  });
});

describe("a ruleset: each problem by code and params", () => {
  it.each<[string, (document: RulesetDefinition) => void, Omit<Coded, "path">]>([
    [
      "a choice listed twice",
      (d) => choiceQuestion(d, "fever").choices.push({ value: "no", label: "No" }),
      { code: "ruleset.duplicate-choice", params: { value: "no" } },
    ],
    [
      "a rule reading an unknown question",
      (d) => (ruleOf(d, "fever").when = { answer: "fevr", equals: "yes" }),
      {
        code: "ruleset.unknown-question",
        params: { question: "fevr", questions: defaultRuleset.questions.map((q) => q.id) },
      },
    ],
    [
      "an unknown source",
      (d) => ruleOf(d, "fever").sources.push("nope"),
      {
        code: "ruleset.unknown-source",
        params: { source: "nope", sources: Object.keys(rulesetDocument().sources) },
      },
    ],
    [
      "a bound always true",
      (d) => (ruleOf(d, "fever").when = { answer: "age", atLeast: 0 }),
      {
        code: "ruleset.bound-always-or-never",
        params: { operator: "atLeast", bound: 0, question: "age", min: 0, max: 120 },
      },
    ],
    [
      "a placeholder the wording cannot fill",
      (d) => (d.advice.urgency.emergency.advice = "Call {list}."),
      {
        code: "ruleset.unknown-placeholder",
        params: { name: "list", allowed: ["emergencyNumber"] },
      },
    ],
  ])("%s (one issue)", (_, edit, expected) => {
    expect(rulesetIssues(edit).map(({ code, params }) => ({ code, params }))).toEqual([expected]);
  });

  it.each<[string, (document: RulesetDefinition) => void, Omit<Coded, "path">]>([
    [
      "a wrong type",
      (d) => ((d as { title: unknown }).title = 5),
      { code: "schema.invalid-type", params: { expected: "string", received: { type: "number", value: 5 } } },
    ],
    [
      "a missing field",
      (d) => delete (d as { title?: unknown }).title,
      { code: "schema.required", params: { expected: "string" } },
    ],
    [
      "an urgency not in the list",
      (d) => ((ruleOf(d, "fever") as { urgency: string }).urgency = "asap"),
      {
        code: "schema.invalid-value",
        params: { values: ["emergency", "urgent", "soon"], received: text("asap") },
      },
    ],
    [
      "an empty list of rules",
      (d) => (d.rules = []),
      {
        code: "schema.too-small",
        params: { origin: "array", minimum: 1, inclusive: true, received: { type: "array" } },
      },
    ],
    [
      "a question of no known type",
      (d) => ((d.questions[0] as { type: string }).type = "date"),
      {
        code: "schema.invalid-discriminator",
        params: { options: ["choice", "integer"], received: text("date") },
      },
    ],
    [
      "a sign to watch for of neither form",
      (d) => ((d.advice.selfCare.watchFor as unknown[])[0] = 5),
      {
        code: "schema.invalid-union-type",
        params: { types: ["string", "object"], received: { type: "number", value: 5 } },
      },
    ],
    [
      "an unknown key",
      (d) => ((d as Record<string, unknown>).extra = 1),
      { code: "schema.unknown-keys", params: { keys: ["extra"], count: 1 } },
    ],
    [
      "a source key not in kebab case",
      (d) => (d.sources = { Nice_CKS: d.sources[Object.keys(d.sources)[0]!]!, ...d.sources }),
      {
        code: "schema.invalid-key",
        params: { problems: [{ code: "schema.kebab-case", params: {} }] },
      },
    ],
    [
      "a rule id not in kebab case",
      (d) => (ruleOf(d, "fever").id = "Fever"),
      { code: "schema.kebab-case", params: { received: text("Fever") } },
    ],
    [
      "a reserved question id",
      (d) => (d.questions[0]!.id = "constructor"),
      { code: "schema.reserved-name", params: {} },
    ],
    [
      "a version that is not one",
      (d) => (d.version = "1.0"),
      { code: "schema.version", params: { received: text("1.0") } },
    ],
    ["an empty text", (d) => (d.title = "  "), { code: "schema.empty", params: { received: text("  ") } }],
    [
      "a control character in a text",
      (d) => (d.title = "a\u001bb"),
      { code: "schema.control-character-in-text", params: { codePoint: "U+001B", received: text("a\u001bb") } },
    ],
    [
      "a condition of two forms",
      (d) => (ruleOf(d, "fever").when = { answer: "fever", equals: "yes", all: [] } as never),
      {
        code: "schema.condition-form",
        params: { keys: ["answer", "equals", "all"] },
      },
    ],
    [
      "a source address that is not http",
      (d) => (d.sources[Object.keys(d.sources)[0]!]!.url = "ftp://example.org/"),
      {
        code: "schema.invalid-format",
        params: { format: "url", received: text("ftp://example.org/") },
      },
    ],
  ])("%s (zod's issue mapped by its code and data)", (_, edit, expected) => {
    expect(rulesetIssues(edit)).toContainEqual(expect.objectContaining(expected));
  });
});

describe("batch lines: problems with the line as a whole", () => {
  const reasonOf = (line: string) => {
    try {
      JSON.parse(line);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error(`${line} parses`);
  };
  it.each<[string, string]>([
    ["", ISSUE_WORDING["line.blank"]({})],
    ["{", ISSUE_WORDING["line.not-json"]({ reason: reasonOf("{") })],
    ['{"fever": "no", "fever": "yes"}', ISSUE_WORDING["input.duplicate-key"]({})],
  ])("%j", (line, message) => {
    const outcome = triageLine(defaultRuleset, 1, line, {});
    expect(outcome.ok ? undefined : outcome.record.error.issues[0]?.message).toBe(message);
  });
});

describe("zod's own words are never read", () => {
  it("a ruleset's problems say the same whatever zod's English (its error map replaced for this file)", () => {
    const broken = (d: RulesetDefinition) => {
      (d as { title: unknown }).title = 5;
      d.rules = [];
      d.version = "1.0";
      (d as Record<string, unknown>).extra = 1;
      (d.questions[0] as { type: string }).type = "date";
    };
    const before = issuesThrownBy(() => loadRuleset(rulesetDocument(broken)), RulesetError);
    z.config({ customError: () => "zod's own words" });
    try {
      const after = issuesThrownBy(() => loadRuleset(rulesetDocument(broken)), RulesetError);
      expect(after).toEqual(before);
      expect(after.map((issue) => issue.message).join("\n")).not.toContain("zod's own words");
    } finally {
      z.config({ customError: undefined });
    }
  });
});

describe("the codes", () => {
  const SRC = join(import.meta.dirname, "../../src");
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
    );
  const source = files(SRC)
    .filter((path) => !path.includes("/messages/"))
    .map((path) => readFileSync(path, "utf8"))
    .join("\n");

  it.each([...Object.keys(ISSUE_WORDING), ...Object.keys(MESSAGE_WORDING)])(
    "%s is used outside the messages module (no dead wording)",
    (code) => {
      expect(source).toContain(`"${code}"`);
    },
  );
});

describe("docs/issue-codes.md", () => {
  const doc = readFileSync(join(import.meta.dirname, "../../docs/issue-codes.md"), "utf8");
  const documented = [...doc.matchAll(/^\| `([a-z0-9.-]+)` \|/gm)].map((match) => match[1]);

  it("lists every issue code, and no other", () => {
    expect([...documented].sort()).toEqual(Object.keys(ISSUE_WORDING).sort());
  });
});
