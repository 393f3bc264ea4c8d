import { moreProblemsLine } from "../../messages/index.js";
import { oneLine } from "../../terminal-safe.js";
import type { LineOutcome } from "./records.js";

/** One readable line per record, for `batch --format text`. */
export function textLine(lineNumber: number, outcome: LineOutcome): string {
  if (!outcome.ok) {
    const { id, error } = outcome.record;
    // A problem with the whole line (blank, not JSON) is said without its "(root)" path.
    const listed = error.issues.map((issue) =>
      issue.path === "(root)" ? issue.message : `${issue.path}: ${issue.message}`,
    );
    const issues = (outcome.more > 0 ? [...listed, moreProblemsLine(outcome.more)] : listed).join("; ");
    return oneLine(`line ${lineNumber}${id === undefined ? "" : ` ${JSON.stringify(id)}`}: error: ${issues}`);
  }
  const { result } = outcome;
  const label = result.id === undefined ? "" : ` ${JSON.stringify(result.id)}`;
  const reasons = result.reasons
    .map((reason) => `${reason.ruleId}${reason.certainty === "possible" ? " (possible)" : ""}`)
    .join(", ");
  // JSON.stringify leaves C1 controls (U+0080–U+009F, e.g. the one-byte CSI) in an id raw: escape them too.
  return oneLine(
    `line ${lineNumber}${label}: ${result.verdict} (${result.urgency})${reasons === "" ? "" : `: ${reasons}`}`,
  );
}
