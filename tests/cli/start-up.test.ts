import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { runNode } from "../privilege/helpers/node-run.js";
import { useTempDir } from "../helpers/temp-dir.js";
import { answersByUrgency, answersJson } from "./helpers/answers.js";
import { assertBuilt, BIN } from "./helpers/spawn-cli.js";

// The CLI starts fast because its common paths load only what they use (README, Performance): plainly
// valid answers are checked without zod, and the built-in rulesets were validated when the bundle
// was built. zod is the largest part of the bundle; these runs record every file of the bundle that
// Node loads (an ESM resolve hook) and look for zod's code in them.

const RECORD_HOOK = `data:text/javascript,${encodeURIComponent(`
import { appendFileSync } from "node:fs";
let report;
export function initialize(data) { report = data.report; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (result.url.startsWith("file:")) appendFileSync(report, result.url + "\\n");
  return result;
}`)}`;
const REGISTER = `data:text/javascript,${encodeURIComponent(
  `import { register } from "node:module"; register(${JSON.stringify(RECORD_HOOK)}, import.meta.url, { data: { report: process.env.LOAD_REPORT } });`,
)}`;

/** zod's own name for its base class, kept as a string in the minified bundle. */
const ZOD_MARK = '"$ZodType"';

const temp = useTempDir("neck-triage-start-up-");
beforeAll(() => {
  assertBuilt();
});

let reports = 0;
/** Runs the built CLI and returns the bundle files it loaded that contain zod. */
async function zodFilesLoadedBy(args: readonly string[], stdin?: string): Promise<{ code: number | null; files: string[]; zod: string[] }> {
  const report = join(temp.path, `loaded-${++reports}.txt`);
  const run = await runNode(["--import", REGISTER, BIN, ...args], { cwd: temp.path, env: { LOAD_REPORT: report }, ...(stdin === undefined ? {} : { stdin }) });
  const files = [...new Set((await readFile(report, "utf8")).trim().split("\n"))].map((url) => fileURLToPath(url));
  return { code: run.code, files, zod: files.filter((file) => readFileSync(file, "utf8").includes(ZOD_MARK)) };
}

describe("start-up: zod is loaded only when input needs its full error report", () => {
  it("valid answers from a file, as JSON: no zod", async () => {
    const file = await temp.file("answers.json", JSON.stringify(answersByUrgency.urgent));
    const run = await zodFilesLoadedBy(["--answers", file, "--json"]);
    expect(run.code).toBe(0);
    expect(run.files.length).toBeGreaterThan(1);
    expect(run.zod).toEqual([]);
  });

  it("valid answers on stdin, as text: no zod", async () => {
    const run = await zodFilesLoadedBy(["--answers", "-"], answersJson());
    expect(run.code).toBe(0);
    expect(run.zod).toEqual([]);
  });

  it("a misspelt field: zod is loaded to report every problem (so the check above can see it)", async () => {
    const run = await zodFilesLoadedBy(["--answers", "-", "--json"], answersJson({ fever: undefined, fevr: "no" }));
    expect(run.code).toBe(2);
    expect(run.zod.length).toBe(1);
  });
});
