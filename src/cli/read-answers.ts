import { issue, issueLines } from "../messages/index.js";
import { mayHaveDuplicateKeys } from "./duplicate-key-count.js";
import { UsageError, type CliIo } from "./io.js";
import { looksLikeUtf16 } from "./utf16.js";

/** Answers and rulesets are small; anything larger is a mistake (or a device that never ends), not a document. */
export const MAX_INPUT_BYTES = 1024 * 1024;

/** What a JSON input holds, for messages: "the answers are …", "the ruleset is …". */
export type InputKind = "answers" | "ruleset";

/**
 * Reads a JSON document from a file (any kind: regular, FIFO, device), or from stdin when `path` is
 * "-". The cap is counted as the bytes arrive and reading stops there, so memory stays flat whatever
 * the source.
 */
export async function readJsonInput(io: CliIo, path: string, what: InputKind): Promise<unknown> {
  const name = path === "-" ? "stdin" : path;
  if (path === "-" && io.stdin.isTTY) io.stderr.write(`Reading the ${what} as JSON from the terminal; end with Ctrl-D.\n`);
  let bytes: Buffer | undefined;
  try {
    bytes = await readAtMost(path === "-" ? io.stdin : io.openRead(path), MAX_INPUT_BYTES);
  } catch (error) {
    throw new UsageError(`${name}: cannot read the ${what}: ${describeReadError(error)}`);
  }
  if (bytes === undefined) {
    throw new UsageError(`${name}: the ${what} ${what === "answers" ? "are" : "is"} larger than 1 MiB; expected one JSON object (reading stopped at 1 MiB)`);
  }
  const text = bytes.toString("utf8");
  if (looksLikeUtf16(text)) throw new UsageError(`${name}: looks like UTF-16; save it as UTF-8 (expected one JSON object: the ${what})`);
  if (text.trim() === "") throw new UsageError(`${name}: empty; expected one JSON object: the ${what}`);
  let document: unknown;
  try {
    document = JSON.parse(stripByteOrderMark(text));
  } catch (error) {
    // V8 quotes the input around the fault, newlines included: keep the problem on one line.
    const reason = (error as Error).message.replace(/\s*[\r\n]+\s*/g, " ");
    throw new UsageError(`${name}: not valid JSON (${reason}); expected one JSON object: the ${what}`);
  }
  // The full check (and its parser) loads only when the quick one cannot rule duplicates out.
  const duplicates = mayHaveDuplicateKeys(text, document) ? (await import("./duplicate-keys.js")).duplicateKeys(text, document) : [];
  if (duplicates.length > 0) {
    throw new UsageError(issueLines(duplicates.map((path) => issue(path, "input.duplicate-key", {}))));
  }
  return document;
}

function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The stream's bytes, or undefined as soon as they pass `limit`: leaving the loop early destroys the
 * stream, so nothing past the limit (and the chunk that crossed it) is ever read.
 */
async function readAtMost(stream: NodeJS.ReadableStream, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > limit) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** A failed read in words: "no such file", "permission denied", …; the system's message otherwise. */
export function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "no such file";
  // ERR_ACCESS_DENIED: Node's permission model (--permission) refused the read.
  if (code === "EACCES" || code === "EPERM" || code === "ERR_ACCESS_DENIED") return "permission denied";
  if (code === "EISDIR") return "it is a folder, not a file";
  return (error as Error | undefined)?.message ?? String(error);
}
