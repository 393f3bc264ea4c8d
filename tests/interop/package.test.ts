import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import defaultDocument from "../../rules/default.json" with { type: "json" };
import extendedDocument from "../../rules/extended.json" with { type: "json" };
import { beforeAll, describe, expect, it } from "vitest";

// What `npm pack` would publish, installed into an empty folder as a user would: the CLI through
// npx, the library from a plain .mjs file, the types from a TypeScript consumer, and a browser bundle.
const root = join(import.meta.dirname, "..", "..");
const consumer = mkdtempSync(join(tmpdir(), "neck-triage-consumer-"));

beforeAll(() => {
  const packDir = mkdtempSync(join(tmpdir(), "neck-triage-pack-"));
  execFileSync("npm", ["pack", "--silent", "--pack-destination", packDir], { cwd: root, stdio: "pipe" });
  const tarball = join(
    packDir,
    readdirSync(packDir).find((name) => name.endsWith(".tgz"))!,
  );
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball], {
    cwd: consumer,
    stdio: "pipe",
  });
}, 180_000);

function inConsumer(command: string, args: string[], input?: string) {
  return spawnSync(command, args, { cwd: consumer, encoding: "utf8", input, env: { ...process.env, NO_COLOR: "1" } });
}

describe("the packed package, installed in an empty folder", { timeout: 120_000 }, () => {
  it("npx neck-triage --version prints the package's version", () => {
    const run = inConsumer("npx", ["--no-install", "neck-triage", "--version"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe(
      JSON.parse(execFileSync("npm", ["pkg", "get", "version"], { cwd: root, encoding: "utf8" })),
    );
  });

  it("npx neck-triage --answers evaluates a fixture", () => {
    const run = inConsumer("npx", [
      "--no-install",
      "neck-triage",
      "--answers",
      join(root, "examples/answers.json"),
      "--json",
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      id: "example-1",
      verdict: "self-care-likely-fine",
      urgency: "none",
    });
  });

  it("npx neck-triage web prints the page the package holds (dist/web/neck-triage.html)", () => {
    const run = inConsumer("npx", ["--no-install", "neck-triage", "web"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      readFileSync(join(consumer, "node_modules", "neck-triage", "dist", "web", "neck-triage.html"), "utf8"),
    );
    expect(run.stdout).toMatch(/^<!doctype html>/);
  });

  it("a plain .mjs file imports the library", () => {
    writeFileSync(
      join(consumer, "use.mjs"),
      `import { triage, AnswersError } from "neck-triage";
       import { readFileSync } from "node:fs";
       const answers = JSON.parse(readFileSync(${JSON.stringify(join(root, "examples/answers.json"))}, "utf8"));
       const r = triage({ ...answers, fever: "yes" });
       let issues = [];
       try { triage({ ...answers, fever: "maybe" }); } catch (e) { if (e instanceof AnswersError) issues = e.issues; }
       console.log(JSON.stringify({ urgency: r.urgency, issues }));`,
    );
    const run = inConsumer(process.execPath, ["use.mjs"]);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      urgency: "urgent",
      issues: [
        {
          path: "fever",
          code: "answers.invalid-value",
          params: { expected: { choices: ["yes", "no", "unsure"] }, received: { type: "string", value: "maybe" } },
          message: 'expected "yes" | "no" | "unsure", got "maybe"',
        },
      ],
    });
  });

  it("a TypeScript consumer type-checks against the package's exports, and a wrong field does not", () => {
    const good = `import { triage, evaluate, loadRuleset, defaultRuleset, AnswersSchema, AnswersError, RulesetError, type TriageResult, type DefaultAnswers } from "neck-triage";
      const answers: DefaultAnswers = AnswersSchema.parse({});
      const result: TriageResult = triage(answers, { emergencyNumber: "112" });
      const again: TriageResult = evaluate(loadRuleset(defaultRuleset.definition), answers);
      const kinds: string[] = [result.verdict, again.urgency, new AnswersError([]).name, new RulesetError([]).name];
      export { kinds };\n`;
    writeFileSync(join(consumer, "good.ts"), good);
    writeFileSync(join(consumer, "bad.ts"), `import { triage } from "neck-triage";\ntriage({ fevr: "yes" });\n`);
    const options = {
      strict: true,
      module: "NodeNext",
      moduleResolution: "NodeNext",
      target: "ES2022",
      noEmit: true,
      types: [],
    };
    writeFileSync(
      join(consumer, "tsconfig.good.json"),
      JSON.stringify({ compilerOptions: options, files: ["good.ts"] }),
    );
    writeFileSync(join(consumer, "tsconfig.bad.json"), JSON.stringify({ compilerOptions: options, files: ["bad.ts"] }));
    const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
    const goodRun = inConsumer(process.execPath, [tsc, "-p", "tsconfig.good.json"]);
    expect(goodRun.status, goodRun.stdout).toBe(0);
    const badRun = inConsumer(process.execPath, [tsc, "-p", "tsconfig.bad.json"]);
    expect(badRun.status).not.toBe(0);
    expect(badRun.stdout).toMatch(/fevr/);
  });

  it("the library bundles for the browser with no Node built-in pulled in", async () => {
    writeFileSync(join(consumer, "browser.mjs"), `import { triage } from "neck-triage";\nwindow.result = triage;\n`);
    const result = await build({
      entryPoints: [join(consumer, "browser.mjs")],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      metafile: true,
      logLevel: "silent",
      absWorkingDir: consumer,
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.includes("neck-triage/dist/src/index.js"))).toBe(true);
    expect(inputs.filter((input) => /^node:|chalk|commander|@inquirer|(fast-)?wrap-ansi/.test(input))).toEqual([]);
    const imports = Object.values(result.metafile.outputs).flatMap((output) => output.imports.map((i) => i.path));
    expect(imports).toEqual([]);
  });

  /** A one-file browser bundle of `entry` (ESM source), as text. */
  async function bundleForBrowser(name: string, entry: string): Promise<string> {
    writeFileSync(join(consumer, name), entry);
    const result = await build({
      entryPoints: [join(consumer, name)],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      logLevel: "silent",
      absWorkingDir: consumer,
    });
    return result.outputFiles.map((file) => file.text).join("\n");
  }

  it("fault: a browser bundle importing only triage carried rules/extended.json; now it holds no extended-only rule, while extendedRuleset brings them", async () => {
    // rules/extended.json extends the default: the rules it adds are its own.
    const defaultIds = new Set(defaultDocument.rules.map((rule) => rule.id));
    const extendedOnly = extendedDocument.addRules.map((entry) => entry.rule.id).filter((id) => !defaultIds.has(id));
    expect(extendedOnly.length).toBeGreaterThan(0);
    const triageOnly = await bundleForBrowser(
      "triage-only.mjs",
      `import { triage } from "neck-triage";\nwindow.triage = triage;\n`,
    );
    expect(triageOnly).toContain(`"${defaultDocument.rules[0]!.id}"`);
    expect(extendedOnly.filter((id) => triageOnly.includes(`"${id}"`))).toEqual([]);
    const withExtended = await bundleForBrowser(
      "with-extended.mjs",
      `import { extendedRuleset } from "neck-triage";\nwindow.rs = extendedRuleset;\n`,
    );
    expect(extendedOnly.filter((id) => !withExtended.includes(`"${id}"`))).toEqual([]);
  });
});
