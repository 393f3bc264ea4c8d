import { describe, expect, it } from "vitest";
import { defaultRuleset, loadRuleset, RulesetError } from "../../src/index.js";
import type { RulesetExtension } from "../../src/ruleset/schema.js";
import { inWords, issuesThrownBy } from "../helpers/answers.js";

/*
 * A ruleset that builds on the default ("extends": rules/README.md): what it adds goes where it says,
 * the base's texts stay unless it gives its own, and what cannot be added is refused, every problem
 * at once, each at its path. Only the CLI's tests and the extended ruleset reached this before.
 */

type Extension = Omit<RulesetExtension, "extends"> & { extends: "default" };

function extension(edit: (document: Extension) => void = () => {}): Extension {
  const document: Extension = { extends: "default", id: "my-extension", version: "1.0.0" };
  edit(document);
  return document;
}

const feverAgain = {
  id: "fever-again",
  urgency: "soon" as const,
  when: { answer: "fever", equals: "yes" },
  summary: "A fever",
  sources: ["aans"],
};

const ruleIds = (document: Extension) => loadRuleset(document).rules.map((rule) => rule.id);
const defaultRuleIds = defaultRuleset.rules.map((rule) => rule.id);

describe("what an extension adds", () => {
  it("a rule goes straight after the one it names, the base's rules and questions all kept", () => {
    const ids = ruleIds(extension((d) => (d.addRules = [{ after: "fever", rule: feverAgain }])));
    expect(ids).toHaveLength(defaultRuleIds.length + 1);
    expect(ids.indexOf("fever-again")).toBe(ids.indexOf("fever") + 1);
    expect(ids.filter((id) => id !== "fever-again")).toEqual(defaultRuleIds);
    expect(loadRuleset(extension()).questions.map((q) => q.id)).toEqual(defaultRuleset.questions.map((q) => q.id));
  });

  it("a rule without after goes at the end", () => {
    expect(ruleIds(extension((d) => (d.addRules = [{ rule: feverAgain }])))).toEqual([
      ...defaultRuleIds,
      "fever-again",
    ]);
  });

  it("keeps the base's texts unless it gives its own", () => {
    expect(loadRuleset(extension()).definition.title).toBe(defaultRuleset.definition.title);
    expect(loadRuleset(extension((d) => (d.title = "My neck rules"))).definition.title).toBe("My neck rules");
  });
});

describe("what an extension cannot add", () => {
  const issuesOf = (document: Extension) => inWords(issuesThrownBy(() => loadRuleset(document), RulesetError));

  it("a misspelt key of the extension itself is refused at its path, never ignored", () => {
    expect(issuesOf({ ...extension(), addRule: [{ rule: feverAgain }] } as Extension)).toEqual([
      { path: "(root)", message: 'unknown key "addRule"' },
    ]);
  });

  it("a source the base already has, naming the base", () => {
    expect(
      issuesOf(extension((d) => (d.addSources = { aans: { title: "AANS", url: "https://example.org/" } }))),
    ).toEqual([{ path: "addSources.aans", message: '"aans" is already a source of default' }]);
  });

  it("a rule or a question after one that is not there, listing those that are, every problem at once", () => {
    const issues = issuesOf(
      extension((d) => {
        d.addRules = [{ after: "fevr", rule: feverAgain }];
        d.addQuestions = [
          { after: "fevr", question: { ...defaultRuleset.questionsById.get("fever")!, id: "feverAgain" } },
        ];
      }),
    );
    expect(issues.map((issue) => issue.path)).toEqual(["addQuestions.0.after", "addRules.0.after"]);
    expect(issues[0]!.message).toMatch(
      /^nothing called "fevr" to add this after; known: emergencySigns, age, .*\bfever\b/,
    );
    expect(issues[1]!.message).toMatch(/^nothing called "fevr" to add this after; known: emergency-signs, .*\bfever\b/);
  });
});
