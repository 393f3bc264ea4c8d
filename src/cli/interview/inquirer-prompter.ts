import { number, select } from "@inquirer/prompts";
import { wrapIndented } from "../render/wrap.js";
import { CancelledError } from "../io.js";
import type { Prompter } from "./prompter.js";

/** Prompts on a terminal with @inquirer/prompts: questions read from stdin, drawn on stderr. */
export function inquirerPrompter(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream & { columns?: number },
): Prompter {
  const context = { input, output, clearPromptOnDone: false };
  const width = () => Math.max(20, Math.min(output.columns ?? 80, 100) - 1);
  return {
    async select(message, choices, defaultValue) {
      return cancellable(
        select({ message: wrapIndented(message, width() - 2), choices: choices.map((c) => ({ value: c.value, name: c.name })), default: defaultValue, loop: false, pageSize: Math.min(choices.length, 16) }, context),
      );
    },
    async integer(message, min, max, defaultValue) {
      const value = await cancellable(
        number({ message: wrapIndented(message, width() - 2), min, max, step: 1, required: true, default: defaultValue }, context),
      );
      return value as number;
    },
    say(text) {
      // Lines of a list ("  - item") keep their indent when wrapped; other lines wrap flush left.
      const lines = text.split("\n").map((line) => (line.startsWith("  - ") ? wrapIndented(line.slice(4), width(), "  - ", "    ") : wrapIndented(line, width())));
      output.write(`${lines.join("\n")}\n`);
    },
  };
}

async function cancellable<T>(prompt: Promise<T>): Promise<T> {
  try {
    return await prompt;
  } catch (error) {
    if (error instanceof Error && (error.name === "ExitPromptError" || error.name === "AbortPromptError")) {
      throw new CancelledError();
    }
    throw error;
  }
}
