import defaultDocument from "../../rules/default.json" with { type: "json" };
import extendedDocument from "../../rules/extended.json" with { type: "json" };
import { compileValidatedRuleset, type Ruleset } from "./compile.js";
import { isExtension, resolveExtension } from "./extend.js";
import type { RulesetDefinition, RulesetExtension } from "./schema.js";

// The built-in rulesets are compiled without validating them again at run time: the build validates
// them with loadRuleset and fails if any is invalid (esbuild.config.mjs), and so do the tests. So
// neither `triage()` nor the CLI's start needs zod's ruleset schema.
const compiled = new WeakMap<object, Ruleset>();

declare global {
  interface ImportMeta {
    /** JSON of the built-in rulesets' digests by name: set in the CLI's bundle only (esbuild.config.mjs). */
    readonly neckTriageBuiltinDigests?: string;
  }
}

/**
 * The built-in rulesets' digests by name, worked out at build time and written into the CLI's bundle
 * as data in place of `import.meta.neckTriageBuiltinDigests` (esbuild.config.mjs): hashing the default
 * ruleset was most of compiling it at start-up. Nothing outside this module can set it (no global);
 * in the library as tsc builds it, it is undefined and each digest is computed at first compile.
 */
const knownDigests: Readonly<Record<string, string>> =
  typeof import.meta.neckTriageBuiltinDigests === "string"
    ? (JSON.parse(import.meta.neckTriageBuiltinDigests) as Record<string, string>)
    : {};
const knownDigest = (name: string): string | undefined =>
  Object.hasOwn(knownDigests, name) ? knownDigests[name] : undefined;

/** A built-in document as a whole ruleset: one that extends another is resolved first. */
function wholeDefinition(document: unknown): unknown {
  return isExtension(document) ? resolveExtension(document as RulesetExtension).definition : document;
}

function builtinRuleset(name: string, document: object): Ruleset {
  let ruleset = compiled.get(document);
  if (!ruleset) {
    ruleset = compileValidatedRuleset(wholeDefinition(document) as RulesetDefinition, knownDigest(name));
    compiled.set(document, ruleset);
  }
  return ruleset;
}

// One function per built-in, each naming only its own document, so that a bundler keeps only the
// documents that are used: `triage()` alone never pulls in rules/extended.json.

/** rules/default.json, compiled once when first asked for. */
export function getDefaultRuleset(): Ruleset {
  return builtinRuleset("default", defaultDocument);
}

/** rules/extended.json (which extends the default), compiled once when first asked for. */
export function getExtendedRuleset(): Ruleset {
  return builtinRuleset("extended", extendedDocument);
}

/** The built-in rulesets' documents by the name `--ruleset NAME` takes. A new one needs only a line here. */
export const BUILTIN_RULESET_DOCUMENTS: Readonly<Record<string, unknown>> = /* @__PURE__ */ Object.freeze({
  default: defaultDocument,
  extended: extendedDocument,
});

/** A built-in ruleset by name, compiled once when first asked for; undefined if none. */
export function getBuiltinRuleset(name: string): Ruleset | undefined {
  return Object.hasOwn(BUILTIN_RULESET_DOCUMENTS, name)
    ? builtinRuleset(name, BUILTIN_RULESET_DOCUMENTS[name] as object)
    : undefined;
}

/** A built-in ruleset's whole document (one that extends another resolved), as `rules --export` prints it. */
export function builtinDefinition(name: string): unknown {
  return wholeDefinition(BUILTIN_RULESET_DOCUMENTS[name]);
}
