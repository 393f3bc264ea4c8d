import { issue, issueLines, message, type InputKind } from "../messages/index.js";
import { mayHaveDuplicateKeys } from "./duplicate-key-count.js";
import { UsageError, type CliIo } from "./io.js";
import { looksLikeUtf16 } from "./utf16.js";

/** Answers and rulesets are small; anything larger is a mistake (or a device that never ends), not a document. */
export const MAX_INPUT_BYTES = 1024 * 1024;

export type { InputKind } from "../messages/index.js";

/**
 * Reads a JSON document from a file (any kind: regular, FIFO, device), or from stdin when `path` is
 * "-". The cap is counted as the bytes arrive and reading stops there, so memory stays flat whatever
 * the source.
 */
export async function readJsonInput(io: CliIo, path: string, what: InputKind): Promise<unknown> {
  const name = path === "-" ? "stdin" : path;
  if (path === "-" && io.stdin.isTTY) io.stderr.write(`${message("cli.reading-from-terminal", { what })}\n`);
  let bytes: Buffer | undefined;
  try {
    bytes = await readAtMost(path === "-" ? io.stdin : io.openRead(path), MAX_INPUT_BYTES);
  } catch (error) {
    throw new UsageError(message("cli.cannot-read", { name, what, ...readFailure(error) }));
  }
  if (bytes === undefined) {
    throw new UsageError(message("cli.too-large", { name, what }));
  }
  const text = bytes.toString("utf8");
  if (looksLikeUtf16(text)) throw new UsageError(message("cli.utf16", { name, what }));
  if (text.trim() === "") throw new UsageError(message("cli.empty", { name, what }));
  let document: unknown;
  try {
    document = JSON.parse(stripByteOrderMark(text));
  } catch (error) {
    // V8 quotes the input around the fault, newlines included: keep the problem on one line.
    const reason = (error as Error).message.replace(/\s*[\r\n]+\s*/g, " ");
    throw new UsageError(message("cli.not-json", { name, what, reason }));
  }
  // The full check (and its parser) loads only when the quick one cannot rule duplicates out.
  const duplicates = mayHaveDuplicateKeys(text, document)
    ? (await import("./duplicate-keys.js")).duplicateKeys(text, document)
    : [];
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
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > limit) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** A failed read, as the message that says it in words ("no such file", "permission denied", …) takes it. */
export function readFailure(error: unknown): { errorCode?: string; systemMessage: string } {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const systemMessage = (error as Error | undefined)?.message ?? String(error);
  return code === undefined ? { systemMessage } : { errorCode: code, systemMessage };
}
