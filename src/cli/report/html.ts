import type { ReportModel } from "./model.js";

/** Escapes text for HTML element content and attribute values. */
export function html(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** A link only to a web address: anything else (javascript:, data:) is shown as text. */
function link(url: string, text: string): string {
  return /^https?:\/\//i.test(url) ? `<a href="${html(url)}">${html(text)}</a>` : html(text);
}

// One file with no external assets: the styles are here, system fonts only, and print well in black on white.
const STYLE = `
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #111; background: #fff; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 1.75rem 0 .5rem; border-bottom: 1px solid #bbb; padding-bottom: .2rem; }
.meta { color: #444; margin: 0; }
.result { border: 3px solid #111; border-radius: 6px; padding: .75rem 1rem; margin: 1.25rem 0; }
.result.emergency { border-color: #b00020; } .result.urgent { border-color: #c43c00; } .result.soon { border-color: #8a6d00; } .result.none { border-color: #1b6e20; }
.headline { font-size: 1.3rem; font-weight: 700; margin: 0 0 .5rem; }
.advice p { margin: .4rem 0; }
ul { padding-left: 1.4rem; } li { margin: .2rem 0; }
.tag { font-weight: 700; }
.small { color: #444; font-size: .92rem; }
.answers { border-collapse: collapse; width: 100%; }
.answers th, .answers td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid #ddd; }
.answers td.answer { font-weight: 700; white-space: nowrap; }
.answers tr.item td { padding-left: 1.5rem; font-size: .95rem; }
.disclaimer { border-left: 4px solid #999; padding: .25rem .75rem; color: #222; }
code { font-size: .85rem; word-break: break-all; }
a { color: #0b4f9c; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  a { color: #111; }
  a[href]::after { content: " (" attr(href) ")"; font-size: .85em; word-break: break-all; }
  h2, .result { break-after: avoid; } li, tr { break-inside: avoid; }
}`;

/** The report as one self-contained HTML page: to open, print or send. */
export function reportHtml(report: ReportModel): string {
  const advice = groupAdvice(report.advice);
  const parts: string[] = [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${html(report.title)}: ${html(report.madeAt)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    `<h1>Report: ${html(report.title)}</h1>`,
    `<p class="meta">Report made on ${html(report.madeAt)}, from ${html(report.from)}.</p>`,
  ];
  if (report.record !== undefined) parts.push(`<p class="meta">Record: ${html(report.record)}</p>`);
  parts.push(
    `<section class="result ${html(report.urgency)}" aria-label="Result">`,
    `<p class="headline">${html(report.headline)}</p>`,
    `<p class="small">Verdict: ${html(report.verdict)}. Urgency: ${html(report.urgency)}.</p>`,
    `<div class="advice"><strong>What to do now</strong>${advice}</div>`,
    "</section>",
  );
  if (report.reasons.length > 0) {
    parts.push("<h2>Why</h2>", "<ul>");
    for (const reason of report.reasons) {
      const possible = reason.possible ? ' <span class="small">(possible: an answer was "not sure")</span>' : "";
      const sources = reason.sources.map((source) => `<li>${link(source.url, source.title)}</li>`).join("");
      parts.push(
        `<li><span class="tag">[${html(reason.tag)}]</span> ${html(reason.summary)}${possible}`,
        `<div class="small">Your answers: ${html(reason.answers)}</div>`,
        `<div class="small">Sources:</div><ul class="small">${sources}</ul></li>`,
      );
    }
    parts.push("</ul>");
  }
  if (report.watchFor.length > 0) {
    parts.push(
      `<h2>${html(report.watchForHeading)}</h2>`,
      `<ul>${report.watchFor.map((item) => `<li>${html(item)}</li>`).join("")}</ul>`,
    );
  }
  parts.push(
    '<h2 id="answers">The answers given</h2>',
    '<table class="answers"><thead><tr><th scope="col">Question</th><th scope="col">Answer</th></tr></thead><tbody>',
  );
  for (const answer of report.answers) {
    parts.push(`<tr><td>${html(answer.question)}</td><td class="answer">${html(answer.answer)}</td></tr>`);
    for (const item of answer.items)
      parts.push(`<tr class="item"><td>${html(item.text)}</td><td class="answer">${html(item.answer)}</td></tr>`);
  }
  parts.push("</tbody></table>");
  if (report.notAsked.length > 0) {
    parts.push(
      "<p>Not asked (the interview stopped at the emergency):</p>",
      `<ul class="small">${report.notAsked.map((q) => `<li>${html(q)}</li>`).join("")}</ul>`,
    );
  }
  parts.push(
    "<h2>About this report</h2>",
    `<p class="small">Ruleset ${html(report.ruleset)}${report.digest === undefined ? "" : `, digest <code>${html(report.digest)}</code>`}; made by ${html(report.tool)}.</p>`,
    `<p class="disclaimer">${html(report.disclaimer)}</p>`,
    "</body>",
    "</html>",
    "",
  );
  return parts.join("\n");
}

/** Advice lines as paragraphs, with "- " lines gathered into a list. */
function groupAdvice(lines: readonly string[]): string {
  let out = "";
  let list: string[] = [];
  const flush = () => {
    if (list.length > 0) out += `<ul>${list.map((item) => `<li>${html(item)}</li>`).join("")}</ul>`;
    list = [];
  };
  for (const line of lines) {
    if (line.startsWith("- ")) list.push(line.slice(2));
    else {
      flush();
      out += `<p>${html(line)}</p>`;
    }
  }
  flush();
  return out;
}
