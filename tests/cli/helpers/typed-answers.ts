import { effectiveAnswers, truthOf } from "../../helpers/spec-policy.js";
import { question, rulesFile } from "./ruleset-file.js";

/** A question and the answer a person gives to it, in the order the interview asks. */
export type AskedAnswer = readonly [id: string, value: string | number];

/** What a person types at the accessible prompts for these answers: a choice's number, or the number asked for. */
export function typedLines(answers: readonly AskedAnswer[]): string[] {
  return answers.map(([id, value]) => {
    const q = question(id);
    if (q.type === "integer") return String(value);
    const index = (q.choices ?? []).findIndex((c) => c.value === value);
    if (index === -1) throw new Error(`question "${id}" has no choice "${value}"`);
    return String(index + 1);
  });
}

/** The answers with no warning sign that the interview asks for (painDays 3: "improving" is not asked). */
export const CALM_ASKED: readonly AskedAnswer[] = [
  ["emergencySigns", "no"],
  ["age", 40],
  ["injury", "no"],
  ["riskHistory", "no"],
  ["limbWeakness", "no"],
  ["coordinationLoss", "no"],
  ["fever", "no"],
  ["swallowing", "no"],
  ["headache", "no"],
  ["canTouchChinToChest", "yes"],
  ["armTinglingOrNumbness", "no"],
  ["shootingArmPain", "no"],
  ["painDays", 3],
  ["otcResponse", "helped"],
];

/**
 * CALM_ASKED with these changes, in interview order; each follow-up that the answers switch on is
 * put straight after the question it follows, with its value from `changes` or "no".
 */
export function calmAskedWith(changes: Readonly<Record<string, string | number>>): AskedAnswer[] {
  const answers: AskedAnswer[] = CALM_ASKED.map(([id, value]) => [id, changes[id] ?? value] as const);
  const ids = rulesFile.questions.map((entry) => entry.id);
  ids.forEach((id, index) => {
    const q = question(id);
    if (q.askWhen === undefined || id === "improving") return;
    if (truthOf(q.askWhen, effectiveAnswers(Object.fromEntries(answers))) === 0) return;
    const before = ids[index - 1];
    answers.splice(answers.findIndex(([asked]) => asked === before) + 1, 0, [id, changes[id] ?? "no"]);
  });
  return answers;
}
