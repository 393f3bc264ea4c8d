import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./pty-session.js";

/** The parts of rules/default.json the terminal tests read: the words on screen come from here, not from copies. */
export interface Choice {
  value: string;
  label: string;
}

export interface Question {
  id: string;
  type: "choice" | "integer";
  label: string;
  prompt: string;
  help?: string;
  items?: { id: string; text: string }[];
  itemPrompt?: string;
  itemChoices?: Choice[];
  choices?: Choice[];
  unit?: string;
  /** A follow-up: asked only while this holds. */
  askWhen?: import("../../src/ruleset/schema.js").ConditionDefinition;
}

interface UrgencyWords {
  label: string;
  meaning: string;
  advice?: string;
}

type Urgency = "emergency" | "urgent" | "soon" | "none";

interface RulesFile {
  title: string;
  intro: string;
  disclaimer: string;
  questions: Question[];
  rules: { id: string; urgency: Exclude<Urgency, "none">; summary: string }[];
  advice: {
    emergencyNumber: string;
    urgency: Record<Urgency, UrgencyWords>;
    selfCare: {
      advice: string;
      checkBackBefore: { one: string; other: string };
      checkBackBy?: string;
      checkBackDay: number;
    };
  };
}

export const rules = JSON.parse(readFileSync(join(REPO_ROOT, "rules", "default.json"), "utf8")) as RulesFile;

export function question(id: string): Question {
  const found = rules.questions.find((q) => q.id === id);
  if (!found) throw new Error(`rules/default.json has no question "${id}"`);
  return found;
}

/** The label shown for one of a choice question's values. */
export function choiceLabel(id: string, value: string): string {
  const found = question(id).choices?.find((c) => c.value === value);
  if (!found) throw new Error(`question "${id}" has no choice "${value}"`);
  return found.label;
}

export function ruleSummary(id: string): string {
  const found = rules.rules.find((r) => r.id === id);
  if (!found) throw new Error(`rules/default.json has no rule "${id}"`);
  return found.summary;
}

/** The result's first line in words, as the text renderer writes it: "SOON: see a doctor in the next few days". */
export function headline(urgency: Urgency): string {
  const words = rules.advice.urgency[urgency];
  return `${words.label.toUpperCase()}: ${words.meaning}`;
}

/** The tag before each reason: "[SOON]". */
export function urgencyTag(urgency: Exclude<Urgency, "none">): string {
  return `[${rules.advice.urgency[urgency].label.toUpperCase()}]`;
}

/** An urgency's advice with the default emergency number wording filled in. */
export function urgencyAdvice(urgency: Exclude<Urgency, "none">): string {
  return (rules.advice.urgency[urgency].advice ?? "").replace("{emergencyNumber}", rules.advice.emergencyNumber);
}
