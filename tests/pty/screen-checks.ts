import type { ScreenRow } from "./pty-session.js";

export const SHOW_CURSOR = "\u001b[?25h";
export const HIDE_CURSOR = "\u001b[?25l";

// SGR parameters that set or reset a colour: foreground, background, bright, 256/true colour, underline colour.
const COLOUR_PARAMETER = /^(3[0-9]|4[0-9]|9[0-7]|10[0-7]|5[89])$/;

/** Every SGR sequence (ESC [ ... m) in `raw` that sets or resets a colour; bold, dim and plain resets do not count. */
export function colourSequences(raw: string): string[] {
  const sgr = /\u001b\[([0-9;:]*)m/g;
  const found: string[] = [];
  for (const match of raw.matchAll(sgr)) {
    const parameters = (match[1] ?? "").split(/[;:]/);
    if (parameters.some((p) => COLOUR_PARAMETER.test(p))) found.push(match[0]);
  }
  return found;
}

/** "shown", "hidden", or undefined when the output never changed the cursor's visibility. */
export function finalCursorVisibility(raw: string): "shown" | "hidden" | undefined {
  const shown = raw.lastIndexOf(SHOW_CURSOR);
  const hidden = raw.lastIndexOf(HIDE_CURSOR);
  if (shown === -1 && hidden === -1) return undefined;
  return shown > hidden ? "shown" : "hidden";
}

/**
 * Lines the terminal itself had to wrap because they were wider than the screen. The only acceptable
 * case is a single "word" (a URL) longer than the width available to it: it cannot be broken at a
 * space, and a terminal that wraps it keeps it whole for copying. Anything else is a line the program
 * should have wrapped, and is probably cut mid-word.
 */
export function softWrapProblems(rows: readonly ScreenRow[], cols: number): string[] {
  const problems: string[] = [];
  for (let start = 0; start < rows.length; start++) {
    if (rows[start]!.isWrapped) continue;
    let end = start + 1;
    while (end < rows.length && rows[end]!.isWrapped) end++;
    if (end - start === 1) continue;
    // A logical line of several screen rows: look at each place the terminal broke it.
    const parts = rows.slice(start, end).map((r, i, all) => (i < all.length - 1 ? r.text.padEnd(cols) : r.text));
    const line = parts.join("");
    const indent = line.length - line.trimStart().length;
    for (let k = 1; k < parts.length; k++) {
      const at = k * cols;
      let from = at;
      while (from > 0 && line[from - 1] !== " ") from--;
      let to = at;
      while (to < line.length && line[to] !== " ") to++;
      const word = line.slice(from, to);
      if (word.length <= cols - indent) {
        problems.push(
          `row ${start + k}: the terminal wrapped ${JSON.stringify(line.trimEnd())} inside ${JSON.stringify(word)}`,
        );
      }
    }
    start = end - 1;
  }
  return problems;
}

/** Rows wider than the terminal (cannot happen in an xterm buffer, but a cheap guard against a wrong size). */
export function overlongRows(rows: readonly ScreenRow[], cols: number): string[] {
  return rows.filter((r) => [...r.text].length > cols).map((r) => r.text);
}
