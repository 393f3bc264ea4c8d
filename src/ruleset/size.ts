/**
 * How many values (objects, arrays, strings, numbers, …) a ruleset document may hold. The shipped
 * ones hold 627 and 802. Validation reports every problem of every value: a 1 MiB array of `{}`
 * gave hundreds of thousands, which overflowed zod's stack as it gathered them, and an object shared
 * at every level of a library caller's document (a JSON file cannot share) would be validated once
 * per place it appears, exponentially often. Both are refused up front.
 */
export const MAX_RULESET_VALUES = 10_000;

/**
 * The number of values in `document`, counting a shared object once per place it appears, as
 * validation meets it; counting stops soon after `limit` is passed. The document must already be
 * known to nest only a few levels deep without loops (the depth check), so recursion is safe.
 */
export function valueCount(document: unknown, limit: number): number {
  const counted = new WeakMap<object, number>();
  const count = (value: unknown): number => {
    if (value === null || typeof value !== "object") return 1;
    const known = counted.get(value);
    if (known !== undefined) return known;
    let total = 1;
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      total += count(child);
      if (total > limit) break;
    }
    counted.set(value, total);
    return total;
  };
  return count(document);
}
