import { colorLevel, terminalWidth } from "../output.js";
import { jsonOption, noColorOption, rulesetOption } from "../options.js";
import { commandRuleset, type CommandDefinition } from "./context.js";

/** `neck-triage rules`: the active ruleset's rules as text or JSON, or the whole ruleset as one document. */
export const rulesCommand: CommandDefinition = (program, { io }) =>
  program
    .command("rules")
    .description("list the active ruleset's rules, their urgency and sources")
    .addOption(jsonOption("print them as JSON"))
    .option("--export", "print the whole ruleset as one JSON document that --ruleset FILE accepts")
    .addOption(rulesetOption())
    .addOption(noColorOption())
    .exitOverride()
    .action(async (options: { json?: boolean; export?: boolean; ruleset?: string; color: boolean }) => {
      const ruleset = await commandRuleset(program, options.ruleset, io);
      const { rulesAsJson, rulesAsText } = await import("../rules-command.js");
      if (options.export) io.stdout.write(`${JSON.stringify(ruleset.definition, null, 2)}\n`);
      else if (options.json) io.stdout.write(rulesAsJson(ruleset));
      else {
        const { makeStyle } = await import("../render/style.js");
        const parentColor = program.opts<{ color: boolean }>().color;
        io.stdout.write(
          rulesAsText(
            ruleset,
            makeStyle(colorLevel(io, io.stdout, options.color && parentColor)),
            terminalWidth(io.stdout),
          ),
        );
      }
    });
