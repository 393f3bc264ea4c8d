import type { TriageResult } from "../engine/result.js";
import type { Ruleset } from "../ruleset/load.js";
import type { CliIo } from "./io.js";

export const FORMATS = ["text", "json", "markdown"] as const;
export type Format = (typeof FORMATS)[number];

/** Colour only on a terminal, and never with NO_COLOR, FORCE_COLOR=0, --no-color or TERM=dumb. */
export function colorLevel(io: CliIo, stream: CliIo["stdout"], colorWanted: boolean): 0 | 1 | 2 | 3 {
  if (!colorWanted || !stream.isTTY || io.env.TERM === "dumb") return 0;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return 0;
  if (io.env.FORCE_COLOR === "0" || io.env.FORCE_COLOR === "false") return 0;
  const colorterm = io.env.COLORTERM ?? "";
  if (colorterm === "truecolor" || colorterm === "24bit") return 3;
  return (io.env.TERM ?? "").includes("256") ? 2 : 1;
}

export function terminalWidth(stream: CliIo["stdout"]): number {
  return stream.isTTY && stream.columns ? Math.min(stream.columns, 100) : 80;
}

/** The result as printed. Renderers load only when asked for, so `--json` never loads chalk. */
export async function formatResult(
  result: TriageResult,
  ruleset: Ruleset,
  format: Format,
  io: CliIo,
  options: { colorWanted: boolean; sources: boolean; emergencyNumber?: string },
): Promise<string> {
  if (format === "json") return `${JSON.stringify(result, null, 2)}\n`;
  if (format === "markdown")
    return (await import("./render/markdown.js")).renderMarkdown(result, ruleset, options.emergencyNumber);
  const [{ renderText }, { makeStyle }] = await Promise.all([import("./render/text.js"), import("./render/style.js")]);
  return renderText(
    result,
    ruleset,
    makeStyle(colorLevel(io, io.stdout, options.colorWanted)),
    terminalWidth(io.stdout),
    options,
  );
}
