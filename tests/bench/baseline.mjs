// Part of `npm run bench` (not a test): with BENCH_BASELINE=DIR, triage()/s, start-up and batch for another build of
// neck-triage (a checkout of an earlier commit, built) measured in the same run, interleaved with this
// one, so that a change's cost is read as a ratio on one machine at one time, not across two runs.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

/** triage() per second and CLI start-up, this build against the one in `dir`, in alternating rounds. */
export async function benchAgainstBaseline({ dir, root, pool, triage, rateSync, quick, record, fmt, median, fail }) {
  const base = resolve(dir);
  const entry = join(base, "dist", "src", "index.js");
  if (!existsSync(entry))
    fail(`BENCH_BASELINE=${dir}: no ${entry}; check out the baseline there and run npm ci && npm run build in it`);
  const baseline = await import(pathToFileURL(entry).href);
  const git = (...args) => spawnSync("git", ["-C", base, ...args], { encoding: "utf8" }).stdout.trim();
  const commit = git("log", "-1", "--format=%h %s").slice(0, 70);
  const label =
    commit === "" ? base : git("status", "--porcelain") === "" ? commit : `${commit}, with uncommitted changes`;
  console.log(`\n6. Against the baseline ${label}, in the same run`);
  for (let i = 0; i < pool.length; i++) {
    if (JSON.stringify(baseline.triage(pool[i])) !== JSON.stringify(triage(pool[i])))
      fail(`the baseline's result differs from this build's on pool case ${i}: not the same behaviour`);
  }
  console.log(`   same results as this build on all ${fmt(pool.length)} pool cases`);
  // The whole pool, then its self-care cases alone: the commonest result in real use, and the one
  // path the pool (mostly with a warning sign somewhere) visits least.
  const calm = pool.filter((answers) => triage(answers).urgency === "none");
  for (const [name, cases] of [
    ["triage()", pool],
    ["triage(), self-care cases", calm],
  ]) {
    const [t, b, rounds] = alternate(triage, baseline.triage, cases, { rateSync, quick, median });
    console.log(
      `   ${name} (${fmt(cases.length)}): ${fmt(t)} /s, baseline ${fmt(b)} /s (medians of ${rounds} alternating rounds): ratio ${fmt(t / b, 2)}`,
    );
    record(`${name} / baseline's`, `${fmt(t)} / ${fmt(b)} = ${fmt(t / b, 2)}`, "≈ 1 (within noise)", undefined);
  }

  // Spawned runs of each build's CLI, alternating: start-up, then batch on pool records.
  const timeCli = (what, args, runs, options = {}) => {
    const timed = (at) => {
      const start = performance.now();
      const result = spawnSync(join(at, "bin", "neck-triage"), args, { encoding: "utf8", ...options });
      if (result.status !== 0) fail(`a timed ${what} exited ${result.status}: ${result.stderr}`);
      return performance.now() - start;
    };
    const mine = [];
    const old = [];
    for (let i = 0; i < runs; i++) {
      if (i % 2 === 0) {
        mine.push(timed(root));
        old.push(timed(base));
      } else {
        old.push(timed(base));
        mine.push(timed(root));
      }
    }
    const m = median(mine);
    const o = median(old);
    console.log(
      `   ${what}: ${fmt(m, 1)} ms, baseline ${fmt(o, 1)} ms (medians of ${runs} alternating runs): ratio ${fmt(m / o, 2)}`,
    );
    record(
      `${what} / baseline's`,
      `${fmt(m, 1)} / ${fmt(o, 1)} ms = ${fmt(m / o, 2)}`,
      "≈ 1 (within noise)",
      undefined,
    );
  };
  timeCli(
    "CLI start-up (--answers --json)",
    ["--answers", join(root, "examples", "answers.json"), "--json"],
    quick ? 5 : 21,
  );

  const lines = quick ? 10_000 : 200_000;
  const scratch = mkdtempSync(join(tmpdir(), "neck-triage-bench-baseline-"));
  try {
    const file = join(scratch, "records.ndjson");
    const text = Array.from({ length: lines }, (_, i) => JSON.stringify(pool[i % pool.length])).join("\n");
    writeFileSync(file, `${text}\n`);
    // Output to /dev/null, as a pipe to a fast reader would take it; the time is the whole run's.
    timeCli(`batch, ${fmt(lines)} pool records`, ["batch", file], quick ? 3 : 9, {
      stdio: ["ignore", "ignore", "pipe"],
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Medians of evaluations per second of `ours` and `theirs` on `cases`, in alternating rounds. */
function alternate(ours, theirs, cases, { rateSync, quick, median }) {
  const rate = (fn, ms) => rateSync(fn, cases, ms);
  const rounds = quick ? 5 : 21;
  const mine = [];
  const old = [];
  rate(ours, 200);
  rate(theirs, 200);
  for (let round = 0; round < rounds; round++) {
    // Alternate which goes first, so that neither always runs on a warmer machine.
    if (round % 2 === 0) {
      mine.push(rate(ours, quick ? 100 : 300));
      old.push(rate(theirs, quick ? 100 : 300));
    } else {
      old.push(rate(theirs, quick ? 100 : 300));
      mine.push(rate(ours, quick ? 100 : 300));
    }
  }
  return [median(mine), median(old), rounds];
}
