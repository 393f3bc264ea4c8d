import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/cli/render/markdown.js";
import { makeStyle } from "../../src/cli/render/style.js";
import { renderText } from "../../src/cli/render/text.js";
import { defaultRuleset, evaluate, loadRuleset, triage } from "../../src/index.js";
import { rulesetDocument } from "../helpers/ruleset-document.js";
import { calmAnswers, unsureAnswers } from "../helpers/answers.js";

// Everything unsure except age: every emergency rule drops to urgent (docs/clinical-basis.md section 3.5).
const allUnsure = unsureAnswers();

describe("text and markdown results", () => {
  it("a dropped emergency lists each sign to call for on its own line", () => {
    const result = triage(allUnsure, { emergencyNumber: "112" });
    expect(result.urgency).toBe("urgent");
    const text = renderText(result, defaultRuleset, makeStyle(0), 1000);
    const callFor = defaultRuleset.rules
      .filter((rule) => rule.urgency === "emergency")
      .map((rule) => rule.definition.callIf);
    for (const sign of callFor) expect(text).toContain(`\n  - ${sign}\n`);
    expect(text).toContain("Call 112 at once");
  });

  it("cites each source once, by number, and every number resolves to a listed URL", () => {
    const result = triage(allUnsure);
    const text = renderText(result, defaultRuleset, makeStyle(0), 1000, { sources: true });
    const urls = new Set(result.reasons.flatMap((reason) => reason.sources.map((source) => source.url)));
    for (const url of urls) expect(text.split(url).length - 1).toBe(1);
    const cited = new Set(
      [...text.matchAll(/Sources: ((?:\[\d+\] ?)+)/g)].flatMap((m) =>
        [...(m[1] ?? "").matchAll(/\d+/g)].map((n) => Number(n[0])),
      ),
    );
    expect(cited.size).toBe(urls.size);
    for (const n of cited) expect(text).toMatch(new RegExp(`\\n  \\[${n}\\] .*\\n +https?://`));
  });

  it("markdown shows the dropped-emergency signs as a list and links every source", () => {
    const result = triage(allUnsure);
    const markdown = renderMarkdown(result, defaultRuleset);
    expect(markdown).toMatch(/appears:\n\n- /);
    for (const reason of result.reasons)
      for (const source of reason.sources) expect(markdown).toContain(`](${source.url})`);
  });

  it('many reasons possible only through "not sure" are said in one line, in the ruleset\'s words', () => {
    const ruleset = loadRuleset(
      rulesetDocument((d) => {
        d.advice.possibleGroup = {
          line: "Because you were not sure about {unsure}, these could not be ruled out: {list}.",
          more: "{count} more",
        };
        for (const rule of d.rules) rule.couldNotRuleOut = `short ${rule.id}`;
      }),
    );
    const result = evaluate(ruleset, allUnsure);
    // Wide enough that the grouped line is one line.
    const text = renderText(result, ruleset, makeStyle(0), 100_000);
    const line = text.split("\n").find((l) => l.includes("Because you were not sure about")) ?? "";
    expect(line).toMatch(
      /^ {2}\[URGENT\] Because you were not sure about emergency signs; injury; .*; and over-the-counter medicine, these could not be ruled out: /,
    );
    // Named at the highest urgency among them, the others counted.
    const urgent = result.reasons.filter((r) => r.urgency === "urgent");
    for (const reason of urgent) expect(line).toContain(`short ${reason.ruleId}`);
    expect(line).toMatch(new RegExp(`; and ${result.reasons.length - urgent.length} more\\.$`));
    expect(text).not.toContain("Your answers:");
    // One or two reasons are still said one by one.
    const two = evaluate(ruleset, calmAnswers({ headache: "unsure", headacheNew: "no", otcResponse: "unsure" }));
    expect(two.reasons.map((r) => r.certainty)).toEqual(["possible", "possible"]);
    expect(renderText(two, ruleset, makeStyle(0), 1000)).not.toContain("Because you were not sure");
  });

  it("the default ruleset's all-unsure result at 80 columns: one grouped line, about 40 lines, no age the person does not have", () => {
    const result = triage(unsureAnswers({ age: 34 }));
    const text = renderText(result, defaultRuleset, makeStyle(0), 80);
    expect(text.match(/Because you were not sure about/g)).toHaveLength(1);
    expect(text.trimEnd().split("\n").length).toBeLessThanOrEqual(46);
    expect(text).not.toMatch(/65/);
    // The action is still last.
    expect(text.trimEnd().endsWith(result.advice.split("\n").at(-1)!.split(" ").at(-1)!)).toBe(true);
  });

  it("an injury at 65 or over is said only to someone of 65 or over (injury-high-risk's summaryBy)", () => {
    const summary = (age: number) =>
      triage(calmAnswers({ age, injury: "yes", riskHistory: "unsure" })).reasons.find(
        (r) => r.ruleId === "injury-high-risk",
      )?.summary ?? "";
    expect(summary(34)).not.toMatch(/65/);
    expect(summary(70)).toMatch(/65 or over/);
  });
});
