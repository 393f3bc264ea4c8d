// A benchmark, not a test: nothing here runs in CI or in vitest (vitest only collects tests/**/*.test.ts).
// Run it with `npm run bench` (builds first); BENCH_QUICK=1 runs a shortened version to check that the
// script works. It measures, in one run, and prints each figure with its target:
//   1. triage() per second (validation included) vs a hand-written if-chain and vs json-rules-engine
//   2. the in-process cost of one batch record: JSON.parse + validate + evaluate + serialise
//   3. CLI start-up: `./bin/neck-triage --answers examples/answers.json --json` vs `node -e 0`
//   4. `neck-triage batch` on a 1,000,000-line NDJSON file vs `jq -c .`, and its peak RSS at 100k vs 1M lines
//   5. the web page: its size (gzip) and the time to its first question in headless Chromium (web-page.mjs)
//   6. with BENCH_BASELINE=DIR (another checkout, built): triage()/s (whole pool, self-care cases), start-up
//      and batch against that build, in alternating rounds of this run (baseline.mjs): what a change costs
// BENCH_ONLY=1,6 runs only the sections listed (e.g. BENCH_ONLY=6 with BENCH_BASELINE for a quick A/B).
import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import { availableParallelism, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { isDeepStrictEqual } from "node:util";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Engine } from "json-rules-engine";
import { defaultRuleset, triage } from "neck-triage";
import { handTriage } from "./hand-triage.mjs";
import { benchAgainstBaseline } from "./baseline.mjs";
import { benchWebPage } from "./web-page.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = join(ROOT, "bin", "neck-triage");
const QUICK = process.env.BENCH_QUICK === "1";
const ONLY = process.env.BENCH_ONLY?.split(",").map((section) => section.trim());
const selected = (section) => ONLY === undefined || ONLY.includes(String(section));

const CONFIG = QUICK
  ? {
      pool: 2_000,
      rounds: 1,
      syncMs: 150,
      asyncMs: 300,
      batchMs: 200,
      spawnRuns: 5,
      smallLines: 10_000,
      bigLines: 100_000,
      bigRuns: 1,
    }
  : {
      pool: 10_000,
      rounds: 3,
      syncMs: 700,
      asyncMs: 1_000,
      batchMs: 1_500,
      spawnRuns: 30,
      smallLines: 100_000,
      bigLines: 1_000_000,
      bigRuns: 3,
    };

const summary = [];
const fmt = (n, digits = 0) => n.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const lineCount = (n) =>
  n >= 1_000_000 && n % 1_000_000 === 0
    ? `${n / 1_000_000}M`
    : n >= 1_000 && n % 1_000 === 0
      ? `${n / 1_000}k`
      : String(n);
function record(measure, figure, target, met) {
  summary.push({
    measure,
    figure,
    target: target || "—",
    met: met === undefined ? "n/a" : met === null ? "skipped" : met ? "met" : "NOT MET",
  });
}
function fail(message) {
  console.error(`\nbench: ${message}`);
  process.exit(1);
}

// ---- the machine -----------------------------------------------------------------------------------
function describeMachine() {
  let model = "unknown";
  let logical = 0;
  try {
    const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
    model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? model;
    logical = (cpuinfo.match(/^processor\s*:/gm) ?? []).length;
  } catch {
    // not Linux: leave "unknown"
  }
  console.log("neck-triage benchmark" + (QUICK ? " (BENCH_QUICK=1: shortened run, figures are rough)" : ""));
  console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
  console.log(
    `CPU: ${model}; ${logical || "?"} logical CPUs in /proc/cpuinfo, ${availableParallelism()} available to node; RAM ${fmt(totalmem() / 2 ** 30, 1)} GiB`,
  );
}

