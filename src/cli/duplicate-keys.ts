import { visit } from "jsonc-parser";

/**
 * Paths of keys given twice in the same JSON object. JSON.parse keeps only the last, so
 * `"fever": "yes", …, "fever": "no"` would otherwise silently drop a warning answer.
 */
export function duplicateKeys(text: string, parsed: unknown): string[] {
  if (!mayHaveDuplicateKeys(text, parsed)) return [];
  const open: Set<string>[] = [];
  const duplicates: string[] = [];
  visit(text, {
    onObjectBegin: () => void open.push(new Set()),
    onObjectEnd: () => void open.pop(),
    onObjectProperty: (property, _offset, _length, _line, _column, path) => {
      const keys = open.at(-1);
      if (!keys) return;
      if (keys.has(property)) duplicates.push([...path(), property].join("."));
      else keys.add(property);
    },
  });
  return duplicates;
}

/**
 * A quick, exact "no" for the common case: every key in the text ends in `"` followed (after any JSON white space) by `:`, so when
 * the text has no more such places than the parsed object has keys, no key can have been given twice.
 * (Nested objects, or `":` inside a string, only make the full check run.)
 */
function mayHaveDuplicateKeys(text: string, parsed: unknown): boolean {
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return true;
  const keys = Object.keys(parsed).length;
  let places = 0;
  for (let colon = text.indexOf(":"); colon !== -1; colon = text.indexOf(":", colon + 1)) {
    let before = colon - 1;
    while (before >= 0 && isJsonSpace(text.charCodeAt(before))) before--;
    if (text.charCodeAt(before) === QUOTE && ++places > keys) return true;
  }
  return false;
}

const QUOTE = 34;

function isJsonSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}
