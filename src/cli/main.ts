import { createReadStream } from "node:fs";
import { getSystemErrorMap } from "node:util";
import { writeFile } from "node:fs/promises";
import { message } from "../messages/index.js";
import { run } from "./run.js";
import { EXIT_INTERNAL_ERROR, EXIT_OK } from "./exit-codes.js";

/** The process shell: real streams and files, the exit code, and what happens when output fails. */
export async function main(): Promise<void> {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => endOnOutputError(stream, error));
  }
  process.exitCode = await run(process.argv.slice(2), {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    writeFile: (path, text) => writeFile(path, text, "utf8"),
    now: () => new Date(),
    openRead: (path) => createReadStream(path, { highWaterMark: 256 * 1024 }),
  });
}

/**
 * Every write to stdout and stderr ends here when it fails, whatever the command. A closed pipe
 * (`| head -1`) ends quietly with the exit code so far; any other failure (a full disk) is an I/O
 * failure, not bad input: one line naming the system's reason in words, exit 1, no stack trace.
 */
function endOnOutputError(stream: NodeJS.WriteStream, error: NodeJS.ErrnoException): never {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? EXIT_OK);
  // When stderr itself cannot be written, there is nowhere left to say so.
  if (stream !== process.stderr)
    process.stderr.write(`${message("cli.cannot-write-output", { reason: reasonInWords(error) })}\n`);
  process.exit(EXIT_INTERNAL_ERROR);
}

/** "no space left on device" for ENOSPC: the system's own words for an errno, else the message. */
function reasonInWords(error: NodeJS.ErrnoException): string {
  const known = error.errno === undefined ? undefined : getSystemErrorMap().get(error.errno);
  return known?.[1] ?? error.code ?? error.message;
}
