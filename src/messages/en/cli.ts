import type { MessageCode, MessageParams, ReadFailure } from "../codes.js";
import { count, counted, receivedText } from "./values.js";

/** "no such file", "permission denied", …; the system's own message otherwise. */
function readFailure({ errorCode, systemMessage }: ReadFailure): string {
  if (errorCode === "ENOENT") return "no such file";
  // ERR_ACCESS_DENIED: Node's permission model (--permission) refused the read.
  if (errorCode === "EACCES" || errorCode === "EPERM" || errorCode === "ERR_ACCESS_DENIED") return "permission denied";
  if (errorCode === "EISDIR") return "it is a folder, not a file";
  return systemMessage;
}

const oneObject = (what: string) => `expected one JSON object: the ${what}`;

/** The English of every message that is not an issue: the command line's, and the library's errors for a wrong argument. */
export const MESSAGE_WORDING: { readonly [C in MessageCode]: (params: MessageParams[C]) => string } = {
  "cli.reading-from-terminal": ({ what }) => `Reading the ${what} as JSON from the terminal; end with Ctrl-D.`,
  "cli.reading-ndjson-from-terminal": () =>
    "Reading NDJSON answers from the terminal, one JSON object per line; end with Ctrl-D.",
  "cli.cannot-read": (p) => `${p.name}: cannot read the ${p.what}: ${readFailure(p)}`,
  "cli.too-large": ({ name, what }) =>
    `${name}: the ${what} ${what === "answers" ? "are" : "is"} larger than 1 MiB; expected one JSON object (reading stopped at 1 MiB)`,
  "cli.utf16": ({ name, what }) => `${name}: looks like UTF-16; save it as UTF-8 (${oneObject(what)})`,
  "cli.empty": ({ name, what }) => `${name}: empty; ${oneObject(what)}`,
  "cli.not-json": ({ name, what, reason }) => `${name}: not valid JSON (${reason}); ${oneObject(what)}`,
  "cli.unknown-ruleset": ({ name, builtin }) =>
    `--ruleset: no built-in ruleset "${name}"; built-in: ${builtin.join(", ")}, or give a ruleset file (.json)`,
  "cli.not-an-option-of": ({ option, command }) =>
    `neck-triage: ${option}: not an option of "neck-triage ${command}"; see neck-triage help ${command}`,
  "cli.option-choices": ({ option, command, choices, value }) =>
    `neck-triage: ${option}: "neck-triage ${command}" takes ${choices.join(" or ")}, got ${JSON.stringify(value)}`,
  "cli.unexpected-argument": ({ typed }) =>
    `neck-triage: unexpected argument ${JSON.stringify(typed)}; to evaluate a file of answers: neck-triage --answers ${typed}`,
  "cli.unknown-command": ({ typed, helpTopic, guess, commands }) => {
    const what = helpTopic ? `no help topic ${JSON.stringify(typed)}` : `unknown command ${JSON.stringify(typed)}`;
    const hint = guess === undefined ? "" : `; did you mean ${JSON.stringify(guess)}?`;
    return `neck-triage: ${what}${hint} (commands: ${commands.join(", ")}; neck-triage --help for the options)`;
  },
  "cli.web-to-terminal": () =>
    "neck-triage web: the page is HTML; send it to a file: neck-triage web > neck-triage.html",
  "cli.unknown-schema": ({ kinds, which }) =>
    `schema: expected ${kinds.map((k) => JSON.stringify(k)).join(", ")}, got ${JSON.stringify(which)}`,
  "cli.stdin-twice": ({ reader }) =>
    `--ruleset -: ${reader} reads stdin too; give the ruleset as a file (e.g. --ruleset <(command))`,
  "cli.no-terminal": () =>
    "neck-triage: no terminal to ask the questions on; give the answers with --answers FILE (or --answers - to read JSON from stdin)",
  "cli.format-conflict": ({ format }) => `neck-triage: --json and --format ${format} disagree; use one of them`,
  "cli.option-value": ({ where, problem }) => `${where}: ${problem}`,
  "cli.cancelled": () => "Cancelled.",
  "cli.internal-error": ({ detail }) => `neck-triage: internal error: ${detail}`,
  "cli.debug-hint": () => "Run again with --debug to see where it happened, and please report it.",
  "cli.report-saved": ({ path }) => `The report is saved in ${path}.`,
  "cli.cannot-write-report": ({ path, errorCode, detail }) => {
    const why =
      errorCode === "ENOENT"
        ? "no such folder"
        : errorCode === "EISDIR"
          ? "it is a folder"
          : errorCode === "EACCES" || errorCode === "EPERM"
            ? "permission denied"
            : detail;
    return `neck-triage: cannot write the report to ${path}: ${why}`;
  },
  "cli.cannot-write-output": ({ reason }) => `neck-triage: cannot write output: ${reason}`,
  "cli.web-script-missing": ({ path }) => `the web page's script is missing (${path}); run npm run build`,
  "batch.line-too-long": () => "line longer than 1 MiB; not read",
  "batch.duplicate-field": () => "a field is given more than once",
  "batch.invalid-answers": ({ count: n }) => `invalid answers: ${counted(n, "problem")}`,
  "batch.first-listed": ({ message, listed }) => `${message}; the first ${listed} are listed`,
  "batch.summary": ({ records, failedLines }) => {
    const shown = failedLines.slice(0, 10).join(", ");
    const more = failedLines.length > 10 ? ` and ${count(failedLines.length - 10)} more` : "";
    return `${counted(records, "record")}, ${counted(failedLines.length, "error")}: ${failedLines.length === 1 ? "line" : "lines"} ${shown}${more}`;
  },
  "batch.progress": ({ records, perSecond }) => `${count(records)} records, ${count(perSecond)}/s`,
  "interview.type-a-number": ({ count: n }) => `Please type a number from 1 to ${n}.`,
  "interview.number-not-a-choice": ({ typed, count: n }) =>
    `${typed} is not one of the choices; type a number from 1 to ${n}.`,
  "interview.text-not-a-choice": ({ typed, count: n }) =>
    `"${typed}" is not one of the choices; type a number from 1 to ${n}.`,
  "interview.ambiguous-choice": ({ typed, numbers }) => `"${typed}" could be ${numbers.join(" or ")}; type its number.`,
  "interview.not-a-whole-number": ({ typed, min, max }) => `"${typed}" is not a whole number from ${min} to ${max}.`,
  "api.emergency-number": (p) => {
    const got = "value" in p ? JSON.stringify(p.value) : `${receivedText(p.received)} (${p.type}, not a string)`;
    return `expected a phone number such as 112, 911 or 999 (digits, spaces, + - ( ) # *), got ${got}`;
  },
  "api.emergency-number-option": ({ problem }) => `emergencyNumber: ${problem}`,
  "api.options-not-object": ({ received }) =>
    `options: expected an object such as { emergencyNumber: "112" }, got ${receivedText(received)}`,
  "api.unknown-option": ({ option, options }) =>
    `options: unknown option ${JSON.stringify(option)}; the options are ${options.join(", ")}`,
  "api.today-not-text": ({ type }) => `today: expected a calendar date such as "2026-11-26", got ${type}`,
  "api.today-not-date": ({ value }) =>
    `today: expected a calendar date such as 2026-11-26, got ${JSON.stringify(value)}`,
  "api.not-a-ruleset": ({ caller, document, received }) => {
    const got = document ? "a ruleset document; pass it to loadRuleset() first" : receivedText(received);
    return `${caller}: expected a ruleset from loadRuleset() or a built-in one (defaultRuleset, extendedRuleset), got ${got}`;
  },
  "api.read-only-lookup": ({ method }) =>
    `${method}: a compiled ruleset's lookups cannot be changed; load a changed document with loadRuleset() instead`,
};
