import { describe, expect, it } from "vitest";
import { BUILTIN_RULESET_DOCUMENTS, builtinDefinition, getBuiltinRuleset } from "../../src/ruleset/builtin.js";
import { calmAnswersFor } from "../helpers/answers.js";
import { expectedDigest } from "../helpers/digest.js";
import { assertBuilt, runCli } from "./helpers/spawn-cli.js";

/*
 * The bundled CLI does not hash its built-in rulesets at start-up: the build works out their digests
 * and passes them in as data (esbuild.config.mjs). A result must still name exactly the rules it
 * came from: each built-in's digest, as the bundle reports it, is the one worked out from its
 * document apart from src/ (Node's own SHA-256 of the RFC 8785 form).
 */
describe("the bundled CLI's built-in ruleset digests", () => {
  it.each(Object.keys(BUILTIN_RULESET_DOCUMENTS))("--ruleset %s: the digest of its document", async (name) => {
    assertBuilt();
    const answers = calmAnswersFor(getBuiltinRuleset(name)!);
    const run = await runCli(["--ruleset", name, "--answers", "-", "--json"], { stdin: JSON.stringify(answers) });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { ruleset: { digest: string } };
    expect(result.ruleset.digest).toBe(expectedDigest(builtinDefinition(name) as object));
  });
});
