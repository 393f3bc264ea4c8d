import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { AnswersError, loadRuleset, RulesetError, triage } from "../../src/index.js";
const MAX_LISTED_ISSUES = 50;
import { issuesThrownBy } from "../helpers/answers.js";
import { REPO_ROOT } from "./helpers/ruleset-file.js";
import { makeFakeIo } from "./helpers/fake-io.js";

// Error output is bounded whatever the input (docs/contract.md, "Errors"): at most MAX_LISTED_ISSUES
// problems are listed per input, then one line counting the rest; long keys and values are shortened;
// a batch error record stays far below 1 MiB. The input is capped at 1 MiB, so the output must never
// outgrow it: 60,000 unknown keys once gave 60,014 lines (14.5 MB) on stderr.

const example = JSON.parse(readFileSync(`${REPO_ROOT}examples/answers.json`, "utf8")) as Record<string, unknown>;
const MANY = 60_000;

function withUnknownKeys(count: number, name = (i: number) => `k${i}`): Record<string, unknown> {
  const answers: Record<string, unknown> = { ...example };
  for (let i = 0; i < count; i++) answers[name(i)] = 1;
  return answers;
}

async function cli(args: readonly string[], stdin: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const fake = makeFakeIo({ stdinIsTTY: false, stdinText: stdin });
  const code = await run(args, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

const lines = (text: string) => text.trimEnd().split("\n");

describe("error output larger than the input: 60,000 unknown keys gave 60,014 lines", () => {
  it(`--answers: ${MAX_LISTED_ISSUES} problems listed, then one line counting the rest`, async () => {
    const { code, stderr, stdout } = await cli(["--answers", "-"], JSON.stringify(withUnknownKeys(MANY)));
    expect(code).toBe(2);
    expect(stdout).toBe("");
    const printed = lines(stderr);
    expect(printed).toHaveLength(MAX_LISTED_ISSUES + 1);
    expect(printed.slice(0, MAX_LISTED_ISSUES).every((line, i) => line.startsWith(`k${i}: unknown field`))).toBe(true);
    expect(printed.at(-1)).toBe(`… and ${(MANY - MAX_LISTED_ISSUES).toLocaleString("en")} more problems`);
  });

  it("batch: one error record listing the first problems, its message counting them all, far below 1 MiB", async () => {
    const { code, stdout } = await cli(["batch"], `${JSON.stringify(withUnknownKeys(MANY))}\n`);
    expect(code).toBe(2);
    const record = JSON.parse(stdout) as { error: { message: string; issues: unknown[] } };
    expect(record.error.message).toBe(
      `invalid answers: ${MANY.toLocaleString("en")} problems; the first ${MAX_LISTED_ISSUES} are listed`,
    );
    expect(record.error.issues).toHaveLength(MAX_LISTED_ISSUES);
    expect(Buffer.byteLength(stdout)).toBeLessThan(64 * 1024);
  });

  it("batch --format text: the first problems, then the count of the rest, on one line", async () => {
    const { stdout } = await cli(["batch", "--format", "text"], `${JSON.stringify(withUnknownKeys(MANY))}\n`);
    expect(lines(stdout)).toHaveLength(1);
    expect(stdout).toMatch(new RegExp(`; … and ${(MANY - MAX_LISTED_ISSUES).toLocaleString("en")} more problems\\n$`));
    expect(stdout.length).toBeLessThan(64 * 1024);
  });

  it("a key of 500,000 characters is shortened in the path, on stderr and in the record", async () => {
    const key = "x".repeat(500_000);
    const text = JSON.stringify({ ...example, [key]: 1 });
    const { stderr } = await cli(["--answers", "-"], text);
    expect(lines(stderr)).toHaveLength(1);
    expect(stderr.length).toBeLessThan(500);
    expect(stderr).toMatch(/^x+…: unknown field/);
    const batch = await cli(["batch"], `${text}\n`);
    expect(batch.stdout.length).toBeLessThan(1000);
  });

  it("a key given 60,000 times: the first listings, then the count", async () => {
    const text = `{${'"fever":"no",'.repeat(MANY)}"fever":"yes"}`;
    const { code, stderr } = await cli(["--answers", "-"], text);
    expect(code).toBe(2);
    const printed = lines(stderr);
    expect(printed.length).toBeLessThanOrEqual(MAX_LISTED_ISSUES + 1);
    expect(printed[0]).toBe("fever: given more than once; give each field once");
  });

  it("a ruleset with 15,000 problems: the first listed, then the count; the library's message is bounded too", async () => {
    const ruleset = {
      ...(JSON.parse(readFileSync(`${REPO_ROOT}rules/default.json`, "utf8")) as object),
      rules: Array.from({ length: 3_000 }, () => ({})),
    };
    const { code, stderr } = await cli(["rules", "--ruleset", "-"], JSON.stringify(ruleset));
    expect(code).toBe(2);
    const printed = lines(stderr);
    expect(printed).toHaveLength(MAX_LISTED_ISSUES + 1);
    expect(printed.at(-1)).toMatch(/^… and [\d,]+ more problems$/);
    const issues = issuesThrownBy(() => loadRuleset(ruleset), RulesetError);
    expect(issues.length, "the library keeps every problem as data").toBeGreaterThan(10_000);
    try {
      loadRuleset(ruleset);
    } catch (error) {
      expect(lines((error as Error).message).length).toBe(MAX_LISTED_ISSUES + 2);
    }
  });

  it("a ruleset of 60,000 empty rules was an internal error (zod's stack overflowed gathering 300,000 problems): refused in one line", async () => {
    const ruleset = {
      ...(JSON.parse(readFileSync(`${REPO_ROOT}rules/default.json`, "utf8")) as object),
      rules: Array.from({ length: MANY }, () => ({})),
    };
    const { code, stderr } = await cli(["rules", "--ruleset", "-"], JSON.stringify(ruleset));
    expect(stderr).toBe("stdin: (root): holds more than 10,000 values; a ruleset needs far fewer\n");
    expect(code).toBe(2);
  });

  it("a library caller's ruleset sharing one condition at every level is refused at once, not validated exponentially", () => {
    let shared: unknown = { answer: "fever", equals: "yes" };
    for (let level = 0; level < 25; level++) shared = { all: [shared, shared] };
    const ruleset = JSON.parse(readFileSync(`${REPO_ROOT}rules/default.json`, "utf8")) as {
      rules: { when: unknown }[];
    };
    ruleset.rules[0]!.when = shared;
    expect(issuesThrownBy(() => loadRuleset(ruleset), RulesetError)).toEqual([
      {
        path: "(root)",
        code: "ruleset.too-many-values",
        params: { maxValues: 10_000 },
        message: "holds more than 10,000 values; a ruleset needs far fewer",
      },
    ]);
  });

  it("the library: AnswersError keeps every issue, its message lists the first and counts the rest", () => {
    const answers = withUnknownKeys(MANY);
    const issues = issuesThrownBy(() => triage(answers as never), AnswersError);
    expect(issues).toHaveLength(MANY);
    try {
      triage(answers as never);
    } catch (error) {
      const message = lines((error as Error).message);
      expect(message).toHaveLength(MAX_LISTED_ISSUES + 2);
      expect(message[0]).toBe("invalid answers:");
    }
  });
});