// ---- seeded answers -----------------------------------------------------------------------------------
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Mostly reassuring: each choice answer is reassuring 85%, the warning answer 10%, "unsure" 5%. A
// follow-up is answered exactly when its condition holds (docs/contract.md), as the interview asks it.
function makeAnswers(rng, id) {
  const pick = (reassuring, warning) => {
    const r = rng();
    return r < 0.85 ? reassuring : r < 0.95 ? warning : "unsure";
  };
  const a = { id };
  a.emergencySigns = pick("no", "yes");
  a.age = Math.floor(rng() * 121);
  a.injury = pick("no", "yes");
  if (a.injury !== "no") a.injuryMechanism = pick("no", "yes");
  a.riskHistory = pick("no", "yes");
  a.limbWeakness = pick("no", "yes");
  a.coordinationLoss = pick("no", "yes");
  a.fever = pick("no", "yes");
  a.swallowing = pick("no", "yes");
  if (a.swallowing !== "no") a.swallowingSevere = pick("no", "yes");
  a.headache = pick("no", "yes");
  if (a.headache !== "no") a.headacheNew = pick("no", "yes");
  if (a.headache !== "no" && a.headacheNew !== "no") a.headacheFast = pick("no", "yes");
  a.canTouchChinToChest = pick("yes", "no");
  a.armTinglingOrNumbness = pick("no", "yes");
  a.shootingArmPain = pick("no", "yes");
  a.painDays = Math.floor(rng() * 31);
  if (a.painDays >= 7) a.improving = pick("yes", "no");
  a.otcResponse = pick(rng() < 0.5 ? "helped" : "not-tried", "did-not-help");
  return a;
}

function makePool(size) {
  const rng = mulberry32(20240601);
  const pool = [];
  // Half with an id (echoed in the result), half without.
  for (let i = 0; i < size; i++) {
    const answers = makeAnswers(rng, `p${i}`);
    if (i % 2 === 1) delete answers.id;
    pool.push(answers);
  }
  return pool;
}

// ---- 1. evaluations per second ------------------------------------------------------------------------
/** Calls fn on the pool, round after round, for about `ms`; returns evaluations per second. */
function rateSync(fn, pool, ms) {
  let n = 0;
  let sink = 0;
  const start = performance.now();
  let now;
  do {
    for (let i = 0; i < pool.length; i++) sink += fn(pool[i]).reasons.length;
    n += pool.length;
    now = performance.now();
  } while (now - start < ms);
  if (sink < 0) console.log(sink);
  return n / ((now - start) / 1000);
}

async function rateAsync(fn, pool, ms) {
  let n = 0;
  let sink = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let k = 0; k < 64; k++) {
      sink += (await fn(pool[n % pool.length])).events.length;
      n++;
    }
    now = performance.now();
  }
  if (sink < 0) console.log(sink);
  return n / ((now - start) / 1000);
}

/** triage()'s result without its wording: what the if-chain returns. */
function decisionOf(result) {
  const reasons = result.reasons.map(({ ruleId, urgency, certainty, answers }) => ({
    ruleId,
    urgency,
    certainty,
    answers,
  }));
  const { verdict, urgency } = result;
  return result.id === undefined ? { verdict, urgency, reasons } : { id: result.id, verdict, urgency, reasons };
}

