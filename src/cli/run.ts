import { Command, CommanderError, Option } from "commander";
import { AnswersError } from "../answers/errors.js";
import { evaluateValidAnswers } from "../engine/evaluate-valid.js";
import { checkEmergencyNumber, emergencyNumberProblem } from "../engine/options.js";
import type { EvaluateOptions, TriageResult } from "../engine/result.js";
import { issueLines } from "../issues.js";
import { getDefaultRuleset } from "../ruleset/builtin.js";
import type { Ruleset } from "../ruleset/load.js";
import { CancelledError, EXIT, UsageError, type CliIo } from "./io.js";
import { colorLevel, formatResult, FORMATS, terminalWidth, type Format } from "./output.js";
import { accessibleMode } from "./accessible.js";
import { activeRuleset } from "./active-ruleset.js";
import { answersHelp, examplesHelp, narrowHelp, wrapLongLines } from "./help-text.js";
import { wrapIndented } from "./render/wrap.js";
import { applyRootOptions, unknownCommandProblem } from "./root-options.js";
import { oneLine } from "../terminal-safe.js";
import { readJsonInput } from "./read-answers.js";
import type { ReportInput } from "./report/model.js";
import { localDate } from "../engine/calendar.js";
import { validAnswers } from "./valid-answers.js";
import { VERSION } from "./version.js";

interface MainOptions {
  answers?: string;
  ruleset?: string;
  format?: Format;
  json?: boolean;
  emergencyNumber?: string;
  exitCode?: boolean;
  color: boolean;
  debug?: boolean;
  accessible?: boolean;
  sources?: boolean;
  report?: string;
}

/** Runs the command line with the given arguments (without node and script) and returns the exit code. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let debug = argv.includes("--debug");
  let exitCode: number = EXIT.ok;
  // One line per problem; on a terminal, wrapped at spaces to its width (the continuation indented).
  const problem = (line: string) =>
    io.stderr.write(`${io.stderr.isTTY ? wrapIndented(oneLine(line), terminalWidth(io.stderr), "", "  ") : oneLine(line)}\n`);
  try {
    // --help lists the answers of the ruleset named with it (`--ruleset extended --help`).
    const helpRuleset = argv.some((arg) => arg === "--help" || arg === "-h") ? await activeRuleset(rulesetArgument(argv), io) : getDefaultRuleset();
    const program = buildProgram(io, helpRuleset, (code) => {
      exitCode = code;
    });
    const topic = argv[0] === "help" ? argv[1] : undefined;
    if (topic !== undefined && !program.commands.some((c) => c.name() === topic)) throw new UsageError(unknownCommandProblem(topic, program, true));
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      error.lines.forEach(problem);
      return EXIT.usage;
    }
    if (error instanceof AnswersError) {
      issueLines(error.issues).forEach(problem);
      return EXIT.usage;
    }
    if (error instanceof Error && error.name === "OutputError") {
      problem(error.message);
      return EXIT.internal;
    }
    if (error instanceof CancelledError) {
      io.stderr.write("\nCancelled.\n");
      return EXIT.cancelled;
    }
    debug ||= io.env.NECK_TRIAGE_DEBUG === "1";
    const detail = error instanceof Error ? (debug ? (error.stack ?? error.message) : error.message) : String(error);
    io.stderr.write(`neck-triage: internal error: ${detail}\n`);
    if (!debug) io.stderr.write("Run again with --debug to see where it happened, and please report it.\n");
    return EXIT.internal;
  }
}

/** The value of --ruleset in the arguments, before any command name, if given. */
function rulesetArgument(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === "--ruleset") found = argv[i + 1];
    else if (arg.startsWith("--ruleset=")) found = arg.slice("--ruleset=".length);
  });
  return found;
}

