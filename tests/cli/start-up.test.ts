import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { modulesLoadedBy } from "../helpers/module-loads.js";
import { useTempDir } from "../helpers/temp-dir.js";
import { answersByUrgency, answersJson } from "./helpers/answers.js";
import { assertBuilt, BIN } from "./helpers/spawn-cli.js";

// The CLI starts fast because its common paths load only what they use (README, Performance): plainly
// valid answers are checked without zod, and the built-in rulesets were validated when the bundle
// was built. zod is the largest part of the bundle; these runs record every file of the bundle that
// Node loads (an ESM resolve hook, tests/helpers/module-loads.ts) and look for zod's code in them.

/** zod's own name for its base class, kept as a string in the minified bundle. */
const ZOD_MARK = '"$ZodType"';

const temp = useTempDir("neck-triage-start-up-");
beforeAll(() => {
  assertBuilt();
});

/** Runs the built CLI and returns its exit code and the files of the bundle it loaded that contain zod. */
function zodFilesLoadedBy(
  args: readonly string[],
  stdin?: string,
): { code: number | null; files: string[]; zod: string[] } {
  const run = modulesLoadedBy([BIN, ...args], { cwd: temp.path, ...(stdin === undefined ? {} : { stdin }) });
  const files = run.urls.filter((url) => url.startsWith("file:")).map((url) => fileURLToPath(url));
  return { code: run.status, files, zod: files.filter((file) => readFileSync(file, "utf8").includes(ZOD_MARK)) };
}

describe("start-up: zod is loaded only when input needs its full error report", () => {
  it("valid answers from a file, as JSON: no zod", async () => {
    const file = await temp.file("answers.json", JSON.stringify(answersByUrgency.urgent));
    const run = zodFilesLoadedBy(["--answers", file, "--json"]);
    expect(run.code).toBe(0);
    expect(run.files.length).toBeGreaterThan(1);
    expect(run.zod).toEqual([]);
  });

  it("valid answers on stdin, as text: no zod", () => {
    const run = zodFilesLoadedBy(["--answers", "-"], answersJson());
    expect(run.code).toBe(0);
    expect(run.zod).toEqual([]);
  });

  it("a misspelt field: zod is loaded to report every problem (so the check above can see it)", () => {
    const run = zodFilesLoadedBy(["--answers", "-", "--json"], answersJson({ fever: undefined, fevr: "no" }));
    expect(run.code).toBe(2);
    expect(run.zod.length).toBe(1);
  });
});