/** The checks that decide whether the if-chain is a fair yardstick: same acceptance, same decisions. */
function checkHandChain(pool) {
  for (let i = 0; i < pool.length; i++) {
    const expected = decisionOf(triage(pool[i]));
    const actual = handTriage(pool[i]);
    if (JSON.stringify(actual) !== JSON.stringify(expected) || !isDeepStrictEqual(actual, expected)) {
      console.error("answers:", JSON.stringify(pool[i]));
      console.error("triage():", JSON.stringify(expected, null, 1));
      console.error("if-chain:", JSON.stringify(actual, null, 1));
      fail(
        `the hand-written if-chain disagrees with triage() on pool case ${i}; fix the chain or the engine before timing`,
      );
    }
  }
  const valid = { ...pool[0], id: "x" };
  const without = (key) => {
    const copy = { ...valid };
    delete copy[key];
    return copy;
  };
  const invalidCases = {
    "a field missing": without("otcResponse"),
    "swallowing missing (a 2.0 field)": without("swallowing"),
    "a needed follow-up missing": { ...without("injuryMechanism"), injury: "yes" },
    "a follow-up not needed, with a value not allowed": {
      ...without("headacheNew"),
      headache: "no",
      headacheNew: "maybe",
    },
    "an unknown field": { ...valid, feverr: "no" },
    "a value not allowed": { ...valid, fever: "maybe" },
    "a number as a choice": { ...valid, injury: 1 },
    "a non-integer age": { ...valid, age: 30.5 },
    "an age over 120": { ...valid, age: 121 },
    "a negative painDays": { ...valid, painDays: -1 },
    "painDays over 36500": { ...valid, painDays: 36501 },
    "a string age": { ...valid, age: "30" },
    "an id too long": { ...valid, id: "x".repeat(201) },
    "an id that is an object": { ...valid, id: {} },
    "an array": [valid],
    null: null,
  };
  for (const [what, input] of Object.entries(invalidCases)) {
    const throws = (fn) => {
      try {
        fn(input);
        return false;
      } catch {
        return true;
      }
    };
    if (!throws(triage)) fail(`triage() accepted ${what}`);
    if (!throws(handTriage)) fail(`the if-chain accepted ${what}, which triage() refuses`);
  }
  const oks = [
    { ...valid, id: 42 },
    { ...valid, id: "x".repeat(200) },
    { ...valid, painDays: 36500, improving: "no" },
    { ...without("swallowingSevere"), swallowing: "no", swallowingSevere: "yes" },
  ];
  for (const ok of oks) {
    if (JSON.stringify(handTriage(ok)) !== JSON.stringify(decisionOf(triage(ok))))
      fail(`the if-chain and triage() disagree on ${JSON.stringify(ok)}`);
  }
}

/**
 * json-rules-engine with the default ruleset's 26 rules, translated from rules/default.json's `when`
 * trees (answer/equals -> fact/equal, in -> in, atLeast -> greaterThanInclusive, below -> lessThan;
 * all/any kept; a follow-up left out is an undefined fact, which matches nothing).
 * It covers the confirmed form of each rule only: a rule fires when its warning answers are given, as
 * a rule of value 1 does in triage(). It has no "unsure" (value ½), no anchor or one-level drop, no
 * ordering, advice or sources, and no validation: it does less work than triage() per evaluation.
 */
function makeJsonRulesEngine() {
  const toCondition = (when) => {
    if ("all" in when) return { all: when.all.map(toCondition) };
    if ("any" in when) return { any: when.any.map(toCondition) };
    if ("equals" in when) return { fact: when.answer, operator: "equal", value: when.equals };
    if ("in" in when) return { fact: when.answer, operator: "in", value: when.in };
    if ("atLeast" in when) return { fact: when.answer, operator: "greaterThanInclusive", value: when.atLeast };
    return { fact: when.answer, operator: "lessThan", value: when.below };
  };
  const rules = defaultRuleset.definition.rules.map((rule) => {
    const condition = toCondition(rule.when);
    return {
      name: rule.id,
      conditions: "all" in condition || "any" in condition ? condition : { all: [condition] },
      event: { type: rule.id, params: { urgency: rule.urgency } },
    };
  });
  if (rules.length !== 26) fail(`expected the default ruleset's 26 rules, got ${rules.length}`);
  const engine = new Engine(rules, { allowUndefinedFacts: true });
  return { engine, ruleCount: rules.length };
}

/** json-rules-engine's events must be exactly triage()'s confirmed reasons: the same 26 conditions. */
async function checkJsonRulesEngine(engine, pool, count) {
  for (let i = 0; i < count; i++) {
    const { events } = await engine.run(pool[i]);
    const fired = events.map((event) => event.type).sort();
    const confirmed = triage(pool[i])
      .reasons.filter((r) => r.certainty === "confirmed")
      .map((r) => r.ruleId)
      .sort();
    if (fired.join() !== confirmed.join()) {
      fail(`json-rules-engine fired [${fired}] but triage() confirmed [${confirmed}] for ${JSON.stringify(pool[i])}`);
    }
  }
}

