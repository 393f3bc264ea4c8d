import { AnswersError } from "../../answers/errors.js";
import { evaluate } from "../../engine/evaluate.js";
import { evaluateValidAnswers } from "../../engine/evaluate-valid.js";
import { isFhirInput } from "../../fhir/resource-type.js";
import { fromQuestionnaireResponse, questionnaireResponseRecordId } from "../../fhir/response.js";
import type { EvaluateOptions, TriageResult } from "../../engine/result.js";
import { listedIssues, type Issue } from "../../issues.js";
import { issue, message } from "../../messages/index.js";
import type { Ruleset } from "../../ruleset/load.js";
import { isRecordId } from "../../answers/describe.js";
import { duplicateKeys } from "../duplicate-keys.js";
import { looksLikeUtf16 } from "../utf16.js";

/** A line that could not be evaluated, as the contract's error record. */
export interface ErrorRecord {
  line: number;
  id?: string | number;
  error: { message: string; issues: RecordIssue[] };
}

/** An issue as an error record lists it: its path, its code and its message (params are the library's). */
export interface RecordIssue {
  path: string;
  code: string;
  message: string;
}

/** `more`: how many problems the record does not list (it lists the first ISSUE_LIMITS.listed). */
export type LineOutcome = { ok: true; result: TriageResult } | { ok: false; record: ErrorRecord; more: number };

export const MAX_LINE_BYTES = 1024 * 1024;

/** One NDJSON line: parse, check, evaluate. Never throws for bad input; the record says what is wrong. */
export function triageLine(
  ruleset: Ruleset,
  lineNumber: number,
  text: string | undefined,
  options: EvaluateOptions,
): LineOutcome {
  if (text === undefined) {
    return failure(lineNumber, undefined, message("batch.line-too-long", {}), [issue("(root)", "line.too-long", {})]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    if (text.trim() === "") return lineFailure(lineNumber, issue("(root)", "line.blank", {}));
    if (looksLikeUtf16(text)) return lineFailure(lineNumber, issue("(root)", "line.utf16", {}));
    const reason = (error as Error).message.replace(/\s*[\r\n]+\s*/g, " ");
    return lineFailure(lineNumber, issue("(root)", "line.not-json", { reason }));
  }
  const fhir = isFhirInput(ruleset, parsed);
  const id = fhir ? questionnaireResponseRecordId(parsed) : readableId(parsed);
  const duplicates = duplicateKeys(text, parsed);
  if (duplicates.length > 0) {
    return failure(
      lineNumber,
      id,
      message("batch.duplicate-field", {}),
      duplicates.map((path) => issue(path, "input.duplicate-key", {})),
    );
  }
  try {
    if (fhir)
      return { ok: true, result: evaluateValidAnswers(ruleset, fromQuestionnaireResponse(ruleset, parsed), options) };
    return { ok: true, result: evaluate(ruleset, parsed, options) };
  } catch (error) {
    if (!(error instanceof AnswersError)) throw error;
    return failure(lineNumber, id, message("batch.invalid-answers", { count: error.issues.length }), error.issues);
  }
}

/** The error record, listing the first problems; its message says how many were not listed. */
/** A problem with the line as a whole: said once as the record's message, once as its one issue. */
function lineFailure(line: number, problem: Issue): LineOutcome {
  return failure(line, undefined, problem.message, [problem]);
}

function failure(line: number, id: string | number | undefined, said: string, issues: readonly Issue[]): LineOutcome {
  const { listed, more } = listedIssues(issues);
  const recorded = listed.map(({ path, message: words }, i): RecordIssue => ({
    path,
    code: issues[i]!.code,
    message: words,
  }));
  const error = {
    message: more > 0 ? message("batch.first-listed", { message: said, listed: listed.length }) : said,
    issues: recorded,
  };
  const record: ErrorRecord = id === undefined ? { line, error } : { line, id, error };
  return { ok: false, record, more };
}

/** The record's id when it is one the contract allows, so that an error can still be matched. */
function readableId(parsed: unknown): string | number | undefined {
  if (parsed === null || typeof parsed !== "object" || !Object.hasOwn(parsed, "id")) return undefined;
  const id = (parsed as { id: unknown }).id;
  return isRecordId(id) ? id : undefined;
}
