import { CancelledError } from "../../../src/cli/io.js";
import type { PromptChoice, Prompter } from "../../../src/cli/interview/prompter.js";

/** Reply with Ctrl-C: the prompt rejects with CancelledError, as the real prompter does. */
export const CANCEL = Symbol("Ctrl-C");

/**
 * What the scripted person answers: a choice's value or a number, the one choice whose
 * label contains `nameIncludes`, or Ctrl-C.
 */
export type Reply = string | number | { nameIncludes: string } | typeof CANCEL;

/** One expected prompt, identified by its exact message, and the reply to give. */
export interface Step {
  message: string;
  reply: Reply;
}

export interface SelectEvent {
  kind: "select";
  message: string;
  choices: PromptChoice<string>[];
  defaultValue: string | undefined;
}
export interface IntegerEvent {
  kind: "integer";
  message: string;
  min: number;
  max: number;
  defaultValue: number | undefined;
}
export type PromptEvent = { kind: "say"; text: string } | SelectEvent | IntegerEvent;

/**
 * A Prompter that plays a script in order and records everything shown. Any prompt not next in the
 * script, or a reply the prompt does not offer, is recorded in `problems` and rejects, so the
 * interview ends with an internal error and the test fails on `problems`.
 */
export class ScriptedPrompter implements Prompter {
  readonly events: PromptEvent[] = [];
  readonly problems: string[] = [];
  private readonly steps: Step[];

  constructor(steps: readonly Step[]) {
    this.steps = [...steps];
  }

  /** Steps the interview never reached. */
  get remaining(): readonly Step[] {
    return this.steps;
  }

  /** The messages of every prompt asked, in order. */
  get asked(): string[] {
    return this.events.flatMap((event) => (event.kind === "say" ? [] : [event.message]));
  }

  /** Every text shown between prompts, in order. */
  get said(): string[] {
    return this.events.flatMap((event) => (event.kind === "say" ? [event.text] : []));
  }

  /** Each time a choice prompt with this message was shown, in order. */
  selectsOf(message: string): SelectEvent[] {
    return this.events.filter((event): event is SelectEvent => event.kind === "select" && event.message === message);
  }

  /** Each time a number prompt with this message was shown, in order. */
  integersOf(message: string): IntegerEvent[] {
    return this.events.filter((event): event is IntegerEvent => event.kind === "integer" && event.message === message);
  }

  say(text: string): void {
    this.events.push({ kind: "say", text });
  }

  async select<T extends string>(message: string, choices: readonly PromptChoice<T>[], defaultValue?: T): Promise<T> {
    this.events.push({ kind: "select", message, choices: choices.map((c) => ({ ...c })), defaultValue });
    const reply = this.next(message);
    if (reply === CANCEL) throw new CancelledError();
    if (typeof reply === "number")
      return this.fail(`"${message}" is a choice; the script replies with the number ${reply}`);
    const matches =
      typeof reply === "string"
        ? choices.filter((c) => c.value === reply)
        : choices.filter((c) => c.name.includes(reply.nameIncludes));
    const [chosen] = matches;
    if (!chosen || matches.length > 1) {
      const offered = choices.map((c) => `${c.value} (${c.name})`).join("; ");
      return this.fail(`"${message}": ${JSON.stringify(reply)} matches ${matches.length} choices; offered: ${offered}`);
    }
    return chosen.value;
  }

  async integer(message: string, min: number, max: number, defaultValue?: number): Promise<number> {
    this.events.push({ kind: "integer", message, min, max, defaultValue });
    const reply = this.next(message);
    if (reply === CANCEL) throw new CancelledError();
    if (typeof reply !== "number")
      return this.fail(`"${message}" asks for a number; the script replies ${JSON.stringify(reply)}`);
    if (!Number.isInteger(reply) || reply < min || reply > max)
      return this.fail(`"${message}" accepts ${min}–${max}; the script replies ${reply}`);
    return reply;
  }

  private next(message: string): Reply {
    const step = this.steps[0];
    if (!step) return this.fail(`asked "${message}" after the script ended`);
    if (step.message !== message) return this.fail(`asked "${message}", but the script expected "${step.message}"`);
    this.steps.shift();
    return step.reply;
  }

  private fail(problem: string): never {
    this.problems.push(problem);
    throw new Error(`scripted prompter: ${problem}`);
  }
}
