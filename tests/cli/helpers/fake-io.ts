import { createReadStream } from "node:fs";
import { writeFile } from "node:fs/promises";
import { PassThrough, Writable } from "node:stream";
import type { CliIo } from "../../../src/cli/io.js";
import type { Prompter } from "../../../src/cli/interview/prompter.js";

class CollectingStream extends Writable {
  text = "";
  isTTY: boolean;
  columns = 80;
  constructor(isTTY: boolean) {
    super();
    this.isTTY = isTTY;
  }
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
  /** Like process.stdout and process.stderr, which a prompt library piping into them never closes. */
  override end(): this {
    return this;
  }
}

/** The moment the fake clock shows unless told otherwise: 26 November 2026, 09:30 local time. */
export const FIXED_NOW = new Date(2026, 10, 26, 9, 30);

export interface FakeIoOptions {
  stdinIsTTY?: boolean;
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
  env?: Record<string, string | undefined>;
  prompter?: Prompter;
  /** The clock the CLI reads; a fixed moment unless given. */
  now?: Date;
  /** Written to stdin and then ended, for `--answers -`. */
  stdinText?: string;
  /** Opens a file for reading; the real file system unless given. */
  openRead?: CliIo["openRead"];
}

export interface FakeIo {
  io: CliIo;
  stdin: PassThrough & { isTTY: boolean };
  stdout(): string;
  stderr(): string;
}

/** A CliIo with in-memory streams; stdin is a terminal unless told otherwise. */
export function makeFakeIo(options: FakeIoOptions = {}): FakeIo {
  const stdin = Object.assign(new PassThrough(), { isTTY: options.stdinIsTTY ?? true });
  if (options.stdinText !== undefined) stdin.end(options.stdinText);
  const stdout = new CollectingStream(options.stdoutIsTTY ?? false);
  const stderr = new CollectingStream(options.stderrIsTTY ?? false);
  const io: CliIo = {
    stdin,
    stdout,
    stderr,
    env: options.env ?? {},
    openRead: options.openRead ?? ((path) => createReadStream(path)),
    writeFile: (path, text) => writeFile(path, text, "utf8"),
    now: () => new Date(options.now ?? FIXED_NOW),
    ...(options.prompter ? { prompter: options.prompter } : {}),
  };
  return { io, stdin, stdout: () => stdout.text, stderr: () => stderr.text };
}
