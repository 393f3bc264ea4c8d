import { createReadStream } from "node:fs";
import { readFile, stat, writeFile } from "node:fs/promises";
import { EXIT, UsageError } from "./io.js";
import { MAX_ANSWERS_BYTES } from "./read-answers.js";
import { run } from "./run.js";

/** The process shell: real streams and files, the exit code, and a quiet end when a pipe closes. */
export async function main(): Promise<void> {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(process.exitCode ?? EXIT.ok);
      throw error;
    });
  }
  process.exitCode = await run(process.argv.slice(2), {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    async readFile(path) {
      if ((await stat(path)).size > MAX_ANSWERS_BYTES) throw new UsageError(`${path}: larger than 1 MiB; expected one JSON object`);
      return readFile(path, "utf8");
    },
    writeFile: (path, text) => writeFile(path, text, "utf8"),
    now: () => new Date(),
    openRead: (path) => createReadStream(path, { highWaterMark: 256 * 1024 }),
  });
}
