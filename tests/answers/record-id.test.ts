import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { jsonSchemaFor } from "../../src/cli/json-schemas.js";
import { AnswersError, defaultRuleset, triage } from "../../src/index.js";
import { makeFakeIo } from "../cli/helpers/fake-io.js";
import { calmAnswers } from "../helpers/answers.js";

const ajv = new Ajv2020({ allErrors: true, strict: false });
const schemaAccepts = ajv.compile(jsonSchemaFor("answers", defaultRuleset));
const resultSchemaAccepts = ajv.compile(jsonSchemaFor("result", defaultRuleset));

/** The answers as JSON text with the id written exactly as given, as a script would send it. */
function answersText(idText: string): string {
  return `{"id":${idText},${JSON.stringify(calmAnswers()).slice(1)}`;
}

async function cli(args: string[], stdinText: string) {
  const fake = makeFakeIo({ stdinIsTTY: false, stdinText });
  const code = await run(args, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

describe("fault: numeric ids were not echoed unchanged (12345678901234567890 came back as 12345678901234567000)", () => {
  // Each written as JSON text, as it reaches the CLI; all but the last cannot be echoed unchanged.
  const refused = ["12345678901234567890", "9007199254740992", "-9007199254740992", "1e400", "1.5", "1e20"];

  it.each(refused)(
    "an id of %s is refused (exit 2) with a message recommending a string, by the CLI and the JSON Schema alike",
    async (idText) => {
      const { code, stdout, stderr } = await cli(["--answers", "-", "--json"], answersText(idText));
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(
        /^id: expected a string of at most 200 characters or an integer within ±9007199254740991, got .*; give it as a string\n$/,
      );
      expect(schemaAccepts(JSON.parse(answersText(idText)))).toBe(false);
    },
  );

  it("the library refuses the same ids with AnswersError, and the batch error record leaves the unreadable id out", async () => {
    for (const id of [2 ** 53, 1.5, Number.MAX_VALUE]) {
      expect(() => triage(calmAnswers({ id }))).toThrow(AnswersError);
    }
    const { code, stdout } = await cli(["batch"], `${answersText("12345678901234567890")}\n`);
    expect(code).toBe(2);
    const record = JSON.parse(stdout) as { line: number; id?: unknown; error: { issues: { path: string }[] } };
    expect(record).not.toHaveProperty("id");
    expect(record.error.issues.map((issue) => issue.path)).toEqual(["id"]);
  });

  it.each([
    ["9007199254740991", 9007199254740991],
    ["-9007199254740991", -9007199254740991],
    ["0", 0],
    ['"12345678901234567890"', "12345678901234567890"],
  ])("an id of %s is echoed unchanged, and the result schema accepts it", async (idText, expected) => {
    const { code, stdout } = await cli(["--answers", "-", "--json"], answersText(idText));
    expect(code).toBe(0);
    expect(stdout.startsWith(`{"id":${idText},`) || stdout.includes(`"id": ${idText},`)).toBe(true);
    const result = JSON.parse(stdout) as { id: unknown };
    expect(result.id).toBe(expected);
    expect(resultSchemaAccepts(result)).toBe(true);
  });

  it("-0 is the number 0 in JSON, in JSON Schema and in RFC 8785, so it is accepted and echoed as 0", async () => {
    const { code, stdout } = await cli(["batch"], `${answersText("-0")}\n`);
    expect(code).toBe(0);
    expect(stdout.startsWith('{"id":0,')).toBe(true);
    expect(schemaAccepts(JSON.parse(answersText("-0")))).toBe(true);
    expect(triage(calmAnswers({ id: -0 })).id).toBe(-0);
  });
});
