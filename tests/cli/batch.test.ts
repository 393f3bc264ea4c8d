import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { LineSplitter } from "../../src/cli/batch/split-lines.js";
import { triageLine } from "../../src/cli/batch/records.js";
import { duplicateKeys } from "../../src/cli/duplicate-keys.js";
import { run } from "../../src/cli/run.js";
import { defaultRuleset, evaluate } from "../../src/index.js";
import { answersByUrgency, answersJson, calmAnswersMedicineHelped } from "./helpers/answers.js";
import { expectContractResult, type ContractResult } from "./helpers/contract.js";
import { makeFakeIo, type FakeIoOptions } from "./helpers/fake-io.js";
import { assertBuilt, BIN, runCli } from "./helpers/spawn-cli.js";
import { useTempDir } from "../helpers/temp-dir.js";

// `neck-triage batch` (docs/contract.md, "Batch"): NDJSON in, one result or error record per line out, in
// order, same count; exit 2 if any line failed, else 3 under --exit-code if any referral, else 0.

/** The contract's line limit: "a line over 1 MiB is refused". */
const MIB = 1024 * 1024;
/** A Node stack frame: never shown for bad input. */
const STACK_LINE = /^\s+at /m;
/** Control characters that can drive a terminal: C0 (but for the line feed ending each record), DEL and C1. */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

const temp = useTempDir("neck-triage-batch-");
const tempFile = temp.file;

const ErrorRecordSchema = z.looseObject({
  line: z.int().min(1),
  id: z.union([z.string(), z.number()]).optional(),
  error: z.looseObject({
    message: z.string().min(1),
    issues: z.array(z.looseObject({ path: z.string().min(1), message: z.string().min(1) })).min(1),
  }),
});
type ErrorRecord = z.infer<typeof ErrorRecordSchema>;

interface BatchRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `neck-triage batch ARGS` in-process, with `input` (if any) on stdin, which is not a terminal. */
async function batch(args: readonly string[], input?: string | Buffer, options: FakeIoOptions = {}): Promise<BatchRun> {
  const fake = makeFakeIo({ stdinIsTTY: false, ...options });
  if (input !== undefined) fake.stdin.end(input);
  const code = await run(["batch", ...args], fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

/** The output's records, one per line; every record ends with a newline. */
function outputLines(stdout: string): string[] {
  if (stdout === "") return [];
  expect(stdout.endsWith("\n"), "the last record ends with a newline").toBe(true);
  return stdout.slice(0, -1).split("\n");
}

function parseJsonLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new Error(`output line is not JSON: ${line.slice(0, 200)}`);
  }
}

function expectErrorRecord(value: unknown): ErrorRecord {
  const record = ErrorRecordSchema.parse(value);
  expect(value).not.toHaveProperty("verdict");
  return record;
}

/** The default ruleset's own result for these answers: what batch must give for a valid line. */
function libraryResult(text: string, options: { emergencyNumber?: string } = {}): unknown {
  return JSON.parse(JSON.stringify(evaluate(defaultRuleset, JSON.parse(text), options)));
}

/** What one input line should give. */
type Expected = { ok: true } | { ok: false; id?: string | number; path?: string; idMayBeMissing?: true };

interface Case {
  text: string;
  expect: Expected;
}

const withId = (id: string | number, changes: Record<string, unknown> = {}, base: object = calmAnswersMedicineHelped) =>
  answersJson({ id, ...changes }, base);

/** Every kind of line the contract names, valid ones in between. */
function mixedCases(): Case[] {
  const oversized = `{"id":"too-big","pad":"${"x".repeat(MIB + 16)}"}`;
  return [
    { text: withId("r1"), expect: { ok: true } },
    { text: "this is not JSON", expect: { ok: false } },
    { text: withId("r3", {}, answersByUrgency.emergency), expect: { ok: true } },
    { text: JSON.stringify([calmAnswersMedicineHelped]), expect: { ok: false } },
    { text: "null", expect: { ok: false } },
    { text: withId("r6", { fever: undefined, fevr: "no" }), expect: { ok: false, id: "r6", path: "fevr" } },
    { text: withId(7, { painDays: -1 }), expect: { ok: false, id: 7, path: "painDays" } },
    { text: "", expect: { ok: false } },
    { text: `${withId("r9", {}, answersByUrgency.urgent)}\r`, expect: { ok: true } },
    // Whether the id of a line that is not read can be given is not said: it may be left out.
    { text: oversized, expect: { ok: false, id: "too-big", idMayBeMissing: true } },
    { text: withId(11, {}, answersByUrgency.soon), expect: { ok: true } },
    { text: " \t ", expect: { ok: false } },
    { text: withId("r13", { fever: "maybe" }), expect: { ok: false, id: "r13", path: "fever" } },
    { text: '"a string"', expect: { ok: false } },
    { text: `{"id":"r15","fever":"yes"`, expect: { ok: false } },
    { text: answersJson(), expect: { ok: true } },
    { text: withId("r17", {}, answersByUrgency.emergency), expect: { ok: true } },
  ];
}

