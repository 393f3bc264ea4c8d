import { describe, expect, it } from "vitest";
import { loadRuleset, RulesetError } from "../../src/index.js";
import type { RulesetDefinition } from "../../src/ruleset/schema.js";
import { inWords, issuesThrownBy, type IssueInWords } from "../helpers/answers.js";
import { choiceQuestion, questionIndex, ruleIndex, ruleOf, rulesetDocument } from "../helpers/ruleset-document.js";

/*
 * What the author of a ruleset reads when the schema refuses it: each kind of problem zod reports
 * (src/ruleset/schema-issues.ts maps them by code), with the whole message written out by hand from
 * what the author needs: what is wrong, and what is allowed. schema-checks.test.ts says which edits are
 * refused and where; this file says in which words.
 */

type Edit = (document: RulesetDefinition) => void;

function issuesOf(edit: Edit): IssueInWords[] {
  return inWords(issuesThrownBy(() => loadRuleset(rulesetDocument(edit)), RulesetError));
}

/** Pretends an invalid value is valid, to build a document the schema must refuse. */
function invalid<T>(value: unknown): T {
  return value as T;
}

const doc = rulesetDocument();
const fever = questionIndex(doc, "fever");
const feverRule = ruleIndex(doc, "fever");
const FORTY_X = "x".repeat(40);

describe("a value of the wrong type, or none", () => {
  it.each<[string, Edit, IssueInWords]>([
    [
      "a missing text",
      (d) => delete (d as Partial<RulesetDefinition>).title,
      { path: "title", message: "required; expected string" },
    ],
    [
      "a number for a text",
      (d) => (d.title = invalid<string>(5)),
      { path: "title", message: "expected string, got 5" },
    ],
    [
      "null for a text",
      (d) => (d.title = invalid<string>(null)),
      { path: "title", message: "expected string, got null" },
    ],
    [
      "an object for a list",
      (d) => (d.questions = invalid<RulesetDefinition["questions"]>({})),
      { path: "questions", message: "expected array, got an object" },
    ],
  ])("%s", (_, edit, expected) => {
    expect(issuesOf(edit)).toEqual([expected]);
  });
});

describe("a value outside the allowed ones", () => {
  it("names every allowed value and the one received", () => {
    expect(issuesOf((d) => (d.unsurePolicy.floor = invalid<"soon">("none")))).toEqual([
      {
        path: "unsurePolicy.floor",
        message: 'invalid option: expected one of "emergency"|"urgent"|"soon", got "none"',
      },
    ]);
  });

  it("names the single allowed value, as JSON writes it", () => {
    expect(
      issuesOf((d) => ((choiceQuestion(d, "fever").choices[1] as { unknown?: true }).unknown = invalid<true>(false))),
    ).toEqual([{ path: `questions.${fever}.choices.1.unknown`, message: "expected true, got false" }]);
  });
});

describe("a number or a list out of bounds", () => {
  it.each<[string, Edit, IssueInWords]>([
    [
      "a number below its minimum",
      (d) => (d.advice.selfCare.checkBackDay = 0),
      { path: "advice.selfCare.checkBackDay", message: "too small: expected number to be >=1, got 0" },
    ],
    [
      "a number above its maximum",
      (d) => (d.unsurePolicy.possibleDropsLevels = 3),
      { path: "unsurePolicy.possibleDropsLevels", message: "too big: expected number to be <=2, got 3" },
    ],
    ["an empty list", (d) => (d.rules = []), { path: "rules", message: "too small: expected array to have >=1 items" }],
    [
      "a rule without a source",
      (d) => (ruleOf(d, "fever").sources = []),
      { path: `rules.${feverRule}.sources`, message: "needs at least one source" },
    ],
    ["a blank text", (d) => (d.title = "   "), { path: "title", message: 'must not be empty, got "   "' }],
  ])("%s", (_, edit, expected) => {
    expect(issuesOf(edit)).toEqual([expected]);
  });
});

describe("strings: length and control characters", () => {
  it("a text over 2,000 characters: the limit, and the start of what was received", () => {
    expect(issuesOf((d) => (d.title = "x".repeat(2_001)))).toEqual([
      { path: "title", message: `must be at most 2,000 characters, got "${FORTY_X}…"` },
    ]);
  });

  it("a tab in a text: which character, and that only line breaks are allowed", () => {
    expect(issuesOf((d) => (d.title = "a\tb"))).toEqual([
      {
        path: "title",
        message:
          'contains a control character (U+0009); text may hold line breaks, no other control characters, got "a\\tb"',
      },
    ]);
  });

  it("a C1 control (the one-byte CSI) in a text is named and escaped, never printed raw", () => {
    expect(issuesOf((d) => (d.title = "a\u009bb"))).toEqual([
      {
        path: "title",
        message:
          'contains a control character (U+009B); text may hold line breaks, no other control characters, got "a\\u009bb"',
      },
    ]);
  });

  it("an escape character in an id: none allowed, and the id's own form is said too", () => {
    expect(issuesOf((d) => (ruleOf(d, "fever").id = "fever\u001b"))).toEqual([
      {
        path: `rules.${feverRule}.id`,
        message: 'contains a control character (U+001B); an id, a value or a URL may hold none, got "fever\\u001b"',
      },
      { path: `rules.${feverRule}.id`, message: 'must be lower-case words joined by hyphens, got "fever\\u001b"' },
    ]);
  });

  it("a URL with another scheme: http and https only", () => {
    expect(issuesOf((d) => (d.sources["aans"] = { title: "AANS", url: "ftp://example.org/" }))).toEqual([
      { path: "sources.aans.url", message: 'invalid URL, got "ftp://example.org/"' },
    ]);
  });
});

