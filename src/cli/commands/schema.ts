import { UsageError } from "../io.js";
import { rulesetOption } from "../options.js";
import { commandRuleset, type CommandDefinition } from "./context.js";
import { message } from "../../messages/index.js";

const SCHEMA_HELP =
  '"answers" (the input), "result" (the output), "error" (a batch error record) or "ruleset" (a ruleset document)';

/** `neck-triage schema WHICH`: a JSON Schema made from the zod schema that checks the same thing. */
export const schemaCommand: CommandDefinition = (program, { io }) =>
  program
    .command("schema")
    .argument("<which>", `what to describe: ${SCHEMA_HELP}`)
    .description(
      "print the JSON Schema (2020-12) of the answers, the result, a batch error record or a ruleset document",
    )
    .addOption(rulesetOption())
    .exitOverride()
    .action(async (which: string, options: { ruleset?: string }) => {
      const { jsonSchemaFor, SCHEMA_KINDS } = await import("../json-schemas.js");
      const kind = SCHEMA_KINDS.find((known) => known === which);
      if (kind === undefined) throw new UsageError(message("cli.unknown-schema", { kinds: SCHEMA_KINDS, which }));
      const ruleset = await commandRuleset(program, options.ruleset, io);
      io.stdout.write(`${JSON.stringify(jsonSchemaFor(kind, ruleset), null, 2)}\n`);
    });
