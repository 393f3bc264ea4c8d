import { activeRuleset } from "../active-ruleset.js";
import { emergencyNumberChosen } from "../emergency-number.js";
import { wrapLongLines } from "../help-text.js";
import { emergencyNumberOption, exitCodeOption, formatOption, rulesetOption } from "../options.js";
import { helpWidth, refuseTwoReadersOfStdin, type CommandDefinition } from "./context.js";

const BATCH_HELP = `
A bad line gives an error record on its own line ({"line": N, "id": ..., "error": {...}}) and the rest goes on. Exit: 2 if any line failed (with a summary on stderr), else 3 with --exit-code if any referral, else 0.

Examples:
  $ neck-triage batch records.ndjson > results.ndjson
  $ cat records.ndjson | neck-triage batch --format text
  $ neck-triage batch records.ndjson | jq -c 'select(.urgency == "emergency") | .id'`;

interface BatchOptions {
  format: "json" | "text";
  exitCode?: boolean;
  emergencyNumber?: string;
  ruleset?: string;
}

/** `neck-triage batch [file]`: NDJSON answers in, one result (or error record) per line out. */
export const batchCommand: CommandDefinition = (program, context) =>
  program
    .command("batch [file]")
    .description("triage NDJSON: one answers object per line in (FILE, or stdin), one JSON result per line out")
    .addOption(formatOption("one result per line as", ["json", "text"]).default("json"))
    .addOption(exitCodeOption("exit 3 when any record's verdict is see-a-professional"))
    .addOption(emergencyNumberOption())
    .addOption(rulesetOption())
    .exitOverride()
    .addHelpText("after", () => wrapLongLines(BATCH_HELP, helpWidth(context)))
    .action(async (file: string | undefined, options: BatchOptions) => {
      const { io } = context;
      const evaluateOptions = emergencyNumberChosen(options.emergencyNumber, io);
      const rulesetName = options.ruleset ?? program.opts<{ ruleset?: string }>().ruleset;
      if (file === undefined || file === "-") refuseTwoReadersOfStdin(rulesetName, "batch");
      const ruleset = await activeRuleset(rulesetName, io);
      const { runBatch } = await import("../batch/command.js");
      context.setExitCode(
        await runBatch(ruleset, io, file, {
          format: options.format,
          exitCode: options.exitCode === true,
          evaluate: evaluateOptions,
        }),
      );
    });
