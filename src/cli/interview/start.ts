import type { EvaluateOptions, TriageResult } from "../../engine/result.js";
import type { Ruleset } from "../../ruleset/load.js";
import type { CliIo } from "../io.js";
import { colorLevel } from "../output.js";
import { makeStyle } from "../render/style.js";
import { urgencyHeadline } from "../render/text.js";
import { runInterview, type InterviewScreens } from "./flow.js";
import { inquirerPrompter } from "./inquirer-prompter.js";

/** The interview on a terminal: prompts on stderr, so stdout stays free for the result. */
export async function interview(ruleset: Ruleset, io: CliIo, options: EvaluateOptions, colorWanted: boolean): Promise<TriageResult> {
  const style = makeStyle(colorLevel(io, io.stderr, colorWanted));
  // The prompter wraps what it shows to the terminal's width; list lines start with "  - ".
  const screens: InterviewScreens = {
    intro: (rs) =>
      [style.chalk.bold(rs.definition.title), "", rs.definition.intro, "", style.chalk.dim(rs.definition.disclaimer), ""].join("\n"),
    emergency: (result) =>
      [
        "",
        style.urgency("emergency", ` ${urgencyHeadline(ruleset, "emergency")} `),
        result.advice,
        ...result.reasons.map((reason) => `  - ${reason.summary}`),
        "",
      ].join("\n"),
  };
  const prompter = io.prompter ?? inquirerPrompter(io.stdin, io.stderr);
  return runInterview(ruleset, prompter, screens, options);
}
