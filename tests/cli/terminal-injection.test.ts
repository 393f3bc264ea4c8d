import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/cli/render/markdown.js";
import { makeStyle } from "../../src/cli/render/style.js";
import { renderText } from "../../src/cli/render/text.js";
import { rulesAsText } from "../../src/cli/rules-command.js";
import { run } from "../../src/cli/run.js";
import { evaluate, loadRuleset, RulesetError } from "../../src/index.js";
import { compileValidatedRuleset } from "../../src/ruleset/compile.js";
import { calmAnswers, issuesThrownBy, unsureAnswers } from "../helpers/answers.js";
import { HOSTILE_CONTROLS, RAW_CONTROL, withoutStyle, withSuffixOnEveryText } from "../helpers/hostile-text.js";
import { rulesetDocument } from "../helpers/ruleset-document.js";
import { useTempDir } from "../helpers/temp-dir.js";
import { makeFakeIo } from "./helpers/fake-io.js";

// No control character from data reaches a terminal (rules/SAFETY.md, terminal injection): a custom
// ruleset's summary with ESC[2J cleared the screen in text output, an OSC 8 hyperlink in a source URL
// was passed through, markdown kept raw escapes, and a C1 control in a record id came through too.
// The loader refuses control characters in a ruleset; the renderers escape any that reach them.

const temp = useTempDir("neck-triage-injection-");

describe("terminal escapes from ruleset text: the loader refuses control characters", () => {
  it("in a summary, a source URL and a label, naming each path", () => {
    const source = Object.keys(rulesetDocument().sources)[0]!;
    const issues = issuesThrownBy(
      () =>
        loadRuleset(
          rulesetDocument((d) => {
            d.rules[0]!.summary = "Clear \u001b[2J the screen";
            d.sources[source]!.url = "https://example.org/\u001b]8;;https://evil.example\u0007x";
            d.questions[0]!.label = "tab\there";
          }),
        ),
      RulesetError,
    );
    const CONTROL_MESSAGE = /^contains a control character \(U\+[0-9A-F]{4}\)/;
    // A text may hold line breaks (code …-in-text); a URL none.
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: "rules.0.summary",
          code: "schema.control-character-in-text",
          message: expect.stringMatching(CONTROL_MESSAGE),
        }),
        expect.objectContaining({
          path: `sources.${source}.url`,
          code: "schema.control-character",
          message: expect.stringMatching(CONTROL_MESSAGE),
        }),
        expect.objectContaining({
          path: "questions.0.label",
          code: "schema.control-character-in-text",
          message: expect.stringMatching(CONTROL_MESSAGE),
        }),
      ]),
    );
  });

  it("refuses every control character but the line feed, in every text; a line break stays allowed in text", () => {
    for (const control of ["\u0000", "\u0007", "\t", "\r", "\u001b", "\u007f", "\u0085", "\u009b", "\u009f"]) {
      const issues = issuesThrownBy(() => loadRuleset(withSuffixOnEveryText(rulesetDocument(), control)), RulesetError);
      expect(issues.length, JSON.stringify(control)).toBeGreaterThan(100);
      expect(
        issues.every((issue) => issue.message.startsWith("contains a control character")),
        JSON.stringify(control),
      ).toBe(true);
    }
    expect(() => loadRuleset(rulesetDocument((d) => void (d.rules[0]!.summary = "two\nlines")))).not.toThrow();
  });

  it("a tab or a line break in a source URL was silently dropped by the URL check; now refused like any control character", () => {
    const source = Object.keys(rulesetDocument().sources)[0]!;
    for (const [url, codePoint] of [
      ["\thttps://example.org/", "U+0009"],
      ["https://example.org/a\tb", "U+0009"],
      ["https://example.org/a\nb", "U+000A"],
      ["https://example.org/\r", "U+000D"],
    ] as const) {
      const issues = issuesThrownBy(
        () => loadRuleset(rulesetDocument((d) => void (d.sources[source]!.url = url))),
        RulesetError,
      );
      expect(issues, JSON.stringify(url)).toEqual([
        expect.objectContaining({
          path: `sources.${source}.url`,
          code: "schema.control-character",
          params: expect.objectContaining({ codePoint }),
        }),
      ]);
      expect(issues[0]?.message).toMatch(
        new RegExp(
          `^contains a control character \\(${codePoint.replace("+", "\\+")}\\); an id, a value or a URL may hold none, got "`,
        ),
      );
    }
  });

  it("the CLI: exit 2, the path named, the escape shown escaped, never raw", async () => {
    const file = await temp.file(
      "escape.json",
      JSON.stringify(rulesetDocument((d) => void (d.rules[0]!.summary = "Clear \u001b[2J the screen"))),
    );
    const fake = makeFakeIo({ stdinIsTTY: false });
    expect(await run(["--ruleset", file, "--answers", "examples/answers.json"], fake.io)).toBe(2);
    expect(fake.stderr()).toBe(
      `${file}: rules.0.summary: contains a control character (U+001B); text may hold line breaks, no other control characters, got "Clear \\u001b[2J the screen"\n`,
    );
  });
});

describe("terminal escapes from ruleset text: renderers escape whatever reaches them", () => {
  // Past the loader, as a renderer must never trust its input to be clean.
  const ruleset = compileValidatedRuleset(withSuffixOnEveryText(rulesetDocument(), HOSTILE_CONTROLS));
  const results = [
    evaluate(ruleset, { ...unsureAnswers(), id: `id${HOSTILE_CONTROLS}` }),
    evaluate(ruleset, calmAnswers()),
  ];

  it("text output, with and without colour", () => {
    for (const result of results) {
      expect(renderText(result, ruleset, makeStyle(0), 80)).not.toMatch(RAW_CONTROL);
      expect(withoutStyle(renderText(result, ruleset, makeStyle(3), 80))).not.toMatch(RAW_CONTROL);
    }
  });

  it("markdown output", () => {
    for (const result of results) expect(renderMarkdown(result, ruleset)).not.toMatch(RAW_CONTROL);
  });

  it("the rules listing", () => {
    expect(rulesAsText(ruleset, makeStyle(0), 80)).not.toMatch(RAW_CONTROL);
    expect(withoutStyle(rulesAsText(ruleset, makeStyle(3), 80))).not.toMatch(RAW_CONTROL);
  });

  it("a record id with a C1 control, the one-byte CSI, is escaped in text output", async () => {
    const answers = JSON.stringify({ ...calmAnswers(), id: "x\u009b2J" });
    const fake = makeFakeIo({ stdinIsTTY: false, stdinText: answers });
    expect(await run(["--answers", "-"], fake.io)).toBe(0);
    expect(fake.stdout()).toContain('Record: "x\\u009b2J"');
    expect(fake.stdout()).not.toMatch(RAW_CONTROL);
  });
});
