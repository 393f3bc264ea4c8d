import type { AnswerValues } from "./conditions.js";
import type { QuestionDefinition } from "./schema.js";
import { FALSE } from "./unsure.js";
import type { CompiledRule } from "./compile.js";

/**
 * The emergency rules with something to call the emergency number for that could still fire for
 * these answers if every other warning sign appeared: the answers about who the person is and what
 * has already happened (background and past questions, numbers) stay as given. Worked out each time:
 * a memo by the kept answers made triage() about 10% slower on the bench's pool (A/B in one run).
 */
export function compileStillPossible(
  questions: readonly QuestionDefinition[],
  rules: readonly CompiledRule[],
  encode: (answers: AnswerValues) => number[],
): (answers: Readonly<AnswerValues>) => readonly CompiledRule[] {
  const kept = questions
    .filter((q) => q.type !== "choice" || q.background === true || q.past === true)
    .map((q) => q.id);
  const candidates = rules.filter((rule) => rule.urgency === "emergency" && rule.definition.callIf !== undefined);
  return (answers) => {
    const worst: Record<string, string | number | undefined> = { ...answers };
    for (const question of questions)
      if (question.type === "choice" && !kept.includes(question.id)) worst[question.id] = question.warningAnswer;
    const worstCodes = encode(worst);
    return candidates.filter((rule) => rule.value(worstCodes) !== FALSE);
  };
}
