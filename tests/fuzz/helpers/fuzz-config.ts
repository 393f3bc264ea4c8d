import fc from "fast-check";
import { expect } from "vitest";

// In CI (`npm test`) every property runs a bounded number of cases from a fixed seed, so a failure
// reproduces exactly. `npm run fuzz` sets FUZZ_RUNS (and a fresh seed, unless FUZZ_SEED is given)
// for a long run; fast-check prints the seed and the shrunk counterexample of any failure.
const longRuns = Number(process.env.FUZZ_RUNS ?? "0");
export const LONG_RUN = Number.isInteger(longRuns) && longRuns > 0;
export const FUZZ_SEED =
  process.env.FUZZ_SEED !== undefined
    ? Number(process.env.FUZZ_SEED)
    : LONG_RUN
      ? Math.floor(Math.random() * 2 ** 31)
      : 20_251_127;

/**
 * How many cases a property runs: `ci` under `npm test`; under FUZZ_RUNS, FUZZ_RUNS × `weight`
 * (in-process CLI runs cost far more than a library call, so they take a share).
 */
export function runsFor(ci: number, weight = 1): number {
  return LONG_RUN ? Math.max(ci, Math.round(longRuns * weight)) : ci;
}

/** Cases run per test in this file, for the long run's summary. */
const tally = new Map<string, number>();

function record(numRuns: number): void {
  const name = expect.getState().currentTestName ?? "?";
  tally.set(name, (tally.get(name) ?? 0) + numRuns);
}

/** `fc.assert` with the seed and run count above. */
export function assertProperty<Ts>(property: fc.IProperty<Ts>, ci: number, weight = 1): void {
  const numRuns = runsFor(ci, weight);
  fc.assert(property, { seed: FUZZ_SEED, numRuns });
  record(numRuns);
}

export async function assertAsyncProperty<Ts>(property: fc.IAsyncProperty<Ts>, ci: number, weight = 1): Promise<void> {
  const numRuns = runsFor(ci, weight);
  await fc.assert(property, { seed: FUZZ_SEED, numRuns });
  record(numRuns);
}

/** Under FUZZ_RUNS: one summary line per test file, with the seed, for the report. */
export function printTally(file: string): void {
  if (!LONG_RUN) return;
  const total = [...tally.values()].reduce((sum, n) => sum + n, 0);
  const lines = [...tally].map(([name, n]) => `  ${n.toLocaleString("en")}  ${name}`);
  console.log(`[fuzz] ${file}: ${total.toLocaleString("en")} cases, seed ${FUZZ_SEED}\n${lines.join("\n")}`);
}
