import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { failureSummary } from "../../src/cli/batch/command.js";
import * as exitCodes from "../../src/cli/exit-codes.js";
import { run } from "../../src/cli/run.js";
import { BUILTIN_RULESET_DOCUMENTS } from "../../src/ruleset/builtin.js";
import { answersByUrgency, answersJson } from "./helpers/answers.js";
import { makeFakeIo, type FakeIoOptions } from "./helpers/fake-io.js";
import { REPO_ROOT } from "./helpers/ruleset-file.js";
import { useTempDir } from "../helpers/temp-dir.js";

const ESC = "\u001b";
const temp = useTempDir("neck-triage-help-");

async function runWith(argv: readonly string[], options: FakeIoOptions & { columns?: number } = {}) {
  const fake = makeFakeIo(options);
  if (options.columns !== undefined) {
    (fake.io.stdout as { columns?: number }).columns = options.columns;
    (fake.io.stderr as { columns?: number }).columns = options.columns;
  }
  const code = await run(argv, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

const words = (text: string) => text.split(/\s+/).filter((word) => word !== "");

/** No line wider than `width`, unless it is one word that cannot be broken. */
function expectWrapped(text: string, width: number): void {
  for (const line of text.split("\n")) {
    if ([...line].length > width)
      expect(words(line), `a line wider than ${width}: ${JSON.stringify(line)}`).toHaveLength(1);
  }
}

describe("colour conventions", () => {
  it("FORCE_COLOR=0 means no colour, even on a terminal that could show it", async () => {
    const options = { stdinIsTTY: false, stdoutIsTTY: true, stdinText: JSON.stringify(answersByUrgency.emergency) };
    const coloured = await runWith(["--answers", "-"], { ...options, env: { TERM: "xterm-256color" } });
    expect(coloured.stdout, "colour without FORCE_COLOR=0, so the check below can fail").toContain(ESC);
    const plain = await runWith(["--answers", "-"], { ...options, env: { TERM: "xterm-256color", FORCE_COLOR: "0" } });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain("EMERGENCY");
    expect(plain.stdout).not.toContain(ESC);
  });
});

describe("wrapping to the terminal's width", () => {
  it.each([40, 80])(
    "--help at %i columns: every line fits, wrapped at spaces, no word lost or split",
    async (columns) => {
      const narrow = await runWith(["--help"], { stdoutIsTTY: true, columns });
      const wide = await runWith(["--help"], { stdoutIsTTY: true, columns: 100 });
      expect(narrow.code).toBe(0);
      expectWrapped(narrow.stdout, columns);
      expect(words(narrow.stdout)).toEqual(words(wide.stdout));
    },
  );

  it("help of a command at 40 columns fits too", async () => {
    const help = await runWith(["help", "batch"], { stdoutIsTTY: true, columns: 40 });
    expect(help.code).toBe(0);
    expectWrapped(help.stdout, 40);
  });

  it("a problem on a terminal is wrapped at spaces, continued indented; on a pipe it stays one line", async () => {
    const args = ["--answers", "-", "--emergency-number", "call-the-number-on-the-fridge-door-please"];
    const tty = await runWith(args, { stdinIsTTY: false, stderrIsTTY: true, columns: 40, stdinText: answersJson() });
    expect(tty.code).toBe(2);
    expectWrapped(tty.stderr, 40);
    expect(tty.stderr.trimEnd().split("\n").length).toBeGreaterThan(1);
    for (const continued of tty.stderr.trimEnd().split("\n").slice(1)) expect(continued).toMatch(/^ {2}\S/);
    const pipe = await runWith(args, { stdinIsTTY: false, stderrIsTTY: false, columns: 40, stdinText: answersJson() });
    expect(pipe.stderr.trimEnd().split("\n")).toHaveLength(1);
    // Nothing lost: the same characters (a word longer than the line is cut hard at the width, issue of linear wrapping).
    expect(pipe.stderr.replace(/\s+/g, "")).toBe(tty.stderr.replace(/\s+/g, ""));
  });
});

describe("commands and help topics", () => {
  it('a mistyped command: exit 2, "did you mean" the command', async () => {
    const result = await runWith(["rulse"], { stdinIsTTY: false });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'neck-triage: unknown command "rulse"; did you mean "rules"? (commands: rules, batch, questionnaire, web, schema; neck-triage --help for the options)\n',
    );
  });

  it("an unknown help topic: exit 2, naming the topic", async () => {
    const result = await runWith(["help", "batchh"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^neck-triage: no help topic "batchh"; did you mean "batch"\?/);
  });

  it("--ruleset extended --help lists that ruleset's fields", async () => {
    const extended = await runWith(["--ruleset", "extended", "--help"]);
    const plain = await runWith(["--help"]);
    expect(extended.code).toBe(0);
    expect(extended.stdout).toMatch(/^ {2}weightLoss +"yes" \| "no" \| "unsure"$/m);
    expect(plain.stdout).not.toContain("weightLoss");
    expect(extended.stdout).toMatch(/^ {2}painUnusual +"yes" \| "no" \| "unsure"$/m);
    expect(plain.stdout).not.toContain("painUnusual");
  });

  it("--help names every exit code of the contract's table, and no other", async () => {
    const contract = readFileSync(join(REPO_ROOT, "docs", "contract.md"), "utf8");
    const table = [...contract.matchAll(/^\| (\d+) \| /gm)].map((row) => Number(row[1])).sort((a, b) => a - b);
    const help = await runWith(["--help"], { stdoutIsTTY: true, columns: 200 });
    // The paragraph, wrapped at 80 columns however wide the terminal, joined back into one line.
    const line = (/^Exit codes: ((?:.+\n)+)/m.exec(help.stdout)?.[1] ?? "").replaceAll("\n", " ");
    const named = [...line.matchAll(/(?:^|, )(\d+) /g)].map((code) => Number(code[1])).sort((a, b) => a - b);
    expect(table).toEqual([0, 1, 2, 3, 130]);
    expect(named).toEqual(table);
    // And every exit code the code defines is one of them: a new one must reach the contract and --help.
    const defined = Object.entries(exitCodes).flatMap(([name, value]) =>
      name.startsWith("EXIT_") && typeof value === "number" ? [value] : [],
    );
    expect(defined.sort((a, b) => a - b)).toEqual(table);
  });

  it("--ruleset extended help (the help command) lists that ruleset's fields too", async () => {
    const extended = await runWith(["--ruleset", "extended", "help"]);
    expect(extended.code).toBe(0);
    expect(extended.stdout).toContain('Answers for the ruleset "extended"');
    expect(extended.stdout).toMatch(/^ {2}painUnusual +"yes" \| "no" \| "unsure"$/m);
  });

  it("--help names every built-in ruleset for --ruleset, on the main command and each command that takes it", async () => {
    const names = Object.keys(BUILTIN_RULESET_DOCUMENTS);
    expect(names.length).toBeGreaterThan(1);
    for (const argv of [
      ["--help"],
      ["batch", "--help"],
      ["rules", "--help"],
      ["web", "--help"],
      ["schema", "--help"],
      ["questionnaire", "--help"],
    ]) {
      const help = (await runWith(argv)).stdout.replace(/\s+/g, " ");
      expect(help, argv.join(" ")).toContain(
        `a built-in one by name (${names.map((name) => JSON.stringify(name)).join(", ")})`,
      );
    }
  });

  it("--ruleset FILE --help lists the fields of the ruleset in that file", async () => {
    // The default ruleset with one question renamed (fever -> feverish), so that only this file has that field.
    const document = readFileSync(join(REPO_ROOT, "rules", "default.json"), "utf8")
      .replaceAll('"fever"', '"feverish"')
      .replace('"id": "default"', '"id": "mine"');
    const file = await temp.file("mine.json", document);
    for (const argv of [
      ["--ruleset", file, "--help"],
      [`--ruleset=${file}`, "-h"],
    ]) {
      const mine = await runWith(argv);
      expect(mine.stderr).toBe("");
      expect(mine.code).toBe(0);
      expect(mine.stdout).toContain('Answers for the ruleset "mine"');
      expect(mine.stdout).toMatch(/^ {2}feverish +"yes" \| "no" \| "unsure"$/m);
      expect(mine.stdout).not.toMatch(/^ {2}fever +/m);
    }
  });
});

describe("options given before a command apply to it or are an error", () => {
  const referral = `${JSON.stringify(answersByUrgency.urgent)}\n`;

  it("--exit-code batch: applies (a referral exits 3)", async () => {
    const before = await runWith(["--exit-code", "batch"], { stdinIsTTY: false, stdinText: referral });
    const without = await runWith(["batch"], { stdinIsTTY: false, stdinText: referral });
    expect(without.code).toBe(0);
    expect(before.code).toBe(3);
  });

  it("--format text batch: applies; the command's own --format wins when given too", async () => {
    const text = await runWith(["--format", "text", "batch"], { stdinIsTTY: false, stdinText: referral });
    expect(text.stdout).toMatch(/^line 1: see-a-professional/);
    const own = await runWith(["--format", "text", "batch", "--format", "json"], {
      stdinIsTTY: false,
      stdinText: referral,
    });
    expect(JSON.parse(own.stdout).urgency).toBe("urgent");
  });

  it("--json rules: applies (the rules as JSON)", async () => {
    const result = await runWith(["--json", "rules"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).rules.length).toBeGreaterThan(0);
  });

  it.each([
    [["--answers", "a.json", "batch"], /^neck-triage: --answers: not an option of "neck-triage batch"/],
    [
      ["--format", "markdown", "batch"],
      /^neck-triage: --format: "neck-triage batch" takes json or text, got "markdown"/,
    ],
    [["--exit-code", "schema", "answers"], /^neck-triage: --exit-code: not an option of "neck-triage schema"/],
  ])("%j: exit 2, saying which option does not apply", async (argv, line) => {
    const result = await runWith(argv, { stdinIsTTY: false, stdinText: referral });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(line);
  });
});

describe("batch: exit 2 always comes with a summary", () => {
  it.each([
    [3, [3], "3 records, 1 error: line 3"],
    [1, [1], "1 record, 1 error: line 1"],
    [10, [2, 5], "10 records, 2 errors: lines 2, 5"],
    [
      1200,
      Array.from({ length: 12 }, (_, i) => i + 1),
      "1,200 records, 12 errors: lines 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 2 more",
    ],
  ])("%i records, failed %j → %s", (records, failed, expected) => {
    expect(failureSummary(records, failed)).toBe(expected);
  });
});
