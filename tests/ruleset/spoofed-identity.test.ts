import { describe, expect, it } from "vitest";
import defaultDocument from "../../rules/default.json" with { type: "json" };
import extendedDocument from "../../rules/extended.json" with { type: "json" };
import { run } from "../../src/cli/run.js";
import {
  defaultRuleset,
  evaluate,
  extendedRuleset,
  loadRuleset,
  RulesetError,
  toQuestionnaire,
  triage,
} from "../../src/index.js";
import { builtinDefinition, getBuiltinRuleset } from "../../src/ruleset/builtin.js";
import type { RulesetDefinition } from "../../src/ruleset/schema.js";
import { makeFakeIo } from "../cli/helpers/fake-io.js";
import { fillQuestionnaire } from "../fhir/form-filler.js";
import { validateR4 } from "../fhir/r4.js";
import { calmAnswers, calmAnswersFor, issuesThrownBy } from "../helpers/answers.js";
import { expectedDigest } from "../helpers/digest.js";
import { useTempDir } from "../helpers/temp-dir.js";

const temp = useTempDir("neck-triage-identity-");

async function cli(argv: string[], stdinText?: string) {
  const fake = makeFakeIo({ stdinIsTTY: false, ...(stdinText === undefined ? {} : { stdinText }) });
  const code = await run(argv, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

/** `neck-triage rules --export` of a built-in ruleset, parsed: what an editor starts from. */
async function exported(name: string): Promise<RulesetDefinition> {
  const { code, stdout } = await cli(["rules", "--export", "--ruleset", name]);
  expect(code).toBe(0);
  return JSON.parse(stdout) as RulesetDefinition;
}

/** The exported ruleset with every emergency rule taken out: the review's spoof. */
function withoutEmergencyRules(document: RulesetDefinition): RulesetDefinition {
  return { ...document, rules: document.rules.filter((rule) => rule.urgency !== "emergency") };
}

const emergency = calmAnswers({ emergencySigns: "yes" });

describe("fault: a ruleset file could pass itself off as the built-in (emergency rules edited out, result said default 1.0.0)", () => {
  it.each(["default", "extended"])(
    "an edited export of %s keeping its id is refused, exit 2, naming the id; nothing is scored",
    async (name) => {
      const file = await temp.file(
        `edited-${name}.json`,
        JSON.stringify(withoutEmergencyRules(await exported(name)), null, 2),
      );
      const answers = { ...calmAnswersFor(getBuiltinRuleset(name)!), emergencySigns: "yes" };
      const { code, stdout, stderr } = await cli(
        ["--ruleset", file, "--answers", "-", "--json"],
        JSON.stringify(answers),
      );
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toBe(`${file}: id: the id "${name}" belongs to the built-in ruleset; give yours its own id\n`);
      const whole = builtinDefinition(name) as RulesetDefinition;
      expect(issuesThrownBy(() => loadRuleset(withoutEmergencyRules(structuredClone(whole))), RulesetError)).toEqual([
        {
          path: "id",
          code: "ruleset.builtin-id",
          params: { id: name },
          message: `the id "${name}" belongs to the built-in ruleset; give yours its own id`,
        },
      ]);
    },
  );

  it("one changed word is enough to be refused, and so is a QuestionnaireResponse scored through such a file", async () => {
    const edited = await exported("default");
    edited.rules[0]!.summary += ".";
    const file = await temp.file("one-word.json", JSON.stringify(edited));
    expect((await cli(["--ruleset", file, "rules"])).code).toBe(2);
    const response = fillQuestionnaire(toQuestionnaire(defaultRuleset), { ...emergency });
    expect(response.questionnaire).toBe(
      `https://neck-triage.example/fhir/Questionnaire/default|${defaultDocument.version}`,
    );
    const { code, stderr } = await cli(["--ruleset", file, "--answers", "-", "--json"], JSON.stringify(response));
    expect(code).toBe(2);
    expect(stderr).toMatch(/: id: the id "default" belongs to the built-in ruleset; give yours its own id\n$/);
  });

  it("the export itself, laid out another way (keys reordered, other white space), is the built-in: accepted, same digest", async () => {
    const document = await exported("default");
    const reordered = Object.fromEntries(Object.entries(document).reverse());
    const file = await temp.file("same.json", JSON.stringify(reordered, null, "\t"));
    const { code, stdout } = await cli(["--ruleset", file, "--answers", "-", "--json"], JSON.stringify(emergency));
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { urgency: string; ruleset: unknown };
    expect(result.urgency).toBe("emergency");
    expect(result.ruleset).toEqual({
      id: "default",
      version: defaultDocument.version,
      digest: expectedDigest(defaultDocument),
    });
  });

  it("under its own id the edited file is scored, and every result names it with its own digest, in JSON, text and markdown", async () => {
    const edited = { ...withoutEmergencyRules(await exported("default")), id: "no-emergencies" };
    const file = await temp.file("own-id.json", JSON.stringify(edited));
    const digest = expectedDigest(edited);
    expect(digest).not.toBe(expectedDigest(defaultDocument));
    const json = await cli(["--ruleset", file, "--answers", "-", "--json"], JSON.stringify(calmAnswers()));
    expect(JSON.parse(json.stdout).ruleset).toEqual({ id: "no-emergencies", version: edited.version, digest });
    const text = await cli(["--ruleset", file, "--answers", "-"], JSON.stringify(calmAnswers()));
    expect(text.stdout).toContain(`\nRuleset: no-emergencies ${edited.version}\nDigest: ${digest}\n`);
    const markdown = await cli(
      ["--ruleset", file, "--answers", "-", "--format", "markdown"],
      JSON.stringify(calmAnswers()),
    );
    expect(markdown.stdout).toContain(`\nRuleset: no-emergencies ${edited.version}, digest \`${digest}\`\n`);
  });
});

describe("the ruleset digest", () => {
  it("is SHA-256 of the RFC 8785 form of the document, checked with Node's own crypto, for each built-in ruleset", () => {
    expect(defaultRuleset.digest).toBe(expectedDigest(defaultDocument));
    // rules/extended.json extends the default: its digest is that of the whole ruleset it resolves to.
    expect(extendedRuleset.digest).toBe(expectedDigest(builtinDefinition("extended") as object));
    expect(extendedRuleset.digest).not.toBe(expectedDigest(extendedDocument));
    expect(triage(calmAnswers()).ruleset.digest).toBe(defaultRuleset.digest);
    // RFC 8785 by hand for a tiny object: keys sorted, no white space; and the known SHA-256 of "{}".
    expect(expectedDigest({})).toBe("sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
  });

  it("leaves out $schema, which only points an editor at the JSON Schema, and changes with any content", () => {
    const withSchema = loadRuleset({ ...structuredClone(defaultDocument), $schema: "./ruleset.schema.json" });
    expect(withSchema.digest).toBe(defaultRuleset.digest);
    const renamed = loadRuleset({ ...structuredClone(defaultDocument), id: "mine" });
    expect(renamed.digest).not.toBe(defaultRuleset.digest);
    expect(evaluate(renamed, calmAnswers()).ruleset).toEqual({
      id: "mine",
      version: defaultDocument.version,
      digest: renamed.digest,
    });
  });

  it("a lone UTF-16 surrogate in a ruleset (which has no RFC 8785 form) is a RulesetError with its path, not a crash", () => {
    const document = { ...structuredClone(defaultDocument), id: "mine" } as RulesetDefinition;
    document.rules[2]!.summary = "half a pair \ud800 here";
    expect(issuesThrownBy(() => loadRuleset(document), RulesetError)).toEqual([
      {
        path: "rules.2.summary",
        code: "ruleset.lone-surrogate",
        params: {},
        message: "holds a lone UTF-16 surrogate, which is not text; remove it",
      },
    ]);
  });

  it("the FHIR Questionnaire carries it as an identifier, and stays valid R4", () => {
    for (const ruleset of [defaultRuleset, extendedRuleset]) {
      const questionnaire = toQuestionnaire(ruleset);
      expect(questionnaire.identifier).toEqual([
        { system: "https://neck-triage.example/fhir/ruleset-digest", value: ruleset.digest },
      ]);
      validateR4(questionnaire);
    }
  });
});
