import { formatPath, type Issue } from "../issues.js";
import { issue } from "../messages/index.js";
import { issuesFromZod } from "./schema-issues.js";
import { getBuiltinRuleset } from "./builtin.js";
import { compileValidatedRuleset, type Ruleset } from "./compile.js";
import { loneSurrogatePath } from "./digest.js";
import { MAX_RULESET_DEPTH, pathNestedDeeperThan } from "./depth.js";
import { RulesetError } from "./errors.js";
import { checkReferences } from "./references.js";
import { isExtension, resolveExtension } from "./extend.js";
import { RulesetDefinitionSchema, RulesetExtensionSchema, type RulesetDefinition } from "./schema.js";
import { MAX_RULESET_VALUES, valueCount } from "./size.js";

export type { CompiledPart, CompiledRule, Ruleset } from "./compile.js";

/**
 * Validates a parsed ruleset document and compiles it for evaluation.
 * Throws `RulesetError` listing every problem, each with its path. A built-in ruleset's id
 * ("default", "extended") is taken only by that ruleset's own content (the same digest).
 */
export function loadRuleset(document: unknown): Ruleset {
  const tooDeep = pathNestedDeeperThan(document, MAX_RULESET_DEPTH);
  if (tooDeep) {
    throw new RulesetError([issue(formatPath(tooDeep), "ruleset.too-deep", { maxDepth: MAX_RULESET_DEPTH })]);
  }
  if (valueCount(document, MAX_RULESET_VALUES) > MAX_RULESET_VALUES) {
    throw new RulesetError([issue("(root)", "ruleset.too-many-values", { maxValues: MAX_RULESET_VALUES })]);
  }
  if (isExtension(document)) return loadRuleset(resolvedExtension(document));
  // jitless: one parse per load, so compiling a parser would cost more than it saves.
  const parsed = RulesetDefinitionSchema.safeParse(document, { jitless: true });
  if (!parsed.success) {
    const issues = parsed.error.issues.flatMap((zodIssue) => issuesFromZod(zodIssue, document));
    throw new RulesetError([...issues, ...referenceIssuesOfInvalidDocument(document, issues)]);
  }
  const definition = parsed.data;
  const problems = checkReferences(definition);
  const unpaired = loneSurrogatePath(definition);
  if (unpaired) problems.push(issue(formatPath(unpaired), "ruleset.lone-surrogate", {}));
  if (problems.length > 0) throw new RulesetError(problems);
  const ruleset = compileValidatedRuleset(definition);
  const builtin = getBuiltinRuleset(ruleset.id);
  if (builtin !== undefined && builtin.digest !== ruleset.digest) {
    // Else an edited copy of a built-in ruleset would pass itself off as the original in every result.
    throw new RulesetError([issue("id", "ruleset.builtin-id", { id: ruleset.id })]);
  }
  return ruleset;
}

/**
 * The whole ruleset an extension document describes, once the extension itself is valid (its
 * problems are reported with paths in the extension). The result is then validated as any ruleset.
 */
function resolvedExtension(document: unknown): unknown {
  const parsed = RulesetExtensionSchema.safeParse(document, { jitless: true });
  if (!parsed.success) {
    throw new RulesetError(parsed.error.issues.flatMap((zodIssue) => issuesFromZod(zodIssue, document)));
  }
  const { definition, issues } = resolveExtension(parsed.data);
  if (issues.length > 0) throw new RulesetError(issues);
  return definition;
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
