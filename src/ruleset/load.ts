import { formatPath, type Issue } from "../issues.js";
import { describeZodIssue } from "../zod-issues.js";
import { compileValidatedRuleset, type Ruleset } from "./compile.js";
import { MAX_RULESET_DEPTH, pathNestedDeeperThan } from "./depth.js";
import { RulesetError } from "./errors.js";
import { checkReferences } from "./references.js";
import { RulesetDefinitionSchema, type RulesetDefinition } from "./schema.js";

export { urgencyRank, type CompiledPart, type CompiledRule, type Ruleset } from "./compile.js";

/**
 * Validates a parsed ruleset document and compiles it for evaluation.
 * Throws `RulesetError` listing every problem, each with its path.
 */
export function loadRuleset(document: unknown): Ruleset {
  const tooDeep = pathNestedDeeperThan(document, MAX_RULESET_DEPTH);
  if (tooDeep) {
    throw new RulesetError([{ path: formatPath(tooDeep), message: `nested more than ${MAX_RULESET_DEPTH} levels deep (or in a loop); a ruleset needs far fewer` }]);
  }
  // jitless: one parse per load, so compiling a parser would cost more than it saves.
  const parsed = RulesetDefinitionSchema.safeParse(document, { jitless: true });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue): Issue => ({ path: formatPath(issue.path), message: describeZodIssue(issue, document) }));
    throw new RulesetError([...issues, ...referenceIssuesOfInvalidDocument(document, issues)]);
  }
  const definition = parsed.data;
  const problems = checkReferences(definition);
  if (problems.length > 0) throw new RulesetError(problems);
  return compileValidatedRuleset(definition);
}


/**
 * So that one run reports every problem: the reference checks on a document the schema refused,
 * as far as its shape allows. They expect a valid shape, so where it is broken they may stop (that
 * part is then reported by the schema alone); a problem at a path the schema already reported is not repeated.
 */
function referenceIssuesOfInvalidDocument(document: unknown, schemaIssues: readonly Issue[]): Issue[] {
  try {
    const reported = new Set(schemaIssues.map((issue) => issue.path));
    return checkReferences(document as RulesetDefinition).filter((issue) => !reported.has(issue.path));
  } catch {
    return [];
  }
}
