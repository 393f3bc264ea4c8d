import { message } from "../../messages/index.js";
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
    const detail = String(code ?? error);
    throw new OutputError(
      message("cli.cannot-write-report", code === undefined ? { path, detail } : { path, errorCode: code, detail }),
    );
  }
}
