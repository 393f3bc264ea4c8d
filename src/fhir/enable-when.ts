import { formatPath } from "../issues.js";
import { issue, type IssueCode, type IssueParams } from "../messages/index.js";
import { RulesetError } from "../ruleset/errors.js";
import type { Ruleset } from "../ruleset/load.js";
import { resolveLeaf, type LeafCondition as Leaf } from "../ruleset/operators.js";
import type { ChoiceQuestionDefinition, ConditionDefinition, QuestionDefinition } from "../ruleset/schema.js";
import { ANSWER_CODE_SYSTEM } from "./canonical.js";
import type { QuestionnaireEnableWhen, QuestionnaireItem } from "./r4-types.js";

type Path = (string | number)[];

/**
 * A question's askWhen as R4 enableWhen, with exactly the interview's meaning: the interview asks
 * when the condition is true *or unsure*, so `equals` on a question with an unknown choice also
 * enables on that choice. A follow-up may read another follow-up: a disabled item has no answer in
 * FHIR, and the engine reads a follow-up whose condition does not hold as not answered, so both
 * agree. What enableWhen cannot say (nesting, an `or` inside an `all`) throws RulesetError: a form
 * that asks at other times than the interview would be scored on answers the rules never expected.
 */
export function enableWhenFor(
  ruleset: Ruleset,
  question: QuestionDefinition,
  questionIndex: number,
): Pick<QuestionnaireItem, "enableWhen" | "enableBehavior"> {
  const condition = question.askWhen;
  if (condition === undefined) return {};
  const path: Path = ["questions", questionIndex, "askWhen"];
  const fail: Fail = (at, code, params) => {
    const problem = issue(formatPath(at), code, params);
    throw new RulesetError([problem]);
  };
  const leaf = (child: ConditionDefinition, at: Path): Leaf => {
    if ("all" in child || "any" in child) return fail(at, "fhir.enable-when-nested", {});
    return child;
  };

  if ("any" in condition) {
    const enableWhen = condition.any.flatMap((child, i) =>
      alternatives(ruleset, leaf(child, [...path, "any", i]), [...path, "any", i], fail),
    );
    return withBehavior(enableWhen, "any");
  }
  if ("all" in condition) {
    if (condition.all.length === 1)
      return enableWhenFor(ruleset, { ...question, askWhen: condition.all[0]! }, questionIndex);
    const enableWhen = condition.all.flatMap((child, i) =>
      conjunction(ruleset, leaf(child, [...path, "all", i]), [...path, "all", i], fail),
    );
    return withBehavior(enableWhen, "all");
  }
  return withBehavior(alternatives(ruleset, condition, path, fail), "any");
}

function withBehavior(
  enableWhen: QuestionnaireEnableWhen[],
  behavior: "all" | "any",
): Pick<QuestionnaireItem, "enableWhen" | "enableBehavior"> {
  return enableWhen.length > 1 ? { enableWhen, enableBehavior: behavior } : { enableWhen };
}

type Fail = <C extends Extract<IssueCode, `fhir.enable-when-${string}`>>(
  at: Path,
  code: C,
  params: IssueParams[C],
) => never;

/** The choices for which a choice condition is above 0: those it names, and the unknown one. */
function enablingChoices(question: ChoiceQuestionDefinition, condition: Leaf): string[] {
  const leaf = resolveLeaf(condition);
  const named = "named" in leaf ? leaf.named : [];
  const unknown = question.choices
    .filter((choice) => choice.unknown && !named.includes(choice.value))
    .map((choice) => choice.value);
  return [...named, ...unknown];
}

function choiceQuestionOf(ruleset: Ruleset, condition: Leaf, at: Path, fail: Fail): ChoiceQuestionDefinition {
  const read = ruleset.questionsById.get(condition.answer);
  if (read === undefined)
    return fail([...at, "answer"], "fhir.enable-when-unknown-question", { question: condition.answer });
  if (read.type !== "choice") return fail([...at, "answer"], "fhir.enable-when-not-choice", { question: read.id });
  return read;
}

function coding(value: string) {
  return { system: ANSWER_CODE_SYSTEM, code: value };
}

/** The enableWhen entries whose `or` is true exactly when the interview would ask (value above 0). */
function alternatives(ruleset: Ruleset, condition: Leaf, at: Path, fail: Fail): QuestionnaireEnableWhen[] {
  const leaf = resolveLeaf(condition);
  if ("bound" in leaf)
    return [{ question: condition.answer, operator: leaf.operator.fhirOperator, answerInteger: leaf.bound }];
  const question = choiceQuestionOf(ruleset, condition, at, fail);
  return enablingChoices(question, condition).map((value) => ({
    question: question.id,
    operator: "=",
    answerCoding: coding(value),
  }));
}

/**
 * The enableWhen entries whose `and` is true exactly when this part is above 0. Several enabling
 * choices are an `or`, which an `and` cannot hold; when all choices but one enable, the part is
 * "answered, and not that one" (`exists` and `!=`), which it can.
 */
function conjunction(ruleset: Ruleset, condition: Leaf, at: Path, fail: Fail): QuestionnaireEnableWhen[] {
  if ("bound" in resolveLeaf(condition)) return alternatives(ruleset, condition, at, fail);
  const question = choiceQuestionOf(ruleset, condition, at, fail);
  const enabling = enablingChoices(question, condition);
  if (enabling.length === 1) return alternatives(ruleset, condition, at, fail);
  const others = question.choices.map((choice) => choice.value).filter((value) => !enabling.includes(value));
  if (others.length !== 1) {
    return fail(at, "fhir.enable-when-unsure-in-and", {});
  }
  return [
    { question: question.id, operator: "exists", answerBoolean: true },
    { question: question.id, operator: "!=", answerCoding: coding(others[0]!) },
  ];
}
