import { number, select } from "@inquirer/prompts";
import { stripVTControlCharacters, styleText } from "node:util";
import { wrapIndented } from "../render/wrap.js";
import { CancelledError } from "../io.js";
import type { Prompter } from "./prompter.js";

/** Prompts on a terminal with @inquirer/prompts: questions read from stdin, drawn on stderr. */
export function inquirerPrompter(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream & { columns?: number; rows?: number },
): Prompter {
  const context = { input, output, clearPromptOnDone: false };
  const width = () => Math.max(20, Math.min(output.columns ?? 80, 100) - 1);
  // A list fits the screen with room for its question and the help line (at least 7 lines shown).
  const pageLines = () => Math.max(7, (output.rows ?? 24) - 4);
  return {
    async select(message, choices, defaultValue) {
      const wrapped = wrapIndented(message, width() - 2);
      // @inquirer cuts lines at the terminal's edge, mid-word: wrap long choices here, continued under
      // the text after "❯ ". The page is counted in lines, so that a wrapped choice is shown whole.
      const names = choices.map((c) => wrapIndented(c.name, width(), "", "  "));
      const lines = names.reduce((sum, name) => sum + name.split("\n").length, 0);
      return cancellable(
        select(
          {
            message: wrapped,
            choices: choices.map((c, i) => ({ value: c.value, name: names[i]!, short: c.name })),
            ...(defaultValue === undefined ? {} : { default: defaultValue }),
            loop: false,
            pageSize: Math.min(lines, pageLines()),
            theme: { style: { answer: answerAfter(wrapped, width()) } },
          },
          context,
        ),
      );
    },
    async integer(message, min, max, defaultValue) {
      const wrapped = wrapIndented(message, width() - 2);
      const value = await cancellable(
        number(
          {
            message: wrapped,
            min,
            max,
            step: 1,
            required: true,
            default: defaultValue,
            theme: { style: { answer: answerAfter(wrapped, width()) } },
          },
          context,
        ),
      );
      return value;
    },
    say(text) {
      // Lines of a list ("  - item") keep their indent when wrapped; other lines wrap flush left.
      const lines = text
        .split("\n")
        .map((line) =>
          line.startsWith("  - ") ? wrapIndented(line.slice(4), width(), "  - ", "    ") : wrapIndented(line, width()),
        );
      output.write(`${lines.join("\n")}\n`);
    },
  };
}

/**
 * Styles the answer shown after a finished prompt ("✔ question answer"): on the question's last line
 * when it fits there, otherwise on lines of its own, wrapped at spaces (@inquirer would cut it mid-word).
 */
function answerAfter(message: string, width: number): (text: string) => string {
  const lines = message.split("\n");
  // "✔ " starts the first line; a space separates the question from the answer.
  const used = stripVTControlCharacters(lines[lines.length - 1]!).length + (lines.length === 1 ? 2 : 0) + 1;
  return (text) => {
    const placed = used + text.length <= width ? text : `\n${wrapIndented(text, width, "  ")}`;
    return styleText("cyan", placed);
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
