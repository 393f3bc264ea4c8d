import defaultDocument from "../../rules/default.json" with { type: "json" };
import extendedDocument from "../../rules/extended.json" with { type: "json" };
import { compileValidatedRuleset, type Ruleset } from "./compile.js";
import { loadRuleset } from "./load.js";
import type { RulesetDefinition } from "./schema.js";

/**
 * Set to true only by the CLI bundle's build (esbuild.config.mjs), which validates the built-in
 * rulesets with `loadRuleset` first and fails if any is invalid: inside the bundle they are as fixed as
 * the code, so the CLI need not load zod to check them again at every start. Everywhere else
 * (the library, tests) it is undefined and the built-in rulesets are validated when loaded.
 */
declare const __NECK_TRIAGE_RULESETS_PREVALIDATED__: boolean | undefined;

// A ternary, not an if: esbuild folds it before deciding which imports are used, so the bundle
// drops loadRuleset and the zod schema behind it.
const builtin: (document: unknown) => Ruleset =
  typeof __NECK_TRIAGE_RULESETS_PREVALIDATED__ === "boolean" && __NECK_TRIAGE_RULESETS_PREVALIDATED__
    ? (document) => compileValidatedRuleset(document as RulesetDefinition)
    : loadRuleset;

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
  if (!ruleset) loaded.set(name, (ruleset = builtin(BUILTIN_RULESET_DOCUMENTS[name])));
  return ruleset;
}

export function getDefaultRuleset(): Ruleset {
  return getBuiltinRuleset("default") as Ruleset;
}
