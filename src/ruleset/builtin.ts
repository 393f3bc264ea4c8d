import defaultDocument from "../../rules/default.json" with { type: "json" };
import extendedDocument from "../../rules/extended.json" with { type: "json" };
import type { Ruleset } from "./compile.js";
// Validated when first asked for. The CLI bundle swaps this import for one that only compiles: its
// build validates the built-in rulesets first and fails if any is invalid (esbuild.config.mjs), so
// the CLI need not load zod at every start to check them again.
import { loadRuleset } from "./load.js";
import { isExtension, resolveExtension } from "./extend.js";
import type { RulesetExtension } from "./schema.js";

/** The built-in rulesets' documents by the name `--ruleset NAME` takes. A new one needs only a line here. */
export const BUILTIN_RULESET_DOCUMENTS: Readonly<Record<string, unknown>> = Object.freeze({
  default: defaultDocument,
  extended: extendedDocument,
});

const loaded = new Map<string, Ruleset>();

/** A built-in ruleset by name, validated and compiled once when first asked for; undefined if none. */
export function getBuiltinRuleset(name: string): Ruleset | undefined {
  if (!Object.hasOwn(BUILTIN_RULESET_DOCUMENTS, name)) return undefined;
  let ruleset = loaded.get(name);
  if (!ruleset) loaded.set(name, (ruleset = loadRuleset(builtinDefinition(name))));
  return ruleset;
}

/**
 * A built-in ruleset's whole document: one that extends another is resolved here, before loading,
 * so that the bundle's compile-only loader gets a whole ruleset too (the build validates the result).
 */
export function builtinDefinition(name: string): unknown {
  const document = BUILTIN_RULESET_DOCUMENTS[name];
  return isExtension(document) ? resolveExtension(document as RulesetExtension).definition : document;
}

export function getDefaultRuleset(): Ruleset {
  return getBuiltinRuleset("default") as Ruleset;
}
