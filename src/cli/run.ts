import { CommanderError } from "commander";
import { AnswersError } from "../answers/errors.js";
import { issueLines, message } from "../messages/index.js";
import { getDefaultRuleset } from "../ruleset/builtin.js";
import type { Ruleset } from "../ruleset/load.js";
import { activeRuleset } from "./active-ruleset.js";
import { batchCommand } from "./commands/batch.js";
import type { CommandContext, CommandDefinition } from "./commands/context.js";
import { questionnaireCommand } from "./commands/questionnaire.js";
import { rulesCommand } from "./commands/rules.js";
import { schemaCommand } from "./commands/schema.js";
import { triageCommand } from "./commands/triage.js";
import { webCommand } from "./commands/web.js";
import { EXIT_CANCELLED, EXIT_INTERNAL_ERROR, EXIT_OK, EXIT_USAGE } from "./exit-codes.js";
import { helpRequest } from "./help-ruleset.js";
import { CancelledError, UsageError, type CliIo } from "./io.js";
import { terminalWidth } from "./output.js";
import { newProgram } from "./program.js";
import { wrapIndented } from "./render/wrap.js";
import { unknownCommandProblem } from "./root-options.js";
import { oneLine } from "../terminal-safe.js";

/** The commands, in the order help lists them: each file defines one (src/cli/commands/). */
const COMMANDS: readonly CommandDefinition[] = [
  rulesCommand,
  batchCommand,
  questionnaireCommand,
  webCommand,
  schemaCommand,
];

/** Runs the command line with the given arguments (without node and script) and returns the exit code. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let debug = argv.includes("--debug");
  let exitCode: number = EXIT_OK;
  let helpRuleset: Ruleset | undefined;
  // One line per problem; on a terminal, wrapped at spaces to its width (the continuation indented).
  const problem = (line: string) =>
    io.stderr.write(
      `${io.stderr.isTTY ? wrapIndented(oneLine(line), terminalWidth(io.stderr), "", "  ") : oneLine(line)}\n`,
    );
  try {
    const context: CommandContext = {
      io,
      setExitCode: (code) => {
        exitCode = code;
      },
      helpRuleset: () => helpRuleset ?? getDefaultRuleset(),
    };
    const program = newProgram(context);
    triageCommand(program, context);
    for (const command of COMMANDS) command(program, context);
    // --help lists the answers of the ruleset named with it (`--ruleset extended --help`).
    const help = helpRequest(argv, program);
    if (help) helpRuleset = await activeRuleset(help.ruleset, io);
    const topic = argv[0] === "help" ? argv[1] : undefined;
    if (topic !== undefined && !program.commands.some((c) => c.name() === topic))
      throw new UsageError(unknownCommandProblem(topic, program, true));
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === EXIT_OK ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      error.lines.forEach(problem);
      return EXIT_USAGE;
    }
    if (error instanceof AnswersError) {
      issueLines(error.issues).forEach(problem);
      return EXIT_USAGE;
    }
    if (error instanceof Error && error.name === "OutputError") {
      problem(error.message);
      return EXIT_INTERNAL_ERROR;
    }
    if (error instanceof CancelledError) {
      io.stderr.write(`\n${message("cli.cancelled", {})}\n`);
      return EXIT_CANCELLED;
    }
    debug ||= io.env.NECK_TRIAGE_DEBUG === "1";
    const detail = error instanceof Error ? (debug ? (error.stack ?? error.message) : error.message) : String(error);
    io.stderr.write(`${message("cli.internal-error", { detail })}\n`);
    if (!debug) io.stderr.write(`${message("cli.debug-hint", {})}\n`);
    return EXIT_INTERNAL_ERROR;
  }
}
