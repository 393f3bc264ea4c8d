import { describe, expect, it } from "vitest";
import { loadRuleset, RulesetError } from "../../src/index.js";
import type { RulesetDefinition } from "../../src/ruleset/schema.js";
import { issuesThrownBy } from "../helpers/answers.js";
import { ruleIndex, ruleOf, rulesetDocument } from "../helpers/ruleset-document.js";

/*
 * docs/contract.md, "Errors": a bad rules file gets every issue listed, not just the first. A document the schema
 * refuses is still checked for references as far as its shape allows, so that one run reports both
 * kinds; a place is reported once.
 */

const issuesOf = (edit: (document: RulesetDefinition) => void) =>
  issuesThrownBy(() => loadRuleset(rulesetDocument(edit)), RulesetError);
const fever = ruleIndex(rulesetDocument(), "fever");

describe("a document with schema and reference problems", () => {
  it("reports both at once", () => {
    const issues = issuesOf((d) => {
      d.version = "one";
      ruleOf(d, "fever").sources.push("nope");
    });
    expect(issues.map((issue) => issue.path)).toEqual(["version", `rules.${fever}.sources.2`]);
    expect(issues[1]?.message).toContain('unknown source "nope"');
  });

  it("reports a place the schema already reported only once, with the schema's message", () => {
    const issues = issuesOf((d) => {
      (ruleOf(d, "fever").when as { equals: unknown }).equals = 5;
    });
    expect(issues).toEqual([
      {
        path: `rules.${fever}.when.equals`,
        code: "schema.invalid-type",
        params: { expected: "string", received: { type: "number", value: 5 } },
        message: "expected string, got 5",
      },
    ]);
    expect(issues[0]?.message).not.toContain('"yes" | "no"');
  });

  it("reports only the schema's problems when the shape is too broken to check references", () => {
    expect(issuesOf((d) => ((d as { questions: unknown }).questions = 5))).toEqual([
      {
        path: "questions",
        code: "schema.invalid-type",
        params: { expected: "array", received: { type: "number", value: 5 } },
        message: "expected array, got 5",
      },
    ]);
  });
});
