import { AnswersError } from "../../answers/errors.js";
import { evaluate } from "../../engine/evaluate.js";
import { evaluateValidAnswers } from "../../engine/evaluate-valid.js";
import { isFhirInput } from "../../fhir/resource-type.js";
import { fromQuestionnaireResponse, questionnaireResponseRecordId } from "../../fhir/response.js";
import type { EvaluateOptions, TriageResult } from "../../engine/result.js";
import { listedIssues, type Issue } from "../../issues.js";
import type { Ruleset } from "../../ruleset/load.js";
import { isRecordId } from "../../answers/describe.js";
import { duplicateKeys } from "../duplicate-keys.js";
import { looksLikeUtf16 } from "../utf16.js";

/** A line that could not be evaluated, as the contract's error record. */
export interface ErrorRecord {
  line: number;
  id?: string | number;
  error: { message: string; issues: Issue[] };
}

/** `more`: how many problems the record does not list (it lists the first ISSUE_LIMITS.listed). */
export type LineOutcome = { ok: true; result: TriageResult } | { ok: false; record: ErrorRecord; more: number };

export const MAX_LINE_BYTES = 1024 * 1024;

const BLANK_LINE = "blank line; each line must hold one JSON object of answers (remove empty lines; one newline at the end is fine)";

/** One NDJSON line: parse, check, evaluate. Never throws for bad input; the record says what is wrong. */
export function triageLine(ruleset: Ruleset, lineNumber: number, text: string | undefined, options: EvaluateOptions): LineOutcome {
  if (text === undefined) {
    return failure(lineNumber, undefined, "line longer than 1 MiB; not read", [{ path: "(root)", message: "longer than 1 MiB" }]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    if (text.trim() === "") return lineFailure(lineNumber, BLANK_LINE);
    if (looksLikeUtf16(text)) return lineFailure(lineNumber, "not valid JSON: looks like UTF-16; save the file as UTF-8");
    const reason = (error as Error).message.replace(/\s*[\r\n]+\s*/g, " ");
    return lineFailure(lineNumber, `not valid JSON: ${reason}`);
  }
  const fhir = isFhirInput(ruleset, parsed);
  const id = fhir ? questionnaireResponseRecordId(parsed) : readableId(parsed);
  const duplicates = duplicateKeys(text, parsed);
  if (duplicates.length > 0) {
    return failure(
      lineNumber,
      id,
      "a field is given more than once",
      duplicates.map((path) => ({ path, message: "given more than once; give each field once" })),
    );
  }
  try {
    if (fhir) return { ok: true, result: evaluateValidAnswers(ruleset, fromQuestionnaireResponse(ruleset, parsed), options) };
    return { ok: true, result: evaluate(ruleset, parsed, options) };
  } catch (error) {
    if (!(error instanceof AnswersError)) throw error;
    const count = error.issues.length;
    return failure(lineNumber, id, `invalid answers: ${count.toLocaleString("en")} ${count === 1 ? "problem" : "problems"}`, error.issues);
  }
}

/** The error record, listing the first problems; its message says how many were not listed. */
/** A problem with the line as a whole: said once as the record's message, once as its one issue. */
function lineFailure(line: number, message: string): LineOutcome {
  return failure(line, undefined, message, [{ path: "(root)", message }]);
}

function failure(line: number, id: string | number | undefined, message: string, issues: readonly Issue[]): LineOutcome {
  const { listed, more } = listedIssues(issues);
  const error = { message: more > 0 ? `${message}; the first ${listed.length} are listed` : message, issues: listed };
  const record: ErrorRecord = id === undefined ? { line, error } : { line, id, error };
  return { ok: false, record, more };
}

/** The record's id when it is one the contract allows, so that an error can still be matched. */
function readableId(parsed: unknown): string | number | undefined {
  if (parsed === null || typeof parsed !== "object" || !Object.hasOwn(parsed, "id")) return undefined;
  const id = (parsed as { id: unknown }).id;
  return isRecordId(id) ? id : undefined;
}
