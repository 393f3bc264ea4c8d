import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { BUILTIN_RULESET_DOCUMENTS, builtinDefinition, getBuiltinRuleset } from "../../src/ruleset/builtin.js";
import { evaluate, loadRuleset, RulesetError } from "../../src/index.js";
import { makeFakeIo } from "../cli/helpers/fake-io.js";
import { calmAnswers } from "../helpers/answers.js";

const root = join(import.meta.dirname, "..", "..");
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(root, path), "utf8"));
const defaultDoc = readJson("rules/default.json") as { questions: { id: string }[]; rules: { id: string }[] };
const extensionDoc = readJson("rules/extended.json") as {
  extends?: string;
  addQuestions: { question: { id: string } }[];
};
/** The extended ruleset as a whole document: rules/extended.json builds on the default one. */
const extendedDoc = builtinDefinition("extended") as typeof defaultDoc;

async function cli(argv: string[], stdinText?: string) {
  const fake = makeFakeIo({ stdinIsTTY: false, ...(stdinText === undefined ? {} : { stdinText }) });
  const code = await run(argv, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

describe("the extended ruleset (docs/clinical-basis.md section 6)", () => {
  it("keeps every default question and rule unchanged, in the same order", () => {
    const extendedQuestions = extendedDoc.questions.filter((q) => defaultDoc.questions.some((d) => d.id === q.id));
    expect(extendedQuestions).toEqual(defaultDoc.questions);
    const extendedRules = extendedDoc.rules.filter((r) => defaultDoc.rules.some((d) => d.id === r.id));
    expect(extendedRules).toEqual(defaultDoc.rules);
  });

  it("adds exactly the eight questions of section 6 (three of them with 2.0)", () => {
    const added = extendedDoc.questions.map((q) => q.id).filter((id) => !defaultDoc.questions.some((d) => d.id === id));
    expect(added.sort()).toEqual([
      "dizzyOnNeckMovement",
      "exertionalPain",
      "gcaFeatures",
      "gettingWorse",
      "morningStiffness",
      "nightPain",
      "painUnusual",
      "weightLoss",
    ]);
  });

  it("says it builds on the default ruleset instead of repeating it, and repeats none of its questions", () => {
    expect(extensionDoc.extends).toBe("default");
    expect(
      extensionDoc.addQuestions
        .map((entry) => entry.question.id)
        .filter((id) => defaultDoc.questions.some((d) => d.id === id)),
    ).toEqual([]);
  });

  const extended = getBuiltinRuleset("extended")!;
  const extra = {
    weightLoss: "no",
    nightPain: "no",
    dizzyOnNeckMovement: "no",
    morningStiffness: "no",
    gettingWorse: "no",
    painUnusual: "no",
    exertionalPain: "no",
  };
  const urgencyOf = (answers: Record<string, unknown>) =>
    evaluate(extended, { ...calmAnswers(), ...extra, ...answers }).urgency;

  it.each([
    [{ weightLoss: "yes" }, "urgent"],
    [{ dizzyOnNeckMovement: "yes" }, "urgent"],
    [{ nightPain: "yes" }, "soon"],
    [{ nightPain: "yes", riskHistory: "yes" }, "urgent"],
    [{ morningStiffness: "yes" }, "soon"],
    [{ gettingWorse: "yes" }, "none"],
    [{ gettingWorse: "yes", limbWeakness: "yes" }, "emergency"],
    [{ gettingWorse: "yes", coordinationLoss: "yes" }, "emergency"],
    [{ limbWeakness: "yes" }, "urgent"],
    [{ painUnusual: "yes" }, "urgent"],
    [{ exertionalPain: "yes" }, "urgent"],
    [{ age: 60, headache: "yes", headacheNew: "no", gcaFeatures: "yes" }, "urgent"],
    [{ age: 60, headache: "yes", headacheNew: "no", gcaFeatures: "no" }, "soon"],
    [{ age: 40, headache: "yes", headacheNew: "no", gcaFeatures: "yes" }, "soon"],
  ] as const)("%o gives %s", (answers, urgency) => {
    expect(urgencyOf(answers)).toBe(urgency);
  });

  it("asks gettingWorse only when weakness or clumsiness is not 'no' (a follow-up: left out otherwise)", () => {
    const question = extended.questionsById.get("gettingWorse")!;
    expect(question.askWhen).toEqual({
      any: [
        { answer: "limbWeakness", equals: "yes" },
        { answer: "coordinationLoss", equals: "yes" },
      ],
    });
  });

  it("says in its description that these red flags rest mainly on expert opinion", () => {
    expect(extended.definition.description).toMatch(/expert opinion/);
  });

  it("gives the default ruleset's verdict when the extra answers are all 'no'", () => {
    for (const answers of [
      calmAnswers(),
      calmAnswers({ fever: "yes" }),
      calmAnswers({ emergencySigns: "unsure", headache: "unsure" }),
    ]) {
      const plain = evaluate(getBuiltinRuleset("default")!, answers);
      const wider = evaluate(extended, { ...answers, ...extra });
      expect(wider.reasons.map((r) => [r.ruleId, r.urgency])).toEqual(plain.reasons.map((r) => [r.ruleId, r.urgency]));
    }
  });
});

describe("custom rulesets: --ruleset FILE and rules --export", () => {
  it("every built-in ruleset exports to a document that --ruleset FILE accepts unchanged, with the same results", async () => {
    const dir = mkdtempSync(join(tmpdir(), "neck-triage-ruleset-"));
    for (const name of Object.keys(BUILTIN_RULESET_DOCUMENTS)) {
      const exported = await cli(["rules", "--export", "--ruleset", name]);
      expect(exported.code).toBe(0);
      expect(JSON.parse(exported.stdout)).toEqual(builtinDefinition(name));
      const file = join(dir, `${name}.json`);
      writeFileSync(file, exported.stdout);
      const ruleset = getBuiltinRuleset(name)!;
      const answers = Object.fromEntries(
        ruleset.questions.map((q) => [
          q.id,
          q.type === "integer" ? q.min + 20 : q.choices.find((c) => c.unknown)!.value,
        ]),
      );
      const fromFile = await cli(["--ruleset", file, "--answers", "-", "--json"], JSON.stringify(answers));
      const builtIn = await cli(["--ruleset", name, "--answers", "-", "--json"], JSON.stringify(answers));
      expect(fromFile.code).toBe(0);
      expect(JSON.parse(fromFile.stdout)).toEqual(JSON.parse(builtIn.stdout));
    }
  });

  it("a broken ruleset file is refused before use: every problem, each with its JSON path, exit 2", async () => {
    const broken = structuredClone(defaultDoc) as unknown as {
      rules: { when: unknown; urgency: string; sources: string[] }[];
    };
    broken.rules[0]!.when = { answer: "fevr", equals: "yes" };
    broken.rules[1]!.urgency = "later";
    broken.rules[2]!.sources = ["nowhere"];
    const dir = mkdtempSync(join(tmpdir(), "neck-triage-ruleset-"));
    const file = join(dir, "broken.json");
    writeFileSync(file, JSON.stringify(broken));
    const result = await cli(["--ruleset", file, "--answers", "-"], JSON.stringify(calmAnswers()));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trim().split("\n");
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/broken\.json: rules\.0\.when\.answer: unknown question "fevr"/),
        expect.stringMatching(/broken\.json: rules\.1\.urgency: .*"later"/),
        expect.stringMatching(/broken\.json: rules\.2\.sources\.0: unknown source "nowhere"/),
      ]),
    );
  });

  it("an unknown ruleset name is exit 2 naming the built-in ones", async () => {
    const result = await cli(["--ruleset", "strict", "--answers", "-"], JSON.stringify(calmAnswers()));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no built-in ruleset "strict"; built-in: default, extended/);
  });

  it("loadRuleset reports schema and reference problems together", () => {
    const broken = structuredClone(defaultDoc) as unknown as { rules: { when: unknown; urgency: string }[] };
    broken.rules[0]!.when = { answer: "fevr", equals: "yes" };
    broken.rules[1]!.urgency = "later";
    try {
      loadRuleset(broken);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RulesetError);
      const paths = (error as RulesetError).issues.map((issue) => issue.path);
      expect(paths).toEqual(expect.arrayContaining(["rules.0.when.answer", "rules.1.urgency"]));
    }
  });
});

describe("a ruleset is data only", () => {
  it("no source file evaluates text as code", () => {
    const sources = readdirSync(join(root, "src"), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
      .map((entry) => readFileSync(join(entry.parentPath, entry.name), "utf8"));
    for (const text of sources) {
      expect(text).not.toMatch(/\beval\s*\(|new\s+Function\s*\(|\bFunction\s*\(\s*["'`]/);
    }
  });
});
