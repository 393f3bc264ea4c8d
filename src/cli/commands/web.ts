import { emergencyNumberChosen } from "../emergency-number.js";
import { UsageError } from "../io.js";
import { emergencyNumberOption, rulesetOption } from "../options.js";
import { commandRuleset, type CommandDefinition } from "./context.js";

const WEB_HELP = `
The page holds its script, style and ruleset: it loads nothing, stores nothing and sends nothing.

Examples:
  $ neck-triage web > neck-triage.html
  $ neck-triage web --ruleset extended --emergency-number 112 > neck-triage.html
  $ neck-triage web --csp`;

/** `neck-triage web`: the interview as one offline HTML page, or the Content-Security-Policy it needs. */
export const webCommand: CommandDefinition = (program, { io }) =>
  program
    .command("web")
    .description("print the interview as one web page that works offline (HTML: send it to a file)")
    .addOption(rulesetOption())
    .addOption(emergencyNumberOption())
    .option("--csp", "print only the Content-Security-Policy the page needs, for a server's header")
    .exitOverride()
    .addHelpText("after", WEB_HELP)
    .action(async (options: { ruleset?: string; emergencyNumber?: string; csp?: boolean }) => {
      const evaluateOptions = emergencyNumberChosen(options.emergencyNumber, io);
      const ruleset = await commandRuleset(program, options.ruleset, io);
      const { webPage, webPolicy } = await import("../web-command.js");
      if (options.csp) {
        io.stdout.write(`${await webPolicy()}\n`);
        return;
      }
      if (io.stdout.isTTY) throw new UsageError("neck-triage web: the page is HTML; send it to a file: neck-triage web > neck-triage.html");
      io.stdout.write(await webPage(ruleset, evaluateOptions));
    });
