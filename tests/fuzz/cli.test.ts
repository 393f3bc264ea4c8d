import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { failureSummary } from "../../src/cli/batch/command.js";
import { defaultRuleset, evaluate, triage } from "../../src/index.js";
import { expectContractResult } from "../cli/helpers/contract.js";
import { corruptedEntriesFor, entriesJson, POLLUTING_VALUES, validEntriesFor } from "./helpers/answers-arbitraries.js";
import {
  C0_CONTROL,
  CONTROL,
  inputLineCount,
  inputLines,
  outputLines,
  runWithStdin,
  STACK_FRAME,
  type InProcessRun,
} from "./helpers/cli-run.js";
import { assertAsyncProperty, printTally } from "./helpers/fuzz-config.js";
import { check } from "./helpers/invariants.js";
import { ANY_JSON_SPACE, layoutArbitrary, ONE_LINE_JSON_SPACE, serializeWithLayout } from "./helpers/json-layout.js";

// Hostile bytes into the command line, in-process (docs/contract.md, "Command line"): whatever comes in,
// the exit code is 0, 2 or 3, never 1 (an internal error); no stack trace; errors are one line each
// and cannot drive the terminal; batch gives one JSON line per input line, in order.

afterAll(() => printTally("cli"));

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));

/** Valid answers with some bytes overwritten: mostly broken JSON or broken UTF-8, sometimes still valid. */
const flippedBytes = fc
  .tuple(
    validEntriesFor(defaultRuleset),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 3 }),
  )
  .map(([entries, flips]) => {
    const bytes = utf8(entriesJson(entries));
    for (const [at, byte] of flips) bytes[at % bytes.length] = byte;
    return bytes;
  });

/** One answers document, as bytes: anything from noise to valid answers laid out any way. */
const answersDocument: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 400 }),
  fc.string({ unit: "binary", maxLength: 200 }).map(utf8),
  fc.jsonValue({ maxDepth: 4 }).map((value) => utf8(JSON.stringify(value))),
  fc
    .tuple(corruptedEntriesFor(defaultRuleset), layoutArbitrary(ANY_JSON_SPACE))
    .map(([entries, layout]) => utf8(serializeWithLayout(JSON.parse(entriesJson(entries)), layout))),
  // The text as written, so that a key given twice reaches the CLI's duplicate check.
  corruptedEntriesFor(defaultRuleset).map((entries) => utf8(entriesJson(entries))),
  validEntriesFor(defaultRuleset).map((entries) => utf8(`\ufeff${entriesJson(entries)}\n`)),
  flippedBytes,
  fc.constantFrom(...POLLUTING_VALUES).map((value) => utf8(JSON.stringify(value))),
);

/** What every run must show, whatever the input (docs/contract.md, "Exit codes" and "Errors"). */
function expectSafeRun(result: InProcessRun, allowed: readonly number[]): void {
  check(allowed.includes(result.code), `exit ${result.code}: ${result.stderr.slice(0, 300)}`);
  check(!result.stderr.includes(STACK_FRAME), `a stack trace on stderr: ${result.stderr.slice(0, 300)}`);
  check(!result.stderr.includes("internal error"), `an internal error: ${result.stderr.slice(0, 300)}`);
  check(!CONTROL.test(result.stderr), `a control character on stderr: ${JSON.stringify(result.stderr.slice(0, 300))}`);
}

const ANSWERS_ARGS: readonly (readonly string[])[] = [
  ["--answers", "-", "--json"],
  ["--answers", "-", "--json", "--exit-code"],
  ["--answers", "-"],
  ["--answers", "-", "--format", "markdown", "--exit-code"],
  ["--answers", "-", "--emergency-number", "112", "--format", "json"],
];

