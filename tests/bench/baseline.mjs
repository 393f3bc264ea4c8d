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
