import { fill } from "../../ruleset/placeholders.js";
import type { Reason, Source, TriageResult } from "../../engine/result.js";
import type { Ruleset } from "../../ruleset/load.js";
import { describeAnswer, questionLabel } from "../../answers/labels.js";
import { groupReasons } from "./grouping.js";
import { recordLabel } from "./safe-result.js";
import { printable, printableDeep } from "./printable.js";
import type { Style } from "./style.js";
import { wrapIndented } from "./wrap.js";

/** The urgency as words, e.g. "EMERGENCY: call your emergency number now"; safe to print. */
export function urgencyHeadline(ruleset: Ruleset, urgency: TriageResult["urgency"]): string {
  const words = ruleset.definition.advice.urgency[urgency];
  return printable(`${words.label.toUpperCase()}: ${words.meaning}`);
}

/**
 * Which rules scored the result: id, version, and the digest, which tells an edited copy of a ruleset
 * from the original whatever its id says. The digest on a line of its own, so that it is not broken.
 */
export function rulesetLines(result: TriageResult): [string, string] {
  const { id, version, digest } = result.ruleset;
  return [`Ruleset: ${id} ${version}`, `Digest: ${digest}`];
}

export interface TextOptions {
  /** List each source with its URL; otherwise a line says where to find them. */
  sources: boolean;
  /** The number emergency advice names, as given to the engine (for the ruleset's headings). */
  emergencyNumber?: string;
}

/** The heading above the signs to watch for, in the ruleset's words for this urgency. */
export function watchForHeading(
  ruleset: Ruleset,
  urgency: Exclude<TriageResult["urgency"], "emergency">,
  emergencyNumber?: string,
): string {
  const advice = ruleset.definition.advice;
  const heading =
    advice.watchForHeading?.[urgency] ?? (urgency === "none" ? "Watch for" : "Get help sooner if any of these appears");
  return printable(fill(heading, { emergencyNumber: emergencyNumber ?? advice.emergencyNumber }));
}

/**
 * The result for a person reading a terminal. It ends with the headline and what to do now, so that
 * these are what stays on screen: why, what to watch for and the sources come first.
 */
export function renderText(
  unsafe: TriageResult,
  ruleset: Ruleset,
  style: Style,
  width: number,
  options: TextOptions = { sources: false },
): string {
  const result = printableDeep(unsafe);
  const { chalk } = style;
  const wrap = (text: string, indent = "") => wrapIndented(text, width, indent);
  const lines: string[] = [];
  // Each source is listed once and cited by number, so that repeated ones do not bury the reasons.
  const sources: Source[] = [];
  const sourceNumber = (source: Source) => {
    let index = sources.findIndex((known) => known.url === source.url);
    if (index === -1) index = sources.push(source) - 1;
    return index + 1;
  };
  const citations = (cited: readonly Source[]) => [...new Set(cited.map(sourceNumber))].map((n) => `[${n}]`).join(" ");
  const tagFor = (urgency: Reason["urgency"]) =>
    style.urgency(urgency, `[${printable(ruleset.definition.advice.urgency[urgency].label.toUpperCase())}]`);
  if (unsafe.id !== undefined) lines.push(chalk.dim(`Record: ${recordLabel(unsafe.id)}`), "");

  if (result.reasons.length > 0) {
    lines.push(chalk.bold("Why"));
    const { single, group } = groupReasons(result, ruleset);
    for (const reason of single) {
      lines.push(wrapIndented(`${tagFor(reason.urgency)} ${reason.summary}`, width, "  ", "    "));
      const answered = Object.entries(reason.answers)
        .map(([field, value]) => `${questionLabel(ruleset, field)}: ${describeAnswer(ruleset, field, value)}`)
        .join("; ");
      const certainty = reason.certainty === "possible" ? 'Possible (you answered "not sure"). ' : "";
      const cited = options.sources ? ` Sources: ${citations(reason.sources)}` : "";
      lines.push(chalk.dim(wrap(`${certainty}Your answers: ${answered}.${cited}`, "    ")));
    }
    if (group) {
      lines.push(wrapIndented(`${tagFor(group.urgency)} ${group.text}`, width, "  ", "    "));
      if (options.sources)
        lines.push(chalk.dim(wrap(`Sources: ${citations(group.reasons.flatMap((reason) => reason.sources))}`, "    ")));
    }
    lines.push("");
  }
  if (result.unanswered && result.unanswered.length > 0) {
    // The list is in the JSON result; at an emergency a person needs only to know why it stopped.
    const count = result.unanswered.length;
    lines.push(
      chalk.dim(
        wrap(`Stopped at the emergency: ${count} other ${count === 1 ? "question was" : "questions were"} not needed.`),
      ),
      "",
    );
  }
  if (result.urgency !== "emergency" && result.watchFor.length > 0) {
    lines.push(chalk.bold(wrap(watchForHeading(ruleset, result.urgency, options.emergencyNumber))));
    for (const item of result.watchFor) lines.push(wrapIndented(`- ${item}`, width, "  ", "    "));
    lines.push("");
  }
  if (sources.length > 0) {
    // A URL is never broken: it has a line of its own, which a terminal wraps whole if it must.
    lines.push(chalk.bold("Sources"));
    sources.forEach((source, i) =>
      lines.push(wrapIndented(`[${i + 1}] ${source.title}`, width, "  ", "      "), chalk.dim(`      ${source.url}`)),
    );
    lines.push("");
  }
  // Where the sources are (in an emergency nothing should stand between the person and the number to
  // call), which rules scored it, and the disclaimer: all before the action, which stays last.
  if (sources.length === 0 && result.reasons.length > 0 && result.urgency !== "emergency") {
    lines.push(chalk.dim(wrap("Sources: with --sources, in a report (--report FILE), or neck-triage rules.")));
  }
  lines.push(...rulesetLines(result).map((line) => chalk.dim(line)), "", wrap(result.disclaimer), "");

  // Last, so that it is what the screen shows: the urgency in words, then what to do now (no heading
  // between them: at 80x24 the longest advice, every emergency dropped by "not sure", needs the line).
  // The headline is padded by a space each side (it may be on a coloured background): wrap it to fit with them.
  for (const line of wrapIndented(urgencyHeadline(ruleset, result.urgency), width - 2).split("\n")) {
    lines.push(style.urgency(result.urgency, ` ${line} `));
  }
  for (const line of result.advice.split("\n")) {
    lines.push(line.startsWith("- ") ? wrapIndented(line, width, "  ", "    ") : wrap(line, "  "));
  }
  return `${lines.join("\n")}\n`;
}
