import defaultDocument from "../../rules/default.json" with { type: "json" };
import type { Issue } from "../issues.js";
import { issue } from "../messages/index.js";
import type { RulesetDefinition, RulesetExtension } from "./schema.js";

const BASES: Readonly<Record<RulesetExtension["extends"], unknown>> = { default: defaultDocument };

/** Whether a document builds on another ruleset (it has `"extends"`), rather than being whole. */
export function isExtension(document: unknown): document is { extends: unknown } {
  return (
    document !== null && typeof document === "object" && !Array.isArray(document) && Object.hasOwn(document, "extends")
  );
}

/**
 * The whole ruleset an extension describes: its base with the extension's texts, sources,
 * questions, rules and watch-for lines added. Pure; the result is a fresh object (the base is
 * copied), to be validated as any ruleset. An `after` that names nothing in the base is an issue.
 */
export function resolveExtension(extension: RulesetExtension): { definition: RulesetDefinition; issues: Issue[] } {
  const definition = structuredClone(BASES[extension.extends]) as RulesetDefinition;
  const issues: Issue[] = [];
  const { addSources = {}, addQuestions = [], addRules = [], addWatchFor = [] } = extension;
  definition.id = extension.id;
  definition.version = extension.version;
  for (const key of ["title", "description", "intro", "disclaimer"] as const) {
    const text = extension[key];
    if (text !== undefined) definition[key] = text;
  }
  for (const [key, source] of Object.entries(addSources)) {
    if (Object.hasOwn(definition.sources, key))
      issues.push(issue(`addSources.${key}`, "ruleset.source-exists", { source: key, base: extension.extends }));
    else definition.sources[key] = source;
  }
  addQuestions.forEach(({ after, question }, i) =>
    insertAfter(definition.questions, question, after, (q) => q.id, `addQuestions.${i}.after`, issues),
  );
  addRules.forEach(({ after, rule }, i) =>
    insertAfter(definition.rules, rule, after, (r) => r.id, `addRules.${i}.after`, issues),
  );
  definition.advice.selfCare.watchFor.push(...addWatchFor);
  return { definition, issues };
}

function insertAfter<T>(
  list: T[],
  entry: T,
  after: string | undefined,
  idOf: (entry: T) => string,
  path: string,
  issues: Issue[],
): void {
  if (after === undefined) {
    list.push(entry);
    return;
  }
  const index = list.findIndex((existing) => idOf(existing) === after);
  if (index === -1) issues.push(issue(path, "ruleset.after-unknown", { after, known: list.map(idOf) }));
  else list.splice(index + 1, 0, entry);
}
