import { describe, expect, it } from "vitest";
import { makeStyle } from "../../src/cli/render/style.js";
import { renderText } from "../../src/cli/render/text.js";
import { wrapIndented } from "../../src/cli/render/wrap.js";
import { rulesAsText } from "../../src/cli/rules-command.js";
import { evaluate, loadRuleset } from "../../src/index.js";
import { compileValidatedRuleset } from "../../src/ruleset/compile.js";
import { calmAnswers } from "../helpers/answers.js";
import { rulesetDocument } from "../helpers/ruleset-document.js";

// Text wrapping takes time in proportion to the text (wrap-ansi measured each long word's width
// again and again: a 100,000-character word in a summary took 2.75 s, 900,000 never finished):
// a word longer than the line is cut hard at the width. A source line alone keeps a long word (its
// URL) whole, since a terminal keeps an unbroken URL whole for copying.

const visibleLines = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, "").split("\n");

describe("quadratic text wrapping: a 100,000-character word took 2.75 s, 900,000 never finished", () => {
  it("a 900,000-character word is cut hard at the width, nothing lost", () => {
    const word = "x".repeat(900_000);
    const lines = wrapIndented(word, 80).split("\n");
    expect(lines).toHaveLength(Math.ceil(word.length / 80));
    expect(lines.every((line) => line.length <= 80)).toBe(true);
    expect(lines.join("")).toBe(word);
  });

  it("indented lines are cut to the width too, their indent included", () => {
    const lines = wrapIndented(`- ${"y".repeat(1_000)}`, 40, "  ", "    ").split("\n");
    expect(lines.every((line) => line.length <= 40)).toBe(true);
    expect(lines.slice(1).every((line) => line.startsWith("    "))).toBe(true);
  });

  it("a result whose reasons are each one 20,000-character word fits the screen in text output, colour or not", () => {
    // Past the loader's limit on text: compiled directly, as a renderer must survive whatever it is given.
    const document = rulesetDocument((d) => {
      for (const rule of d.rules) rule.summary = "z".repeat(20_000);
      // Every reason said on its own (not grouped in one line), so that each summary is printed.
      delete d.advice.possibleGroup;
    });
    const ruleset = compileValidatedRuleset(document);
    // Confirmed reasons, each listed on its own (possible ones may be grouped in one line).
    const result = evaluate(
      ruleset,
      calmAnswers({ headache: "yes", armTinglingOrNumbness: "yes", shootingArmPain: "yes" }),
    );
    for (const level of [0, 3] as const) {
      const lines = visibleLines(renderText(result, ruleset, makeStyle(level), 80));
      const tooWide = lines.filter((line) => line.length > 80 && !/https?:\/\//.test(line));
      expect(tooWide, `colour level ${level}`).toEqual([]);
      expect(lines.filter((line) => /^ {4}z+$/.test(line)).length).toBeGreaterThan(200);
    }
    const rulesLines = visibleLines(rulesAsText(ruleset, makeStyle(0), 80));
    expect(rulesLines.filter((line) => line.length > 80 && !/https?:\/\//.test(line))).toEqual([]);
  });

  it("a source URL longer than the line is kept whole, on its own line", () => {
    const url = `https://example.org/${"a".repeat(150)}`;
    const lines = wrapIndented(`[1] A title: ${url}`, 80, "  ", "      ", { keepLongWords: true }).split("\n");
    expect(lines).toEqual(["  [1] A title:", `      ${url}`]);
  });
});

describe("the ruleset loader caps every string at 2,000 characters", () => {
  it("takes a text of 2,000 characters and refuses 2,001, naming the path", () => {
    const at = rulesetDocument((d) => {
      d.rules[0]!.summary = "s".repeat(2_000);
    });
    expect(() => loadRuleset(at)).not.toThrow();
    const over = rulesetDocument((d) => {
      d.rules[0]!.summary = "s".repeat(2_001);
      d.sources[Object.keys(d.sources)[0]!]!.url = `https://example.org/${"u".repeat(2_000)}`;
      d.questions[0]!.prompt = "p".repeat(100_000);
    });
    expect(() => loadRuleset(over)).toThrow(
      expect.objectContaining({
        issues: expect.arrayContaining([
          {
            path: "rules.0.summary",
            code: "schema.too-long",
            params: { maxLength: 2_000, received: { type: "string", value: `${"s".repeat(40)}…` } },
            message: `must be at most 2,000 characters, got "${"s".repeat(40)}…"`,
          },
          expect.objectContaining({ path: `sources.${Object.keys(over.sources)[0]!}.url`, code: "schema.too-long" }),
          expect.objectContaining({ path: "questions.0.prompt", code: "schema.too-long" }),
        ]),
      }),
    );
  });
});
