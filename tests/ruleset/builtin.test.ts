import { describe, expect, it } from "vitest";

/*
 * The built-in rulesets, loaded when the library is imported or `--ruleset NAME` asks for one. The
 * library is imported inside each test, not at the top of the file: a broken built-in ruleset then
 * fails these tests instead of stopping the file from loading.
 */

const library = () => import("../../src/index.js");
const builtins = () => import("../../src/ruleset/builtin.js");

describe("importing the library", () => {
  it("compiles the default ruleset (the build validated it), ready to use", async () => {
    const { defaultRuleset, triage } = await library();
    expect(defaultRuleset.id).toBe("default");
    expect(defaultRuleset.rules.length).toBeGreaterThan(0);
    expect(
      triage({
        emergencySigns: "yes",
        age: 30,
        injury: "no",
        riskHistory: "no",
        swallowing: "no",
        limbWeakness: "no",
        coordinationLoss: "no",
        fever: "no",
        headache: "no",
        canTouchChinToChest: "yes",
        armTinglingOrNumbness: "no",
        shootingArmPain: "no",
        painDays: 3,
        improving: "yes",
        otcResponse: "not-tried",
      }).urgency,
    ).toBe("emergency");
  });
});

describe("built-in rulesets by name", () => {
  it("each document is a valid ruleset, and its name gives that ruleset, compiled once", async () => {
    const { BUILTIN_RULESET_DOCUMENTS, getBuiltinRuleset } = await builtins();
    const { loadRuleset } = await library();
    const names = Object.keys(BUILTIN_RULESET_DOCUMENTS);
    expect(names).toContain("default");
    for (const name of names) {
      const document = BUILTIN_RULESET_DOCUMENTS[name];
      const loaded = loadRuleset(document);
      const ruleset = getBuiltinRuleset(name);
      expect(ruleset?.id, name).toBe(loaded.id);
      expect(ruleset?.definition, name).toEqual(loaded.definition);
      expect(getBuiltinRuleset(name), name).toBe(ruleset);
    }
  });

  it("the default one is the library's defaultRuleset", async () => {
    const { getBuiltinRuleset, getDefaultRuleset } = await builtins();
    const { defaultRuleset } = await library();
    expect(getDefaultRuleset()).toBe(defaultRuleset);
    expect(getBuiltinRuleset("default")).toBe(defaultRuleset);
  });

  it("an unknown name, or a name every object has, gives none", async () => {
    const { getBuiltinRuleset } = await builtins();
    for (const name of ["nope", "Default", "", "toString", "constructor", "__proto__", "hasOwnProperty"]) {
      expect(getBuiltinRuleset(name), name).toBeUndefined();
    }
  });

  it("the list of documents cannot be changed", async () => {
    const { BUILTIN_RULESET_DOCUMENTS } = await builtins();
    expect(Object.isFrozen(BUILTIN_RULESET_DOCUMENTS)).toBe(true);
  });
});
