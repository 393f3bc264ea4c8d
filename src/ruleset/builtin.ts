import defaultDocument from "../../rules/default.json" with { type: "json" };
import { loadRuleset, type Ruleset } from "./load.js";

/** The default ruleset, validated and compiled once when first asked for. */
let defaultRulesetCache: Ruleset | undefined;
export function getDefaultRuleset(): Ruleset {
  defaultRulesetCache ??= loadRuleset(defaultDocument);
  return defaultRulesetCache;
}

/** Built-in rulesets by the name `--ruleset NAME` takes. */
export const BUILTIN_RULESETS: Readonly<Record<string, () => Ruleset>> = Object.freeze({
  default: getDefaultRuleset,
});
