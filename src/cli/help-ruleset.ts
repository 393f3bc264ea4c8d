import type { Command } from "commander";

/**
 * Whether the arguments ask for help (`--help`, `-h`, or the `help` command) and, if so, the value of
 * the last --ruleset among them: the main help lists that ruleset's answers (`neck-triage --ruleset
 * extended --help`). Commander prints help while it parses, before any action or hook could load a
 * ruleset, so the arguments are read first, with the program's own options to know which take a value.
 */
export function helpRequest(argv: readonly string[], program: Command): { ruleset: string | undefined } | undefined {
  let command = program;
  let ruleset: string | undefined;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") break;
    if (arg.startsWith("-") && arg !== "-") {
      const equals = arg.startsWith("--") ? arg.indexOf("=") : -1;
      const flag = equals === -1 ? arg : arg.slice(0, equals);
      if (flag === "--help" || flag === "-h") help = true;
      const option = command.options.find((o) => o.long === flag || o.short === flag);
      const value = equals !== -1 ? arg.slice(equals + 1) : option?.required ? argv[++i] : undefined;
      if (option?.attributeName() === "ruleset") ruleset = value;
    } else if (command === program) {
      if (arg === "help") help = true;
      command = program.commands.find((c) => c.name() === arg) ?? program;
    }
  }
  return help ? { ruleset } : undefined;
}
