import wrapAnsi from "wrap-ansi";

/** Wraps text to `width` columns; the first line starts with `first`, the others with `rest`. */
export function wrapIndented(text: string, width: number, first = "", rest = first): string {
  return wrapAnsi(text, Math.max(20, width - rest.length), { hard: false })
    .split("\n")
    .map((line, i) => (i === 0 ? first : rest) + line)
    .join("\n");
}