function buildProgram(io: CliIo, ruleset: Ruleset, setExitCode: (code: number) => void): Command {
  const program = new Command("neck-triage")
    .description(
      "Neck pain: should a professional see it, and how soon? Asks about warning signs (or reads your answers as JSON) and says: see a professional (emergency, urgent, soon) or self-care likely fine, with the reasons and their sources. Not a diagnosis.",
    )
    .version(VERSION, "-V, --version", "print the version")
    .helpOption("-h, --help", "show this help")
    .option("--answers <file>", "evaluate the answers in FILE (JSON; - reads stdin) instead of asking")
    .option("--ruleset <name|file>", RULESET_HELP)
    .addOption(new Option("--format <format>", "how to print the result").choices(FORMATS))
    .option("--json", "same as --format json")
    .option("--report <file>", "also write a dated report for a clinician to FILE: Markdown, or one HTML page when FILE ends in .html")
    .option("--sources", "in the text result, list each reason's sources with their web addresses")
    .option("--emergency-number <number>", "the number emergency advice names (or env NECK_TRIAGE_EMERGENCY_NUMBER)")
    .option("--exit-code", "exit 3 when the verdict is see-a-professional")
    .option("--no-color", "no colour (also NO_COLOR=1)")
    .option("--accessible", "plain numbered questions for screen readers: type a number and Enter (also ACCESSIBLE=1, NECK_TRIAGE_ACCESSIBLE=1; on by itself with TERM=dumb)")
    .option("--no-accessible", "the usual arrow-key menus, even with ACCESSIBLE=1 or TERM=dumb")
    .option("--debug", "show a stack trace on internal errors")
    .helpCommand("help [command]", "show help for a command")
    .enablePositionalOptions()
    .exitOverride()
    .allowExcessArguments(true)
    .configureHelp(narrowHelp(() => terminalWidth(io.stdout)))
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      getOutHelpWidth: () => terminalWidth(io.stdout),
      getErrHelpWidth: () => terminalWidth(io.stderr),
      outputError: (text, write) => {
        const message = text.replace(/^error: /, "neck-triage: ").trimEnd();
        write(`${io.stderr.isTTY ? wrapIndented(message, terminalWidth(io.stderr), "", "  ") : message}\n`);
      },
    })
    .addHelpText("after", () => `\n${examplesHelp(terminalWidth(io.stdout))}\n\n${answersHelp(ruleset, terminalWidth(io.stdout))}`)
    .hook("preAction", (root, command) => applyRootOptions(root, command))
    .action(async (options: MainOptions) => {
      if (options.answers === "-") refuseTwoReadersOfStdin(options.ruleset, "--answers -");
      if (program.args.length > 0) throw new UsageError(unknownCommandProblem(program.args[0]!, program, false));
      setExitCode(await triageCommand(options, io, await activeRuleset(options.ruleset, io)));
    });

  program
    .command("rules")
    .description("list the active ruleset's rules, their urgency and sources")
    .option("--json", "print them as JSON")
    .option("--export", "print the whole ruleset as one JSON document that --ruleset FILE accepts")
    .option("--ruleset <name|file>", RULESET_HELP)
    .option("--no-color", "no colour")
    .exitOverride()
    .action(async (options: { json?: boolean; export?: boolean; ruleset?: string; color: boolean }) => {
      const ruleset = await activeRuleset(options.ruleset ?? program.opts<MainOptions>().ruleset, io);
      const { rulesAsJson, rulesAsText } = await import("./rules-command.js");
      if (options.export) io.stdout.write(`${JSON.stringify(ruleset.definition, null, 2)}\n`);
      else if (options.json) io.stdout.write(rulesAsJson(ruleset));
      else {
        const { makeStyle } = await import("./render/style.js");
        const parentColor = program.opts<MainOptions>().color;
        io.stdout.write(rulesAsText(ruleset, makeStyle(colorLevel(io, io.stdout, options.color && parentColor)), terminalWidth(io.stdout)));
      }
    });
  program
    .command("batch [file]")
    .description("triage NDJSON: one answers object per line in (FILE, or stdin), one JSON result per line out")
    .addOption(new Option("--format <format>", "one result per line as").choices(["json", "text"]).default("json"))
    .option("--exit-code", "exit 3 when any record's verdict is see-a-professional")
    .option("--emergency-number <number>", "the number emergency advice names")
    .option("--ruleset <name|file>", RULESET_HELP)
    .exitOverride()
    .addHelpText("after", () => wrapLongLines(BATCH_HELP, terminalWidth(io.stdout)))
    .action(async (file: string | undefined, options: { format: "json" | "text"; exitCode?: boolean; emergencyNumber?: string; ruleset?: string }) => {
      const evaluateOptions = emergencyNumberOption({ color: true, emergencyNumber: options.emergencyNumber }, io);
      const rulesetOption = options.ruleset ?? program.opts<MainOptions>().ruleset;
      if (file === undefined || file === "-") refuseTwoReadersOfStdin(rulesetOption, "batch");
      const ruleset = await activeRuleset(rulesetOption, io);
      const { runBatch } = await import("./batch/command.js");
      setExitCode(await runBatch(ruleset, io, file, { format: options.format, exitCode: options.exitCode === true, evaluate: evaluateOptions }));
    });
  program
    .command("questionnaire")
    .description("print the questions as a FHIR R4 Questionnaire (answers can come back as a QuestionnaireResponse)")
    .option("--ruleset <name|file>", RULESET_HELP)
    .exitOverride()
    .action(async (options: { ruleset?: string }) => {
      const ruleset = await activeRuleset(options.ruleset ?? program.opts<MainOptions>().ruleset, io);
      const { toQuestionnaire } = await import("../fhir/questionnaire.js");
      io.stdout.write(`${JSON.stringify(toQuestionnaire(ruleset), null, 2)}\n`);
    });
  program
    .command("web")
    .description("print the interview as one web page that works offline (HTML: send it to a file)")
    .option("--ruleset <name|file>", RULESET_HELP)
    .option("--emergency-number <number>", "the number emergency advice names")
    .option("--csp", "print only the Content-Security-Policy the page needs, for a server's header")
    .exitOverride()
    .addHelpText(
      "after",
      `
The page holds its script, style and ruleset: it loads nothing, stores nothing and sends nothing.

Examples:
  $ neck-triage web > neck-triage.html
  $ neck-triage web --ruleset extended --emergency-number 112 > neck-triage.html
  $ neck-triage web --csp`,
    )
    .action(async (options: { ruleset?: string; emergencyNumber?: string; csp?: boolean }) => {
      const evaluateOptions = emergencyNumberOption({ color: true, emergencyNumber: options.emergencyNumber }, io);
      const ruleset = await activeRuleset(options.ruleset ?? program.opts<MainOptions>().ruleset, io);
      const { webPage, webPolicy } = await import("./web-command.js");
      if (options.csp) {
        io.stdout.write(`${await webPolicy()}\n`);
        return;
      }
      if (io.stdout.isTTY) throw new UsageError("neck-triage web: the page is HTML; send it to a file: neck-triage web > neck-triage.html");
      io.stdout.write(await webPage(ruleset, evaluateOptions));
    });
  program
    .command("schema")
    .argument("<which>", `what to describe: ${SCHEMA_HELP}`)
    .description("print the JSON Schema (2020-12) of the answers, the result, a batch error record or a ruleset document")
    .option("--ruleset <name|file>", RULESET_HELP)
    .exitOverride()
    .action(async (which: string, options: { ruleset?: string }) => {
      const { jsonSchemaFor, SCHEMA_KINDS } = await import("./json-schemas.js");
      const kind = SCHEMA_KINDS.find((known) => known === which);
      if (kind === undefined) throw new UsageError(`schema: expected ${SCHEMA_KINDS.map((k) => JSON.stringify(k)).join(", ")}, got ${JSON.stringify(which)}`);
      const ruleset = await activeRuleset(options.ruleset ?? program.opts<MainOptions>().ruleset, io);
      io.stdout.write(`${JSON.stringify(jsonSchemaFor(kind, ruleset), null, 2)}\n`);
    });
  return program;
}

