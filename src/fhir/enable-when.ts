import { formatPath, type Issue } from "../issues.js";
import { RulesetError } from "../ruleset/errors.js";
import type { Ruleset } from "../ruleset/load.js";
import type { ConditionDefinition, QuestionDefinition } from "../ruleset/schema.js";
import { ANSWER_CODE_SYSTEM } from "./canonical.js";
import type { QuestionnaireEnableWhen, QuestionnaireItem } from "./r4-types.js";

type Path = (string | number)[];
type Simple = Exclude<ConditionDefinition, { all: unknown } | { any: unknown }>;

/**
 * A question's askWhen as R4 enableWhen, with exactly the interview's meaning: the interview asks
 * when the condition is true *or unsure*, so `equals` on a question with an unknown choice also
 * enables on that choice. What enableWhen cannot say (nesting, an `all` that would need an `or`
 * inside, a condition on a question that may itself be skipped) throws RulesetError: a form that
 * asks at other times than the interview would be scored on answers the rules never expected.
 */
export function enableWhenFor(
  ruleset: Ruleset,
  question: QuestionDefinition,
  questionIndex: number,
): Pick<QuestionnaireItem, "enableWhen" | "enableBehavior"> {
  const condition = question.askWhen;
  if (condition === undefined) return {};
  const path: Path = ["questions", questionIndex, "askWhen"];
  const fail = (at: Path, message: string): never => {
    const issue: Issue = { path: formatPath(at), message: `cannot be written as a FHIR R4 enableWhen: ${message}` };
    throw new RulesetError([issue]);
  };

  const alternativesOf = (simple: ConditionDefinition, at: Path): QuestionnaireEnableWhen[] => {
    if ("all" in simple || "any" in simple) return fail(at, "a nested all/any");
    return alternatives(ruleset, simple, at, fail);
  };

  if ("any" in condition) {
    const enableWhen = condition.any.flatMap((child, i) => alternativesOf(child, [...path, "any", i]));
    return withBehavior(enableWhen, "any");
  }
  if ("all" in condition) {
    const parts = condition.all.map((child, i) => alternativesOf(child, [...path, "all", i]));
    if (parts.length === 1) return withBehavior(parts[0] ?? [], "any");
    parts.forEach((part, i) => {
      if (part.length > 1) fail([...path, "all", i], "an unsure answer also enables this part, and enableWhen cannot nest an or inside an and");
    });
    return withBehavior(parts.flat(), "all");
  }
  return withBehavior(alternativesOf(condition, path), "any");
}

function withBehavior(
  enableWhen: QuestionnaireEnableWhen[],
  behavior: "all" | "any",
): Pick<QuestionnaireItem, "enableWhen" | "enableBehavior"> {
  return enableWhen.length > 1 ? { enableWhen, enableBehavior: behavior } : { enableWhen };
}

/** The enableWhen entries whose `or` is true exactly when the interview would ask (value above 0). */
function alternatives(
  ruleset: Ruleset,
  condition: Simple,
  at: Path,
  fail: (at: Path, message: string) => never,
): QuestionnaireEnableWhen[] {
  const read = ruleset.questionsById.get(condition.answer);
  if (read === undefined) return fail([...at, "answer"], `unknown question "${condition.answer}"`);
  // FHIR reads a disabled item as unanswered; the interview reads its answerWhenNotAsked instead.
  if (read.askWhen !== undefined) return fail([...at, "answer"], `"${read.id}" is itself asked only sometimes`);
  if ("atLeast" in condition) return [{ question: read.id, operator: ">=", answerInteger: condition.atLeast }];
  if ("below" in condition) return [{ question: read.id, operator: "<", answerInteger: condition.below }];
  if (read.type !== "choice") return fail([...at, "equals"], `"${read.id}" is not a choice question`);
  const values = [condition.equals, ...read.choices.filter((choice) => choice.unknown).map((choice) => choice.value)];
  return values.map((value) => ({
    question: read.id,
    operator: "=",
    answerCoding: { system: ANSWER_CODE_SYSTEM, code: value },
  }));
}
