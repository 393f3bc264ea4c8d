import { run } from "../../../src/cli/run.js";
import { makeFakeIo } from "../../cli/helpers/fake-io.js";

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `neck-triage ARGS` in-process with these bytes on stdin, which is not a terminal. */
export async function runWithStdin(args: readonly string[], stdin: Uint8Array | string): Promise<InProcessRun> {
  const fake = makeFakeIo({ stdinIsTTY: false });
  fake.stdin.end(typeof stdin === "string" ? Buffer.from(stdin, "utf8") : Buffer.from(stdin));
  const code = await run(args, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

/** A Node stack frame: never shown for bad input (docs/contract.md: "no stack trace unless --debug"). */
export const STACK_FRAME = "    at ";
/** Control characters that could drive a terminal: C0 but the line feed, DEL and C1. Text output escapes them all. */
export const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
/** C0 but the line feed: what JSON output never holds raw (JSON.stringify escapes C0, and leaves DEL and C1 as they came). */
export const C0_CONTROL = /[\u0000-\u0009\u000b-\u001f]/;

/** Lines of output that ends each line with "\n"; none when empty. */
export function outputLines(text: string): string[] {
  if (text === "") return [];
  if (!text.endsWith("\n")) throw new Error(`output does not end with a newline: ${JSON.stringify(text.slice(-80))}`);
  return text.slice(0, -1).split("\n");
}

/** How many NDJSON lines the input has: split on "\n", a final newline does not make a line. */
export function inputLineCount(bytes: Uint8Array): number {
  let newlines = 0;
  for (const byte of bytes) if (byte === 10) newlines++;
  return bytes.length === 0 ? 0 : newlines + (bytes[bytes.length - 1] === 10 ? 0 : 1);
}

/** The input's NDJSON lines as text, as the contract splits them: on "\n", a "\r" before it dropped, a leading byte order mark dropped. */
export function inputLines(bytes: Uint8Array): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 10) continue;
    if (i === bytes.length && start === bytes.length) break;
    const end = i > start && bytes[i - 1] === 13 ? i - 1 : i;
    lines.push(Buffer.from(bytes.subarray(start, end)).toString("utf8"));
    start = i + 1;
  }
  if (lines[0]?.startsWith("\ufeff")) lines[0] = lines[0].slice(1);
  return lines;
}
