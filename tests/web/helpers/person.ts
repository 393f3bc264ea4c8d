import type { PromptChoice, Prompter } from "../../../src/cli/interview/prompter.js";
import { run } from "../../../src/cli/run.js";
import type { TriageResult } from "../../../src/index.js";
import type { Ruleset } from "../../../src/ruleset/load.js";
import type { QuestionDefinition } from "../../../src/ruleset/schema.js";
import { makeFakeIo } from "../../cli/helpers/fake-io.js";

export type AnswerValue = string | number;

/**
 * Someone taking the interview: the answer they give to each question they are asked, and for a
 * list question answered "not sure", the answer to each of its items in turn. They confirm an
 * emergency stop and accept the review. The same person goes through the terminal and the page.
 */
export interface Person {
  readonly name: string;
  readonly answers: Readonly<Record<string, AnswerValue>>;
  readonly items?: Readonly<Record<string, readonly string[]>>;
}

/** What a person is asked, in the words shown: a question, one item of a list, or one of the interview's own prompts. */
export type Asked =
  | { kind: "question"; question: QuestionDefinition }
  | { kind: "item"; question: QuestionDefinition }
  | { kind: "confirm-emergency" }
  | { kind: "review" };

/** Which question of the ruleset a prompt's text belongs to (a question's prompt, or a list's item prompt). */
export function askedBy(ruleset: Ruleset, message: string): Asked | undefined {
  for (const question of ruleset.questions) {
    if (question.prompt === message) return { kind: "question", question };
    if (question.type === "choice" && question.itemPrompt === message) return { kind: "item", question };
  }
  return undefined;
}

/** The person's replies as a stream: the next item answer for each list, by question id. */
export class Replies {
  private readonly itemsGiven = new Map<string, number>();
  constructor(private readonly person: Person) {}

  answerTo(question: QuestionDefinition): AnswerValue {
    const value = this.person.answers[question.id];
    if (value === undefined) throw new Error(`${this.person.name}: no answer for ${question.id}`);
    if (question.type === "choice" && value === question.askItemsWhen) this.itemsGiven.set(question.id, 0);
    return value;
  }

  nextItem(question: QuestionDefinition): string {
    const given = this.itemsGiven.get(question.id) ?? 0;
    const value = this.person.items?.[question.id]?.[given];
    if (value === undefined) throw new Error(`${this.person.name}: no answer for item ${given + 1} of ${question.id}`);
    this.itemsGiven.set(question.id, given + 1);
    return value;
  }
}

/** A Prompter that lets the person answer the terminal's interview. */
class PersonPrompter implements Prompter {
  private readonly replies: Replies;
  constructor(
    private readonly ruleset: Ruleset,
    person: Person,
  ) {
    this.replies = new Replies(person);
  }

  say(): void {}

  async select<T extends string>(message: string, choices: readonly PromptChoice<T>[]): Promise<T> {
    const asked = askedBy(this.ruleset, message);
    const pick = (nameIncludes: string) => {
      const choice = choices.find((c) => c.name.includes(nameIncludes));
      if (!choice) throw new Error(`"${message}" offers no choice with "${nameIncludes}"`);
      return choice.value;
    };
    if (asked?.kind === "question") return this.replies.answerTo(asked.question) as T;
    if (asked?.kind === "item") return this.replies.nextItem(asked.question) as T;
    if (message === "Are your answers right?") return pick("show me what to do");
    if (message === "Please check your answers.") return pick("show my result");
    throw new Error(`the person does not know how to answer "${message}"`);
  }

  async integer(message: string): Promise<number> {
    const asked = askedBy(this.ruleset, message);
    if (asked?.kind !== "question") throw new Error(`the person does not know how to answer "${message}"`);
    return this.replies.answerTo(asked.question) as number;
  }
}

/** The terminal interview's result (`neck-triage --json`, answered by the person). */
export async function terminalResult(
  ruleset: Ruleset,
  person: Person,
  argv: readonly string[] = [],
): Promise<TriageResult> {
  const fake = makeFakeIo({ prompter: new PersonPrompter(ruleset, person), stdinIsTTY: true, stdoutIsTTY: false });
  const code = await run(["--json", ...argv], fake.io);
  if (code !== 0) throw new Error(`${person.name}: the interview exited ${code}: ${fake.stderr()}`);
  return JSON.parse(fake.stdout()) as TriageResult;
}
