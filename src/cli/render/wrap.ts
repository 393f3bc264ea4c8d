import { wrapAnsi } from "fast-wrap-ansi";

export interface WrapOptions {
  /**
   * Leave a word longer than the line whole (the terminal wraps it) instead of cutting it: for a
   * source line, whose URL a terminal keeps whole for copying only if it is not broken.
   */
  keepLongWords?: boolean;
}

/**
 * Wraps text to `width` columns; the first line starts with `first`, the others with `rest`. A word
 * longer than the line is cut hard at the width, so that the text stays on the screen and wrapping
 * takes time in proportion to the text, however long its words.
 */
export function wrapIndented(text: string, width: number, first = "", rest = first, options: WrapOptions = {}): string {
  return wrapAnsi(text, Math.max(20, width - rest.length), { hard: options.keepLongWords !== true })
    .split("\n")
    .map((line, i) => (i === 0 ? first : rest) + line)
    .join("\n");
}
