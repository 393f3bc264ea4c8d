/** One choice offered to the person. */
export interface PromptChoice<T extends string> {
  value: T;
  name: string;
}

/**
 * The questions the interview can put to a person. The real one wraps @inquirer/prompts;
 * tests pass a scripted one. Cancelling (Ctrl-C) rejects with `CancelledError`.
 */
export interface Prompter {
  select<T extends string>(message: string, choices: readonly PromptChoice<T>[], defaultValue?: T): Promise<T>;
  integer(message: string, min: number, max: number, defaultValue?: number): Promise<number>;
  /** Text for the person, shown between prompts (on stderr: stdout is for the result). */
  say(text: string): void;
}
