import fc from "fast-check";
import { HOSTILE_KEYS, POLLUTING_VALUES } from "./answers-arbitraries.js";

export type JsonPath = readonly (string | number)[];

/** The path of every node of a JSON document, the root included, depth first. */
export function allPaths(document: unknown): JsonPath[] {
  const paths: JsonPath[] = [];
  const walk = (node: unknown, path: JsonPath) => {
    paths.push(path);
    if (Array.isArray(node)) node.forEach((child, i) => walk(child, [...path, i]));
    else if (node !== null && typeof node === "object")
      for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
  };
  walk(document, []);
  return paths;
}

/** Every string in a document: ids, keys and values that a mutation can move somewhere they do not belong. */
export function allStrings(document: unknown): string[] {
  const strings = new Set<string>();
  const walk = (node: unknown) => {
    if (typeof node === "string") strings.add(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === "object")
      for (const [key, child] of Object.entries(node)) {
        strings.add(key);
        walk(child);
      }
  };
  walk(document);
  return [...strings];
}

export type Mutation =
  | { op: "set"; at: number; value: unknown }
  | { op: "copy"; at: number; from: number }
  | { op: "delete"; at: number }
  | { op: "duplicate"; at: number }
  | { op: "addKey"; at: number; key: string; value: unknown }
  | { op: "renameKey"; at: number; key: string };

/** Mutations of a document with `pathCount` nodes and these strings: small, local, often nearly valid. */
export function mutationArbitrary(pathCount: number, strings: readonly string[]): fc.Arbitrary<Mutation> {
  const at = fc.nat({ max: pathCount - 1 });
  const key = fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.constantFrom(...strings), fc.string({ maxLength: 10 }));
  const value = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...strings) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    { weight: 2, arbitrary: fc.integer({ min: -3, max: 40_000 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>(null, true, 0, 1, -1, 1.5, "", " ", [], {}, "yes", "no", "unsure"),
    },
    { weight: 1, arbitrary: fc.constantFrom(...POLLUTING_VALUES) },
  );
  return fc.oneof(
    fc.record({ op: fc.constant("set" as const), at, value }),
    fc.record({ op: fc.constant("copy" as const), at, from: at }),
    fc.record({ op: fc.constant("delete" as const), at }),
    fc.record({ op: fc.constant("duplicate" as const), at }),
    fc.record({ op: fc.constant("addKey" as const), at, key, value }),
    fc.record({ op: fc.constant("renameKey" as const), at, key }),
  );
}

function nodeAt(root: unknown, path: JsonPath): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** Sets an own property, even `__proto__` (as JSON.parse does), never the prototype. */
function setOwn(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * Applies mutations to a deep copy of `document` (paths from `allPaths(document)`); a mutation whose
 * place a previous one removed does nothing.
 */
export function mutate(document: unknown, paths: readonly JsonPath[], mutations: readonly Mutation[]): unknown {
  const root: { doc: unknown } = { doc: structuredClone(document) };
  for (const mutation of mutations) {
    const path: JsonPath = ["doc", ...(paths[mutation.at] ?? [])];
    const parent = nodeAt(root, path.slice(0, -1));
    const last = path[path.length - 1]!;
    if (parent === null || typeof parent !== "object" || !Object.hasOwn(parent, last)) continue;
    const node = (parent as Record<string | number, unknown>)[last];
    switch (mutation.op) {
      case "set":
        setOwn(parent, last, structuredClone(mutation.value));
        break;
      case "copy": {
        const copied = nodeAt(root, ["doc", ...(paths[mutation.from] ?? [])]);
        if (copied !== undefined) setOwn(parent, last, structuredClone(copied));
        break;
      }
      case "delete":
        if (Array.isArray(parent) && typeof last === "number") parent.splice(last, 1);
        else delete (parent as Record<string | number, unknown>)[last];
        break;
      case "duplicate":
        if (Array.isArray(parent) && typeof last === "number") parent.splice(last, 0, structuredClone(node));
        else if (Array.isArray(node)) node.push(structuredClone(node[0]));
        break;
      case "addKey":
        if (node !== null && typeof node === "object" && !Array.isArray(node))
          setOwn(node, mutation.key, structuredClone(mutation.value));
        break;
      case "renameKey":
        if (!Array.isArray(parent) && typeof last === "string" && last !== mutation.key) {
          delete (parent as Record<string, unknown>)[last];
          setOwn(parent, mutation.key, node);
        }
        break;
    }
  }
  return root.doc;
}
