import { visit } from "jsonc-parser";
import { mayHaveDuplicateKeys } from "./duplicate-key-count.js";

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
