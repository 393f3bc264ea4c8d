/**
 * Whether text read as UTF-8 was really written as UTF-16 (as Windows editors and PowerShell's `>`
 * write it): a UTF-16 byte order mark (two U+FFFD once decoded) or, JSON always starting with an
 * ASCII character, NUL bytes alternating with ASCII ones, as each ASCII character has a NUL beside it.
 */
export function looksLikeUtf16(text: string): boolean {
  return /^(?:\ufffd\ufffd)?(?:[\u0001-\u007f]\u0000|\u0000[\u0001-\u007f]){2}/.test(text);
}
