import { Readable } from "node:stream";
import fc from "fast-check";
import { afterAll, describe, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { AnswersError, defaultRuleset, loadRuleset, RulesetError, triage } from "../../src/index.js";
import { ISSUE_LIMITS } from "../../src/issues.js";
import { makeFakeIo } from "../cli/helpers/fake-io.js";
import { rulesetDocument } from "../helpers/ruleset-document.js";
import { entriesJson, validEntriesFor, type Entry } from "./helpers/answers-arbitraries.js";
import { outputLines, runWithStdin } from "./helpers/cli-run.js";
import { assertAsyncProperty, assertProperty, printTally } from "./helpers/fuzz-config.js";
import { check } from "./helpers/invariants.js";

// Two classes of fault closed for good (docs/contract.md, "Errors" and "Input limits"):
// - output never larger than a bound: whatever the input, at most ISSUE_LIMITS.listed problems and
//   a count are printed, each line and each batch error record within a bound computed from the limits;
// - every input capped whatever its kind: a document over 1 MiB is refused, reading stops at the cap
//   however the bytes arrive, and the message names what was read.

afterAll(() => printTally("bounds"));

const MIB = 1024 * 1024;
/** The most a problem line can hold: its path and message at their limits, every character escaped (×6 in `\u001b` form). */
const MAX_LINE = 6 * (ISSUE_LIMITS.path + ISSUE_LIMITS.message + 4);
/** The most an error record can hold: the listed problems at their bound, plus its line, id (≤ 200 characters, escaped) and message. */
const MAX_RECORD = ISSUE_LIMITS.listed * (MAX_LINE + 32) + 6 * 200 + 1_024;

const utf8Length = (text: string) => Buffer.byteLength(text, "utf8");

/** Keys and values that make many, long or unprintable problems. */
const troublesomeKey = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ minLength: 100, maxLength: 3_000, unit: "binary" }),
  fc.string({ maxLength: 200, unit: fc.constantFrom("\u001b", "\u009b", "\n", "\r", "a", "€", "😀") }),
);
const troublesomeValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string({ minLength: 1_000, maxLength: 5_000 }));

/** Valid answers plus up to 400 extra entries (often far more than the listed limit), in any order, keys given twice sometimes. */
const manyProblems: fc.Arbitrary<string> = fc
  .tuple(
    validEntriesFor(defaultRuleset),
    fc.array(fc.tuple(troublesomeKey, troublesomeValue), { maxLength: 400 }),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([valid, extra, duplicate, spoil]) => {
    const entries: Entry[] = [...valid, ...extra];
    if (duplicate && entries.length > 0) entries.push(entries[0]!);
    if (spoil) for (const entry of valid) entries.push([entry[0], "not an answer"]);
    return entriesJson(entries);
  });

describe("output never larger than a bound", () => {
  it("--answers: at most the listed problems and a count on stderr, each line bounded", async () => {
    await assertAsyncProperty(
      fc.asyncProperty(manyProblems, async (text) => {
        const { code, stderr } = await runWithStdin(["--answers", "-"], text);
        check(code === 0 || code === 2, `exit ${code}`);
        const lines = outputLines(stderr);
        check(lines.length <= ISSUE_LIMITS.listed + 1, `${lines.length} lines on stderr`);
        for (const line of lines) check(line.length <= MAX_LINE, `a line of ${line.length} characters`);
      }),
      40,
      0.02,
    );
  });

  it("batch: one line per input line, every error record within the bound, in JSON and text", async () => {
    await assertAsyncProperty(
      fc.asyncProperty(
        fc.array(manyProblems, { minLength: 1, maxLength: 3 }),
        fc.constantFrom("json", "text"),
        async (lines, format) => {
          const { stdout } = await runWithStdin(["batch", "--format", format], `${lines.join("\n")}\n`);
          const records = outputLines(stdout);
          check(records.length === lines.length, `${records.length} records for ${lines.length} lines`);
          for (const record of records)
            check(utf8Length(record) <= MAX_RECORD, `a record of ${utf8Length(record)} bytes`);
        },
      ),
      30,
      0.02,
    );
  });

  it("the library: an error's message lists at most the limit and a count, whatever it keeps as data", () => {
    assertProperty(
      fc.property(manyProblems, (text) => {
        for (const action of [
          () => triage(JSON.parse(text) as never),
          () => loadRuleset({ ...rulesetDocument(), ...(JSON.parse(text) as object) }),
        ]) {
          try {
            action();
          } catch (error) {
            if (!(error instanceof AnswersError || error instanceof RulesetError)) throw error;
            const lines = error.message.split("\n");
            check(lines.length <= ISSUE_LIMITS.listed + 2, `${lines.length} lines in the message`);
            check(
              lines.every((line) => line.length <= ISSUE_LIMITS.path + ISSUE_LIMITS.message + 4),
              "a line past the bound",
            );
          }
        }
      }),
      40,
      0.02,
    );
  });
});

describe("every input capped whatever its kind", () => {
  /** `size` bytes of valid answers padded with spaces, given in chunks of `chunk` bytes, counting what is taken. */
  function source(size: number, chunk: number) {
    const answers = JSON.stringify(JSON.parse(entriesJson([["emergencySigns", "no"]])));
    let given = 0;
    const stream = new Readable({
      read() {
        if (given >= size) return void this.push(null);
        const piece = Buffer.alloc(Math.min(chunk, size - given), " ");
        if (given === 0) piece.write(answers.slice(0, piece.length));
        given += piece.length;
        this.push(piece);
      },
    });
    return { stream, taken: () => given };
  }

  const sizes = fc.oneof(
    fc.integer({ min: MIB - 2, max: MIB + 2 }),
    fc.integer({ min: 0, max: 3 * MIB }),
    fc.constant(50 * MIB),
  );
  const kinds = fc.constantFrom(
    { args: ["--answers", "in.json"], name: "in.json", what: "answers are", from: "file" },
    { args: ["--answers", "-"], name: "stdin", what: "answers are", from: "stdin" },
    {
      args: ["--ruleset", "in.json", "--answers", "examples/answers.json"],
      name: "in.json",
      what: "ruleset is",
      from: "file",
    },
    { args: ["rules", "--ruleset", "-"], name: "stdin", what: "ruleset is", from: "stdin" },
  );

  it("refused past 1 MiB, naming the input, reading no further; never refused for size at or under it", async () => {
    await assertAsyncProperty(
      fc.asyncProperty(sizes, fc.integer({ min: 512, max: 300 * 1024 }), kinds, async (size, chunk, kind) => {
        const input = source(size, chunk);
        const fake = makeFakeIo({
          stdinIsTTY: false,
          openRead: (path) => (path === "in.json" ? input.stream : Readable.from([])),
        });
        if (kind.from === "stdin") Object.assign(fake.io, { stdin: Object.assign(input.stream, { isTTY: false }) });
        const code = await run(kind.args, fake.io);
        const refusedForSize = fake.stderr().startsWith(`${kind.name}: the ${kind.what} larger than 1 MiB;`);
        check(refusedForSize === size > MIB, `size ${size}: ${fake.stderr().slice(0, 120)}`);
        if (size > MIB) {
          check(code === 2 && outputLines(fake.stderr()).length === 1, `exit ${code}, ${fake.stderr().slice(0, 120)}`);
          check(input.taken() <= MIB + chunk + 64 * 1024, `${input.taken()} bytes taken in chunks of ${chunk}`);
        }
      }),
      40,
      0.01,
    );
  });
});
