import type { Source, TriageResult } from "../../engine/result.js";
import type { Ruleset } from "../../ruleset/load.js";
import { safeText } from "../terminal-safe.js";
import { describeAnswer, questionLabel, urgencyLabel } from "./answers.js";
import { recordLabel, safeResult } from "./safe-result.js";
import type { Style } from "./style.js";
import { wrapIndented } from "./wrap.js";

/** The urgency as words, e.g. "EMERGENCY: call your emergency number now"; safe to print. */
export function urgencyHeadline(ruleset: Ruleset, urgency: TriageResult["urgency"]): string {
  return `${urgencyLabel(ruleset, urgency).toUpperCase()}: ${safeText(ruleset.definition.advice.urgency[urgency].meaning)}`;
}

/**
 * Which rules scored the result: id, version, and the digest, which tells an edited copy of a ruleset
 * from the original whatever its id says. The digest on a line of its own, so that it is not broken.
 */
export function rulesetLines(result: TriageResult): [string, string] {
  const { id, version, digest } = result.ruleset;
  return [`Ruleset: ${id} ${version}`, `Digest: ${digest}`];
}

/**
 * The result for a person reading a terminal: what to do first, then why, then what to watch for.
 * Every text from the ruleset or the input is shown with its control characters escaped.
 */
export function renderText(given: TriageResult, ruleset: Ruleset, style: Style, width: number): string {
  const result = safeResult(given);
  const { chalk } = style;
  const wrap = (text: string, indent = "") => wrapIndented(text, width, indent);
  const lines: string[] = [];
  // Each source is listed once at the end and cited by number, so that repeated ones do not bury the reasons.
  const sources: Source[] = [];
  const sourceNumber = (source: Source) => {
    let index = sources.findIndex((known) => known.url === source.url);
    if (index === -1) index = sources.push(source) - 1;
    return index + 1;
  };
  // The headline is padded by a space each side (it may be on a coloured background): wrap it to fit with them.
  for (const line of wrapIndented(urgencyHeadline(ruleset, result.urgency), width - 2).split("\n")) {
    lines.push(style.urgency(result.urgency, ` ${line} `));
  }
  if (result.id !== undefined) lines.push(chalk.dim(wrap(`Record: ${recordLabel(result.id)}`)));
  lines.push("", chalk.bold("What to do now"));
  for (const line of result.advice.split("\n")) {
    lines.push(line.startsWith("- ") ? wrapIndented(line, width, "  ", "    ") : wrap(line, "  "));
  }

  if (result.reasons.length > 0) {
    lines.push("", chalk.bold("Why"));
    for (const reason of result.reasons) {
      const tag = style.urgency(reason.urgency, `[${urgencyLabel(ruleset, reason.urgency).toUpperCase()}]`);
      lines.push(wrapIndented(`${tag} ${reason.summary}`, width, "  ", "    "));
      const answered = Object.entries(reason.answers)
        .map(([field, value]) => `${questionLabel(ruleset, field)}: ${describeAnswer(ruleset, field, value)}`)
        .join("; ");
      const certainty = reason.certainty === "possible" ? 'Possible (you answered "not sure"). ' : "";
      const numbers = reason.sources.map((source) => `[${sourceNumber(source)}]`).join(" ");
      lines.push(chalk.dim(wrap(`${certainty}Your answers: ${answered}. Sources: ${numbers}`, "    ")));
    }
  }
  if (result.unanswered && result.unanswered.length > 0) {
    // The list is in the JSON result; at an emergency a person needs only to know why it stopped.
    const count = result.unanswered.length;
    lines.push("", chalk.dim(wrap(`Stopped at the emergency: ${count} other ${count === 1 ? "question was" : "questions were"} not needed.`)));
  }
  if (result.urgency !== "emergency") {
    lines.push("", chalk.bold(result.urgency === "none" ? "Watch for" : "Get help sooner if any of these appears"));
    for (const item of result.watchFor) lines.push(wrapIndented(`- ${item}`, width, "  ", "    "));
  }
  if (sources.length > 0) {
    lines.push("", chalk.bold("Sources"));
    sources.forEach((source, i) =>
      lines.push(chalk.dim(wrapIndented(`[${i + 1}] ${source.title}: ${source.url}`, width, "  ", "      ", { keepLongWords: true }))),
    );
  }
  lines.push("", ...rulesetLines(result).map((line) => chalk.dim(line)));
  lines.push("", wrap(result.disclaimer));
  return `${lines.join("\n")}\n`;
}
