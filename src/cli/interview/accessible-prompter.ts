import { createInterface } from "node:readline";
import { message as wording } from "../../messages/index.js";
import { CancelledError } from "../io.js";
import { wrapIndented } from "../render/wrap.js";
import type { PromptChoice, Prompter } from "./prompter.js";

/** Where Ctrl-C arrives while a line is being typed: the process, which gets SIGINT from the terminal. */
export interface Interrupts {
  once(event: "SIGINT", listener: () => void): unknown;
  off(event: "SIGINT", listener: () => void): unknown;
}

/** A prompter that also lets go of its input when the interview is over. */
export interface ClosablePrompter extends Prompter {
  close(): void;
}

/**
 * Prompts for screen readers and plain terminals (GitHub CLI's accessible prompter, charmbracelet/huh):
 * each question printed once, its choices numbered, a typed line as the answer (a number, or the start
 * of a choice), the choice echoed in words. Append-only: no cursor movement, redraws, colour or glyphs.
 * The terminal stays in its normal line mode, so it echoes and edits what is typed itself.
 */
export function accessiblePrompter(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream & { columns?: number },
  interrupts: Interrupts,
): ClosablePrompter {
  const reader = lineReader(input, interrupts);
  // A terminal echoes the typed line and its Enter; a pipe shows nothing, so end the prompt's line here.
  const echoes = (input as { isTTY?: boolean }).isTTY === true;
  const lines = {
    next: async () => {
      const typed = await reader.next();
      if (!echoes) write("\n");
      return typed;
    },
    close: () => reader.close(),
  };
  const width = () => Math.max(20, Math.min(output.columns ?? 80, 100) - 1);
  const write = (text: string) => output.write(text);
  const line = (text: string) => write(`${wrapIndented(text, width())}\n`);
  // The line the answer is typed on: wrapped at spaces like the rest, still ending in ": " for the typing.
  const askFor = (text: string) => write(`${wrapIndented(text, width() - 1)} `);
  const say = (text: string) => {
    const wrapped = text
      .split("\n")
      .map((line) =>
        line.startsWith("  - ") ? wrapIndented(line.slice(4), width(), "  - ", "    ") : wrapIndented(line, width()),
      );
    write(`${wrapped.join("\n")}\n`);
  };

  return {
    say,
    async select<T extends string>(message: string, choices: readonly PromptChoice<T>[], defaultValue?: T): Promise<T> {
      say(message);
      choices.forEach((choice, i) =>
        write(`${wrapIndented(choice.name, width(), `${i + 1}. `, " ".repeat(`${i + 1}. `.length))}\n`),
      );
      const current = choices.findIndex((c) => c.value === defaultValue);
      const ask = `Type a number from 1 to ${choices.length}${current === -1 ? "" : ` (Enter alone chooses ${current + 1})`}, then press Enter:`;
      for (;;) {
        askFor(ask);
        const typed = (await lines.next()).trim();
        const found = typed === "" && current !== -1 ? { index: current } : pick(typed, choices);
        if ("index" in found) {
          line(`You chose: ${choices[found.index]!.name}\n`);
          return choices[found.index]!.value;
        }
        line(found.problem);
      }
    },
    async integer(message, min, max, defaultValue) {
      say(message);
      const ask = `Type a whole number from ${min} to ${max}${defaultValue === undefined ? "" : ` (Enter alone keeps ${defaultValue})`}, then press Enter:`;
      for (;;) {
        askFor(ask);
        const typed = (await lines.next()).trim();
        const value =
          typed === "" && defaultValue !== undefined ? defaultValue : /^\d+$/.test(typed) ? Number(typed) : Number.NaN;
        if (Number.isInteger(value) && value >= min && value <= max) {
          line(`You answered: ${value}\n`);
          return value;
        }
        line(wording("interview.not-a-whole-number", { typed: printable(typed), min, max }));
      }
    },
    close: lines.close,
  };
}

/** The choice a typed line names: its number, or the start of one label (at a word's end, if several start so). */
function pick(typed: string, choices: readonly PromptChoice<string>[]): { index: number } | { problem: string } {
  const count = choices.length;
  if (typed === "") return { problem: wording("interview.type-a-number", { count }) };
  if (/^\d+$/.test(typed)) {
    const n = Number(typed);
    return n >= 1 && n <= choices.length
      ? { index: n - 1 }
      : { problem: wording("interview.number-not-a-choice", { typed, count }) };
  }
  const wanted = typed.toLowerCase();
  const starting = choices.flatMap((c, i) => (c.name.toLowerCase().startsWith(wanted) ? [i] : []));
  // "no" names "No, none of these" rather than "Not sure": a whole word beats the start of one.
  const wholeWord = starting.filter((i) => !/[\p{L}\p{N}]/u.test(choices[i]!.name.charAt(wanted.length)));
  const matches = wholeWord.length > 0 ? wholeWord : starting;
  if (matches.length === 1) return { index: matches[0]! };
  if (matches.length === 0)
    return { problem: wording("interview.text-not-a-choice", { typed: printable(typed), count }) };
  return {
    problem: wording("interview.ambiguous-choice", { typed: printable(typed), numbers: matches.map((i) => i + 1) }),
  };
}

/** What was typed, safe to show again: control characters (arrow keys' escape codes) as "?". */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, "?");
}

/** Lines typed on `input`, one per request; the end of input (Ctrl-D) or Ctrl-C cancels the interview. */
function lineReader(input: NodeJS.ReadableStream, interrupts: Interrupts) {
  const reader = createInterface({ input, terminal: false, crlfDelay: Infinity });
  const queued: string[] = [];
  let ended = false;
  let waiting: { resolve: (line: string) => void; reject: (error: Error) => void } | undefined;
  reader.on("line", (line) => {
    if (waiting) {
      const { resolve } = waiting;
      waiting = undefined;
      resolve(line);
    } else queued.push(line);
  });
  reader.on("close", () => {
    ended = true;
    waiting?.reject(new CancelledError());
    waiting = undefined;
  });
  return {
    next(): Promise<string> {
      if (queued.length > 0) return Promise.resolve(queued.shift()!);
      if (ended) return Promise.reject(new CancelledError());
      return new Promise<string>((resolve, reject) => {
        const interrupted = () => {
          waiting = undefined;
          reject(new CancelledError());
        };
        interrupts.once("SIGINT", interrupted);
        const done = () => interrupts.off("SIGINT", interrupted);
        waiting = {
          resolve: (line) => (done(), resolve(line)),
          reject: (error) => (done(), reject(error)),
        };
      });
    },
    close(): void {
      reader.close();
      (input as NodeJS.ReadableStream & { pause?: () => void }).pause?.();
    },
  };
}
