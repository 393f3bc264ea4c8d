import type { Command } from "commander";
import type { Ruleset } from "../../ruleset/load.js";
import { activeRuleset } from "../active-ruleset.js";
import { UsageError, type CliIo } from "../io.js";
import { terminalWidth } from "../output.js";

/** What every command is given: the outside world, and where its exit code goes. */
export interface CommandContext {
  readonly io: CliIo;
  /** The exit code `run` returns once the command is done. */
  setExitCode(code: number): void;
  /** The ruleset whose answers the main help lists (help-ruleset.ts). */
  helpRuleset(): Ruleset;
}

/** A command of the table in run.ts: adds itself, with its options and action, to the main command. */
export type CommandDefinition = (program: Command, context: CommandContext) => Command;

/** The width help text is wrapped to. */
export function helpWidth(context: CommandContext): number {
  return terminalWidth(context.io.stdout);
}

/** The ruleset named by the command's own --ruleset, else by the main command's, else the default. */
export function commandRuleset(program: Command, own: string | undefined, io: CliIo): Promise<Ruleset> {
  return activeRuleset(own ?? program.opts<{ ruleset?: string }>().ruleset, io);
}

/** `--ruleset -` together with another reader of stdin: refused, since only one of them could have it. */
export function refuseTwoReadersOfStdin(rulesetOption: string | undefined, otherReader: string): void {
  if (rulesetOption === "-") throw new UsageError(`--ruleset -: ${otherReader} reads stdin too; give the ruleset as a file (e.g. --ruleset <(command))`);
}
