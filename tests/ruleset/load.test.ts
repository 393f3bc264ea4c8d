import { describe, expect, it } from "vitest";
import defaultDocument from "../../rules/default.json" with { type: "json" };
import { defaultRuleset, evaluate, loadRuleset, RulesetError, type Issue } from "../../src/index.js";
import { calmAnswers, issuesThrownBy } from "../helpers/answers.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function freshDocument(): JsonObject {
  return structuredClone(defaultDocument);
}

function child(node: Json | undefined, key: string | number): Json | undefined {
  if (Array.isArray(node) && typeof key === "number") return node[key];
  if (node !== null && typeof node === "object" && !Array.isArray(node) && typeof key === "string") return node[key];
  return undefined;
}

function at(document: JsonObject, path: readonly (string | number)[]): Json {
  let node: Json | undefined = document;
  for (const key of path) node = child(node, key);
  if (node === undefined) throw new Error(`no ${path.join(".")} in the document`);
  return node;
}

function setAt(document: JsonObject, path: readonly (string | number)[], value: Json): void {
  const parent = at(document, path.slice(0, -1));
  const key = path[path.length - 1] as string | number;
  if (Array.isArray(parent) && typeof key === "number") parent[key] = value;
  else if (parent !== null && typeof parent === "object" && !Array.isArray(parent) && typeof key === "string")
    parent[key] = value;
  else throw new Error(`cannot set ${path.join(".")}`);
}

function deleteAt(document: JsonObject, path: readonly (string | number)[]): void {
  const parent = at(document, path.slice(0, -1));
  const key = path[path.length - 1];
  if (parent === null || typeof parent !== "object" || Array.isArray(parent) || typeof key !== "string")
    throw new Error("cannot delete");
  delete parent[key];
}

function pushAt(document: JsonObject, path: readonly (string | number)[], value: Json): number {
  const list = at(document, path);
  if (!Array.isArray(list)) throw new Error(`${path.join(".")} is not a list`);
  return list.push(value) - 1;
}

function ruleIndex(document: JsonObject, id: string): number {
  const rules = at(document, ["rules"]);
  const index = Array.isArray(rules) ? rules.findIndex((rule) => child(rule, "id") === id) : -1;
  if (index === -1) throw new Error(`no rule ${id}`);
  return index;
}

function questionIndex(document: JsonObject, id: string): number {
  const questions = at(document, ["questions"]);
  const index = Array.isArray(questions) ? questions.findIndex((question) => child(question, "id") === id) : -1;
  if (index === -1) throw new Error(`no question ${id}`);
  return index;
}

function loadIssues(document: JsonObject): readonly Issue[] {
  return issuesThrownBy(() => loadRuleset(document), RulesetError);
}

/** Exactly these issues, each at its path with a message containing every fragment given. */
function expectIssues(issues: readonly Issue[], expected: readonly [string, ...string[]][]): void {
  expect(issues.map((issue) => issue.path).sort()).toEqual(expected.map(([path]) => path).sort());
  for (const [path, ...fragments] of expected) {
    const issue = issues.find((i) => i.path === path);
    for (const fragment of fragments) expect(issue?.message, path).toContain(fragment);
  }
}

