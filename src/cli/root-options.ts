import type { Command } from "commander";
import { closestName } from "../answers/suggest.js";
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
      problems.push(`${option.long}: not an option of "neck-triage ${command.name()}"; see neck-triage help ${command.name()}`);
    } else if (own.argChoices && !own.argChoices.includes(String(value))) {
      problems.push(`${option.long}: "neck-triage ${command.name()}" takes ${own.argChoices.join(" or ")}, got ${JSON.stringify(value)}`);
    } else if (command.getOptionValueSource(key) !== "cli") {
      command.setOptionValueWithSource(key, value, "cli");
    }
  }
  if (problems.length > 0) throw new UsageError(problems.map((line) => `neck-triage: ${line}`));
}

/** "neck-triage rulse" and "neck-triage help rulse": name what was typed and the command meant, if any. */
export function unknownCommandProblem(typed: string, root: Command, asHelpTopic: boolean): string {
  if (!asHelpTopic && /[./\\]/.test(typed)) return `neck-triage: unexpected argument ${JSON.stringify(typed)}; to evaluate a file of answers: neck-triage --answers ${typed}`;
  const names = root.commands.map((c) => c.name()).filter((name) => name !== "help");
  const guess = closestName(typed, names);
  const what = asHelpTopic ? `no help topic ${JSON.stringify(typed)}` : `unknown command ${JSON.stringify(typed)}`;
  const hint = guess === undefined ? "" : `; did you mean ${JSON.stringify(guess)}?`;
  return `neck-triage: ${what}${hint} (commands: ${names.join(", ")}; neck-triage --help for the options)`;
}
