import type { Ruleset } from "../ruleset/load.js";
import { describeCondition } from "./conditions-text.js";
import { urgencyLabel } from "../answers/labels.js";
import type { Style } from "./render/style.js";
import { safeText } from "../terminal-safe.js";
import { wrapIndented, type WrapOptions } from "./render/wrap.js";

/** The active ruleset's rules as data: id, urgency, what fires it, the reason shown, its sources. */
export function rulesAsJson(ruleset: Ruleset): string {
  const { id, version, title } = ruleset.definition;
  const rules = ruleset.rules.map((rule) => ({
    id: rule.id,
    urgency: rule.urgency,
    summary: rule.definition.summary,
    when: rule.definition.when,
    fields: rule.fields,
    sources: rule.sources,
  }));
  return `${JSON.stringify({ ruleset: { id, version, title }, rules }, null, 2)}\n`;
}

/** The rules for a person reading a terminal; every text from the ruleset with its control characters escaped. */
export function rulesAsText(ruleset: Ruleset, style: Style, width: number): string {
  const { chalk } = style;
  const wrap = (text: string, indent: string, options?: WrapOptions) =>
    wrapIndented(text, width, indent, `${indent}  `, options);
  const title = safeText(`${ruleset.definition.title} (ruleset ${ruleset.id} ${ruleset.version})`);
  const lines = [chalk.bold(wrap(title, "")), ""];
  for (const rule of ruleset.rules) {
    const label = urgencyLabel(ruleset, rule.urgency).toUpperCase();
    lines.push(wrap(`${style.urgency(rule.urgency, `[${label}]`)} ${chalk.bold(safeText(rule.id))}`, ""));
    lines.push(wrap(safeText(rule.definition.summary), "  "));
    lines.push(chalk.dim(wrap(safeText(`when: ${describeCondition(rule.definition.when)}`), "  ")));
    for (const source of rule.sources) {
      lines.push(chalk.dim(wrap(safeText(`source: ${source.title}, ${source.url}`), "  ", { keepLongWords: true })));
    }
    lines.push("");
  }
  return lines.join("\n");
}
