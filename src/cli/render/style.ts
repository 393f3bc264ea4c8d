import { Chalk, type ChalkInstance } from "chalk";
import type { Urgency } from "../../ruleset/schema.js";

/** Colours for the text output; level 0 gives plain text. Colour never carries meaning alone. */
export interface Style {
  readonly chalk: ChalkInstance;
  urgency(urgency: Urgency, text: string): string;
}

export function makeStyle(colorLevel: 0 | 1 | 2 | 3): Style {
  const chalk = new Chalk({ level: colorLevel });
  const byUrgency: Record<Urgency, ChalkInstance> = {
    emergency: chalk.bold.white.bgRed,
    urgent: chalk.bold.red,
    soon: chalk.bold.yellow,
    none: chalk.bold.green,
  };
  return { chalk, urgency: (urgency, text) => byUrgency[urgency](text) };
}
