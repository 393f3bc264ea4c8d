import type { TriageResult } from "../../engine/result.js";
import type { Ruleset } from "../../ruleset/load.js";
import { describeAnswer, questionLabel, urgencyLabel } from "../../answers/labels.js";
import { md } from "../report/markdown.js";
import { recordLabel, safeResult } from "./safe-result.js";
import { rulesetLines, urgencyHeadline, watchForHeading } from "./text.js";

/** A URL as a Markdown link target: what would end the link or break the line percent-encoded. */
function linkTarget(url: string): string {
  return url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

/**
 * The result as a Markdown document, e.g. for a note or a ticket. Every text from the ruleset or
 * the input is shown with its control characters escaped.
 */
export function renderMarkdown(given: TriageResult, ruleset: Ruleset, emergencyNumber?: string): string {
  const result = safeResult(given);
  const lines: string[] = ["# Neck pain triage", ""];
  lines.push(`**${md(urgencyHeadline(ruleset, result.urgency))}**`, "");
  if (result.id !== undefined) lines.push(`Record: ${md(recordLabel(result.id))}`, "");
  lines.push(
    "## What to do now",
    "",
    ...result.advice.split("\n").map((line) => (line.startsWith("- ") ? `- ${md(line.slice(2))}` : `${md(line)}\n`)),
    "",
  );
  if (result.reasons.length > 0) {
    lines.push("## Why", "");
    for (const reason of result.reasons) {
      const label = urgencyLabel(ruleset, reason.urgency);
      const certainty = reason.certainty === "possible" ? ' (possible: you answered "not sure")' : "";
      lines.push(`- **${md(label)}**: ${md(reason.summary)}${certainty}`);
      const answered = Object.entries(reason.answers)
        .map(([field, value]) => `${md(questionLabel(ruleset, field))}: ${md(describeAnswer(ruleset, field, value))}`)
        .join("; ");
      lines.push(`  - Your answers: ${answered}`);
      for (const source of reason.sources) lines.push(`  - Source: [${md(source.title)}](${linkTarget(source.url)})`);
    }
    lines.push("");
  }
  if (result.unanswered && result.unanswered.length > 0) {
    lines.push(
      `Stopped early; not asked: ${result.unanswered.map((f) => md(questionLabel(ruleset, f))).join(", ")}.`,
      "",
    );
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
