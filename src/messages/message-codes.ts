import type { Received } from "./codes.js";

/** What a JSON input holds, as messages name it: "the answers are …", "the ruleset is …". */
export type InputKind = "answers" | "ruleset";

/** Why a file could not be read: the system's error code, and its own message for a code not named here. */
export type ReadFailure = { errorCode?: string; systemMessage: string };

/**
 * Every message a user sees that is not an issue (codes.ts has those), by code, with the data its
 * words are made from (English in `en/cli.ts`): the command line's (src/cli) and the library's own
 * errors for a wrong argument (src/engine, src/ruleset), which are thrown, not listed as issues.
 */
export interface MessageParams {
  "cli.reading-from-terminal": { what: InputKind };
  "cli.reading-ndjson-from-terminal": Record<string, never>;
  "cli.cannot-read": { name: string; what: InputKind } & ReadFailure;
  "cli.too-large": { name: string; what: InputKind };
  "cli.utf16": { name: string; what: InputKind };
  "cli.empty": { name: string; what: InputKind };
  "cli.not-json": { name: string; what: InputKind; reason: string };
  "cli.unknown-ruleset": { name: string; builtin: string[] };
  "cli.not-an-option-of": { option: string; command: string };
  "cli.option-choices": { option: string; command: string; choices: readonly string[]; value: unknown };
  "cli.unexpected-argument": { typed: string };
  "cli.unknown-command": { typed: string; helpTopic: boolean; guess?: string; commands: string[] };
  "cli.web-to-terminal": Record<string, never>;
  "cli.unknown-schema": { kinds: readonly string[]; which: string };
  "cli.stdin-twice": { reader: string };
  "cli.no-terminal": Record<string, never>;
  "cli.format-conflict": { format: string };
  "cli.option-value": { where: string; problem: string };
  "cli.cancelled": Record<string, never>;
  "cli.internal-error": { detail: string };
  "cli.debug-hint": Record<string, never>;
  "cli.report-saved": { path: string };
  "cli.cannot-write-report": { path: string; errorCode?: string; detail: string };
  "cli.cannot-write-output": { reason: string };
  "cli.web-script-missing": { path: string };
  "batch.line-too-long": Record<string, never>;
  "batch.duplicate-field": Record<string, never>;
  "batch.invalid-answers": { count: number };
  "batch.first-listed": { message: string; listed: number };
  "batch.summary": { records: number; failedLines: readonly number[] };
  "batch.progress": { records: number; perSecond: number };
  "interview.type-a-number": { count: number };
  "interview.number-not-a-choice": { typed: string; count: number };
  "interview.text-not-a-choice": { typed: string; count: number };
  "interview.ambiguous-choice": { typed: string; numbers: number[] };
  "interview.not-a-whole-number": { typed: string; min: number; max: number };
  "api.emergency-number": { value: string } | { received: Received; type: string };
  "api.emergency-number-option": { problem: string };
  "api.options-not-object": { received: Received };
  "api.unknown-option": { option: string; options: readonly string[] };
  "api.today-not-text": { type: string };
  "api.today-not-date": { value: string };
  "api.not-a-ruleset": { caller: string; document: boolean; received: Received };
  "api.read-only-lookup": { method: string };
}

export type MessageCode = keyof MessageParams;
