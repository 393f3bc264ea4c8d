import type { CliIo } from "../io.js";
import { reportHtml } from "./html.js";
import { reportMarkdown } from "./markdown.js";
import { reportModel, type ReportInput } from "./model.js";

/** An output the command could not write: one line, exit 1 (the contract). */
export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputError";
  }
}

/** Writes the report to `path`: one HTML page when the name ends in .html or .htm, else Markdown. */
export async function writeReport(io: CliIo, path: string, input: ReportInput): Promise<void> {
  const model = reportModel(input);
  const text = /\.html?$/i.test(path) ? reportHtml(model) : reportMarkdown(model);
  try {
    await io.writeFile(path, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such folder" : code === "EISDIR" ? "it is a folder" : code === "EACCES" || code === "EPERM" ? "permission denied" : String(code ?? error);
    throw new OutputError(`neck-triage: cannot write the report to ${path}: ${why}`);
  }
}
