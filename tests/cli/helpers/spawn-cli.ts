import { spawn, type ChildProcessByStdio } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Readable, Writable } from "node:stream";
import { REPO_ROOT } from "./ruleset-file.js";

export const BIN = join(REPO_ROOT, "bin", "neck-triage");

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall-clock time until the process closed. */
  ms: number;
  timedOut: boolean;
}

export interface CliRunOptions {
  /** Text piped to stdin, then closed; "keep-open" leaves stdin an open pipe that never sends anything. */
  stdin?: string;
  /** Added to a minimal environment (PATH only), so that the caller's NO_COLOR etc. do not leak in. */
  env?: Record<string, string>;
  cwd?: string;
  timeoutMs?: number;
  /** A file descriptor to give the child as its stdout (e.g. one opened on /dev/full) instead of a pipe; `stdout` is then "". */
  stdoutFd?: number;
}

/** Fails early, with a clear message, when the binary's compiled code is missing. */
export function assertBuilt(): void {
  if (!existsSync(join(REPO_ROOT, "dist", "src", "cli", "main.js"))) {
    throw new Error("dist/ is missing: run `npm run build` (or `npm test`, which builds first)");
  }
}

/** Runs the built bin/neck-triage (through its shebang) with pipes for stdin, stdout and stderr. */
export function runCli(args: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, args, {
      cwd: options.cwd ?? REPO_ROOT,
      env: { PATH: process.env.PATH ?? "", ...options.env },
      stdio: ["pipe", options.stdoutFd ?? "pipe", "pipe"],
    }) as ChildProcessByStdio<Writable, Readable | null, Readable>;
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    // The child may exit before reading what we pipe in (bad usage): that is not our error.
    child.stdin.on("error", () => {});
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, options.timeoutMs ?? 10_000);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started, timedOut });
    });
    if (options.stdin === "keep-open") return;
    child.stdin.end(options.stdin ?? "");
  });
}
