import type { Command } from "commander";
import { closestName } from "../answers/suggest.js";
import { message } from "../messages/index.js";
import { UsageError } from "./io.js";

/** Options of the main command that mean the same for every command, or nothing to it. */
const EVERYWHERE = new Set(["debug", "color"]);

/**
 * Options given before a command (`neck-triage --exit-code batch f`) apply to it when it has an option
 * of that name (unless given again after the command, which wins); any other is an error, never
 * silently ignored. For commander's `preAction` hook of the main command.
 */
export function applyRootOptions(root: Command, command: Command): void {
  if (command === root) return;
  const problems: string[] = [];
  for (const option of root.options) {
    const key = option.attributeName();
    if (root.getOptionValueSource(key) !== "cli" || EVERYWHERE.has(key)) continue;
    const own = command.options.find((o) => o.attributeName() === key);
    const value: unknown = root.getOptionValue(key);
    if (!own) {
      problems.push(message("cli.not-an-option-of", { option: option.long!, command: command.name() }));
    } else if (own.argChoices && !own.argChoices.includes(String(value))) {
      problems.push(
        message("cli.option-choices", {
          option: option.long!,
          command: command.name(),
          choices: own.argChoices,
          value,
        }),
      );
    } else if (command.getOptionValueSource(key) !== "cli") {
      command.setOptionValueWithSource(key, value, "cli");
    }
  }
  if (problems.length > 0) throw new UsageError(problems);
}

/** "neck-triage rulse" and "neck-triage help rulse": name what was typed and the command meant, if any. */
export function unknownCommandProblem(typed: string, root: Command, asHelpTopic: boolean): string {
  if (!asHelpTopic && /[./\\]/.test(typed)) return message("cli.unexpected-argument", { typed });
  const names = root.commands.map((c) => c.name()).filter((name) => name !== "help");
  const guess = closestName(typed, names);
  return message(
    "cli.unknown-command",
    guess === undefined
      ? { typed, helpTopic: asHelpTopic, commands: names }
      : { typed, helpTopic: asHelpTopic, guess, commands: names },
  );
}
