import type { Ruleset } from "../../src/index.js";

/**
 * Every object reachable from `value` through own properties, array items and Map entries: what a
 * library caller can get hold of. Functions are not entered (their closures are out of reach).
 */
export function reachableObjects(value: unknown, seen = new Set<object>()): Set<object> {
  if (value === null || typeof value !== "object" || seen.has(value)) return seen;
  seen.add(value);
  if (value instanceof Map) {
    for (const [key, item] of value) {
      reachableObjects(key, seen);
      reachableObjects(item, seen);
    }
    return seen;
  }
  for (const key of Reflect.ownKeys(value)) reachableObjects((value as Record<PropertyKey, unknown>)[key], seen);
  return seen;
}

/** The ruleset's function-valued properties (encode, quickCheck, ...), by name: found, not listed, so a new one is covered. */
export function rulesetFunctions(ruleset: Ruleset): [string, (input: unknown) => unknown][] {
  return Object.entries(ruleset).filter(
    (entry): entry is [string, (input: unknown) => unknown] => typeof entry[1] === "function",
  );
}
