import fc from "fast-check";
import { afterAll, describe, it } from "vitest";
import { checkEmergencyNumber, triage } from "../../src/index.js";
import { calmAnswers } from "../helpers/answers.js";
import { runWithStdin } from "./helpers/cli-run.js";
import { assertAsyncProperty, printTally } from "./helpers/fuzz-config.js";
import { check } from "./helpers/invariants.js";

// The class of "the library trusts emergencyNumber": the library and `--emergency-number` take and
// refuse the same numbers, and name a taken one alike in the advice.

afterAll(() => printTally("options"));

const emergency = calmAnswers({ emergencySigns: "yes" });

const numberText: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(/^[ ]?[0-9+][0-9 +\-()#*]{0,21}[ ]?$/),
  fc.string({ maxLength: 24 }),
  fc.string({ unit: "binary", maxLength: 8 }),
);

describe("emergency numbers: the library and the CLI agree", () => {
  it("--emergency-number=N exits 2 exactly when checkEmergencyNumber(N) throws, and otherwise gives triage()'s advice", async () => {
    await assertAsyncProperty(
      fc.asyncProperty(numberText, async (value) => {
        const run = await runWithStdin(
          ["--answers", "-", "--json", `--emergency-number=${value}`],
          JSON.stringify(emergency),
        );
        let library: string | undefined;
        try {
          library = triage(emergency, { emergencyNumber: checkEmergencyNumber(value) }).advice;
        } catch (error) {
          check(error instanceof RangeError, `${JSON.stringify(value)}: ${String(error)}`);
        }
        if (library === undefined) {
          check(
            run.code === 2 && run.stderr.startsWith("--emergency-number: expected a phone number"),
            `${JSON.stringify(value)}: CLI exit ${run.code}, ${run.stderr}`,
          );
        } else {
          check(run.code === 0, `${JSON.stringify(value)}: CLI exit ${run.code}, ${run.stderr}`);
          check(
            (JSON.parse(run.stdout) as { advice: string }).advice === library,
            `${JSON.stringify(value)}: advice differs`,
          );
        }
      }),
      150,
      0.01,
    );
  });
});