async function benchEvaluate() {
  console.log(`\n1. Evaluations per second (validation included), pool of ${fmt(CONFIG.pool)} seeded answers`);
  const pool = makePool(CONFIG.pool);
  const urgencies = {};
  for (const answers of pool) {
    const u = triage(answers).urgency;
    urgencies[u] = (urgencies[u] ?? 0) + 1;
  }
  console.log(
    `   pool by urgency: ${Object.entries(urgencies)
      .map(([u, n]) => `${u} ${fmt((100 * n) / pool.length, 1)}%`)
      .join(", ")}`,
  );
  checkHandChain(pool);
  console.log(
    `   if-chain: same decision as triage() on all ${fmt(pool.length)} pool cases (JSON and deep-equal; the chain builds no wording); same refusals on 16 invalid inputs`,
  );
  const { engine, ruleCount } = makeJsonRulesEngine();
  const checked = Math.min(pool.length, QUICK ? 500 : 2_000);
  await checkJsonRulesEngine(engine, pool, checked);
  console.log(
    `   json-rules-engine (${ruleCount} rules, confirmed forms): fires exactly triage()'s confirmed reasons on ${fmt(checked)} pool cases`,
  );

  const jre = (answers) => engine.run(answers);
  // Warm-up, then rounds that alternate the contenders; the median round counts.
  rateSync(triage, pool, 200);
  rateSync(handTriage, pool, 200);
  await rateAsync(jre, pool, 200);
  const rates = { triage: [], chain: [], jre: [] };
  for (let round = 0; round < CONFIG.rounds; round++) {
    rates.triage.push(rateSync(triage, pool, CONFIG.syncMs));
    rates.chain.push(rateSync(handTriage, pool, CONFIG.syncMs));
    rates.jre.push(await rateAsync(jre, pool, CONFIG.asyncMs));
  }
  const t = median(rates.triage);
  const c = median(rates.chain);
  const j = median(rates.jre);
  console.log(`   triage():               ${fmt(t).padStart(12)} evaluations/s`);
  console.log(`   hand-written if-chain:  ${fmt(c).padStart(12)} evaluations/s`);
  console.log(`   json-rules-engine:      ${fmt(j).padStart(12)} evaluations/s (await engine.run(facts), sequential)`);
  console.log(`   triage / if-chain = ${fmt(t / c, 2)}; triage / json-rules-engine = ${fmt(t / j, 1)}`);
  record("triage() evaluations/s", fmt(t), "", undefined);
  record("triage / if-chain", fmt(t / c, 2), ">= 0.5", t / c >= 0.5);
  record("triage / json-rules-engine", fmt(t / j, 1), ">= 100", t / j >= 100);
}

// ---- 2. one batch record in-process -------------------------------------------------------------------
async function loadBatchPieces() {
  const records = join(ROOT, "dist", "src", "cli", "batch", "records.js");
  if (existsSync(records)) {
    const { triageLine } = await import(pathToFileURL(records).href);
    if (typeof triageLine === "function") {
      const options = {};
      return {
        how: "triageLine from dist/src/cli/batch + JSON.stringify",
        perLine: (text, lineNumber) => {
          const outcome = triageLine(defaultRuleset, lineNumber, text, options);
          return JSON.stringify(outcome.ok ? outcome.result : outcome.record);
        },
      };
    }
  }
  return {
    how: "JSON.parse + triage + JSON.stringify (dist has no batch modules)",
    perLine: (text) => JSON.stringify(triage(JSON.parse(text))),
  };
}

async function benchBatchInProcess() {
  const { how, perLine } = await loadBatchPieces();
  console.log(`\n2. One batch record in-process: ${how}`);
  const rng = mulberry32(7);
  const lines = [];
  for (let i = 0; i < 20_000; i++) lines.push(JSON.stringify(makeAnswers(rng, `r${i}`)));
  for (let i = 0; i < 50; i++) {
    const out = perLine(lines[i], i + 1);
    if (out !== JSON.stringify(triage(JSON.parse(lines[i]))))
      fail(`batch in-process output differs from JSON.stringify(triage()) on line ${i + 1}`);
  }
  const timeFor = (ms) => {
    let n = 0;
    let bytes = 0;
    const start = performance.now();
    let now;
    do {
      for (let i = 0; i < lines.length; i++) bytes += perLine(lines[i], i + 1).length;
      n += lines.length;
      now = performance.now();
    } while (now - start < ms);
    if (bytes < 0) console.log(bytes);
    return n / ((now - start) / 1000);
  };
  timeFor(200);
  const rate = median(Array.from({ length: CONFIG.rounds }, () => timeFor(CONFIG.batchMs / CONFIG.rounds)));
  console.log(`   ${fmt(rate)} records/s, ${fmt(1e6 / rate, 2)} µs/record`);
  record("batch record in-process", `${fmt(rate)}/s, ${fmt(1e6 / rate, 2)} µs`, "", undefined);
}

