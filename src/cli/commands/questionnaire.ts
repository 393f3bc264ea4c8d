import { rulesetOption } from "../options.js";
import { commandRuleset, type CommandDefinition } from "./context.js";

/** `neck-triage questionnaire`: the active ruleset's questions as a FHIR R4 Questionnaire. */
export const questionnaireCommand: CommandDefinition = (program, { io }) =>
  program
    .command("questionnaire")
    .description("print the questions as a FHIR R4 Questionnaire (answers can come back as a QuestionnaireResponse)")
    .addOption(rulesetOption())
    .exitOverride()
    .action(async (options: { ruleset?: string }) => {
      const ruleset = await commandRuleset(program, options.ruleset, io);
      const { toQuestionnaire } = await import("../../fhir/questionnaire.js");
      io.stdout.write(`${JSON.stringify(toQuestionnaire(ruleset), null, 2)}\n`);
    });
