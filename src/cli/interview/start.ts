import type { EvaluateOptions } from "../../engine/result.js";
import type { Ruleset } from "../../ruleset/load.js";
import type { CliIo } from "../io.js";
import { colorLevel } from "../output.js";
import { makeStyle } from "../render/style.js";
import { urgencyHeadline } from "../render/text.js";
import { accessiblePrompter } from "./accessible-prompter.js";
import { runInterview, type InterviewOutcome, type InterviewScreens } from "./flow.js";
import { inquirerPrompter } from "./inquirer-prompter.js";

export interface InterviewMode {
  colorWanted: boolean;
  /** Numbered, append-only prompts read as typed lines (screen readers, TERM=dumb). */
  accessible: boolean;
}

/** The interview on a terminal: prompts on stderr, so stdout stays free for the result. */
export async function interview(
  ruleset: Ruleset,
  io: CliIo,
  options: EvaluateOptions,
  mode: InterviewMode,
): Promise<InterviewOutcome> {
  const style = makeStyle(mode.accessible ? 0 : colorLevel(io, io.stderr, mode.colorWanted));
  // The prompter wraps what it shows to the terminal's width; list lines start with "  - ".
  const screens: InterviewScreens = {
    // The disclaimer closes the result; at the start, the title and the intro must fit above the first question.
    intro: (rs) => [style.chalk.bold(rs.definition.title), rs.definition.intro, ""].join("\n"),
    emergency: (result) =>
      [
        "",
        style.urgency("emergency", ` ${urgencyHeadline(ruleset, "emergency")} `),
        result.advice,
        ...result.reasons.map((reason) => `  - ${reason.summary}`),
        "",
      ].join("\n"),
  };
  if (io.prompter) return runInterview(ruleset, io.prompter, screens, options);
  if (!mode.accessible) return runInterview(ruleset, inquirerPrompter(io.stdin, io.stderr), screens, options);
  const prompter = accessiblePrompter(io.stdin, io.stderr, process);
  try {
    return await runInterview(ruleset, prompter, screens, options);
  } finally {
    prompter.close();
  }
}
