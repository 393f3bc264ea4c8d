import type { RulesetDefinition } from "../../src/ruleset/schema.js";

/**
 * Terminal control sequences: clear the screen, an OSC 8 hyperlink, the one-byte C1 CSI, DEL, a
 * carriage return (overwrites the line), a tab and NUL. None may reach a terminal raw.
 */
export const HOSTILE_CONTROLS =
  "\u001b[2J\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007\u009b31m\u007f\r\t\u0000";

/** Control characters that can drive a terminal: C0 but the line feed, DEL and C1. */
export const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

/** The colour and style sequences chalk writes (ESC [ … m): the only escapes output may hold. */
export function withoutStyle(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, "");
}

/** Keys whose strings are names the engine reads (ids, answer values, kinds, urgencies): left as they are. */
const REFERENCED = new Set([
  "id",
  "value",
  "equals",
  "answer",
  "warningAnswer",
  "answerWhenNotAsked",
  "askItemsWhen",
  "checkBackQuestion",
  "version",
  "$schema",
  "type",
  "urgency",
  "floor",
  "about",
  "in",
]);

/**
 * A copy of a ruleset document with `suffix` added to every text a person reads (labels, prompts,
 * summaries, advice, sources' titles and URLs, …): what the loader must refuse, and what a renderer
 * handed such a ruleset must still never pass to a terminal raw.
 */
export function withSuffixOnEveryText(document: RulesetDefinition, suffix: string): RulesetDefinition {
  const walk = (node: unknown, key: string | undefined): unknown => {
    if (typeof node === "string") return key !== undefined && REFERENCED.has(key) ? node : `${node}${suffix}`;
    // A rule's sources are keys of the source table.
    if (Array.isArray(node)) return key === "sources" ? node : node.map((child) => walk(child, key));
    if (node !== null && typeof node === "object")
      return Object.fromEntries(Object.entries(node).map(([k, child]) => [k, walk(child, k)]));
    return node;
  };
  return walk(document, undefined) as RulesetDefinition;
}
