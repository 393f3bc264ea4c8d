import { message } from "../messages/index.js";
/** A deeply frozen copy of compiled data (arrays and plain objects copied; functions and frozen values kept). */
export function frozenCopy<T>(value: T): T {
  if (Array.isArray(value)) return Object.freeze(value.map(frozenCopy)) as T;
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  return Object.freeze(Object.fromEntries(Object.entries(value).map(([key, child]) => [key, frozenCopy(child)]))) as T;
}

/** Freezes a value and everything in it, in place. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * A Map that refuses set, delete and clear (a TypeError, as a frozen object's property does), frozen:
 * a compiled ruleset's lookups stay as compiled, whoever holds the ruleset.
 */
export function frozenMap<K, V>(entries: Iterable<readonly [K, V]>): ReadonlyMap<K, V> {
  const map = new Map(entries);
  const refuse = (method: string) => () => {
    throw new TypeError(message("api.read-only-lookup", { method }));
  };
  for (const method of ["set", "delete", "clear"])
    Object.defineProperty(map, method, { value: refuse(method), enumerable: false });
  return Object.freeze(map);
}
