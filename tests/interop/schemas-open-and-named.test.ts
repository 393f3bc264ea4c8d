import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import defaultDocument from "../../rules/default.json" with { type: "json" };
import extendedDocument from "../../rules/extended.json" with { type: "json" };
import { run } from "../../src/cli/run.js";
import { loadRuleset, RulesetError, triage } from "../../src/index.js";
import { makeFakeIo } from "../cli/helpers/fake-io.js";
import { calmAnswers } from "../helpers/answers.js";
import { rulesetDocument } from "../helpers/ruleset-document.js";

/** `neck-triage schema WHICH`, parsed: what a user saves and hands to a validator. */
async function printedSchema(which: string): Promise<Record<string, unknown>> {
  const fake = makeFakeIo({ stdinIsTTY: false });
  expect(await run(["schema", which], fake.io), fake.stderr()).toBe(0);
  return JSON.parse(fake.stdout()) as Record<string, unknown>;
}

/** One Ajv holding all four schemas, as a user's validator would: it refuses two schemas with one $id. */
async function validators() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  (addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
  const schemas = Object.fromEntries(
    await Promise.all(
      ["answers", "result", "error", "ruleset"].map(async (which) => [which, await printedSchema(which)] as const),
    ),
  );
  for (const schema of Object.values(schemas)) ajv.addSchema(schema);
  const validate = (which: string) => ajv.getSchema(schemas[which]!.$id as string)!;
  return { schemas, validate };
}

/** Every `additionalProperties: false` in a schema, by its JSON pointer. */
function closedObjects(node: unknown, pointer = ""): string[] {
  if (node === null || typeof node !== "object") return [];
  const here =
    !Array.isArray(node) && (node as Record<string, unknown>).additionalProperties === false ? [pointer || "/"] : [];
  return [...here, ...Object.entries(node).flatMap(([key, child]) => closedObjects(child, `${pointer}/${key}`))];
}

async function batchOutput(input: string): Promise<unknown[]> {
  const fake = makeFakeIo({ stdinIsTTY: false, stdinText: input });
  await run(["batch"], fake.io);
  return fake
    .stdout()
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line) as unknown);
}

describe('fault: the result schema contradicted itself ("more fields may be added", yet additionalProperties false)', () => {
  it("the result schema is open everywhere: a result with added fields, at the top and in a reason, is valid", async () => {
    const { schemas, validate } = await validators();
    expect(closedObjects(schemas.result)).toEqual([]);
    const result = triage(calmAnswers({ headache: "yes" }));
    const extended = {
      ...result,
      addedLater: { any: "thing" },
      reasons: result.reasons.map((reason) => ({ ...reason, note: "added" })),
    };
    expect(validate("result")(extended), JSON.stringify(validate("result").errors)).toBe(true);
    expect(validate("result")({ ...result, verdict: "maybe" })).toBe(false);
  });

  it("every schema has its own $id, an https URL, and all four load into one validator", async () => {
    const { schemas } = await validators();
    const ids = Object.values(schemas).map((schema) => schema.$id);
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^https:\/\/neck-triage\.example\/schema\//);
    expect(schemas.answers!.$id).toBe(
      `https://neck-triage.example/schema/answers/default/${defaultDocument.version}.json`,
    );
  });

  it("`schema error` describes the batch error records batch writes, for every kind of bad line", async () => {
    const { validate } = await validators();
    const lines = [
      "",
      "{not json",
      "[]",
      JSON.stringify({ ...calmAnswers(), fever: "maybe", id: "r-1" }),
      JSON.stringify({ ...calmAnswers(), id: 7, fevr: "no" }),
    ];
    const records = await batchOutput(`${lines.join("\n")}\n`);
    expect(records).toHaveLength(lines.length);
    for (const record of records) {
      expect(record).toHaveProperty("error");
      expect(validate("error")(record), JSON.stringify(validate("error").errors)).toBe(true);
      expect(validate("result")(record)).toBe(false);
    }
    expect(validate("error")({ line: 0, error: { message: "x", issues: [] } })).toBe(false);
    expect(validate("error")({ line: 1, error: { message: "x", issues: [{ path: "a" }] } })).toBe(false);
  });

  it("`schema ruleset` is made from the loader's own zod schema: the built-in documents pass, shape errors the loader refuses fail", async () => {
    const { validate } = await validators();
    const valid = validate("ruleset");
    for (const document of [defaultDocument, extendedDocument])
      expect(valid(document), JSON.stringify(valid.errors)).toBe(true);
    const broken = [
      rulesetDocument((d) => Object.assign(d.rules[0]!, { urgncy: "soon" })),
      rulesetDocument((d) => Object.assign(d.rules[0]!, { urgency: "later" })),
      rulesetDocument((d) => Object.assign(d, { version: "1.0" })),
      rulesetDocument((d) => Object.assign(d.sources[Object.keys(d.sources)[0]!]!, { url: "ftp://example.org/" })),
    ];
    for (const document of broken) {
      expect(valid(document)).toBe(false);
      expect(() => loadRuleset(document)).toThrow(RulesetError);
    }
  });
});