const SCHEMA_HELP = '"answers" (the input), "result" (the output), "error" (a batch error record) or "ruleset" (a ruleset document)';
const RULESET_HELP = 'the ruleset: a built-in one by name ("default", "extended") or a ruleset JSON file (- reads stdin)';

function refuseTwoReadersOfStdin(rulesetOption: string | undefined, otherReader: string): void {
  if (rulesetOption === "-") throw new UsageError(`--ruleset -: ${otherReader} reads stdin too; give the ruleset as a file (e.g. --ruleset <(command))`);
}

const BATCH_HELP = `
A bad line gives an error record on its own line ({"line": N, "id": ..., "error": {...}}) and the rest goes on. Exit: 2 if any line failed (with a summary on stderr), else 3 with --exit-code if any referral, else 0.

Examples:
  $ neck-triage batch records.ndjson > results.ndjson
  $ cat records.ndjson | neck-triage batch --format text
  $ neck-triage batch records.ndjson | jq -c 'select(.urgency == "emergency") | .id'`;

async function triageCommand(options: MainOptions, io: CliIo, ruleset: Ruleset): Promise<number> {
  if (!options.color) io.env.NO_COLOR = "1";
  const format = chooseFormat(options);
  const undated = emergencyNumberOption(options, io);
  // Check-back points worded as dates for a person to read (the report too); JSON stays the same whenever it is made.
  const dated: EvaluateOptions = { ...undated, today: localDate(io.now()) };
  const evaluateOptions = format === "json" ? undated : dated;
  let result: TriageResult;
  let report: Omit<ReportInput, "now" | "toolVersion">;
  if (options.answers !== undefined) {
    const document = await readJsonInput(io, options.answers, "answers");
    const answers = await validAnswers(ruleset, document);
    result = evaluateValidAnswers(ruleset, answers, evaluateOptions);
    report = { result, ruleset, answers, from: options.answers === "-" ? "answers read from stdin" : options.answers };
  } else {
    const accessible = accessibleMode(options.accessible, io.env);
    // Accessible prompts read typed lines, which a pipe can carry too; arrow-key menus need a terminal.
    if (!io.stdin.isTTY && !accessible) {
      throw new UsageError(
        "neck-triage: no terminal to ask the questions on; give the answers with --answers FILE (or --answers - to read JSON from stdin)",
      );
    }
    const { interview } = await import("./interview/start.js");
    const outcome = await interview(ruleset, io, evaluateOptions, { colorWanted: options.color, accessible });
    result = outcome.result;
    report = { ...outcome, ruleset, from: "the interview" };
    if (accessible) options.color = false;
  }
  if (options.report !== undefined) {
    const { writeReport } = await import("./report/write.js");
    const reportResult = evaluateOptions === dated || result.unanswered !== undefined ? result : evaluateValidAnswers(ruleset, report.answers, dated);
    await writeReport(io, options.report, { ...report, result: reportResult, now: io.now(), toolVersion: VERSION, ...undated });
    // Before the result, so that the result's last lines (what to do now) stay last on screen.
    io.stderr.write(`The report is saved in ${oneLine(options.report)}.\n`);
  }
  io.stdout.write(await formatResult(result, ruleset, format, io, { colorWanted: options.color, sources: options.sources === true, ...undated }));
  return options.exitCode && result.verdict === "see-a-professional" ? EXIT.referral : EXIT.ok;
}

function chooseFormat(options: MainOptions): Format {
  if (options.json && options.format !== undefined && options.format !== "json") {
    throw new UsageError(`neck-triage: --json and --format ${options.format} disagree; use one of them`);
  }
  return options.json ? "json" : (options.format ?? "text");
}

function emergencyNumberOption(options: MainOptions, io: CliIo): EvaluateOptions {
  const fromEnv = io.env.NECK_TRIAGE_EMERGENCY_NUMBER;
  const number = options.emergencyNumber ?? (fromEnv === "" ? undefined : fromEnv);
  if (number === undefined) return {};
  const where = options.emergencyNumber !== undefined ? "--emergency-number" : "NECK_TRIAGE_EMERGENCY_NUMBER";
  const problem = emergencyNumberProblem(number);
  if (problem !== undefined) throw new UsageError(`${where}: ${problem}`);
  return { emergencyNumber: checkEmergencyNumber(number) };
}
