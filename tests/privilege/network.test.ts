import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answersByUrgency, calmAnswersMedicineHelped } from "../cli/helpers/answers.js";
import { assertBuilt, BIN } from "../cli/helpers/spawn-cli.js";
import { runNode, type NodeRun } from "./helpers/node-run.js";

// The permission model says nothing about the network, so this shows the CLI never even loads
// Node's networking modules, three ways:
// - an ESM resolve hook (registered with node:module `register` from an --import data: URL) records
//   every `node:` built-in that any module imports;
// - a --require preload wraps Module._load and records every built-in that CommonJS code requires
//   (commander, bundled, calls require() through createRequire);
// - at exit the preload reads process.moduleLoadList, which lists every built-in module Node has
//   loaded, its own internal loads included.
// moduleLoadList needs a baseline: Node's bootstrap alone (`node -e 0`, with the same hooks and
// stdio) loads internal/net and internal/dns/utils, and net as soon as stdout or stderr is a pipe
// (process.stdout is then a net.Socket). And commander requires node:child_process when it loads (for
// executable subcommands, which this CLI has none of); Node's child_process module in turn loads
// net and dgram for its IPC and stdio plumbing, without opening anything. So a module is allowed in
// moduleLoadList only if one of those two baselines loads it too, and the CLI's own imports and
// requires (the hook and the wrapper) must name no networking module at all.

/** The networking built-ins, and their internals, that must never load because of the CLI. */
const NETWORK = ["net", "http", "https", "http2", "dns", "tls", "dgram"] as const;
function isNetworkModule(name: string): boolean {
  const bare = name.replace(/^node:/, "");
  return NETWORK.some(
    (m) => bare === m || bare.startsWith(`${m}/`) || bare.startsWith(`internal/${m}`) || bare.startsWith(`_${m}_`),
  );
}

const PRELOAD = fileURLToPath(new URL("fixtures/record-builtins.cjs", import.meta.url));
const RESOLVE_HOOK = `data:text/javascript,${encodeURIComponent(`
import { appendFileSync } from "node:fs";
let report;
export function initialize(data) { report = data.report; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (result.url.startsWith("node:")) appendFileSync(report, JSON.stringify({ kind: "import", url: result.url }) + "\\n");
  return result;
}`)}`;
const REGISTER = `data:text/javascript,${encodeURIComponent(
  `import { register } from "node:module"; register(${JSON.stringify(RESOLVE_HOOK)}, import.meta.url, { data: { report: process.env.NECK_TRIAGE_LOAD_REPORT } });`,
)}`;

interface Loads {
  run: NodeRun;
  /** `node:` built-ins imported by ES modules (the resolve hook). */
  imported: string[];
  /** Built-ins required by CommonJS code (the Module._load wrapper). */
  required: string[];
  /** Every built-in module Node loaded (process.moduleLoadList at exit). */
  loaded: string[];
}

