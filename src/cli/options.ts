import { Option } from "commander";
import { BUILTIN_RULESET_DOCUMENTS } from "../ruleset/builtin.js";

// The options more than one command takes, each defined once here; a command adds the ones it takes.
// Commander keeps the values on the command, so each command gets its own Option made by these.

const BUILTIN_NAMES = Object.keys(BUILTIN_RULESET_DOCUMENTS)
  .map((name) => JSON.stringify(name))
  .join(", ");

/** `--ruleset NAME|FILE`: the built-in names come from the built-in rulesets themselves. */
export function rulesetOption(): Option {
  return new Option(
    "--ruleset <name|file>",
    `the ruleset: a built-in one by name (${BUILTIN_NAMES}) or a ruleset JSON file (- reads stdin)`,
  );
}

/** `--emergency-number NUMBER`, checked where it is used (emergency-number.ts). */
export function emergencyNumberOption(description = "the number emergency advice names"): Option {
  return new Option("--emergency-number <number>", description);
}

/** `--exit-code`: exit 3 on a referral; what counts as one is the command's. */
export function exitCodeOption(description: string): Option {
  return new Option("--exit-code", description);
}

/** `--no-color`: also NO_COLOR=1 in the environment. */
export function noColorOption(description = "no colour"): Option {
  return new Option("--no-color", description);
}

/** `--json`: the command's output as JSON. */
export function jsonOption(description: string): Option {
  return new Option("--json", description);
}

/** `--format FORMAT`, one of `choices`. */
export function formatOption(description: string, choices: readonly string[]): Option {
  return new Option("--format <format>", description).choices(choices);
}
