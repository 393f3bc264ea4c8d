// Part of `npm run bench` (not a test): with BENCH_BASELINE=DIR, the same figures for another build of
// neck-triage (a checkout of an earlier commit, built) measured in the same run, interleaved with this
// one, so that a change's cost is read as a ratio on one machine at one time, not across two runs.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
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
  const label =
    spawnSync("git", ["-C", base, "log", "-1", "--format=%h %s"], { encoding: "utf8" }).stdout.trim().slice(0, 70) ||
    base;
  console.log(`\n6. Against the baseline ${label}, in the same run`);
  for (let i = 0; i < pool.length; i++) {
    if (JSON.stringify(baseline.triage(pool[i])) !== JSON.stringify(triage(pool[i])))
      fail(`the baseline's result differs from this build's on pool case ${i}: not the same behaviour`);
  }
  console.log(`   same results as this build on all ${fmt(pool.length)} pool cases`);
  const rate = (fn, ms) => rateSync(fn, pool, ms);
  const rounds = quick ? 5 : 21;
  const ours = [];
  const theirs = [];
  rate(triage, 200);
  rate(baseline.triage, 200);
  for (let round = 0; round < rounds; round++) {
    // Alternate which goes first, so that neither always runs on a warmer machine.
    const pair =
      round % 2 === 0
        ? [
            [triage, ours],
            [baseline.triage, theirs],
          ]
        : [
            [baseline.triage, theirs],
            [triage, ours],
          ];
    for (const [fn, into] of pair) into.push(rate(fn, quick ? 100 : 300));
  }
  const t = median(ours);
  const b = median(theirs);
  console.log(
    `   triage(): ${fmt(t)} /s, baseline ${fmt(b)} /s (medians of ${rounds} alternating rounds): ratio ${fmt(t / b, 2)}`,
  );
  record("triage() / baseline's", `${fmt(t)} / ${fmt(b)} = ${fmt(t / b, 2)}`, "≈ 1 (within noise)", undefined);

  const runs = quick ? 5 : 21;
  const cli = (at) => () =>
    spawnSync(join(at, "bin", "neck-triage"), ["--answers", join(root, "examples", "answers.json"), "--json"], {
      encoding: "utf8",
    });
  const timed = (fn) => {
    const start = performance.now();
    const result = fn();
    if (result.status !== 0) fail(`a timed start-up exited ${result.status}: ${result.stderr}`);
    return performance.now() - start;
  };
  const mine = [];
  const old = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      mine.push(timed(cli(root)));
      old.push(timed(cli(base)));
    } else {
      old.push(timed(cli(base)));
      mine.push(timed(cli(root)));
    }
  }
  const m = median(mine);
  const o = median(old);
  console.log(
    `   CLI --answers --json: ${fmt(m, 1)} ms, baseline ${fmt(o, 1)} ms (medians of ${runs} alternating runs): ratio ${fmt(m / o, 2)}`,
  );
  record(
    "CLI start-up / baseline's",
    `${fmt(m, 1)} / ${fmt(o, 1)} ms = ${fmt(m / o, 2)}`,
    "≈ 1 (within noise)",
    undefined,
  );
}
