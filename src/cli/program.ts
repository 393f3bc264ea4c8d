import { Command } from "commander";
import type { CommandContext } from "./commands/context.js";
import { answersHelp, examplesHelp, narrowHelp } from "./help-text.js";
import { terminalWidth } from "./output.js";
import { wrapIndented } from "./render/wrap.js";
import { applyRootOptions } from "./root-options.js";
import { VERSION } from "./version.js";

/**
 * The main command without its options or commands (run.ts adds those from the table): its words,
 * help layout, where its output goes, and errors thrown rather than exiting. Commands made from it
 * with `program.command()` inherit the output and help settings.
 */
export function newProgram(context: CommandContext): Command {
  const { io } = context;
  return new Command("neck-triage")
    .description(
      "Neck pain: should a professional see it, and how soon? Asks about warning signs (or reads your answers as JSON) and says: see a professional (emergency, urgent, soon) or self-care likely fine, with the reasons and their sources. Not a diagnosis.",
    )
    .version(VERSION, "-V, --version", "print the version")
    .helpOption("-h, --help", "show this help")
    .helpCommand("help [command]", "show help for a command")
    .enablePositionalOptions()
    .exitOverride()
    .allowExcessArguments(true)
    .configureHelp(narrowHelp(() => terminalWidth(io.stdout)))
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      getOutHelpWidth: () => terminalWidth(io.stdout),
      getErrHelpWidth: () => terminalWidth(io.stderr),
      outputError: (text, write) => {
        const message = text.replace(/^error: /, "neck-triage: ").trimEnd();
        write(`${io.stderr.isTTY ? wrapIndented(message, terminalWidth(io.stderr), "", "  ") : message}\n`);
      },
    })
    .addHelpText(
      "after",
      () =>
        `\n${examplesHelp(terminalWidth(io.stdout))}\n\n${answersHelp(context.helpRuleset(), terminalWidth(io.stdout))}`,
    )
    .hook("preAction", (root, command) => applyRootOptions(root, command));
}
