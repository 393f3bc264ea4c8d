import type { ReportModel } from "./model.js";

/** Escapes the characters that would change Markdown's meaning in running text. */
export function md(text: string): string {
  return text.replace(/([\\`*_[\]<>|#])/g, "\\$1");
}

/** A URL as a Markdown link target: anything that would end the target escaped. */
function mdUrl(url: string): string {
  return url.replace(/[()<>\s]/g, (c) => encodeURIComponent(c));
}

/** The report as Markdown: to keep, print or send. */
export function reportMarkdown(report: ReportModel): string {
  const lines: string[] = [
    `# Report: ${md(report.title)}`,
    "",
    `Report made on ${md(report.madeAt)}, from ${md(report.from)}.`,
  ];
  if (report.record !== undefined) lines.push(`Record: ${md(report.record)}`);
  lines.push(
    "",
    `## Result: ${md(report.headline)}`,
    "",
    `Verdict: ${md(report.verdict)}. Urgency: ${md(report.urgency)}.`,
    "",
  );
  lines.push(
    "### What to do now",
    "",
    ...report.advice.map((line) => (line.startsWith("- ") ? `- ${md(line.slice(2))}` : `${md(line)}\n`)),
    "",
  );
  if (report.reasons.length > 0) {
    lines.push("## Why", "");
    for (const reason of report.reasons) {
      const possible = reason.possible ? ' (possible: an answer was "not sure")' : "";
      lines.push(
        `- **${md(reason.tag)}**: ${md(reason.summary)}${possible}`,
        `  - Your answers: ${md(reason.answers)}`,
      );
      for (const source of reason.sources) lines.push(`  - Source: [${md(source.title)}](${mdUrl(source.url)})`);
    }
    lines.push("");
  }
  if (report.watchFor.length > 0)
    lines.push(`## ${md(report.watchForHeading)}`, "", ...report.watchFor.map((item) => `- ${md(item)}`), "");
  lines.push("## The answers given", "");
  for (const answer of report.answers) {
    lines.push(`- ${md(answer.question)} **${md(answer.answer)}**`);
    for (const item of answer.items) lines.push(`  - ${md(item.text)}: **${md(item.answer)}**`);
  }
  if (report.notAsked.length > 0) {
    lines.push(
      "",
      "Not asked (the interview stopped at the emergency):",
      "",
      ...report.notAsked.map((question) => `- ${md(question)}`),
    );
  }
  lines.push("", "## About this report", "");
  lines.push(
    `Ruleset ${md(report.ruleset)}${report.digest === undefined ? "" : `, digest \`${report.digest.replace(/`/g, "")}\``}; made by ${md(report.tool)}.`,
    "",
  );
  lines.push(`> ${md(report.disclaimer)}`, "");
  return lines.join("\n");
}
