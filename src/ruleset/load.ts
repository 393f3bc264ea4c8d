import { formatPath, type Issue } from "../issues.js";
import { describeZodIssue } from "../zod-issues.js";
import { compileValidatedRuleset, type Ruleset } from "./compile.js";
import { RulesetError } from "./errors.js";
import { checkReferences } from "./references.js";
import { RulesetDefinitionSchema } from "./schema.js";

export { urgencyRank, type CompiledPart, type CompiledRule, type Ruleset } from "./compile.js";

/**
 * Validates a parsed ruleset document and compiles it for evaluation.
 * Throws `RulesetError` listing every problem, each with its path.
 */
export function loadRuleset(document: unknown): Ruleset {
  // jitless: one parse per load, so compiling a parser would cost more than it saves.
  const parsed = RulesetDefinitionSchema.safeParse(document, { jitless: true });
  if (!parsed.success) {
    throw new RulesetError(
      parsed.error.issues.map((issue): Issue => ({ path: formatPath(issue.path), message: describeZodIssue(issue, document) })),
    );
  }
  const definition = parsed.data;
  const problems = checkReferences(definition);
  if (problems.length > 0) throw new RulesetError(problems);
  return compileValidatedRuleset(definition);
}

