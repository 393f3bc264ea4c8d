import { mayHaveDuplicateKeys } from "./duplicate-key-count.js";
import { UsageError, type CliIo } from "./io.js";

/** Answers files are small; anything larger is a mistake, not a questionnaire. */
export const MAX_ANSWERS_BYTES = 1024 * 1024;

/** Reads a JSON document from a file, or from stdin when `path` is "-". */
export async function readJsonInput(io: CliIo, path: string, what: string): Promise<unknown> {
  const name = path === "-" ? "stdin" : path;
  let text: string;
  try {
    if (path === "-" && io.stdin.isTTY) io.stderr.write("Reading the answers as JSON from the terminal; end with Ctrl-D.\n");
    text = path === "-" ? await readStream(io.stdin, name) : await io.readFile(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${name}: cannot read the ${what}: ${describeReadError(error)}`);
  }
  if (Buffer.byteLength(text) > MAX_ANSWERS_BYTES) {
    throw new UsageError(`${name}: larger than 1 MiB; expected one JSON object: the ${what}`);
  }
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
    throw new UsageError(duplicates.map((path) => `${path}: given more than once; give each field once`));
  }
  return document;
}

function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

async function readStream(stream: NodeJS.ReadableStream, name: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_ANSWERS_BYTES) throw new UsageError(`${name}: larger than 1 MiB; expected one JSON object: the answers`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES" || code === "EPERM" || code === "ERR_ACCESS_DENIED") return "permission denied";
  if (code === "EISDIR") return "it is a folder, not a file";
  return (error as Error | undefined)?.message ?? String(error);
}