// ---- 3. CLI start-up ----------------------------------------------------------------------------------
function benchCliStartup() {
  const runs = CONFIG.spawnRuns;
  console.log(`\n3. CLI wall time, median of ${runs} alternating runs each`);
  const cli = () => spawnSync(BIN, ["--answers", "examples/answers.json", "--json"], { cwd: ROOT, encoding: "utf8" });
  const bare = () => spawnSync(process.execPath, ["-e", "0"], { cwd: ROOT });
  const first = cli();
  if (first.status !== 0)
    fail(`./bin/neck-triage --answers examples/answers.json --json exited ${first.status}: ${first.stderr}`);
  if (JSON.parse(first.stdout).ruleset?.id !== "default") fail("the CLI's JSON output is not a triage result");
  const timed = (fn) => {
    const start = performance.now();
    const result = fn();
    const ms = performance.now() - start;
    if (result.status !== 0) fail(`a timed run exited ${result.status}`);
    return ms;
  };
  for (let i = 0; i < 3; i++) {
    timed(bare);
    timed(cli);
  }
  const times = { cli: [], bare: [] };
  for (let i = 0; i < runs; i++) {
    // Alternate which goes first, so that neither always follows the other.
    if (i % 2 === 0) {
      times.bare.push(timed(bare));
      times.cli.push(timed(cli));
    } else {
      times.cli.push(timed(cli));
      times.bare.push(timed(bare));
    }
  }
  const c = median(times.cli);
  const b = median(times.bare);
  console.log(`   ./bin/neck-triage --answers examples/answers.json --json: ${fmt(c, 1)} ms`);
  console.log(`   node -e 0:                                             ${fmt(b, 1)} ms`);
  console.log(`   ratio ${fmt(c / b, 2)}`);
  record(
    "CLI --answers --json / node -e 0",
    `${fmt(c, 1)} / ${fmt(b, 1)} ms = ${fmt(c / b, 2)}`,
    "<= 1.4",
    c / b <= 1.4,
  );
}

