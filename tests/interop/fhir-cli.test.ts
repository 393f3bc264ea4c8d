import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { getBuiltinRuleset } from "../../src/ruleset/builtin.js";
import { toQuestionnaire } from "../../src/index.js";
import { makeFakeIo } from "../cli/helpers/fake-io.js";

const root = join(import.meta.dirname, "..", "..");
const responseText = readFileSync(join(root, "examples/questionnaire-response.json"), "utf8");
const answersText = readFileSync(join(root, "examples/answers.json"), "utf8");

async function cli(argv: string[], stdinText?: string) {
  const fake = makeFakeIo({ stdinIsTTY: false, ...(stdinText === undefined ? {} : { stdinText }) });
  const code = await run(argv, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

describe("FHIR on the command line", () => {
  it("`questionnaire` prints the active ruleset's Questionnaire", async () => {
    for (const name of ["default", "extended"]) {
      const result = await cli(["questionnaire", "--ruleset", name]);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual(toQuestionnaire(getBuiltinRuleset(name)!));
    }
  });

  it("--answers takes a QuestionnaireResponse and gives the same result as the plain answers", async () => {
    const fromResponse = await cli(["--answers", "-", "--json"], responseText);
    const fromAnswers = await cli(["--answers", "-", "--json"], answersText);
    expect(fromResponse.code).toBe(0);
    expect(JSON.parse(fromResponse.stdout)).toEqual(JSON.parse(fromAnswers.stdout));
  });

  it("a response to another version of the Questionnaire is refused, exit 2, so a stale form is never scored", async () => {
    const stale = responseText.replace("|2.0.0", "|1.0.0");
    const result = await cli(["--answers", "-", "--json"], stale);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/1\.0\.0/);
    expect(result.stderr).toMatch(/2\.0\.0/);
  });

  it("a response to the default Questionnaire is refused under the extended ruleset", async () => {
    const result = await cli(["--ruleset", "extended", "--answers", "-"], responseText);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Questionnaire\/extended/);
  });

  it("batch mixes responses and plain answers, in order, with error records for stale responses", async () => {
    const lines = [
      JSON.stringify(JSON.parse(responseText)),
      JSON.stringify(JSON.parse(answersText)),
      JSON.stringify(JSON.parse(responseText.replace("|2.0.0", "|3.0.0"))),
    ];
    const result = await cli(["batch"], `${lines.join("\n")}\n`);
    expect(result.code).toBe(2);
    const records = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toHaveLength(3);
    expect(records[0]).toEqual(records[1]);
    expect(records[2]).toMatchObject({
      line: 3,
      id: "example-1",
      error: { issues: [expect.objectContaining({ path: "questionnaire" })] },
    });
  });
});
