import { listedIssues } from "../issues.js";
import { message, moreProblemsLine } from "../messages/index.js";
import { RulesetError } from "../ruleset/errors.js";
import { BUILTIN_RULESET_DOCUMENTS, getBuiltinRuleset } from "../ruleset/builtin.js";
import type { Ruleset } from "../ruleset/load.js";
import { UsageError, type CliIo } from "./io.js";
import { readJsonInput } from "./read-answers.js";

/**
 * The ruleset `--ruleset NAME|FILE` names: a built-in one by name, else a JSON file ("-": stdin),
 * validated in full before use (every problem with its JSON path, exit 2). Nothing in it is ever executed.
 */
export async function activeRuleset(option: string | undefined, io: CliIo): Promise<Ruleset> {
  const builtin = getBuiltinRuleset(option ?? "default");
  if (builtin) return builtin;
  const file = option as string;
  if (file !== "-" && !/[./\\]/.test(file)) {
    throw new UsageError(
      message("cli.unknown-ruleset", { name: file, builtin: Object.keys(BUILTIN_RULESET_DOCUMENTS) }),
    );
  }
  const document = await readJsonInput(io, file, "ruleset");
  const { loadRuleset } = await import("../ruleset/load.js");
  try {
    return loadRuleset(document);
  } catch (error) {
    if (error instanceof RulesetError) {
      const { listed, more } = listedIssues(error.issues);
      const lines = listed.map((issue) => `${file === "-" ? "stdin" : file}: ${issue.path}: ${issue.message}`);
      throw new UsageError(more > 0 ? [...lines, moreProblemsLine(more)] : lines);
    }
    throw error;
  }
}