// ---- 4. batch on big files ----------------------------------------------------------------------------
function ensureDebianPackage(pkg, present) {
  if (present()) return true;
  const aptGet = (args) => {
    console.log(`   running: apt-get ${args.join(" ")}`);
    const result = spawnSync("apt-get", args, {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    console.log(`   apt-get ${args[0]}: ${result.error ? result.error.message : `exit ${result.status}`}`);
    return !result.error && result.status === 0;
  };
  console.log(`   ${pkg}: not installed; installing the Debian package ${pkg}`);
  if (!aptGet(["install", "-y", pkg])) {
    if (aptGet(["update"])) aptGet(["install", "-y", pkg]);
  }
  return present();
}

function generateNdjson(dir) {
  const small = join(dir, `answers-${lineCount(CONFIG.smallLines)}.ndjson`);
  const big = join(dir, `answers-${lineCount(CONFIG.bigLines)}.ndjson`);
  const start = performance.now();
  const smallFd = openSync(small, "w");
  const bigFd = openSync(big, "w");
  const rng = mulberry32(1_000_003);
  let chunk = "";
  const flush = (lineNumber) => {
    writeSync(bigFd, chunk);
    if (lineNumber <= CONFIG.smallLines) writeSync(smallFd, chunk);
    chunk = "";
  };
  // Flushing every 10,000 lines keeps the small file an exact prefix of the big one.
  for (let i = 1; i <= CONFIG.bigLines; i++) {
    const a = makeAnswers(rng, `r${i}`);
    chunk += `${JSON.stringify(a)}\n`;
    if (i % 10_000 === 0 || i === CONFIG.bigLines) flush(i);
  }
  closeSync(smallFd);
  closeSync(bigFd);
  const mb = statSync(big).size / 1e6;
  console.log(
    `   generated ${lineCount(CONFIG.bigLines)} lines (${fmt(mb)} MB) and ${lineCount(CONFIG.smallLines)} lines in ${fmt((performance.now() - start) / 1000, 1)} s under ${dir}`,
  );
  return { small, big, mb };
}

/** Runs a command with stdout to /dev/null; wall time in ms and peak RSS in KiB (when measurable). */
async function runMeasured(command, args, rssVia) {
  const devNull = openSync("/dev/null", "w");
  try {
    if (rssVia === "time") {
      const rssFile = join(tmpdir(), `neck-triage-bench-rss-${process.pid}.txt`);
      const start = performance.now();
      const result = spawnSync("/usr/bin/time", ["-f", "%M", "-o", rssFile, command, ...args], {
        cwd: ROOT,
        stdio: ["ignore", devNull, "pipe"],
        encoding: "utf8",
      });
      const ms = performance.now() - start;
      const rss = Number.parseInt(readFileSync(rssFile, "utf8").trim().split("\n").pop(), 10);
      rmSync(rssFile, { force: true });
      return { ms, rss, status: result.status, stderr: result.stderr };
    }
    // No /usr/bin/time: poll the peak (VmHWM) in /proc while the process runs.
    return await new Promise((resolve, reject) => {
      const start = performance.now();
      const child = spawn(command, args, { cwd: ROOT, stdio: ["ignore", devNull, "pipe"] });
      let stderr = "";
      let rss = Number.NaN;
      child.stderr.on("data", (d) => (stderr += d));
      const poll = () => {
        try {
          const hwm = /^VmHWM:\s*(\d+) kB/m.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
          if (hwm) rss = Math.max(Number.isNaN(rss) ? 0 : rss, Number(hwm[1]));
        } catch {
          // the process has just ended
        }
      };
      const timer = setInterval(poll, 5);
      child.on("error", reject);
      child.on("exit", (status) => {
        clearInterval(timer);
        resolve({ ms: performance.now() - start, rss, status, stderr });
      });
    });
  } finally {
    closeSync(devNull);
  }
}

async function benchBatchFiles() {
  console.log(
    `\n4. Batch on ${lineCount(CONFIG.bigLines)} NDJSON lines vs jq; peak RSS at ${lineCount(CONFIG.smallLines)} vs ${lineCount(CONFIG.bigLines)} lines`,
  );
  const hasJq = ensureDebianPackage("jq", () => spawnSync("jq", ["--version"]).status === 0);
  if (!hasJq) console.log("   jq is not available and could not be installed: skipping the jq comparison");
  const hasTime = ensureDebianPackage("time", () => existsSync("/usr/bin/time"));
  const rssVia = hasTime ? "time" : "proc";
  console.log(
    `   peak RSS from ${hasTime ? "/usr/bin/time -f %M" : "VmHWM in /proc/<pid>/status, polled every 5 ms (no /usr/bin/time)"}`,
  );

  const dir = mkdtempSync(join(tmpdir(), "neck-triage-bench-"));
  try {
    const { small, big, mb } = generateNdjson(dir);
    const batch = async (file) => {
      const run = await runMeasured(BIN, ["batch", file], rssVia);
      if (run.status !== 0) fail(`neck-triage batch ${file} exited ${run.status}: ${run.stderr.slice(0, 500)}`);
      return run;
    };
    const jq = async (file) => {
      const run = await runMeasured("jq", ["-c", ".", file], rssVia);
      if (run.status !== 0) fail(`jq -c . ${file} exited ${run.status}: ${run.stderr.slice(0, 500)}`);
      return run;
    };
    // The small file first: it also warms the page cache and the CLI's compile cache.
    const smallRun = await batch(small);
    console.log(
      `   batch ${lineCount(CONFIG.smallLines)}: ${fmt(smallRun.ms / 1000, 2)} s, peak RSS ${fmt(smallRun.rss / 1024, 1)} MiB`,
    );
    const batchRuns = [];
    const jqRuns = [];
    for (let i = 0; i < CONFIG.bigRuns; i++) {
      batchRuns.push(await batch(big));
      if (hasJq) jqRuns.push(await jq(big));
    }
    const batchMs = median(batchRuns.map((r) => r.ms));
    const bigRss = median(batchRuns.map((r) => r.rss));
    console.log(
      `   batch ${lineCount(CONFIG.bigLines)}: ${fmt(batchMs / 1000, 2)} s (${fmt(CONFIG.bigLines / (batchMs / 1000))} records/s, ${fmt(mb / (batchMs / 1000))} MB/s in), peak RSS ${fmt(bigRss / 1024, 1)} MiB` +
        (CONFIG.bigRuns > 1 ? ` (medians of ${CONFIG.bigRuns} runs)` : ""),
    );
    if (hasJq) {
      const jqMs = median(jqRuns.map((r) => r.ms));
      console.log(
        `   jq -c . ${lineCount(CONFIG.bigLines)}: ${fmt(jqMs / 1000, 2)} s (${fmt(mb / (jqMs / 1000))} MB/s), peak RSS ${fmt(median(jqRuns.map((r) => r.rss)) / 1024, 1)} MiB`,
      );
      console.log(`   jq_time / batch_time = ${fmt(jqMs / batchMs, 2)}`);
      record(
        `jq time / batch time (${lineCount(CONFIG.bigLines)} lines)`,
        `${fmt(jqMs / 1000, 2)} / ${fmt(batchMs / 1000, 2)} s = ${fmt(jqMs / batchMs, 2)}`,
        ">= 1.0",
        jqMs / batchMs >= 1.0,
      );
    } else {
      record(`jq time / batch time (${lineCount(CONFIG.bigLines)} lines)`, "skipped: no jq", ">= 1.0", null);
    }
    record(
      `batch throughput (${lineCount(CONFIG.bigLines)} lines)`,
      `${fmt(CONFIG.bigLines / (batchMs / 1000))} records/s`,
      "",
      undefined,
    );
    const ratio = bigRss / smallRun.rss;
    console.log(`   peak RSS ${lineCount(CONFIG.bigLines)} / ${lineCount(CONFIG.smallLines)} = ${fmt(ratio, 2)}`);
    if (Number.isNaN(ratio))
      record(
        `peak RSS ${lineCount(CONFIG.bigLines)} / ${lineCount(CONFIG.smallLines)}`,
        "not measurable",
        "<= 1.2",
        null,
      );
    else
      record(
        `peak RSS ${lineCount(CONFIG.bigLines)} / ${lineCount(CONFIG.smallLines)}`,
        `${fmt(bigRss / 1024, 1)} / ${fmt(smallRun.rss / 1024, 1)} MiB = ${fmt(ratio, 2)}`,
        "<= 1.2",
        ratio <= 1.2,
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    console.log(`   removed ${dir}`);
  }
}

// ---- run ----------------------------------------------------------------------------------------------
const started = performance.now();
describeMachine();
if (selected(1)) await benchEvaluate();
if (selected(2)) await benchBatchInProcess();
if (selected(3)) benchCliStartup();
if (selected(4)) await benchBatchFiles();
if (selected(5)) await benchWebPage({ root: ROOT, quick: QUICK, record, fmt, median });
if (process.env.BENCH_BASELINE && selected(6)) {
  await benchAgainstBaseline({
    dir: process.env.BENCH_BASELINE,
    root: ROOT,
    pool: makePool(CONFIG.pool),
    triage,
    rateSync,
    quick: QUICK,
    record,
    fmt,
    median,
    fail,
  });
}

console.log(
  `\nSummary (${QUICK ? "BENCH_QUICK=1, shortened; " : ""}total ${fmt((performance.now() - started) / 1000, 1)} s)`,
);
const headers = { measure: "measure", figure: "figure", target: "target", met: "met" };
const widths = Object.fromEntries(
  Object.keys(headers).map((key) => [key, Math.max(headers[key].length, ...summary.map((row) => row[key].length))]),
);
const line = (row) =>
  `| ${Object.keys(headers)
    .map((key) => row[key].padEnd(widths[key]))
    .join(" | ")} |`;
console.log(line(headers));
console.log(
  `|${Object.keys(headers)
    .map((key) => "-".repeat(widths[key] + 2))
    .join("|")}|`,
);
for (const row of summary) console.log(line(row));