let dir = "";
let reports = 0;
beforeAll(async () => {
  assertBuilt();
  dir = await mkdtemp(join(tmpdir(), "neck-triage-loads-"));
  await writeFile(join(dir, "answers.json"), JSON.stringify(answersByUrgency.urgent));
  await writeFile(
    join(dir, "records.ndjson"),
    `${JSON.stringify(calmAnswersMedicineHelped)}\n${JSON.stringify(answersByUrgency.emergency)}\n{"bad":1}\n`,
  );
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** `node --import <hook> --require <preload> ARGS`, and what it loaded. */
async function loadsOf(args: readonly string[], stdin?: string): Promise<Loads> {
  const report = join(dir, `loads-${++reports}.ndjson`);
  const run = await runNode(["--import", REGISTER, "--require", PRELOAD, ...args], {
    cwd: dir,
    env: { NECK_TRIAGE_LOAD_REPORT: report },
    ...(stdin === undefined ? {} : { stdin }),
  });
  const lines = (await readFile(report, "utf8"))
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  const exit = lines.find((line) => line.kind === "exit") as { required: string[]; loaded: string[] } | undefined;
  if (!exit) throw new Error(`no exit report: ${run.stderr}`);
  const imported = lines.filter((line) => line.kind === "import").map((line) => String(line.url));
  return { run, imported: [...new Set(imported)], required: exit.required, loaded: exit.loaded };
}

let bootstrap: Loads;
let childProcess: Loads;
beforeAll(async () => {
  bootstrap = await loadsOf(["-e", "process.stdout.write(''); process.stderr.write('')"]);
  childProcess = await loadsOf(["-e", "require('node:child_process')"]);
});

const CLI_RUNS: readonly [string, readonly string[], string?][] = [
  ["--answers FILE --json", ["--answers", "answers.json", "--json"]],
  ["--answers FILE (text, with colour and wrapping code loaded)", ["--answers", "answers.json"]],
  ["--answers - --json", ["--answers", "-", "--json"], JSON.stringify(calmAnswersMedicineHelped)],
  ["batch FILE", ["batch", "records.ndjson"]],
  ["batch --format text (stdin)", ["batch", "--format", "text"], `${JSON.stringify(calmAnswersMedicineHelped)}\n`],
  ["rules --json", ["rules", "--json"]],
  ["rules (text)", ["rules"]],
];

describe("no networking module is ever loaded", () => {
  it("the baselines: Node's bootstrap, and child_process on its own", () => {
    expect(bootstrap.run.code).toBe(0);
    expect(bootstrap.required.filter(isNetworkModule)).toEqual([]);
    expect(bootstrap.imported.filter(isNetworkModule)).toEqual([]);
    // What Node loads by itself: internals, and net when stdout is a pipe (process.stdout is then a net.Socket).
    expect(
      bootstrap.loaded.filter(isNetworkModule).filter((name) => !name.startsWith("internal/") && name !== "net"),
    ).toEqual([]);
    expect(childProcess.loaded).toEqual(expect.arrayContaining(["child_process"]));
  });

  for (const [name, args, stdin] of CLI_RUNS) {
    it(name, async () => {
      const loads = await loadsOf([BIN, ...args], stdin);
      expect([0, 2], loads.run.stderr).toContain(loads.run.code);
      expect(loads.run.stdout.length).toBeGreaterThan(0);
      // The hook and the wrapper did see the CLI: the bundle imports node:module, commander requires.
      expect(loads.imported).toContain("node:module");
      expect(loads.required.length).toBeGreaterThan(0);

      expect(loads.imported.filter(isNetworkModule), "imported by ES modules").toEqual([]);
      expect(loads.required.filter(isNetworkModule), "required by CommonJS code").toEqual([]);
      const allowed = new Set([
        ...bootstrap.loaded,
        ...(loads.required.includes("child_process") ? childProcess.loaded : []),
      ]);
      expect(
        loads.loaded.filter((m) => isNetworkModule(m) && !allowed.has(m)),
        "loaded beyond the baselines",
      ).toEqual([]);
      expect(
        loads.loaded.filter((m) => /^(_?https?|http2|tls|dns)(\/|_|$)/.test(m)),
        "http, https, http2, tls, dns never",
      ).toEqual([]);
    });
  }

  it("the checks can fail: a script that imports node:https and requires dns shows up in all three", async () => {
    const imports = await loadsOf(["--input-type=module", "-e", "await import('node:https');"]);
    expect(imports.imported).toContain("node:https");
    expect(imports.loaded).toEqual(expect.arrayContaining(["https", "tls", "_http_client"]));

    const requires = await loadsOf(["-e", "require('dns')"]);
    expect(requires.required).toContain("dns");
    expect(requires.loaded).toContain("dns");
    const allowed = new Set(bootstrap.loaded);
    expect(requires.loaded.filter((m) => isNetworkModule(m) && !allowed.has(m))).toContain("dns");
  });
});
