import defaultDocument from "../../rules/default.json" with { type: "json" };
import extendedDocument from "../../rules/extended.json" with { type: "json" };
import type { Ruleset } from "./compile.js";
// Validated when first asked for. The CLI bundle swaps this import for one that only compiles: its
// build validates the built-in rulesets first and fails if any is invalid (esbuild.config.mjs), so
// the CLI need not load zod at every start to check them again.
import { loadRuleset } from "./load.js";

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
  if (!ruleset) loaded.set(name, (ruleset = loadRuleset(BUILTIN_RULESET_DOCUMENTS[name])));
  return ruleset;
}

export function getDefaultRuleset(): Ruleset {
  return getBuiltinRuleset("default") as Ruleset;
}