/** The answers text as the CLI reads it (UTF-8, a leading byte order mark dropped), parsed if it is JSON. */
function parsedInput(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false } {
  const text = Buffer.from(bytes)
    .toString("utf8")
    .replace(/^\ufeff/, "");
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

describe("CLI fuzzing: exit 0, 2 or 3, never an internal error or a stack trace", () => {
  it("--answers - with any bytes on stdin", async () => {
    await assertAsyncProperty(
      fc.asyncProperty(answersDocument, fc.constantFrom(...ANSWERS_ARGS), async (bytes, args) => {
        const result = await runWithStdin(args, bytes);
        const exitCode = args.includes("--exit-code");
        expectSafeRun(result, exitCode ? [0, 2, 3] : [0, 2]);
        if (result.code === 2) {
          check(result.stdout === "", "nothing on stdout for bad input");
          check(result.stderr.trim() !== "", "bad input is explained on stderr");
          check(
            outputLines(result.stderr).every((line) => line.trim() !== ""),
            "no empty error lines",
          );
          return;
        }
        check(result.stderr === "", `nothing on stderr when evaluated: ${result.stderr.slice(0, 200)}`);
        const json = args.includes("--json") || args.includes("json");
        check(
          !(json ? C0_CONTROL : CONTROL).test(result.stdout),
          `a control character on stdout: ${JSON.stringify(result.stdout.slice(0, 300))}`,
        );
        if (json) {
          const printed = JSON.parse(result.stdout) as unknown;
          const { verdict } = expectContractResult(printed);
          check(
            result.code === (exitCode && verdict === "see-a-professional" ? 3 : 0),
            `exit ${result.code} for ${verdict}`,
          );
          const input = parsedInput(bytes);
          check(input.ok, "the CLI evaluated what is not JSON");
          if (input.ok) {
            const options = args.includes("112") ? { emergencyNumber: "112" } : {};
            const library = triage(input.value as Parameters<typeof triage>[0], options);
            check(JSON.stringify(printed) === JSON.stringify(library), "the CLI and the library agree");
          }
        }
      }),
      150,
      0.1,
    );
  });

  /** NDJSON lines: valid, corrupted, laid out on one line, blank, noise; joined by \n or \r\n. */
  const ndjsonLine: fc.Arbitrary<string> = fc.oneof(
    { weight: 3, arbitrary: validEntriesFor(defaultRuleset).map(entriesJson) },
    { weight: 3, arbitrary: corruptedEntriesFor(defaultRuleset).map(entriesJson) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(corruptedEntriesFor(defaultRuleset), layoutArbitrary(ONE_LINE_JSON_SPACE))
        .map(([entries, layout]) => serializeWithLayout(JSON.parse(entriesJson(entries)), layout)),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom("", " ", "\t", "\r", "{}", "[]", "null", "{", '"\\u0000"', "\u2028", "\u001b[31m"),
    },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 60 }).map((s) => s.replaceAll("\n", "")) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.constantFrom(...POLLUTING_VALUES).map((value) => JSON.stringify(value)) },
  );
  const ndjsonText = fc
    .tuple(fc.array(ndjsonLine, { maxLength: 12 }), fc.constantFrom("\n", "\r\n"), fc.boolean(), fc.boolean())
    .map(([lines, eol, finalNewline, bom]) =>
      utf8(`${bom ? "\ufeff" : ""}${lines.join(eol)}${finalNewline && lines.length > 0 ? eol : ""}`),
    );
  const ndjson: fc.Arbitrary<Uint8Array> = fc.oneof(
    { weight: 4, arbitrary: ndjsonText },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }) },
    { weight: 1, arbitrary: flippedBytes },
  );
  const BATCH_ARGS: readonly (readonly string[])[] = [
    ["batch"],
    ["batch", "-", "--exit-code"],
    ["batch", "--format", "text"],
    ["batch", "--format", "json", "--emergency-number", "999"],
  ];

  it("batch with any bytes on stdin: one output line per input line, in order", async () => {
    await assertAsyncProperty(
      fc.asyncProperty(ndjson, fc.constantFrom(...BATCH_ARGS), async (bytes, args) => {
        const result = await runWithStdin(args, bytes);
        const exitCode = args.includes("--exit-code");
        expectSafeRun(result, exitCode ? [0, 2, 3] : [0, 2]);
        const lines = outputLines(result.stdout);
        check(
          lines.length === inputLineCount(bytes),
          `${lines.length} output lines for ${inputLineCount(bytes)} input lines`,
        );
        const control = args.includes("text") ? CONTROL : C0_CONTROL;
        check(
          !control.test(result.stdout),
          `a control character on stdout: ${JSON.stringify(result.stdout.slice(0, 300))}`,
        );
        const texts = inputLines(bytes);
        check(texts.length === lines.length, "the test splits lines as batch does");
        let failed = false;
        let referred = false;
        const failedLines: number[] = [];
        lines.forEach((line, i) => {
          if (args.includes("text")) {
            check(line.startsWith(`line ${i + 1}`), `text line ${i + 1}: ${line.slice(0, 100)}`);
            return;
          }
          const record = JSON.parse(line) as Record<string, unknown>;
          if ("error" in record) {
            failed = true;
            failedLines.push(i + 1);
            check(record.line === i + 1, `error record ${i + 1} says line ${String(record.line)}`);
            const error = record.error as { message?: unknown; issues?: { path?: unknown; message?: unknown }[] };
            check(typeof error.message === "string" && error.message !== "", "an error record has a message");
            check(Array.isArray(error.issues) && error.issues.length > 0, "an error record has issues");
            for (const issue of error.issues ?? []) {
              check(
                typeof issue.path === "string" &&
                  issue.path !== "" &&
                  typeof issue.message === "string" &&
                  issue.message !== "",
                `issue ${JSON.stringify(issue)}`,
              );
            }
          } else {
            const printed = expectContractResult(record);
            referred ||= printed.verdict === "see-a-professional";
            const options = args.includes("999") ? { emergencyNumber: "999" } : {};
            const library = JSON.stringify(evaluate(defaultRuleset, JSON.parse(texts[i]!), options));
            check(line === library, `line ${i + 1}: batch and the library disagree`);
          }
        });
        if (args.includes("text")) {
          // The same input as JSON says which lines failed; the text run must exit the same way, with the same summary.
          const asJson = await runWithStdin(["batch"], bytes);
          check(result.code === asJson.code, `text run exits ${result.code}, the JSON run ${asJson.code}`);
          check(
            result.stderr === asJson.stderr,
            `text run's stderr ${JSON.stringify(result.stderr.slice(0, 200))}, the JSON run's ${JSON.stringify(asJson.stderr.slice(0, 200))}`,
          );
          return;
        }
        check(
          result.code === (failed ? 2 : exitCode && referred ? 3 : 0),
          `exit ${result.code}, failed ${failed}, referred ${referred}`,
        );
        // Exit 2 always comes with the one-line summary naming the failed lines, and nothing else on stderr.
        const summary = result.code === 2 ? `${failureSummary(lines.length, failedLines)}\n` : "";
        check(
          result.stderr === summary,
          `stderr ${JSON.stringify(result.stderr.slice(0, 200))}, expected ${JSON.stringify(summary)}`,
        );
      }),
      150,
      0.1,
    );
  });
});

describe("found by fuzzing, kept as examples", () => {
  it("a blank key given twice is reported at a quoted path, by --answers and by batch", async () => {
    const text = '{"":1,"":2}';
    const answers = await runWithStdin(["--answers", "-", "--json"], text);
    expect(answers.code).toBe(2);
    expect(answers.stderr).toBe('"": given more than once; give each field once\n');
    const batch = await runWithStdin(["batch"], `${text}\n`);
    expect(JSON.parse(batch.stdout)).toMatchObject({
      line: 1,
      error: { issues: [{ path: '""', message: "given more than once; give each field once" }] },
    });
  });
});
