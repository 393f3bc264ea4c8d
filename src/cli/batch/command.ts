import type { EvaluateOptions } from "../../engine/result.js";
import type { Ruleset } from "../../ruleset/load.js";
import { UsageError, type CliIo } from "../io.js";
import { LineSplitter } from "./split-lines.js";
import { MAX_LINE_BYTES, triageLine, type LineOutcome } from "./records.js";
import { textLine } from "./text-line.js";
import { readFailure } from "../read-answers.js";
import { message } from "../../messages/index.js";
import { EXIT_OK, EXIT_REFERRAL, EXIT_USAGE } from "../exit-codes.js";

export interface BatchOptions {
  format: "json" | "text";
  exitCode: boolean;
  evaluate: EvaluateOptions;
}

const PROGRESS_EVERY_MS = 250;

/**
 * NDJSON in, one result (or error record) per line out, in order. Memory stays flat: input is read as
 * the stream gives it, a line over 1 MiB is skipped without being held, output waits for the reader.
 */
export async function runBatch(
  ruleset: Ruleset,
  io: CliIo,
  file: string | undefined,
  options: BatchOptions,
): Promise<number> {
  const input = file === undefined || file === "-" ? io.stdin : io.openRead(file);
  if ((file === undefined || file === "-") && io.stdin.isTTY) {
    io.stderr.write(`${message("cli.reading-ndjson-from-terminal", {})}\n`);
  }
  const failedLines: number[] = [];
  let referred = false;
  let records = 0;
  let buffered = "";
  const progress = io.stderr.isTTY ? progressLine(io) : undefined;

  const handle = (lineNumber: number, text: string | undefined) => {
    const outcome: LineOutcome = triageLine(ruleset, lineNumber, text, options.evaluate);
    records++;
    if (outcome.ok) {
      if (outcome.result.verdict === "see-a-professional") referred = true;
      // JSON.stringify itself: a serialiser built from JSON pieces once per ruleset was 2.6 times faster
      // alone but made batch 9% slower end to end (npm run bench's files, A/B in one run), so it went.
      buffered += options.format === "json" ? JSON.stringify(outcome.result) : textLine(lineNumber, outcome);
    } else {
      failedLines.push(lineNumber);
      buffered += options.format === "json" ? JSON.stringify(outcome.record) : textLine(lineNumber, outcome);
    }
    buffered += "\n";
  };
  const splitter = new LineSplitter(MAX_LINE_BYTES, handle);

  try {
    for await (const chunk of input) {
      splitter.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
      // Whatever the chunk completed goes out now: results keep pace with a slow writer, and the
      // record of a line that never ends (/dev/zero) is not held back behind it.
      if (buffered !== "") {
        await write(io.stdout, buffered);
        buffered = "";
      }
      progress?.update(records);
    }
  } catch (error) {
    if (isReadError(error))
      throw new UsageError(
        message("cli.cannot-read", { name: file ?? "stdin", what: "answers", ...readFailure(error) }),
      );
    throw error;
  }
  splitter.end();
  if (buffered !== "") await write(io.stdout, buffered);
  progress?.done(records);
  if (failedLines.length > 0) {
    // Exit 2 always comes with a message, even when stdout goes where no one reads it.
    io.stderr.write(`${failureSummary(records, failedLines)}\n`);
    return EXIT_USAGE;
  }
  return options.exitCode && referred ? EXIT_REFERRAL : EXIT_OK;
}

/** A failure of the input itself (a system error, or Node's permission model refusing the read), not a bug. */
function isReadError(error: unknown): boolean {
  const { code, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  return syscall !== undefined || code === "ERR_ACCESS_DENIED";
}

/** "3 records, 1 error: line 3"; the first ten line numbers, then how many more. */
export function failureSummary(records: number, failedLines: readonly number[]): string {
  return message("batch.summary", { records, failedLines });
}

/** Writes and, when the stream asks, waits until it has room again. */
function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (stream.write(text)) resolve();
    else stream.once("drain", resolve);
  });
}

/** "12,000 records, 250,000/s" on stderr, redrawn in place, only when stderr is a terminal. */
function progressLine(io: CliIo) {
  const started = Date.now();
  let last = started;
  const draw = (records: number) => {
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    io.stderr.write(`\r${message("batch.progress", { records, perSecond: Math.round(records / seconds) })}`);
  };
  return {
    update(records: number) {
      const now = Date.now();
      if (now - last < PROGRESS_EVERY_MS) return;
      last = now;
      draw(records);
    },
    done(records: number) {
      if (last !== started) {
        draw(records);
        io.stderr.write("\n");
      }
    },
  };
}