describe("loadRuleset", () => {
  it("loads the default ruleset document", () => {
    const ruleset = loadRuleset(freshDocument());
    expect(ruleset.id).toBe("default");
    expect(ruleset.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(ruleset.rules.map((rule) => rule.id)).toEqual(defaultDocument.rules.map((rule) => rule.id));
    expect(ruleset.questions.map((question) => question.id)).toEqual(
      defaultDocument.questions.map((question) => question.id),
    );
    expect(evaluate(ruleset, calmAnswers({ fever: "yes" }))).toEqual(
      evaluate(defaultRuleset, calmAnswers({ fever: "yes" })),
    );
  });

  it("reports every reference problem at once, each with its exact path", () => {
    const document = freshDocument();
    const meningitis = ruleIndex(document, "meningitis-signs");
    const emergencySigns = ruleIndex(document, "emergency-signs");
    const fever = ruleIndex(document, "fever");
    const headache = ruleIndex(document, "headache");
    const headacheOver50 = ruleIndex(document, "headache-over-50");
    const stiffNeck = ruleIndex(document, "stiff-neck");
    const shooting = ruleIndex(document, "shooting-arm-pain");
    const improving = questionIndex(document, "improving");

    setAt(document, ["rules", meningitis, "when", "all", 0, "answer"], "fevre");
    setAt(document, ["rules", emergencySigns, "when", "equals"], "maybe");
    setAt(document, ["rules", fever, "when", "equals"], "unsure");
    setAt(document, ["rules", headache, "when"], { answer: "headache", atLeast: 1 });
    setAt(document, ["rules", headacheOver50, "when", "all", 1, "atLeast"], 121);
    const source = pushAt(document, ["rules", stiffNeck, "sources"], "aans-typo");
    setAt(document, ["rules", shooting, "id"], "stiff-neck");
    const copy = pushAt(
      document,
      ["questions"],
      structuredClone(at(document, ["questions", questionIndex(document, "fever")])),
    );
    setAt(document, ["advice", "urgency", "urgent", "advice"], "Get help {soon}.");
    setAt(document, ["questions", improving, "askWhen"], { answer: "otcResponse", equals: "unsure" });

    expectIssues(loadIssues(document), [
      [`rules.${meningitis}.when.all.0.answer`, 'unknown question "fevre"', "canTouchChinToChest"],
      [`rules.${emergencySigns}.when.equals`, 'expected "yes" | "no", got "maybe"'],
      [`rules.${fever}.when.equals`, 'expected "yes" | "no", got "unsure"'],
      [`rules.${headache}.when.atLeast`, '"headache" is a choice question'],
      [`rules.${headacheOver50}.when.all.1.atLeast`, "atLeast 121", "age (0–120)"],
      [`rules.${stiffNeck}.sources.${source}`, 'unknown source "aans-typo"', "aans-syndicated"],
      [`rules.${Math.max(stiffNeck, shooting)}.id`, 'duplicate rule id "stiff-neck"'],
      [`questions.${copy}.id`, 'duplicate question id "fever"'],
      ["advice.urgency.urgent.advice", "unknown placeholder {soon}", "{emergencyNumber}"],
      [`questions.${improving}.askWhen.answer`, '"otcResponse" is asked later'],
    ]);
  });

  it("rejects a bound that is always or never true at either end of an integer range", () => {
    const document = freshDocument();
    const young = ruleIndex(document, "young");
    const notImproving = ruleIndex(document, "not-improving");
    setAt(document, ["rules", young, "when", "below"], 0);
    setAt(document, ["rules", notImproving, "when", "all", 0, "atLeast"], 36501);
    expectIssues(loadIssues(document), [
      [`rules.${young}.when.below`, "below 0", "always or never true"],
      [`rules.${notImproving}.when.all.0.atLeast`, "atLeast 36501", "painDays"],
    ]);
  });

  it("reports every schema problem at once, each with its exact path", () => {
    const document = freshDocument();
    const injury = ruleIndex(document, "injury");
    const fever = ruleIndex(document, "fever");
    const meningitis = ruleIndex(document, "meningitis-signs");

    deleteAt(document, ["rules", injury, "urgency"]);
    setAt(document, ["rules", fever, "urgency"], "critical");
    setAt(document, ["rules", meningitis, "when"], {
      answer: "fever",
      equals: "yes",
      all: [{ answer: "canTouchChinToChest", equals: "no" }],
    });
    setAt(document, ["sources", "aans", "url"], "ftp://example.org/neck");
    setAt(document, ["sources", "cdc-stroke", "url"], "javascript:alert(1)");

    expectIssues(loadIssues(document), [
      [`rules.${injury}.urgency`, '"emergency"', '"urgent"', '"soon"', "nothing"],
      [`rules.${fever}.urgency`, '"emergency"', 'got "critical"'],
      [`rules.${meningitis}.when`, "answer, equals, all", "expected one of"],
      ["sources.aans.url", "URL", "ftp://example.org/neck"],
      ["sources.cdc-stroke.url", "URL", "javascript:alert(1)"],
    ]);
  });

  it("throws a RulesetError whose message lists each problem on its own line", () => {
    const document = freshDocument();
    setAt(document, ["rules", ruleIndex(document, "fever"), "urgency"], "critical");
    setAt(document, ["rules", ruleIndex(document, "injury"), "urgency"], "later");
    const error = (() => {
      try {
        loadRuleset(document);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(RulesetError);
    expect(error).toBeInstanceOf(Error);
    expect((error as RulesetError).name).toBe("RulesetError");
    expect(String(error)).toMatch(/^RulesetError: invalid ruleset:\n/);
    const lines = error instanceof Error ? error.message.split("\n") : [];
    expect(lines[0]).toBe("invalid ruleset:");
    expect(lines.slice(1)).toEqual((error as RulesetError).issues.map((issue) => `${issue.path}: ${issue.message}`));
    expect(lines.filter((line) => line.startsWith("rules."))).toHaveLength(2);
  });

  it("rejects what is not a ruleset document at all", () => {
    for (const notADocument of [null, [], "rules", 3]) {
      expect(
        loadIssues(notADocument as unknown as JsonObject).length,
        JSON.stringify(notADocument),
      ).toBeGreaterThanOrEqual(1);
    }
  });

  it("returns a frozen ruleset: changing it throws and changes nothing", () => {
    const ruleset = loadRuleset(freshDocument());
    const firstRule = ruleset.definition.rules[0] as { urgency: string };
    expect(() => {
      firstRule.urgency = "soon";
    }).toThrow(TypeError);
    const sources = ruleset.definition.sources as Record<string, { url: string }>;
    expect(() => {
      (sources.aans as { url: string }).url = "https://example.org";
    }).toThrow(TypeError);
    expect(() => {
      (ruleset.definition.rules as unknown[]).pop();
    }).toThrow(TypeError);
    expect(() => {
      (ruleset.rules as unknown[]).pop();
    }).toThrow(TypeError);
    expect(() => {
      (ruleset.questions as unknown[]).length = 0;
    }).toThrow(TypeError);
    expect(Object.isFrozen(ruleset)).toBe(true);
    expect(Object.isFrozen(ruleset.definition.rules[1]?.when)).toBe(true);
    expect(Object.isFrozen(ruleset.definition.unsurePolicy.anchor)).toBe(true);
    for (const rule of ruleset.rules) {
      expect(Object.isFrozen(rule), rule.id).toBe(true);
      expect(Object.isFrozen(rule.fields), rule.id).toBe(true);
      expect(Object.isFrozen(rule.parts), rule.id).toBe(true);
      expect(Object.isFrozen(rule.sources), rule.id).toBe(true);
    }
    expect(evaluate(ruleset, calmAnswers({ emergencySigns: "yes" })).urgency).toBe("emergency");
  });

  it("does not change the document it is given", () => {
    const document = freshDocument();
    loadRuleset(document);
    expect(document).toEqual(freshDocument());
    expect(Object.isFrozen(document)).toBe(false);
    expect(Object.isFrozen(at(document, ["rules", 0, "when"]))).toBe(false);
    expect(Object.isFrozen(at(document, ["sources", "aans"]))).toBe(false);
  });

  it("does not change the document it is given when the document is invalid", () => {
    const document = freshDocument();
    setAt(document, ["rules", 0, "urgency"], "critical");
    const before = structuredClone(document);
    loadIssues(document);
    expect(document).toEqual(before);
  });
});
