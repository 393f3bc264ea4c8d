/**
 * How deep a ruleset document may nest objects and arrays. The shipped ones nest 7 levels; a
 * condition inside a condition adds 2. Validation and compilation recurse through conditions, so a
 * document nested thousands of levels (which JSON.parse accepts) would overflow the stack: it is
 * refused up front instead, at the same depth whatever the stack size of the platform.
 */
export const MAX_RULESET_DEPTH = 64;

type Key = string | number;

interface Frame {
  readonly node: object;
  readonly path: readonly Key[];
  readonly children: readonly (readonly [Key, unknown])[];
  next: number;
  /** Levels below this node found so far. */
  height: number;
}

/**
 * The path to a place nested deeper than `limit` levels, or undefined. A loop back to an enclosing
 * object counts as endless. A loop, not recursion, so that the check itself cannot overflow; each
 * object is explored once, so that shared objects cannot make it slow.
 */
export function pathNestedDeeperThan(document: unknown, limit: number): readonly Key[] | undefined {
  if (document === null || typeof document !== "object") return undefined;
  const heights = new WeakMap<object, number>();
  const open = new Set<object>();
  const frame = (node: object, path: readonly Key[]): Frame => {
    open.add(node);
    const children = Array.isArray(node)
      ? Array.from(node, (child: unknown, i) => [i, child] as const)
      : Object.entries(node);
    return { node, path, children, next: 0, height: 0 };
  };
  const stack: Frame[] = [frame(document, [])];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next < top.children.length) {
      const [key, child] = top.children[top.next++]!;
      if (child === null || typeof child !== "object") continue;
      const path = [...top.path, key];
      const known = heights.get(child);
      if (open.has(child) || path.length + (known ?? 0) > limit) return path;
      if (known === undefined) stack.push(frame(child, path));
      else top.height = Math.max(top.height, known + 1);
      continue;
    }
    stack.pop();
    open.delete(top.node);
    heights.set(top.node, top.height);
    const parent = stack[stack.length - 1];
    if (parent) parent.height = Math.max(parent.height, top.height + 1);
  }
  return undefined;
}
