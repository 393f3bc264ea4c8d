import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A resolve hook that appends every URL it resolves, one per line, to the file it is given. */
const RECORD_HOOK = `data:text/javascript,${encodeURIComponent(`
import { appendFileSync } from "node:fs";
let report;
export function initialize(data) { report = data.report; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(report, result.url + "\\n");
  return result;
}`)}`;

/**
 * `node ARGS` in a fresh Node with the hook registered (`--import`), and every module URL resolved
 * on the way, in order and without repeats. The hook writes synchronously to a file: on Node 22+ it
 * runs on its own thread, whose asynchronous writes could be lost when the main thread exits first.
 */
export function modulesLoadedBy(
  args: readonly string[],
  options: { cwd?: string; stdin?: string } = {},
): { status: number | null; urls: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "neck-triage-loads-"));
  try {
    const report = join(dir, "loads.txt");
    const register = `data:text/javascript,${encodeURIComponent(
      `import { register } from "node:module"; register(${JSON.stringify(RECORD_HOOK)}, import.meta.url, { data: { report: ${JSON.stringify(report)} } });`,
    )}`;
    const run = spawnSync(process.execPath, ["--import", register, ...args], {
      cwd: options.cwd,
      input: options.stdin ?? "",
      encoding: "utf8",
    });
    let text = "";
    try {
      text = readFileSync(report, "utf8");
    } catch {
      throw new Error(`nothing recorded (exit ${run.status}): ${run.stderr}`);
    }
    return { status: run.status, urls: [...new Set(text.trim().split("\n"))] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
