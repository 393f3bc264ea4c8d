import type { TriageResult } from "../../engine/result.js";
import type { Ruleset } from "../../ruleset/load.js";
import { describeAnswer, questionLabel } from "./answers.js";
import { md } from "../report/markdown.js";
import { printableDeep } from "./printable.js";
import { rulesetLines, urgencyHeadline, watchForHeading } from "./text.js";

/** The result as a Markdown document, e.g. for a note or a ticket. */
export function renderMarkdown(unsafe: TriageResult, ruleset: Ruleset, emergencyNumber?: string): string {
  const result = printableDeep(unsafe);
  const lines: string[] = ["# Neck pain triage", ""];
  lines.push(`**${md(urgencyHeadline(ruleset, result.urgency))}**`, "");
  if (result.id !== undefined) lines.push(`Record: ${md(JSON.stringify(result.id))}`, "");
  lines.push("## What to do now", "", ...result.advice.split("\n").map((line) => (line.startsWith("- ") ? `- ${md(line.slice(2))}` : `${md(line)}\n`)), "");
  if (result.reasons.length > 0) {
    lines.push("## Why", "");
    for (const reason of result.reasons) {
      const label = ruleset.definition.advice.urgency[reason.urgency].label;
      const certainty = reason.certainty === "possible" ? ' (possible: you answered "not sure")' : "";
      lines.push(`- **${md(label)}**: ${md(reason.summary)}${certainty}`);
      const answered = Object.entries(reason.answers)
        .map(([field, value]) => `${md(questionLabel(ruleset, field))}: ${md(describeAnswer(ruleset, field, value))}`)
        .join("; ");
      lines.push(`  - Your answers: ${answered}`);
      for (const source of reason.sources) lines.push(`  - Source: [${md(source.title)}](${source.url})`);
    }
    lines.push("");
  }
  if (result.unanswered && result.unanswered.length > 0) {
    lines.push(`Stopped early; not asked: ${result.unanswered.map((f) => md(questionLabel(ruleset, f))).join(", ")}.`, "");
  }
  if (result.urgency !== "emergency" && result.watchFor.length > 0) {
    lines.push(`## ${md(watchForHeading(ruleset, result.urgency, emergencyNumber))}`, "");
    for (const item of result.watchFor) lines.push(`- ${md(item)}`);
    lines.push("");
  }
  const [rulesetName] = rulesetLines(result);
  lines.push(`${md(rulesetName)}, digest \`${result.ruleset.digest}\``, "");
  lines.push(`> ${md(result.disclaimer)}`, "");
  return lines.join("\n");
}