/** Checks every output line against the input line of the same number. */
function expectRecords(stdout: string, cases: readonly Case[]): void {
  const lines = outputLines(stdout);
  expect(lines, "one output line per input line").toHaveLength(cases.length);
  cases.forEach((c, index) => {
    const lineNumber = index + 1;
    const value = parseJsonLine(lines[index] ?? "");
    const inputText = c.text.replace(/\r$/, "");
    if (c.expect.ok) {
      const result: ContractResult = expectContractResult(value);
      const input = JSON.parse(inputText) as { id?: string | number };
      expect(result.id, `line ${lineNumber}: id echoed`).toStrictEqual(input.id);
      expect(value, `line ${lineNumber}: the library's result for the same answers`).toEqual(libraryResult(inputText));
    } else {
      const record = expectErrorRecord(value);
      expect(record.line, "error record's line number").toBe(lineNumber);
      if (!(c.expect.idMayBeMissing && record.id === undefined))
        expect(record.id, `line ${lineNumber}: id`).toStrictEqual(c.expect.id);
      if (c.expect.path !== undefined) expect(record.error.issues.map((issue) => issue.path)).toContain(c.expect.path);
    }
  });
}

describe("batch: every line in gives one line out, in order", () => {
  const cases = mixedCases();

  it("corrupt, blank, CRLF and oversized lines among valid ones; a final newline adds no record", async () => {
    const { code, stdout, stderr } = await batch([], `${cases.map((c) => c.text).join("\n")}\n`);
    expectRecords(stdout, cases);
    // Exit 2 comes with a one-line summary naming the failed lines.
    const failed = cases.flatMap((c, i) => (c.expect.ok ? [] : [i + 1]));
    expect(stderr).toBe(
      `${cases.length} records, ${failed.length} errors: lines ${failed.slice(0, 10).join(", ")}${failed.length > 10 ? ` and ${failed.length - 10} more` : ""}\n`,
    );
    expect(code, "a line failed").toBe(2);
  });

  it("without a final newline the last line still counts", async () => {
    const { code, stdout } = await batch([], cases.map((c) => c.text).join("\n"));
    expectRecords(stdout, cases);
    expect(code).toBe(2);
  });

  it("the same from a file, with CRLF line ends throughout", async () => {
    const file = await tempFile("mixed-crlf.ndjson", `${cases.map((c) => c.text.replace(/\r$/, "")).join("\r\n")}\r\n`);
    const { code, stdout } = await batch([file]);
    expectRecords(stdout, cases);
    expect(code).toBe(2);
  });

  it("empty input: no output, exit 0", async () => {
    const { code, stdout, stderr } = await batch([], "");
    expect(stdout).toBe("");
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });

  it("a lone newline is one blank line: one error record", async () => {
    const { code, stdout } = await batch([], "\n");
    const lines = outputLines(stdout);
    expect(lines).toHaveLength(1);
    expect(expectErrorRecord(parseJsonLine(lines[0] ?? "")).line).toBe(1);
    expect(code).toBe(2);
  });

  it("an error record names each problem of its line with its field", async () => {
    const text = withId("two-problems", { fever: "maybe", age: 200 });
    const { stdout } = await batch([], `${text}\n`);
    const record = expectErrorRecord(parseJsonLine(outputLines(stdout)[0] ?? ""));
    expect(record.id).toBe("two-problems");
    expect(record.error.issues.map((issue) => issue.path).sort()).toEqual(["age", "fever"]);
  });

  it("an id that is not a valid id (too long) is not echoed in the error record", async () => {
    const { stdout } = await batch([], `${withId("x".repeat(201))}\n`);
    const record = expectErrorRecord(parseJsonLine(outputLines(stdout)[0] ?? ""));
    expect(record).not.toHaveProperty("id");
    expect(record.error.issues.map((issue) => issue.path)).toContain("id");
  });

  it("a line of exactly 1 MiB is read; one byte more is refused; CRLF does not count against the limit", async () => {
    const valid = withId("edge", {}, answersByUrgency.urgent);
    const padded = (bytes: number) => `${valid.slice(0, -1)}${" ".repeat(bytes - valid.length)}}`;
    const exact = padded(MIB);
    expect(Buffer.byteLength(exact)).toBe(MIB);
    const over = padded(MIB + 1);
    const { code, stdout } = await batch([], `${exact}\n${over}\n${exact}\r\n${exact}`);
    const lines = outputLines(stdout);
    expect(lines).toHaveLength(4);
    for (const index of [0, 2, 3]) {
      const result = expectContractResult(parseJsonLine(lines[index] ?? ""));
      expect(result.id, `line ${index + 1}`).toBe("edge");
      expect(result.urgency).toBe("urgent");
    }
    expect(expectErrorRecord(parseJsonLine(lines[1] ?? "")).line).toBe(2);
    expect(code).toBe(2);
  });

  it("a line nested thousands of levels deep is one error record, and the lines around it still come out", async () => {
    // JSON.parse takes such a line; nothing after it may recurse over it and blow the stack.
    const depth = 200_000;
    const deepArray = `${"[".repeat(depth)}${"]".repeat(depth)}`;
    const deepField = `${answersJson({ id: "deep" }).slice(0, -1)},"extra":${'{"a":'.repeat(depth / 4)}1${"}".repeat(depth / 4)}}`;
    const cases: Case[] = [
      { text: withId("before"), expect: { ok: true } },
      { text: deepArray, expect: { ok: false } },
      { text: deepField, expect: { ok: false, id: "deep", path: "extra" } },
      { text: withId("after"), expect: { ok: true } },
    ];
    const { code, stdout, stderr } = await batch([], cases.map((c) => c.text).join("\n"));
    expect(stderr).toBe("4 records, 2 errors: lines 2, 3\n");
    expectRecords(stdout, cases);
    expect(code).toBe(2);
  });

  it("a line crafted with deep nesting and one key given 100,000 times is one modest error record", async () => {
    // Listing every duplicate with its 10,000-character path would take about a gigabyte.
    const depth = 5_000;
    const crafted = `${"[".repeat(depth)}{${'"k":1,'.repeat(100_000)}"k":1}${"]".repeat(depth)}`;
    const { code, stdout } = await batch([], `${crafted}\n${withId("after")}\n`);
    const lines = outputLines(stdout);
    expect(lines).toHaveLength(2);
    expect(expectErrorRecord(parseJsonLine(lines[0] ?? "")).line).toBe(1);
    expect(lines[0]?.length).toBeLessThan(MIB);
    expect(expectContractResult(parseJsonLine(lines[1] ?? "")).id).toBe("after");
    expect(code).toBe(2);
  });

  it("a UTF-8 byte order mark at the start of the input does not spoil the first line", async () => {
    // Windows tools write one; `--answers FILE` already skips it.
    const { code, stdout } = await batch(
      [],
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${withId("bom")}\n${withId("next")}\n`)]),
    );
    const ids = outputLines(stdout).map((line) => expectContractResult(parseJsonLine(line)).id);
    expect(ids).toEqual(["bom", "next"]);
    expect(code).toBe(0);
  });

  it("--emergency-number reaches every record's advice as for a single evaluation", async () => {
    const texts = [withId("e", {}, answersByUrgency.emergency), withId("c")];
    const { code, stdout } = await batch(["--emergency-number", "112"], `${texts.join("\n")}\n`);
    const lines = outputLines(stdout);
    expect(lines.map(parseJsonLine)).toEqual(texts.map((text) => libraryResult(text, { emergencyNumber: "112" })));
    expect(code).toBe(0);
  });
});

describe("batch exit codes: 2 if any line failed, else 3 under --exit-code if any referral, else 0", () => {
  const calm = [withId("a"), withId("b")];
  const referral = [withId("a"), withId("b", {}, answersByUrgency.soon), withId("c")];
  const referralAndFailure = [withId("a", {}, answersByUrgency.emergency), "{oops", withId("c")];

  it.each([
    { name: "no referral", lines: calm, args: [], code: 0 },
    { name: "no referral, --exit-code", lines: calm, args: ["--exit-code"], code: 0 },
    { name: "a referral, without --exit-code", lines: referral, args: [], code: 0 },
    { name: "a referral, --exit-code", lines: referral, args: ["--exit-code"], code: 3 },
    { name: "a referral and a failed line, --exit-code", lines: referralAndFailure, args: ["--exit-code"], code: 2 },
    { name: "a referral and a failed line", lines: referralAndFailure, args: [], code: 2 },
    { name: "only a failed line, --exit-code", lines: ["[]"], args: ["--exit-code"], code: 2 },
    {
      name: "a failed line first, referrals after, --exit-code",
      lines: ["", ...referral],
      args: ["--exit-code"],
      code: 2,
    },
  ])("$name: exit $code, and every line is in the output", async ({ lines, args, code }) => {
    for (const format of ["json", "text"]) {
      const result = await batch([...args, "--format", format], `${lines.join("\n")}\n`);
      expect(outputLines(result.stdout), format).toHaveLength(lines.length);
      expect(result.code, format).toBe(code);
      // Exit 2, and only exit 2, comes with a summary on stderr.
      if (code === 2) expect(result.stderr).toMatch(new RegExp(`^${lines.length} records?, 1 error: line \\d+\\n$`));
      else expect(result.stderr).toBe("");
    }
  });
});

describe("batch --format text", () => {
  it("one readable line per record, in order, with the id, the verdict or the faulty field, and no control characters", async () => {
    const cases = [
      { text: withId("t-calm"), words: ["t-calm", "self-care-likely-fine"] },
      { text: withId("t-urgent", {}, answersByUrgency.urgent), words: ["t-urgent", "see-a-professional", "urgent"] },
      { text: "not json", words: ["3"] },
      { text: withId("t-bad", { painDays: "three" }), words: ["t-bad", "painDays"] },
      { text: "", words: ["5"] },
      { text: withId(606, {}, answersByUrgency.emergency), words: ["606", "see-a-professional", "emergency"] },
      {
        text: withId("red\u001b[31m\u009b2J", {}, answersByUrgency.soon),
        words: ["red", "see-a-professional", "soon"],
      },
      { text: withId("\u001b]0;title\u0007", { fever: "\u001b[5m" }), words: ["title", "fever"] },
      { text: answersJson({ "\u009b2Jfever": "yes" }), words: ["9", "fever"] },
      { text: `{"id":"t-oversized","pad":"${"y".repeat(MIB + 1)}"}`, words: ["10"] },
    ];
    const { code, stdout } = await batch(["--format", "text"], `${cases.map((c) => c.text).join("\n")}\n`);
    const lines = outputLines(stdout);
    expect(lines).toHaveLength(cases.length);
    cases.forEach((c, index) => {
      const line = lines[index] ?? "";
      expect(line, `line ${index + 1} has no control characters: ${JSON.stringify(line)}`).not.toMatch(CONTROL);
      expect(line.length, "readable, not a dump of the input").toBeLessThan(2000);
      for (const word of c.words) expect(line, `line ${index + 1}`).toMatch(new RegExp(`(^|\\W)${word}(\\W|$)`));
      expect(() => JSON.parse(line), "text, not JSON").toThrow();
    });
    expect(code).toBe(2);
  });
});

describe("batch input: stdin, -, a file", () => {
  const texts = [withId("s1"), withId("s2", {}, answersByUrgency.urgent)];
  const input = `${texts.join("\n")}\n`;
  const expected = () => texts.map((text) => libraryResult(text));

  it("no file argument reads stdin", async () => {
    const { code, stdout, stderr } = await batch([], input);
    expect(outputLines(stdout).map(parseJsonLine)).toEqual(expected());
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });

  it("- reads stdin", async () => {
    const { code, stdout } = await batch(["-"], input);
    expect(outputLines(stdout).map(parseJsonLine)).toEqual(expected());
    expect(code).toBe(0);
  });

  it("a file argument reads the file, not stdin", async () => {
    const file = await tempFile("two.ndjson", input);
    const { code, stdout } = await batch([file], `${withId("from-stdin")}\n`);
    expect(outputLines(stdout).map(parseJsonLine)).toEqual(expected());
    expect(code).toBe(0);
  });

  it("a missing file: exit 2, one line on stderr naming it, nothing on stdout", async () => {
    const missing = join(temp.path, "no-such-file.ndjson");
    const { code, stdout, stderr } = await batch([missing]);
    expect(stdout).toBe("");
    expect(stderr).not.toMatch(STACK_LINE);
    expect(stderr.endsWith("\n")).toBe(true);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toContain(missing);
    expect(code).toBe(2);
  });

  it("a folder instead of a file: exit 2, one line on stderr", async () => {
    const { code, stdout, stderr } = await batch([temp.path]);
    expect(stdout).toBe("");
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toContain(temp.path);
    expect(code).toBe(2);
  });
});

describe("batch progress on stderr", () => {
  const lineCount = 3000;
  const chunks = 10;

  /** Feeds `lineCount` valid lines in `chunks` pieces, the clock moving 300 ms before each. */
  async function slowBatch(stderrIsTTY: boolean): Promise<BatchRun> {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const fake = makeFakeIo({ stdinIsTTY: false, stderrIsTTY });
      const done = run(["batch"], fake.io);
      const perChunk = lineCount / chunks;
      for (let c = 0; c < chunks; c++) {
        let text = "";
        for (let i = 0; i < perChunk; i++) text += `${withId(c * perChunk + i)}\n`;
        vi.setSystemTime(Date.now() + 300);
        fake.stdin.write(text);
        // Let batch read this chunk (its output shows it) before the clock moves again.
        const want = (c + 1) * perChunk;
        for (let spins = 0; countNewlines(fake.stdout()) < want && spins < 100_000; spins++) {
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      fake.stdin.end();
      const code = await done;
      return { code, stdout: fake.stdout(), stderr: fake.stderr() };
    } finally {
      vi.useRealTimers();
    }
  }

  it("stderr a terminal: one progress line, redrawn in place, ending on the total; stdout untouched", async () => {
    const { code, stdout, stderr } = await slowBatch(true);
    expect(outputLines(stdout)).toHaveLength(lineCount);
    expect(code).toBe(0);
    expect(stderr, "drawn at least once during a slow run").not.toBe("");
    expect(stderr.endsWith("\n"), "the line is finished").toBe(true);
    expect(stderr.indexOf("\n"), "only one line").toBe(stderr.length - 1);
    const draws = stderr.slice(0, -1).split("\r").slice(1);
    expect(stderr.startsWith("\r"), "redrawn in place").toBe(true);
    expect(draws.at(-1), "the last draw counts every record").toMatch(/^3,?000 records/);
  });

  it("stderr not a terminal: nothing on stderr", async () => {
    const { code, stdout, stderr } = await slowBatch(false);
    expect(outputLines(stdout)).toHaveLength(lineCount);
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });

  it("a fast run of a few thousand lines with stderr a terminal: stderr empty or one progress line", async () => {
    let text = "";
    for (let i = 0; i < lineCount; i++) text += `${withId(i)}\n`;
    const { code, stdout, stderr } = await batch([], text, { stderrIsTTY: true });
    expect(outputLines(stdout)).toHaveLength(lineCount);
    expect(code).toBe(0);
    if (stderr !== "") expect(stderr).toMatch(/^(\r[\d,]+ records[^\r\n]*)+\n$/);
  });
});

type Line = [number, string | undefined];

function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) count++;
  return count;
}

/** The lines the contract says a text holds: split at "\n", a final "\n" makes no line, a "\r" before "\n" is not part of it. */
function expectedLines(text: string): Line[] {
  if (text === "") return [];
  const parts = text.split("\n");
  if (text.endsWith("\n")) parts.pop();
  return parts.map((part, index) => [index + 1, part.replace(/\r$/, "")]);
}

function splitInPieces(bytes: Buffer, cuts: readonly number[], maxBytes = MIB): Line[] {
  const lines: Line[] = [];
  const splitter = new LineSplitter(maxBytes, (lineNumber, text) => lines.push([lineNumber, text]));
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    splitter.push(bytes.subarray(from, cut));
    from = cut;
  }
  splitter.end();
  return lines;
}

describe("LineSplitter", () => {
  const samples = ['{"a":"é"}\r\n\n漢字 😀 line\n\r\n  \nlast, no newline: ß€𝄞', "one\ntwo\r\nthree\n\n", "😀\n\r\n\n"];

  it.each(samples)("cut at any byte, even inside a UTF-8 character, gives the same lines: %j", (sample) => {
    const bytes = Buffer.from(sample);
    const expected = expectedLines(sample);
    expect(splitInPieces(bytes, [])).toEqual(expected);
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(splitInPieces(bytes, [cut]), `cut at ${cut}`).toEqual(expected);
    }
  });

  it("cut at any two bytes, and byte by byte, gives the same lines", () => {
    const sample = samples[0] ?? "";
    const bytes = Buffer.from(sample);
    const expected = expectedLines(sample);
    for (let first = 0; first <= bytes.length; first++) {
      for (let second = first; second <= bytes.length; second++) {
        const got = splitInPieces(bytes, [first, second]);
        if (JSON.stringify(got) !== JSON.stringify(expected))
          expect(got, `cuts at ${first} and ${second}`).toEqual(expected);
      }
    }
    expect(
      splitInPieces(
        bytes,
        Array.from({ length: bytes.length }, (_, i) => i),
      ),
    ).toEqual(expected);
  });

  it("no input, one newline, text without a newline", () => {
    expect(splitInPieces(Buffer.from(""), [])).toEqual([]);
    expect(splitInPieces(Buffer.from("\n"), [])).toEqual([[1, ""]]);
    expect(splitInPieces(Buffer.from("abc"), [])).toEqual([[1, "abc"]]);
    expect(splitInPieces(Buffer.from("abc\r"), [])).toEqual([[1, "abc"]]);
  });

  it("a line of several MiB pushed in small chunks is reported too long, with the line numbers around it right", () => {
    const lines: Line[] = [];
    const splitter = new LineSplitter(MIB, (lineNumber, text) => lines.push([lineNumber, text]));
    splitter.push(Buffer.from("first\nsecond\nbig starts"));
    const chunk = Buffer.alloc(4096, "x");
    for (let i = 0; i < (5 * MIB) / chunk.length; i++) splitter.push(chunk);
    splitter.push(Buffer.from(" big ends\nafter\n"));
    for (let i = 0; i < (2 * MIB) / chunk.length; i++) splitter.push(chunk);
    splitter.end();
    expect(lines).toEqual([
      [1, "first"],
      [2, "second"],
      [3, undefined],
      [4, "after"],
      [5, undefined],
    ]);
  });

  it("the limit is on the line's bytes: at the limit read, one over refused, a CRLF line at the limit read", () => {
    const at = "12345678";
    const input = Buffer.from(`${at}\n${at}9\n${at}\r\n€€\n€€€\n${at}`);
    expect(splitInPieces(input, [], 8)).toEqual([
      [1, at],
      [2, undefined],
      [3, at],
      [4, "€€"],
      [5, undefined],
      [6, at],
    ]);
    // The same, arriving a byte at a time.
    expect(
      splitInPieces(
        input,
        Array.from({ length: input.length }, (_, i) => i),
        8,
      ),
    ).toEqual(splitInPieces(input, [], 8));
  });

  it("a line over the limit is not held: its chunks can be freed while it is still arriving", async () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const chunkBytes = 64 * 1024;
    const chunkCount = 64; // 4 MiB

    /** Pushes fresh chunks of one unfinished line and returns weak references to their memory. */
    const pushFresh = (splitter: LineSplitter): WeakRef<ArrayBufferLike>[] => {
      const refs: WeakRef<ArrayBufferLike>[] = [];
      for (let i = 0; i < chunkCount; i++) {
        const chunk = Buffer.alloc(chunkBytes, "x");
        refs.push(new WeakRef(chunk.buffer));
        splitter.push(chunk);
      }
      return refs;
    };
    const aliveAfterGc = async (refs: readonly WeakRef<ArrayBufferLike>[]) => {
      await new Promise((resolve) => setImmediate(resolve));
      gc();
      return refs.filter((ref) => ref.deref() !== undefined).length;
    };

    // The measurement sees memory that is held: a line under the limit keeps its chunks.
    const lines: Line[] = [];
    const roomy = new LineSplitter(8 * MIB, (lineNumber, text) => lines.push([lineNumber, text]));
    const held = pushFresh(roomy);
    expect(await aliveAfterGc(held)).toBe(chunkCount);

    const strict = new LineSplitter(MIB, (lineNumber, text) => lines.push([lineNumber, text]));
    const refused = pushFresh(strict);
    // Chunks of the first MiB may have been kept until the line went over; none are kept now.
    expect(await aliveAfterGc(refused)).toBe(0);
    strict.end();
    roomy.end();
    expect(lines.map(([lineNumber, text]) => [lineNumber, text?.length])).toEqual([
      [1, undefined],
      [1, chunkBytes * chunkCount],
    ]);
  });
});

describe("a field given twice", () => {
  const twice = (fieldJson: string) => `${answersJson({ id: "dup", fever: "yes" }).slice(0, -1)},${fieldJson}}`;

  it("gives an error record naming the field, never last-one-wins", async () => {
    const text = twice('"fever":"no"');
    const { code, stdout } = await batch([], `${withId("ok")}\n${text}\n`);
    const lines = outputLines(stdout);
    expect(lines).toHaveLength(2);
    const record = expectErrorRecord(parseJsonLine(lines[1] ?? ""));
    expect(record.line).toBe(2);
    expect(record.id).toBe("dup");
    expect(record.error.issues.map((issue) => issue.path)).toEqual(["fever"]);
    expect(code).toBe(2);
  });

  // Each of these must be caught: the quick pre-check may only ever say "maybe" too often.
  const tricky: { name: string; text: string; paths: string[] }[] = [
    { name: "space and tab between key and colon", text: twice('"fever" \t :"no"'), paths: ["fever"] },
    { name: "line breaks between key and colon", text: twice('"fever"\r\n:\n"no"'), paths: ["fever"] },
    { name: "the second spelt with an escape", text: twice('"fe\\u0076er":"no"'), paths: ["fever"] },
    { name: "an escaped quote in a duplicated key", text: twice('"a\\"b":1,"a\\"b":2'), paths: ['a"b'] },
    { name: "an escaped backslash ending a duplicated key", text: twice('"a\\\\":1,"a\\\\":2'), paths: ["a\\"] },
    { name: "escaped quotes in values", text: twice('"x":"say \\"hi\\"","fever":"no \\"really\\""'), paths: ["fever"] },
    { name: '": inside a string value', text: twice('"note":"a\\": b","fever":"no"'), paths: ["fever"] },
    { name: '": inside a string value and no other key', text: `{"fever":"x\\":","fever":"y"}`, paths: ["fever"] },
    { name: "a nested object with its own duplicate", text: twice('"extra":{"b":1,"b":2}'), paths: ["extra.b"] },
    {
      name: "a nested object and a duplicate at the top",
      text: twice('"extra":{"b":1,"c":2},"fever":"no"'),
      paths: ["fever"],
    },
    { name: "an object in an array", text: twice('"list":[{"k":1},{"k":1,"k":2}]'), paths: ["list.1.k"] },
    { name: "the same key in different objects is fine", text: twice('"o1":{"k":1},"o2":{"k":2}'), paths: [] },
    { name: "__proto__ twice", text: twice('"__proto__":1,"__proto__":2'), paths: ["__proto__"] },
    { name: "an array at the top", text: '[{"a":1,"a":2}]', paths: ["0.a"] },
  ];

  it.each(tricky)("$name", ({ text, paths }) => {
    expect(duplicateKeys(text, JSON.parse(text))).toEqual(paths);
  });

  it("escaped quotes and a duplicate in an NDJSON line give an error record naming the field", () => {
    const text = twice('"x":"a\\":\\"b","fever" :"no"');
    const outcome = triageLine(defaultRuleset, 4, text, {});
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.record.line).toBe(4);
    expect(outcome.record.error.issues.map((issue) => issue.path)).toContain("fever");
  });

  it("random objects: every duplicate found, no other", () => {
    // Written from the generator's own bookkeeping, not from the code under test.
    let seed = 20240917;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const spaces = ["", " ", "\t", "\r\n", "  \n "];
    const space = () => spaces[random(spaces.length)] ?? "";
    const names = ["fever", "age", 'q"t', "b\\s", "c:d", "é", "x"];
    const spell = (name: string) => {
      const plain = JSON.stringify(name);
      // Another way to write the same key: every character as a \u escape.
      return random(3) === 0
        ? `"${[...name].map((ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`).join("")}"`
        : plain;
    };
    const values = ['"yes"', '"a\\":b"', '"\\"}"', "3", "[1,2]", '":"', "null"];
    const objectText = (path: string, depth: number, found: string[]): string => {
      const entries: string[] = [];
      const seen = new Set<string>();
      const count = 1 + random(6);
      for (let i = 0; i < count; i++) {
        const name = names[random(names.length)] ?? "x";
        let value = values[random(values.length)] ?? "1";
        const childPath = path === "" ? name : `${path}.${name}`;
        if (depth < 3 && random(4) === 0) value = objectText(childPath, depth + 1, found);
        if (seen.has(name)) found.push(childPath);
        seen.add(name);
        entries.push(`${space()}${spell(name)}${space()}:${space()}${value}${space()}`);
      }
      return `{${entries.join(",")}}`;
    };
    let withDuplicates = 0;
    for (let round = 0; round < 2000; round++) {
      const found: string[] = [];
      const text = objectText("", 0, found);
      expect(duplicateKeys(text, JSON.parse(text)).sort(), text).toEqual(found.sort());
      if (found.length > 0) withDuplicates++;
    }
    expect(withDuplicates, "the generator makes duplicates").toBeGreaterThan(500);
  });
});

