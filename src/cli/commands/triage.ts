import { evaluateValidAnswers } from "../../engine/evaluate-valid.js";
import type { EvaluateOptions, TriageResult } from "../../engine/result.js";
import type { Ruleset } from "../../ruleset/load.js";
import { accessibleMode } from "../accessible.js";
import { activeRuleset } from "../active-ruleset.js";
import { emergencyNumberChosen } from "../emergency-number.js";
import { EXIT_OK, EXIT_REFERRAL } from "../exit-codes.js";
import { UsageError, type CliIo } from "../io.js";
import {
  emergencyNumberOption,
  exitCodeOption,
  formatOption,
  jsonOption,
  noColorOption,
  rulesetOption,
} from "../options.js";
import { formatResult, FORMATS, type Format } from "../output.js";
import { readJsonInput } from "../read-answers.js";
import type { ReportInput } from "../report/model.js";
import { localDate } from "../../engine/calendar.js";
import { unknownCommandProblem } from "../root-options.js";
import { oneLine } from "../../terminal-safe.js";
import { validAnswers } from "../valid-answers.js";
import { VERSION } from "../version.js";
import { refuseTwoReadersOfStdin, type CommandDefinition } from "./context.js";
import { message } from "../../messages/index.js";

/** The main command's options, as commander gives them to its action. */
export interface TriageOptions {
  answers?: string;
  ruleset?: string;
  format?: Format;
  json?: boolean;
  emergencyNumber?: string;
  exitCode?: boolean;
  color: boolean;
  debug?: boolean;
  accessible?: boolean;
  sources?: boolean;
  report?: string;
}

/** `neck-triage` with no command: the interview, or the answers in a file; the result, and a report if asked for. */
export const triageCommand: CommandDefinition = (program, context) =>
  program
    .option("--answers <file>", "evaluate the answers in FILE (JSON; - reads stdin) instead of asking")
    .addOption(rulesetOption())
    .addOption(formatOption("how to print the result", FORMATS))
    .addOption(jsonOption("same as --format json"))
    .option(
      "--report <file>",
      "also write a dated report for a clinician to FILE: Markdown, or one HTML page when FILE ends in .html",
    )
    .option("--sources", "in the text result, list each reason's sources with their web addresses")
    .addOption(emergencyNumberOption("the number emergency advice names (or env NECK_TRIAGE_EMERGENCY_NUMBER)"))
    .addOption(exitCodeOption("exit 3 when the verdict is see-a-professional"))
    .addOption(noColorOption("no colour (also NO_COLOR=1)"))
    .option(
      "--accessible",
      "plain numbered questions for screen readers: type a number and Enter (also ACCESSIBLE=1, NECK_TRIAGE_ACCESSIBLE=1; on by itself with TERM=dumb)",
    )
    .option("--no-accessible", "the usual arrow-key menus, even with ACCESSIBLE=1 or TERM=dumb")
    .option("--debug", "show a stack trace on internal errors")
    .action(async (options: TriageOptions) => {
      if (options.answers === "-") refuseTwoReadersOfStdin(options.ruleset, "--answers -");
      if (program.args.length > 0) throw new UsageError(unknownCommandProblem(program.args[0]!, program, false));
      context.setExitCode(await triage(options, context.io, await activeRuleset(options.ruleset, context.io)));
    });

async function triage(options: TriageOptions, io: CliIo, ruleset: Ruleset): Promise<number> {
  if (!options.color) io.env.NO_COLOR = "1";
  const format = chooseFormat(options);
  const undated = emergencyNumberChosen(options.emergencyNumber, io);
  // Check-back points worded as dates for a person to read (the report too); JSON stays the same whenever it is made.
  const dated: EvaluateOptions = { ...undated, today: localDate(io.now()) };
  const evaluateOptions = format === "json" ? undated : dated;
  let result: TriageResult;
  let report: Omit<ReportInput, "now" | "toolVersion">;
  if (options.answers !== undefined) {
    const document = await readJsonInput(io, options.answers, "answers");
    const answers = await validAnswers(ruleset, document);
    result = evaluateValidAnswers(ruleset, answers, evaluateOptions);
    report = { result, ruleset, answers, from: options.answers === "-" ? "answers read from stdin" : options.answers };
  } else {
    const accessible = accessibleMode(options.accessible, io.env);
    // Accessible prompts read typed lines, which a pipe can carry too; arrow-key menus need a terminal.
    if (!io.stdin.isTTY && !accessible) {
      throw new UsageError(message("cli.no-terminal", {}));
    }
    const { interview } = await import("../interview/start.js");
    const outcome = await interview(ruleset, io, evaluateOptions, { colorWanted: options.color, accessible });
    result = outcome.result;
    report = { ...outcome, ruleset, from: "the interview" };
    if (accessible) options.color = false;
  }
  if (options.report !== undefined) {
    const { writeReport } = await import("../report/write.js");
    const reportResult =
      evaluateOptions === dated || result.unanswered !== undefined
        ? result
        : evaluateValidAnswers(ruleset, report.answers, dated);
    await writeReport(io, options.report, {
      ...report,
      result: reportResult,
      now: io.now(),
      toolVersion: VERSION,
      ...undated,
    });
    // Before the result, so that the result's last lines (what to do now) stay last on screen.
    io.stderr.write(`${message("cli.report-saved", { path: oneLine(options.report) })}\n`);
  }
  io.stdout.write(
    await formatResult(result, ruleset, format, io, {
      colorWanted: options.color,
      sources: options.sources === true,
      ...undated,
    }),
  );
  return options.exitCode && result.verdict === "see-a-professional" ? EXIT_REFERRAL : EXIT_OK;
}

function chooseFormat(options: TriageOptions): Format {
  if (options.json && options.format !== undefined && options.format !== "json") {
    throw new UsageError(message("cli.format-conflict", { format: options.format }));
  }
  return options.json ? "json" : (options.format ?? "text");
}
