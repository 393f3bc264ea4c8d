import type { EvaluateOptions, TriageResult } from "../../engine/result.js";
import type { Ruleset } from "../../ruleset/load.js";
import type { CliIo } from "../io.js";
import { colorLevel, terminalWidth } from "../output.js";
import { makeStyle } from "../render/style.js";
import { urgencyHeadline } from "../render/text.js";
import { wrapIndented } from "../render/wrap.js";
import { runInterview, type InterviewScreens } from "./flow.js";
import { inquirerPrompter } from "./inquirer-prompter.js";

/** The interview on a terminal: prompts on stderr, so stdout stays free for the result. */
export async function interview(ruleset: Ruleset, io: CliIo, options: EvaluateOptions, colorWanted: boolean): Promise<TriageResult> {
  const style = makeStyle(colorLevel(io, io.stderr, colorWanted));
  const width = terminalWidth(io.stderr);
  const wrap = (text: string) => wrapIndented(text, width - 1);
  const screens: InterviewScreens = {
    intro: (rs) =>
      [style.chalk.bold(rs.definition.title), "", wrap(rs.definition.intro), "", style.chalk.dim(wrap(rs.definition.disclaimer)), ""].join("\n"),
    emergency: (result) =>
      [
        "",
        style.urgency("emergency", ` ${urgencyHeadline(ruleset, "emergency")} `),
        wrap(result.advice),
        ...result.reasons.map((reason) => wrapIndented(reason.summary, width - 1, "  - ", "    ")),
        "",
      ].join("\n"),
  };
  const prompter = io.prompter ?? inquirerPrompter(io.stdin, io.stderr);
  return runInterview(ruleset, prompter, screens, options);
}
