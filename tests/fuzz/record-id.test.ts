import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { afterAll, describe, it } from "vitest";
import { jsonSchemaFor } from "../../src/cli/json-schemas.js";
import { defaultRuleset } from "../../src/index.js";
import { calmAnswers } from "../helpers/answers.js";
import { outputLines, runWithStdin } from "./helpers/cli-run.js";
import { assertAsyncProperty, printTally } from "./helpers/fuzz-config.js";
import { check } from "./helpers/invariants.js";

// The class of "numeric ids are not echoed unchanged": for every id, as JSON text, the JSON Schema
// (`neck-triage schema answers`) and the CLI agree on whether it is allowed, and an allowed id comes
// back as the same value, digit for digit.

afterAll(() => printTally("record-id"));

const schemaAccepts = new Ajv2020({ strict: false }).compile(jsonSchemaFor("answers", defaultRuleset));

/** An id as a script might write it in JSON: numbers of every size and form, strings near the length limit, anything else. */
const idText: fc.Arbitrary<string> = fc.oneof(
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
  fc.bigInt({ min: 2n ** 53n - 3n, max: 2n ** 53n + 3n }).map((n) => (n % 2n === 0n ? `-${n}` : String(n))),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  fc.tuple(fc.integer({ min: -99, max: 99 }), fc.integer({ min: -400, max: 400 })).map(([m, e]) => `${m}e${e}`),
  fc.constantFrom("-0", "0.0", "1.0", "1E2", "-0.0", "1e400", "-1e400", "1e-400"),
  fc.string({ minLength: 195, maxLength: 205 }).map((s) => JSON.stringify(s)),
  fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value)),
);

const answersJson = JSON.stringify(calmAnswers()).slice(1);

describe("record ids: the JSON Schema and the CLI agree on every id", () => {
  it("batch accepts exactly the ids the answers schema accepts, and echoes each accepted one as the same value", async () => {
    await assertAsyncProperty(
      fc.asyncProperty(fc.array(idText, { minLength: 1, maxLength: 10 }), async (ids) => {
        const lines = ids.map((id) => `{"id":${id},${answersJson}`);
        const run = await runWithStdin(["batch"], `${lines.join("\n")}\n`);
        const records = outputLines(run.stdout).map((line) => JSON.parse(line) as { verdict?: string; id?: unknown });
        check(records.length === ids.length, `${records.length} output lines for ${ids.length} input lines`);
        ids.forEach((id, i) => {
          const sent: unknown = JSON.parse(lines[i]!);
          const accepted = records[i]!.verdict !== undefined;
          check(
            accepted === schemaAccepts(sent),
            `id ${id}: the CLI ${accepted ? "accepts" : "refuses"} it, the JSON Schema does not agree`,
          );
          if (!accepted) return;
          const echoed = records[i]!.id;
          if (typeof echoed === "number") {
            // Digit for digit: the exact value written equals the value echoed (1E2 is 100; -0 is 0).
            const exact = /^-?\d+$/.test(id) ? BigInt(id) : undefined;
            check(
              Number.isSafeInteger(echoed) && (exact === undefined || exact === BigInt(echoed)),
              `id ${id} echoed as ${echoed}`,
            );
            check(echoed === (JSON.parse(id) as number), `id ${id} echoed as ${echoed}`);
          } else {
            check(echoed === JSON.parse(id), `id ${id} echoed as ${JSON.stringify(echoed)}`);
          }
        });
      }),
      150,
      0.01,
    );
  });
});
