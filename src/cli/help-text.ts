import { Help } from "commander";
import { allowedValues } from "../answers/describe.js";
import { describeAskWhen } from "./conditions-text.js";
import type { Ruleset } from "../ruleset/load.js";
import { wrapIndented } from "./render/wrap.js";
import { EXIT_CODE_MEANINGS } from "./exit-codes.js";

/** An example command and what it does. */
type Example = readonly [command: string, does: string];

const EXAMPLES: readonly Example[] = [
  ["neck-triage", "answer the questions in this terminal"],
  ["neck-triage --accessible", "the same, as numbered questions for a screen reader"],
  ["neck-triage --report report.html", "... and save a dated report to print or send"],
  ["neck-triage --answers answers.json", "evaluate saved answers, print the result"],
  ["neck-triage --answers - --json < answers.json", "JSON in on stdin, JSON out"],
  ['neck-triage --answers answers.json --exit-code || echo "see a professional"', "exit 3 on a referral"],
  ["neck-triage --emergency-number 112", "name 112 in emergency advice"],
  ["neck-triage rules", "list the rules, their urgency and sources"],
  ["neck-triage batch records.ndjson", "one JSON result per line of NDJSON answers"],
  ["neck-triage --ruleset extended", "more red flags (NICE CKS); see also: neck-triage --ruleset extended rules"],
  ["neck-triage schema answers", "JSON Schema of the answers (also: result, error, ruleset)"],
  [
    "neck-triage questionnaire",
    "the questions as a FHIR R4 Questionnaire; --answers and batch also take a QuestionnaireResponse to it",
  ],
  ["neck-triage web > neck-triage.html", "the interview as one web page that works offline"],
];

const EXIT_CODES = `Exit codes: ${EXIT_CODE_MEANINGS.map(([code, meaning]) => `${code} ${meaning}`).join(", ")}.`;

/**
 * Examples in two columns when they fit the width, otherwise each command on its own line with what it
 * does below it; every line wrapped at spaces.
 */
export function examplesHelp(width: number): string {
  const column = Math.max(...EXAMPLES.map(([command]) => command.length)) + 4;
  const lines = EXAMPLES.flatMap(([command, does]) => {
    const side = `  $ ${command.padEnd(column - 4)}  `;
    if (side.length + 20 <= width) return [wrapIndented(does, width, side, " ".repeat(side.length))];
    return [wrapIndented(`$ ${command}`, width, "  ", "      "), wrapIndented(does, width, "      ")];
  });
  return ["Examples:", ...lines, "", wrapIndented(EXIT_CODES, width)].join("\n");
}

/** The answers file format, from the ruleset's own questions. */
export function answersHelp(ruleset: Ruleset, width: number): string {
  const fieldWidth = Math.max(...ruleset.questions.map((q) => q.id.length));
  const intro = `Answers for the ruleset "${ruleset.id}" ${ruleset.version}: a JSON object with every field below (a follow-up only when it is needed), and an optional "id" echoed in the result:`;
  const fields = ruleset.questions.map((q) => {
    const side = `  ${q.id.padEnd(fieldWidth)}  `;
    const values =
      q.askWhen === undefined
        ? allowedValues(q)
        : `${allowedValues(q)} (needed when ${describeAskWhen(ruleset, q.askWhen)})`;
    return side.length + 20 <= width
      ? wrapIndented(values, width, side, " ".repeat(side.length))
      : [`  ${q.id}`, wrapIndented(values, width, "      ")].join("\n");
  });
  return [wrapIndented(intro, width), ...fields].join("\n");
}

/** Room a description needs beside its option or command; with less, it goes on the lines below. */
const MIN_DESCRIPTION_WIDTH = 30;

/**
 * Commander's help layout, wrapped at spaces at any width: at a narrow one an option's description
 * goes below it instead of being left unwrapped, and a long usage line is wrapped too.
 */
export function narrowHelp(width: () => number): Partial<Help> {
  return {
    minWidthToWrap: 10,
    formatItem(term, termWidth, description, helper) {
      if (!description) return `  ${term}`;
      if (helper.helpWidth! - termWidth - 4 >= MIN_DESCRIPTION_WIDTH)
        return Help.prototype.formatItem.call(helper, term, termWidth, description, helper);
      return `  ${term}\n${wrapIndented(description, helper.helpWidth!, "      ")}`;
    },
    formatHelp: (command, helper) => wrapLongLines(Help.prototype.formatHelp.call(helper, command, helper), width()),
  };
}

/** Each line wider than `width` wrapped at spaces, its continuation indented two more than the line. */
export function wrapLongLines(text: string, width: number): string {
  return text
    .split("\n")
    .map((line) => {
      if (line.length <= width) return line;
      const indent = line.length - line.trimStart().length;
      return wrapIndented(line.trimStart(), width, " ".repeat(indent), " ".repeat(indent + 2));
    })
    .join("\n");
}
