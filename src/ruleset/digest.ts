import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import canonicalize from "canonicalize";
import type { RulesetDefinition } from "./schema.js";

/**
 * The identity of a ruleset: `sha256:<hex>` of its validated document in RFC 8785 (JCS) canonical
 * form, so that key order and white space do not change it and any change of content does.
 * `$schema` is left out: it only points an editor at the JSON Schema. Pure JavaScript (no Node
 * built-in), so the library stays safe to bundle for a browser. The document must be valid
 * Unicode text (see `loneSurrogatePath`): RFC 8785 has no form for a lone surrogate.
 */
export function rulesetDigest(definition: RulesetDefinition): string {
  const { $schema: _editorHint, ...content } = definition;
  return `sha256:${bytesToHex(sha256(utf8ToBytes(canonicalize(content) as string)))}`;
}

/** A lone UTF-16 surrogate: not a character, and not representable in UTF-8 or in RFC 8785. */
const LONE_SURROGATE = /\p{Cs}/u;

/** The path to the first string (value or key) holding a lone surrogate, or undefined. */
export function loneSurrogatePath(
  value: unknown,
  path: readonly (string | number)[] = [],
): readonly (string | number)[] | undefined {
  if (typeof value === "string") return LONE_SURROGATE.test(value) ? path : undefined;
  if (value === null || typeof value !== "object") return undefined;
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, i) => [i, item])
    : Object.entries(value);
  for (const [key, child] of entries) {
    if (typeof key === "string" && LONE_SURROGATE.test(key)) return [...path, key];
    const found = loneSurrogatePath(child, [...path, key]);
    if (found) return found;
  }
  return undefined;
}
