// Mutation testing of the functional core: `npm run mutate`. Reports go to reports/mutation/.
// tests/mutation/summarize.mjs then writes docs/mutation-report.md from the JSON report; docs/mutation-testing.md
// says how to read it.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  mutate: ["src/engine/**/*.ts", "src/ruleset/**/*.ts", "src/answers/**/*.ts"],
  testRunner: "vitest",
  // Only the tests of the mutated code, none that spawn the CLI, fastest files first (see the file).
  vitest: { configFile: "vitest.stryker.config.ts" },
  coverageAnalysis: "perTest",
  // Two cores, shared with other work.
  concurrency: 2,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  clearTextReporter: { allowEmojis: false, logTests: false, reportScoreTable: true, reportMutants: true },
  // The exhaustive table runs in a beforeAll, which Stryker counts as overhead, not test time: allow
  // for a slow shared machine rather than report a merely slow run as a timeout. Endless loops are
  // caught sooner by Stryker's hit limit.
  timeoutMS: 30_000,
  thresholds: { high: 95, low: 90, break: 90 },
  // Static mutants (module-level code: the zod schemas, the operator table, constant tables) can only be
  // told apart by rerunning every test for each: about half the mutants and 84% of the time on two cores.
  // They are reported as ignored; STRYKER_STATIC=1 runs them too (hours here).
  ignoreStatic: process.env.STRYKER_STATIC !== "1",
  // The sandbox needs only the sources, the rules and the tests; not .cache/ (Node binaries), dist/ or reports/.
  ignorePatterns: [
    "/*",
    "!/src",
    "!/rules",
    "!/tests",
    "!/package.json",
    "!/tsconfig.json",
    "!/vitest.stryker.config.ts",
  ],
  tempDirName: ".stryker-tmp",
  incrementalFile: "reports/mutation/stryker-incremental.json",
};
