import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The repository root, for paths to bin/, rules/ and examples/. */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { answer: string; equals: string }
  | { answer: string; in: string[] }
  | { answer: string; atLeast: number }
  | { answer: string; below: number };

type ConditionDefinition = import("../../../src/ruleset/schema.js").ConditionDefinition;

interface QuestionEntry {
  id: string;
  type: "choice" | "integer";
  label: string;
  prompt: string;
  min?: number;
  max?: number;
  items?: { id: string; text: string }[];
  itemPrompt?: string;
  choices?: { value: string; label: string }[];
  /** A follow-up: asked only while this holds. */
  askWhen?: ConditionDefinition;
}

interface RuleEntry {
  id: string;
  urgency: "emergency" | "urgent" | "soon";
  when: Condition;
  summary: string;
  sources: string[];
}

interface RulesFile {
  id: string;
  version: string;
  questions: QuestionEntry[];
  rules: RuleEntry[];
  sources: Record<string, { title: string; url: string }>;
}

/** rules/default.json as shipped: the source of truth the tests read instead of hand-kept copies. */
export const rulesFile = JSON.parse(
  readFileSync(new URL("rules/default.json", `file://${REPO_ROOT}`), "utf8"),
) as RulesFile;

export const questionIds: readonly string[] = rulesFile.questions.map((q) => q.id);

export function question(id: string): QuestionEntry {
  const found = rulesFile.questions.find((q) => q.id === id);
  if (!found) throw new Error(`rules/default.json has no question "${id}"`);
  return found;
}

export function rule(id: string): RuleEntry {
  const found = rulesFile.rules.find((r) => r.id === id);
  if (!found) throw new Error(`rules/default.json has no rule "${id}"`);
  return found;
}

/** The source URLs a rule cites, resolved through the file's source table. */
export function ruleSourceUrls(ruleId: string): string[] {
  return rule(ruleId).sources.map((key) => {
    const source = rulesFile.sources[key];
    if (!source) throw new Error(`rule "${ruleId}" cites unknown source "${key}"`);
    return source.url;
  });
}

/** Every question a rule's condition reads. */
export function ruleFields(ruleId: string): Set<string> {
  const fields = new Set<string>();
  const walk = (condition: Condition): void => {
    if ("all" in condition) condition.all.forEach(walk);
    else if ("any" in condition) condition.any.forEach(walk);
    else fields.add(condition.answer);
  };
  walk(rule(ruleId).when);
  return fields;
}
