import fc from "fast-check";

/** How to lay a JSON document out: the white space between tokens, and the order of each object's keys. */
export interface Layout {
  readonly spaces: readonly string[];
  readonly shuffle: readonly number[];
}

/** JSON white space (RFC 8259: space, tab, line feed, carriage return) in runs, with indentation. */
export const ANY_JSON_SPACE = ["", " ", "  ", "\t", "\n", "\r\n", "\n  ", "\n\t\t", " \r\n    ", "\n\n"] as const;
/** White space that keeps a document on one line, for NDJSON. */
export const ONE_LINE_JSON_SPACE = ["", " ", "  ", "\t", " \t ", "\r", "    "] as const;

export function layoutArbitrary(spaces: readonly string[]): fc.Arbitrary<Layout> {
  return fc.record({
    spaces: fc.array(fc.constantFrom(...spaces), { minLength: 1, maxLength: 24 }),
    shuffle: fc.array(fc.nat(), { minLength: 1, maxLength: 24 }),
  });
}

/**
 * `value` as JSON text laid out as `layout` says: the same document as JSON.stringify gives, with
 * keys in another order and white space between every token. Own `__proto__` keys stay own keys.
 */
export function serializeWithLayout(value: unknown, layout: Layout): string {
  let s = 0;
  let k = 0;
  const space = () => layout.spaces[s++ % layout.spaces.length]!;
  const order = (keys: string[]): string[] => {
    for (let i = keys.length - 1; i > 0; i--) {
      const j = layout.shuffle[k++ % layout.shuffle.length]! % (i + 1);
      [keys[i], keys[j]] = [keys[j]!, keys[i]!];
    }
    return keys;
  };
  const write = (node: unknown): string => {
    if (Array.isArray(node))
      return `[${space()}${node.map((item) => write(item)).join(`${space()},${space()}`)}${space()}]`;
    if (node !== null && typeof node === "object") {
      const record = node as Record<string, unknown>;
      const members = order(Object.keys(record)).map(
        (key) => `${JSON.stringify(key)}${space()}:${space()}${write(record[key])}`,
      );
      return `{${space()}${members.join(`${space()},${space()}`)}${space()}}`;
    }
    return JSON.stringify(node);
  };
  return `${space()}${write(value)}${space()}`;
}
