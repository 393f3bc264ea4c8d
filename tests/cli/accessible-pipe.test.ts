import { beforeAll, describe, expect, it } from "vitest";
import { expectContractResult } from "./helpers/contract.js";
import { question } from "./helpers/ruleset-file.js";
import { assertBuilt, runCli } from "./helpers/spawn-cli.js";
import { CALM_ASKED, calmAskedWith, typedLines } from "./helpers/typed-answers.js";

// The accessible interview driven by a plain pipe of keystrokes: what a screen reader or a script
// hears must be plain text, with no escape sequence anywhere.
const ESC = "\u001b";
const REVIEW_DONE = "1";

beforeAll(() => assertBuilt());

describe("ACCESSIBLE=1 with typed lines on a pipe", () => {
  it("completes the interview from numbers typed one per line: every question once, each choice echoed, no escape sequences", async () => {
    const lines = [...typedLines(CALM_ASKED), REVIEW_DONE];
    const run = await runCli(["--json"], {
      env: { ACCESSIBLE: "1", TERM: "xterm-256color" },
      stdin: `${lines.join("\n")}\n`,
    });
    expect(run.code, run.stderr).toBe(0);
    const result = expectContractResult(JSON.parse(run.stdout));
    expect(result.urgency).toBe("none");
    for (const [id] of CALM_ASKED) expect(run.stderr.split(question(id).prompt.slice(0, 40)).length - 1, id).toBe(1);
    expect(run.stderr).toContain("You chose: No, none of these");
    expect(run.stderr).toContain("You answered: 40");
    expect(run.stderr + run.stdout).not.toContain(ESC);
  });

  it("the text result too has no escape sequences, and a referral is said in words", async () => {
    const lines = [...typedLines(calmAskedWith({ headache: "yes" })), REVIEW_DONE];
    const run = await runCli([], {
      env: { NECK_TRIAGE_ACCESSIBLE: "1", TERM: "xterm-256color", FORCE_COLOR: "3" },
      stdin: `${lines.join("\n")}\n`,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/SOON/);
    expect(run.stderr + run.stdout).not.toContain(ESC);
  });

  it("input that ends before the interview does (Ctrl-D) exits 130, Cancelled, no result", async () => {
    const run = await runCli(["--json"], { env: { ACCESSIBLE: "1" }, stdin: "2\n40\n" });
    expect(run.code).toBe(130);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/Cancelled\.\n$/);
  });

  it("without accessible mode a pipe is still refused at once (arrow-key menus need a terminal)", async () => {
    const run = await runCli([], { env: {}, stdin: "2\n" });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no terminal to ask the questions on/);
  });
});