describe("the built binary", () => {
  let bigFile = "";
  const bigLines = 20_000;

  beforeAll(async () => {
    assertBuilt();
    let text = "";
    for (let i = 0; i < bigLines; i++)
      text += `${withId(i, {}, i % 3 === 0 ? answersByUrgency.urgent : calmAnswersMedicineHelped)}\n`;
    bigFile = await tempFile("big.ndjson", text);
  });

  it("stdin with a bad line among good ones: every record out, exit 2, one summary line on stderr", async () => {
    const input = [withId("p1"), "{", withId("p3", {}, answersByUrgency.emergency)].join("\n");
    const result = await runCli(["batch", "--exit-code"], { stdin: input });
    const lines = outputLines(result.stdout);
    expect(lines).toHaveLength(3);
    expect(expectContractResult(parseJsonLine(lines[0] ?? "")).id).toBe("p1");
    expect(expectErrorRecord(parseJsonLine(lines[1] ?? "")).line).toBe(2);
    expect(expectContractResult(parseJsonLine(lines[2] ?? "")).urgency).toBe("emergency");
    expect(result.stderr).toBe("3 records, 1 error: line 2\n");
    expect(result.code).toBe(2);
  });

  it("a file of 20,000 lines with --exit-code: 20,000 records in order, exit 3", async () => {
    const result = await runCli(["batch", bigFile, "--exit-code"], { timeoutMs: 20_000 });
    expect(result.timedOut).toBe(false);
    const lines = outputLines(result.stdout);
    expect(lines).toHaveLength(bigLines);
    for (const index of [0, 1, 2, 9_999, bigLines - 1]) {
      expect(expectContractResult(parseJsonLine(lines[index] ?? "")).id).toBe(index);
    }
    expect(result.stderr).toBe("");
    expect(result.code).toBe(3);
  });

  it("a missing file: exit 2 and one line on stderr", async () => {
    const result = await runCli(["batch", join(temp.path, "missing.ndjson")]);
    expect(result.stdout).toBe("");
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.code).toBe(2);
  });

  it("batch BIG | head -n 1: one line, head exits 0, no stack trace or EPIPE from neck-triage", async () => {
    const errFile = join(temp.path, "pipe-stderr.txt");
    const statusFile = join(temp.path, "pipe-status.txt");
    // Without pipefail, as a shell script would run it; neck-triage's own status is kept aside.
    const script = `set +o pipefail; "$0" batch "$1" 2>"$2" | head -n 1; codes=("\${PIPESTATUS[@]}"); echo "\${codes[0]}" >"$3"; exit "\${codes[1]}"`;
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
      const child = spawn("bash", ["-c", script, BIN, bigFile, errFile, statusFile], {
        stdio: ["ignore", "pipe", "ignore"],
      });
      let out = "";
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
      child.on("error", reject);
      child.on("close", (exitCode) => {
        clearTimeout(timer);
        resolve({ code: exitCode, stdout: out });
      });
    });
    expect(code, "head's exit status").toBe(0);
    const lines = outputLines(stdout);
    expect(lines).toHaveLength(1);
    expect(expectContractResult(parseJsonLine(lines[0] ?? "")).id).toBe(0);
    const stderr = await readFile(errFile, "utf8");
    expect(stderr).not.toMatch(STACK_LINE);
    expect(stderr).not.toMatch(/EPIPE/);
    expect(stderr).toBe("");
    const neckTriageStatus = (await readFile(statusFile, "utf8")).trim();
    expect(neckTriageStatus, "no internal error when the reader goes away").not.toBe("1");
  });
});
