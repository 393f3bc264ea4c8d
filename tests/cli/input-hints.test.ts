import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { REPO_ROOT } from "./helpers/ruleset-file.js";
import { makeFakeIo } from "./helpers/fake-io.js";
import { useTempDir } from "../helpers/temp-dir.js";

// Messages a person can act on for two common mistakes with files: saving them as UTF-16 (Windows
// editors and PowerShell's `>` do), and leaving an empty line at the end of NDJSON.

const temp = useTempDir("neck-triage-hints-");
const answersText = readFileSync(`${REPO_ROOT}examples/answers.json`, "utf8");
const recordsText = readFileSync(`${REPO_ROOT}examples/records.ndjson`, "utf8");

/** Text as UTF-16, little- or big-endian, with or without its byte order mark. */
function utf16(text: string, endian: "le" | "be", bom: boolean): Buffer {
  const le = Buffer.from(`${bom ? "\ufeff" : ""}${text}`, "utf16le");
  return endian === "le" ? le : le.swap16();
}

async function cli(args: readonly string[], stdin?: string | Buffer) {
  const fake = makeFakeIo({ stdinIsTTY: false });
  fake.stdin.end(stdin ?? "");
  const code = await run(args, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

describe("UTF-16 input got no hint about the encoding", () => {
  const variants = [
    ["UTF-16LE with a byte order mark", utf16(answersText, "le", true)],
    ["UTF-16BE with a byte order mark", utf16(answersText, "be", true)],
    ["UTF-16LE without one (NUL bytes between ASCII)", utf16(answersText, "le", false)],
    ["UTF-16BE without one", utf16(answersText, "be", false)],
  ] as const;

  it.each(variants)("--answers FILE in %s: one line saying so, exit 2", async (_name, bytes) => {
    const file = await temp.file("answers-utf16.json", bytes);
    const { code, stderr } = await cli(["--answers", file]);
    expect(stderr).toBe(`${file}: looks like UTF-16; save it as UTF-8 (expected one JSON object: the answers)\n`);
    expect(code).toBe(2);
  });

  it("--ruleset - in UTF-16: the hint names the ruleset", async () => {
    const ruleset = readFileSync(`${REPO_ROOT}rules/default.json`, "utf8");
    const { code, stderr } = await cli(["rules", "--ruleset", "-"], utf16(ruleset, "le", true));
    expect(stderr).toBe("stdin: looks like UTF-16; save it as UTF-8 (expected one JSON object: the ruleset)\n");
    expect(code).toBe(2);
  });

  it("batch: each line of a UTF-16 file gets an error record with the hint", async () => {
    const { code, stdout } = await cli(["batch"], utf16(recordsText, "le", true));
    const records = stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as { line: number; error?: { message: string } });
    // Every "\n" is followed by the NUL that completes it in UTF-16LE: the last "line" is that NUL alone.
    expect(records.slice(0, -1).map((record) => record.error?.message)).toEqual(
      recordsText
        .trimEnd()
        .split("\n")
        .map(() => "not valid JSON: looks like UTF-16; save the file as UTF-8"),
    );
    expect(code).toBe(2);
  });

  it("UTF-8 with a byte order mark is still read as it always was", async () => {
    const { code } = await cli(["--answers", "-", "--json"], `\ufeff${answersText}`);
    expect(code).toBe(0);
  });
});

describe('a trailing blank line in NDJSON was reported as "(root): blank line"', () => {
  it("text output says what is wrong and what to do, without a path", async () => {
    const { code, stdout } = await cli(["batch", "--format", "text"], `${recordsText}\n`);
    const last = stdout.trimEnd().split("\n").at(-1);
    expect(last).toBe(
      "line 4: error: blank line; each line must hold one JSON object of answers (remove empty lines; one newline at the end is fine)",
    );
    expect(code).toBe(2);
  });

  it("the JSON error record says the same", async () => {
    const { stdout } = await cli(["batch"], `${recordsText}\n`);
    const record = JSON.parse(stdout.trimEnd().split("\n").at(-1)!) as {
      line: number;
      error: { message: string; issues: { path: string; code: string; message: string }[] };
    };
    expect(record).toEqual({
      line: 4,
      error: {
        message:
          "blank line; each line must hold one JSON object of answers (remove empty lines; one newline at the end is fine)",
        issues: [
          {
            path: "(root)",
            code: "line.blank",
            message:
              "blank line; each line must hold one JSON object of answers (remove empty lines; one newline at the end is fine)",
          },
        ],
      },
    });
  });
});
