import { formatPath } from "../issues.js";
import { mayHaveDuplicateKeys } from "./duplicate-key-count.js";

/** Past this many characters of paths, stop listing: only a crafted line gets there, and it fails anyway. */
const MAX_REPORTED_CHARS = 64 * 1024;

/**
 * Paths of keys given twice in the same JSON object. JSON.parse keeps only the last, so
 * `"fever": "yes", …, "fever": "no"` would otherwise silently drop a warning answer.
 * `text` is valid JSON (it parsed as `parsed`). A loop, not a recursive parser: a 1 MiB line of
 * nested brackets, which JSON.parse takes, must not overflow the stack.
 */
export function duplicateKeys(text: string, parsed: unknown): string[] {
  if (!mayHaveDuplicateKeys(text, parsed)) return [];
  // One entry per open object or array: the keys seen (objects only), how its parent reaches it,
  // and where it is now (the last key of an object, the index in an array).
  const open: { keys: Set<string> | undefined; segment: string; key: string; index: number }[] = [];
  const duplicates: string[] = [];
  let budget = MAX_REPORTED_CHARS;
  let expectKey = false;
  for (let i = 0; i < text.length && budget > 0; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      let end = i + 1;
      while (text.charCodeAt(end) !== QUOTE) end += text.charCodeAt(end) === BACKSLASH ? 2 : 1;
      const current = open.at(-1);
      if (expectKey && current?.keys) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes("\\") ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (current.keys.has(key)) {
          const path = formatPath([...open.slice(1).map((entry) => entry.segment), key]);
          duplicates.push(path);
          budget -= path.length;
        } else {
          current.keys.add(key);
        }
        current.key = key;
        expectKey = false;
      }
      i = end;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      const parent = open.at(-1);
      const segment = parent === undefined ? "" : parent.keys ? parent.key : String(parent.index);
      open.push({ keys: code === OPEN_BRACE ? new Set() : undefined, segment, key: "", index: 0 });
      expectKey = code === OPEN_BRACE;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      open.pop();
    } else if (code === COMMA) {
      const current = open.at(-1);
      if (current?.keys) expectKey = true;
      else if (current) current.index++;
    }
  }
  return duplicates;
}

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
