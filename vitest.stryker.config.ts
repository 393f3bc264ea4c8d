import { configDefaults, defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/*
 * The vitest run Stryker uses (stryker.config.mjs): only the tests of the mutated code (engine,
 * ruleset loader, answers validation), none that spawn the CLI or a terminal.
 */

const EXHAUSTIVE = "tests/engine/exhaustive.test.ts";
const FRESH_IMPORT = ["tests/ruleset/no-code-from-rulesets.test.ts", "tests/ruleset/builtin.test.ts"];
const SLOW = ["tests/ruleset/quick-check.test.ts", EXHAUSTIVE];

/**
 * Orders test files so that a mutant is killed as early as possible (Stryker runs vitest with bail):
 * first the tests of the area being mutated (Stryker passes the mutated file as `related`, so a mutant
 * in src/ruleset/ starts with tests/ruleset/), then the rest, the slow files last and the ~360k-case
 * exhaustive table at the very end, where only mutants that every other test lets live reach it.
 */
class KillEarlySequencer extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const areas = (this.ctx.config.related ?? []).flatMap((file) => /\/src\/(\w+)\//.exec(file)?.[1] ?? []);
    const rank = (spec: TestSpecification) => {
      const slow = SLOW.findIndex((suffix) => spec.moduleId.endsWith(suffix));
      if (slow !== -1) return 2 + slow;
      return areas.some((area) => spec.moduleId.includes(`/tests/${area}/`)) ? 0 : 1;
    };
    return Promise.resolve([...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId)));
  }
}

export default defineConfig({
  test: {
    include: [
      "tests/engine/**/*.test.ts",
      "tests/ruleset/**/*.test.ts",
      "tests/answers/**/*.test.ts",
      "tests/library-api.test.ts",
      // The result's schema (src/engine/result-schema.ts), through the CLI's run() with a fake io: no spawn.
      "tests/interop/json-schema.test.ts",
    ],
    // The exhaustive table evaluates its ~360k cases in a beforeAll, outside any test, so Stryker would
    // count every engine mutant as "static" and rerun every file for each: left out unless asked for
    // (STRYKER_EXHAUSTIVE=1 npm run mutate). Without it the score can only be lower, never higher.
    exclude: [
      ...configDefaults.exclude,
      ...(process.env.STRYKER_EXHAUSTIVE === "1" ? [] : [EXHAUSTIVE]),
      // They import the library inside a test (vi.resetModules, or a lazy import()), so Stryker sees
      // module-level code (the tables, the patterns) as covered by that one test, not as static, and
      // runs only it against those mutants.
      ...FRESH_IMPORT,
    ],
    testTimeout: 30_000,
    // Each test file imports the code afresh (vitest's default). Sharing one module graph per worker
    // (isolate: false) ran faster but reported false survivors: a mutant in code that ran before its
    // test file (a built-in ruleset compiled at import, a memo filled by an earlier file) never took
    // effect. still-possible.ts: 28 survivors shared, 7 isolated, same tests (2026-11-29).
    sequence: { sequencer: KillEarlySequencer },
  },
});
