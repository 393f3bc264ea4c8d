/** Everything the command line touches in the outside world, passed in so that tests can fake it. */
export interface CliIo {
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** The environment; `--no-color` sets NO_COLOR here so that prompts lose colour too. */
  readonly env: Record<string, string | undefined>;
  /** Writes a whole file (the report). */
  writeFile(path: string, text: string): Promise<void>;
  /** The clock, for the date and time a report is made and check-back dates; the engine has none. */
  now(): Date;
  /** A stream of a file's bytes: every input is read through one, with its size counted as it arrives. */
  openRead(path: string): NodeJS.ReadableStream;
  /** Prompts for the interview; tests inject scripted ones. Defaults to @inquirer/prompts on stdin/stderr. */
  readonly prompter?: import("./interview/prompter.js").Prompter;
}

/** A problem a person caused and can fix: printed one line per problem, exit 2, no stack trace. */
export class UsageError extends Error {
  readonly lines: readonly string[];
  constructor(lines: string | readonly string[]) {
    const all = typeof lines === "string" ? [lines] : lines;
    super(all.join("\n"));
    this.name = "UsageError";
    this.lines = all;
  }
}

/** The person pressed Ctrl-C (or closed the input) during the interview. */
export class CancelledError extends Error {
  constructor() {
    super("Cancelled");
    this.name = "CancelledError";
  }
}
