import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { afterAll, describe, it } from "vitest";
import { jsonSchemaFor, SCHEMA_KINDS } from "../../src/cli/json-schemas.js";
import { defaultRuleset, loadRuleset, RulesetError } from "../../src/index.js";
import { BUILTIN_RULESET_DOCUMENTS } from "../../src/ruleset/builtin.js";
import { corruptedEntriesFor, entriesJson, validEntriesFor } from "./helpers/answers-arbitraries.js";
import { outputLines, runWithStdin } from "./helpers/cli-run.js";
import { assertAsyncProperty, assertProperty, printTally } from "./helpers/fuzz-config.js";
import { check, outcomeOf } from "./helpers/invariants.js";
import { allPaths, allStrings, mutate, mutationArbitrary } from "./helpers/json-mutation.js";

// The class of "the schema contradicts the tool": what the CLI writes always passes the JSON Schema
// it prints for it, and the ruleset schema never flags a document the loader accepts.

afterAll(() => printTally("schemas"));

const ajv = new Ajv2020({ strict: false });
(addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
for (const kind of SCHEMA_KINDS) ajv.addSchema(jsonSchemaFor(kind, defaultRuleset), kind);
const validate = (kind: string) => ajv.getSchema(kind)!;

const line: fc.Arbitrary<string> = fc.oneof(
  validEntriesFor(defaultRuleset).map(entriesJson),
  corruptedEntriesFor(defaultRuleset).map(entriesJson),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 40 }).filter((text) => !/[\r\n]/.test(text)),
);

describe("the printed JSON Schemas agree with the tool", () => {
  it("every line batch writes passes `schema result` or `schema error`", async () => {
    await assertAsyncProperty(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 8 }), async (lines) => {
        const run = await runWithStdin(["batch"], `${lines.join("\n")}\n`);
        for (const output of outputLines(run.stdout)) {
          const record = JSON.parse(output) as Record<string, unknown>;
          const kind = "verdict" in record ? "result" : "error";
          check(
            validate(kind)(record) === true,
            `a ${kind} record fails its schema: ${output.slice(0, 300)} ${JSON.stringify(validate(kind).errors)}`,
          );
        }
      }),
      120,
      0.01,
    );
  });

  for (const [name, builtin] of Object.entries(BUILTIN_RULESET_DOCUMENTS)) {
    const document = { ...(builtin as object), id: `${name}-mutated` };
    const paths = allPaths(document);
    it(`random mutations of "${name}": whatever loadRuleset accepts, \`schema ruleset\` accepts`, () => {
      assertProperty(
        fc.property(
          fc.array(mutationArbitrary(paths.length, allStrings(document)), { minLength: 1, maxLength: 3 }),
          (changes) => {
            const mutated = mutate(document, paths, changes);
            const outcome = outcomeOf(() => loadRuleset(mutated), RulesetError);
            if (outcome.ok)
              check(
                validate("ruleset")(mutated) === true,
                `the schema flags a ruleset the loader accepts: ${JSON.stringify(validate("ruleset").errors)}`,
              );
          },
        ),
        200,
        0.02,
      );
    });
  }
});
