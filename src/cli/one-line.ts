/**
 * Text from the input, made safe to print as one line: control characters (a key with a newline, an
 * escape sequence in a file name) are shown escaped, so one problem stays one line and cannot drive
 * the terminal.
 */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
