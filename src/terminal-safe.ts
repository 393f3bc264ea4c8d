/** Control characters: C0, DEL and C1 (ESC, the one-byte CSI, carriage return, tab, NUL, …). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/** The same but the line feed, which multi-line text keeps. */
const CONTROL_BUT_LINE_FEED = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

const escaped = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/**
 * Text from the input, made safe to print as one line: control characters (a key with a newline, an
 * escape sequence in a file name) are shown escaped, so one problem stays one line and cannot drive
 * the terminal.
 */
export function oneLine(text: string): string {
  return text.replace(CONTROL, escaped);
}

/**
 * Text from data (a ruleset, an answers file) made safe to print: every control character but the
 * line feed shown escaped, so that nothing but our own styling reaches the terminal.
 */
export function safeText(text: string): string {
  return text.replace(CONTROL_BUT_LINE_FEED, escaped);
}
