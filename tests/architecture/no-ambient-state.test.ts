import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { BUILTIN_RULESET_DOCUMENTS, builtinDefinition } from "../../src/ruleset/builtin.js";
import { expectedDigest } from "../helpers/digest.js";
import { SRC, sourceFiles } from "./source-files.js";

/*
 * Fault found in review (2026-11-29): the library took the built-in rulesets' digests from a global
 * variable that the CLI's bundle defined at build time; in the library as tsc builds it, any code
 * that set `globalThis.NECK_TRIAGE_BUILTIN_DIGESTS` first decided which digest a built-in ruleset
 * reported. The build now writes them in place of `import.meta.neckTriageBuiltinDigests`, which is
 * the module's own. The class: the library reads no ambient state that a caller could set.
 */
describe("the library reads no ambient state", () => {
  it("src/ declares no global variable (declare const/let/var) and reads nothing from globalThis", () => {
    const found = sourceFiles(SRC).flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .map((line, index) => ({ line, where: `src/${relative(SRC, file)}:${index + 1}` }))
        .filter(({ line }) => /\bdeclare\s+(const|let|var)\b|\bglobalThis\b|\bwindow\.\w/.test(line))
        .filter(({ where }) => !where.startsWith("src/web/browser/"))
        .map(({ where, line }) => `${where}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });

  it("a global named as the old build-time data changes no built-in ruleset's digest", async () => {
    const spoof = Object.fromEntries(Object.keys(BUILTIN_RULESET_DOCUMENTS).map((name) => [name, "sha256:spoofed"]));
    Object.assign(globalThis, { NECK_TRIAGE_BUILTIN_DIGESTS: spoof, neckTriageBuiltinDigests: JSON.stringify(spoof) });
    try {
      vi.resetModules();
      const fresh = await import("../../src/ruleset/builtin.js");
      for (const name of Object.keys(BUILTIN_RULESET_DOCUMENTS))
        expect(fresh.getBuiltinRuleset(name)!.digest, name).toBe(expectedDigest(builtinDefinition(name) as object));
    } finally {
      delete (globalThis as Record<string, unknown>).NECK_TRIAGE_BUILTIN_DIGESTS;
      delete (globalThis as Record<string, unknown>).neckTriageBuiltinDigests;
    }
  });
});
