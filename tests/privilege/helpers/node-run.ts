import { spawn } from "node:child_process";
import { realpathSync } from "node:fs";
import { REPO_ROOT } from "../../cli/helpers/ruleset-file.js";

/** The package folder as Node's permission model compares it: the real path, symlinks resolved. */
export const PACKAGE_ROOT = realpathSync(REPO_ROOT);

/**
 * The flag that turns Node's permission model on: `--permission` where this Node knows it (stable
 * from Node 22.13 / 23.5), else Node 20's `--experimental-permission`.
 */
export const PERMISSION_FLAG = process.allowedNodeEnvironmentFlags.has("--permission")
  ? "--permission"
  : "--experimental-permission";

/** What the experimental permission model prints on Node 20 (and what we allow on stderr for it). */
const PERMISSION_WARNING =
  /^\(node:\d+\) ExperimentalWarning: Permission is an experimental feature[^\n]*\n(\(Use `node --trace-warnings[^\n]*\n)?/m;

/** stderr without Node 20's one expected experimental-permission warning. */
export function withoutPermissionWarning(stderr: string): string {
  return stderr.replace(PERMISSION_WARNING, "");
}

export interface NodeRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node ARGS` with a minimal environment (PATH only, plus `env`), stdin given then closed. */
export function runNode(
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string>; stdin?: string },
): Promise<NodeRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? "", ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.stdin.on("error", () => {});
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.stdin ?? "");
  });
}
