import type { Issue } from "../issues.js";
import { formatPath } from "../issues.js";
import { issue, type IssueCode, type IssueParams } from "../messages/index.js";
import { LEAF_KEYS, LEAF_OPERATORS } from "./operators.js";
import { TEMPLATE_PLACEHOLDERS, type Path } from "./placeholders.js";
import type { ConditionDefinition, QuestionDefinition, RulesetDefinition } from "./schema.js";

/**
 * Checks what a schema cannot: that every reference in a ruleset points at something that exists
 * and that every condition can be met. Returns every problem found, each with its path.
 */
export function checkReferences(definition: RulesetDefinition): Issue[] {
  const issues: Issue[] = [];
  const add = <C extends IssueCode>(path: Path, code: C, params: IssueParams[C]) =>
    issues.push(issue(formatPath(path), code, params));
  const questions = new Map<string, { question: QuestionDefinition; index: number }>();

  // Every question is known before any askWhen is checked, so one reading a later question is told so.
  definition.questions.forEach((question, index) => {
    if (questions.has(question.id))
      add(["questions", index, "id"], "ruleset.duplicate-question-id", { id: question.id });
    else questions.set(question.id, { question, index });
  });

  definition.questions.forEach((question, index) => {
    const path: Path = ["questions", index];
    if (question.type === "choice") {
      const values = question.choices.map((choice) => choice.value);
      values.forEach((value, i) => {
        if (values.indexOf(value) !== i) add([...path, "choices", i, "value"], "ruleset.duplicate-choice", { value });
      });
      if (question.choices.filter((choice) => choice.unknown).length > 1) {
        add([...path, "choices"], "ruleset.several-unknown-choices", {});
      }
      const warning = question.choices.find((choice) => choice.value === question.warningAnswer);
      if (!warning)
        add([...path, "warningAnswer"], "ruleset.not-a-choice", { allowed: values, value: question.warningAnswer });
      else if (warning.unknown) add([...path, "warningAnswer"], "ruleset.warning-is-unknown", {});
      const itemParts = [question.items, question.askItemsWhen, question.itemPrompt, question.itemChoices];
      if (itemParts.some((part) => part === undefined) && itemParts.some((part) => part !== undefined)) {
        add([...path, "items"], "ruleset.item-parts-together", {});
      }
      question.itemChoices?.forEach((choice, i) => {
        if (!values.includes(choice.value))
          add([...path, "itemChoices", i, "value"], "ruleset.not-a-choice", { allowed: values, value: choice.value });
      });
      if (question.askItemsWhen !== undefined && !values.includes(question.askItemsWhen)) {
        add([...path, "askItemsWhen"], "ruleset.not-a-choice", { allowed: values, value: question.askItemsWhen });
      }
    } else {
      if (question.min > question.max)
        add([...path, "min"], "ruleset.min-above-max", { min: question.min, max: question.max });
    }
    if (question.askWhen !== undefined) {
      checkCondition(question.askWhen, [...path, "askWhen"], (id) => (questions.get(id)?.index ?? Infinity) < index);
    }
  });

  const sourceKeys = new Set(Object.keys(definition.sources));
  const ruleIds = new Set<string>();
  definition.rules.forEach((rule, index) => {
    const path: Path = ["rules", index];
    if (ruleIds.has(rule.id)) add([...path, "id"], "ruleset.duplicate-rule-id", { id: rule.id });
    ruleIds.add(rule.id);
    rule.sources.forEach((key, i) => {
      if (!sourceKeys.has(key)) {
        add([...path, "sources", i], "ruleset.unknown-source", { source: key, sources: [...sourceKeys] });
      }
    });
    if (rule.urgency === "emergency" && rule.callIf === undefined) {
      add([...path, "callIf"], "ruleset.emergency-needs-call-if", {});
    }
    checkCondition(rule.when, [...path, "when"], (id) => questions.has(id));
    if (rule.advice !== undefined) checkPlaceholders(rule.advice, [...path, "advice"], ["emergencyNumber"]);
    rule.summaryBy?.forEach((entry, i) =>
      checkCondition(entry.when, [...path, "summaryBy", i, "when"], (id) => questions.has(id)),
    );
  });

  const checkBackQuestion = questions.get(definition.advice.selfCare.checkBackQuestion)?.question;
  if (checkBackQuestion?.type !== "integer") {
    add(["advice", "selfCare", "checkBackQuestion"], "ruleset.check-back-not-integer", {
      question: definition.advice.selfCare.checkBackQuestion,
    });
  }

  for (const [path, allowed] of TEMPLATE_PLACEHOLDERS) {
    // An optional piece of wording may be absent (or its parent may be).
    const template = path.reduce<unknown>(
      (node, key) => (node as Record<string | number, unknown> | undefined)?.[key],
      definition,
    );
    if (typeof template === "string") checkPlaceholders(template, path, allowed);
  }
  definition.advice.selfCare.watchFor.forEach((line, i) => {
    const path: Path = ["advice", "selfCare", "watchFor", i];
    checkPlaceholders(
      typeof line === "string" ? line : line.text,
      typeof line === "string" ? path : [...path, "text"],
      ["emergencyNumber"],
    );
    if (typeof line === "string") return;
    line.about.forEach((id, j) => {
      if (!questions.has(id))
        add([...path, "about", j], "ruleset.unknown-question", { question: id, questions: [...questions.keys()] });
    });
  });
  return issues;

  function checkPlaceholders(template: string, path: Path, allowed: readonly string[]) {
    for (const match of template.matchAll(/\{([^{}]*)\}/g)) {
      const name = match[1] ?? "";
      if (!allowed.includes(name)) {
        add(path, "ruleset.unknown-placeholder", { name, allowed });
      }
    }
  }

  function checkCondition(condition: ConditionDefinition, path: Path, isAvailable: (id: string) => boolean) {
    if ("all" in condition) {
      condition.all.forEach((child, i) => checkCondition(child, [...path, "all", i], isAvailable));
      return;
    }
    if ("any" in condition) {
      condition.any.forEach((child, i) => checkCondition(child, [...path, "any", i], isAvailable));
      return;
    }
    const entry = questions.get(condition.answer);
    if (!entry || !isAvailable(condition.answer)) {
      if (entry) add([...path, "answer"], "ruleset.asked-later", { question: condition.answer });
      else
        add([...path, "answer"], "ruleset.unknown-question", {
          question: condition.answer,
          questions: [...questions.keys()],
        });
      return;
    }
    const { question } = entry;
    const key = LEAF_KEYS.find((k) => k in condition)!;
    const operator = LEAF_OPERATORS[key];
    if (question.type !== operator.questionType) {
      const code =
        operator.questionType === "choice"
          ? "ruleset.choice-operator-on-integer"
          : "ruleset.integer-operator-on-choice";
      add([...path, key], code, { question: question.id });
      return;
    }
    // The table's check for this operator, on a question of the type it takes.
    (operator.check as (c: typeof condition, q: QuestionDefinition, p: Path, a: typeof add) => void)(
      condition,
      question,
      [...path, key],
      add,
    );
  }
}
