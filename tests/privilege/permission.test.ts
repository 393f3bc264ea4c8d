import { mkdtemp, realpath, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultRuleset, triage, type DefaultAnswers } from "../../src/index.js";
import { answersByUrgency, calmAnswersMedicineHelped } from "../cli/helpers/answers.js";
import { expectContractResult } from "../cli/helpers/contract.js";
import { assertBuilt, BIN } from "../cli/helpers/spawn-cli.js";
import { PACKAGE_ROOT, PERMISSION_FLAG, runNode, withoutPermissionWarning, type NodeRun } from "./helpers/node-run.js";

// Least privilege: the built CLI does its whole job under Node's permission model with read access
// to its own package folder and the one input file, and nothing else: no file writes, no child
// processes, no worker threads (none of --allow-fs-write, --allow-child-process, --allow-worker).
// The inputs live in a temporary folder outside the package, and the CLI runs from there.

let inside = "";
let outside = "";
const RECORDS: readonly DefaultAnswers[] = [
  { ...calmAnswersMedicineHelped, id: "r-1" },
  { ...answersByUrgency.urgent, id: "r-2" },
  { ...answersByUrgency.emergency, id: 3 },
];

beforeAll(async () => {
  assertBuilt();
  // Real paths: the permission model compares resolved paths, and a temporary folder may be a symlink.
  inside = await realpath(await mkdtemp(join(tmpdir(), "neck-triage-allowed-")));
  outside = await realpath(await mkdtemp(join(tmpdir(), "neck-triage-denied-")));
  for (const dir of [inside, outside]) {
    await writeFile(join(dir, "answers.json"), JSON.stringify(answersByUrgency.soon));
    await writeFile(join(dir, "records.ndjson"), `${RECORDS.map((record) => JSON.stringify(record)).join("\n")}\n`);
  }
});
afterAll(async () => {
  for (const dir of [inside, outside]) if (dir) await rm(dir, { recursive: true, force: true });
});

/** The built CLI under the permission model, reading only the package folder and `readable`. */
function sandboxed(args: readonly string[], readable: readonly string[], packageRoot = PACKAGE_ROOT): Promise<NodeRun> {
  const allow = [packageRoot, ...readable].map((path) => `--allow-fs-read=${path}`);
  return runNode([PERMISSION_FLAG, ...allow, BIN, ...args], { cwd: inside });
}

/** A run that succeeded: the expected exit code and nothing on stderr but Node 20's experimental-permission warning. */
function expectClean(run: NodeRun, code = 0): void {
  expect(withoutPermissionWarning(run.stderr), "stderr").toBe("");
  expect(run.code).toBe(code);
}

describe("the CLI under Node's permission model: read the package and the input, nothing more", () => {
  it(`uses ${PERMISSION_FLAG} (this is Node ${process.version})`, () => {
    // Node 22.0–22.12 know only the experimental flag, 22.13 and later both: hence a feature test, not the version.
    const major = Number(process.versions.node.split(".")[0]);
    if (major <= 21) expect(PERMISSION_FLAG).toBe("--experimental-permission");
    if (major >= 23) expect(PERMISSION_FLAG).toBe("--permission");
  });

  it("--answers FILE --json gives the library's result", async () => {
    const file = join(inside, "answers.json");
    const run = await sandboxed(["--answers", file, "--json"], [file]);
    expectClean(run);
    const printed = expectContractResult(JSON.parse(run.stdout));
    expect(printed).toEqual(JSON.parse(JSON.stringify(triage(answersByUrgency.soon))));
    expect(printed.urgency).toBe("soon");
  });

  it("batch FILE gives one library result per line, in order", async () => {
    const file = join(inside, "records.ndjson");
    const run = await sandboxed(["batch", file, "--exit-code"], [file]);
    expectClean(run, 3);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(RECORDS.length);
    lines.forEach((line, i) => expect(JSON.parse(line)).toEqual(JSON.parse(JSON.stringify(triage(RECORDS[i]!)))));
  });

  it("batch from stdin (no file to allow)", async () => {
    const run = await runNode([PERMISSION_FLAG, `--allow-fs-read=${PACKAGE_ROOT}`, BIN, "batch"], {
      cwd: inside,
      stdin: `${JSON.stringify(calmAnswersMedicineHelped)}\n`,
    });
    expectClean(run);
    expectContractResult(JSON.parse(run.stdout));
  });

  it("rules --json lists the ruleset's rules", async () => {
    const run = await sandboxed(["rules", "--json"], []);
    expectClean(run);
    const listed = JSON.parse(run.stdout) as { rules: { id: string }[] };
    expect(listed.rules.map((rule) => rule.id)).toEqual(defaultRuleset.rules.map((rule) => rule.id));
  });
});

describe("the permission model is enforced (so the tests above can fail)", () => {
  it("--answers with a file outside the allowed paths is refused: exit 2, permission denied", async () => {
    const run = await sandboxed(["--answers", join(outside, "answers.json"), "--json"], [join(inside, "answers.json")]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(withoutPermissionWarning(run.stderr)).toBe(
      `${join(outside, "answers.json")}: cannot read the answers: permission denied\n`,
    );
  });

  it("batch with a file outside the allowed paths is refused: exit 2 (not an internal error), permission denied", async () => {
    const run = await sandboxed(["batch", join(outside, "records.ndjson")], [join(inside, "records.ndjson")]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(withoutPermissionWarning(run.stderr)).toBe(
      `${join(outside, "records.ndjson")}: cannot read the answers: permission denied\n`,
    );
  });

  it("without read access to the whole package folder the CLI cannot even load", async () => {
    const run = await sandboxed(["rules", "--json"], [], join(PACKAGE_ROOT, "bin"));
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("ERR_ACCESS_DENIED");
  });

  it("the same flags deny writing a file, starting a process and starting a worker", async () => {
    const probe = `
      const attempts = {
        write: () => require("node:fs").writeFileSync(${JSON.stringify(join(inside, "written.txt"))}, "x"),
        childProcess: () => require("node:child_process").spawnSync(process.execPath, ["-e", "0"]),
        worker: () => new (require("node:worker_threads").Worker)("0", { eval: true }),
      };
      const denied = {};
      for (const [name, attempt] of Object.entries(attempts)) {
        try { attempt(); denied[name] = false; } catch (error) { denied[name] = error.code; }
      }
      process.stdout.write(JSON.stringify(denied));`;
    const run = await runNode([PERMISSION_FLAG, `--allow-fs-read=${PACKAGE_ROOT}`, "-e", probe], { cwd: inside });
    expectClean(run);
    expect(JSON.parse(run.stdout)).toEqual({
      write: "ERR_ACCESS_DENIED",
      childProcess: "ERR_ACCESS_DENIED",
      worker: "ERR_ACCESS_DENIED",
    });
  });
});