describe("keys", () => {
  it("one unknown key is named", () => {
    expect(issuesOf((d) => Object.assign(d, { colour: "red" }))).toEqual([
      { path: "(root)", message: 'unknown key "colour"' },
    ]);
  });

  it("many unknown keys: the first five, and how many more", () => {
    const keys = ["a1", "a2", "a3", "a4", "a5", "a6", "a7"];
    expect(issuesOf((d) => Object.assign(d, Object.fromEntries(keys.map((key) => [key, 1]))))).toEqual([
      { path: "(root)", message: 'unknown keys "a1", "a2", "a3", "a4", "a5" and 2 more' },
    ]);
  });

  it("an unknown key is shortened in the message, as in a path", () => {
    const long = "k".repeat(100);
    expect(issuesOf((d) => Object.assign(d, { [long]: 1 }))).toEqual([
      { path: "(root)", message: `unknown key "${"k".repeat(80)}…"` },
    ]);
  });

  it("a source key with a control character: every problem with the key, nothing quoted", () => {
    const key = "nice\u0007cks";
    expect(issuesOf((d) => (d.sources[key] = { title: "NICE", url: "https://cks.nice.org.uk/" }))).toEqual([
      {
        path: `sources.${key}`,
        message:
          "invalid key: contains a control character (U+0007); an id, a value or a URL may hold none; must be lower-case words joined by hyphens",
      },
    ]);
  });

  it("a source key over 2,000 characters: the limit, the key shortened in the path", () => {
    const key = "a".repeat(2_001);
    expect(issuesOf((d) => (d.sources[key] = { title: "NICE", url: "https://cks.nice.org.uk/" }))).toEqual([
      { path: `sources.${"a".repeat(80)}…`, message: "invalid key: must be at most 2,000 characters" },
    ]);
  });
});

describe("forms", () => {
  it("a question of an unknown type: the types there are", () => {
    expect(
      issuesOf((d) => ((choiceQuestion(d, "fever") as { type: string }).type = "boolean")).filter((issue) =>
        issue.path.startsWith(`questions.${fever}`),
      ),
    ).toEqual([
      { path: `questions.${fever}.type`, message: 'invalid option: expected one of "choice"|"integer", got "boolean"' },
    ]);
  });

  // Fault: both were refused as a bare "invalid input", which says neither what is wrong nor what is
  // allowed (found when the mutation run showed this mapping untested).
  it('fault "a sign to watch for of the wrong type was refused as a bare invalid input": both forms are named, and what was received', () => {
    expect(issuesOf((d) => (d.advice.selfCare.watchFor[0] = invalid<string>(5)))).toEqual([
      { path: "advice.selfCare.watchFor.0", message: "expected string or object, got 5" },
    ]);
  });

  // Found in review: zod goes on checking a length after a wrong type, so an array or an object with a
  // "length" key seemed to fit the text form: "must not be empty, got an array", or "invalid input".
  it('fault "an empty array as a sign to watch for was refused as an empty text": both forms are named', () => {
    expect(issuesOf((d) => (d.advice.selfCare.watchFor[0] = invalid<string>([])))).toEqual([
      { path: "advice.selfCare.watchFor.0", message: "expected string or object, got an array" },
    ]);
  });

  it('fault "an object with a length key as a sign to watch for was refused as a bare invalid input": its own problems', () => {
    const line = "advice.selfCare.watchFor.0";
    const issues = issuesOf((d) => (d.advice.selfCare.watchFor[0] = invalid<string>({ length: 0 })));
    expect(issues.map((issue) => `${issue.path}: ${issue.message}`).sort()).toEqual([
      `${line}.about: required; expected array`,
      `${line}.text: required; expected string`,
      `${line}: unknown key "length"`,
    ]);
  });

  it('fault "a {text, about} sign without its about was refused as a bare invalid input": the missing key is named', () => {
    expect(issuesOf((d) => (d.advice.selfCare.watchFor[0] = invalid<string>({ text: "A new lump" })))).toEqual([
      { path: "advice.selfCare.watchFor.0.about", message: "required; expected array" },
    ]);
  });
});
