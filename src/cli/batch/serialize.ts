import type { TriageResult } from "../../engine/result.js";
import type { Ruleset } from "../../ruleset/load.js";

const MAX_CACHED_TEXTS = 256;

/**
 * `JSON.stringify(result)` for batch output, byte for byte, but built from JSON pieces prepared once
 * per ruleset: most of a result (summaries, sources, advice, disclaimer) is the same text every time.
 * Anything it does not recognise falls back to JSON.stringify; a test checks the two agree.
 */
export function compileResultSerializer(ruleset: Ruleset): (result: TriageResult) => string {
  const json = JSON.stringify;
  const pieces = new Map(
    ruleset.rules.map((rule) => [
      rule.id,
      {
        summary: rule.definition.summary,
        sourceCount: rule.sources.length,
        head: `{"ruleId":${json(rule.id)},"summary":${json(rule.definition.summary)},"urgency":"`,
        tail: `,"sources":${json(rule.sources)}}`,
      },
    ]),
  );
  const rulesetJson = json({ id: ruleset.id, version: ruleset.version, digest: ruleset.digest });
  // Keyed by the text itself: the engine hands out the same few advice strings, whose hashes V8 keeps.
  const adviceJson = new Map<string, string>();
  let watchFor: readonly string[] = [];
  let watchForJson = "[]";
  let disclaimer = "";
  let disclaimerJson = '""';
  const sameLines = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((line, i) => line === b[i]);
  return (result) => {
    const about = result.ruleset;
    if (
      result.unanswered !== undefined ||
      about.id !== ruleset.id ||
      about.version !== ruleset.version ||
      about.digest !== ruleset.digest
    ) {
      return json(result);
    }
    let out = result.id === undefined ? "{" : `{"id":${json(result.id)},`;
    out += `"verdict":"${result.verdict}","urgency":"${result.urgency}","reasons":[`;
    for (let i = 0; i < result.reasons.length; i++) {
      const reason = result.reasons[i]!;
      const piece = pieces.get(reason.ruleId);
      if (i > 0) out += ",";
      if (piece === undefined || piece.summary !== reason.summary || piece.sourceCount !== reason.sources.length) {
        out += json(reason);
      } else {
        out += `${piece.head}${reason.urgency}","certainty":"${reason.certainty}","answers":${json(reason.answers)}${piece.tail}`;
      }
    }
    let advice = adviceJson.get(result.advice);
    if (advice === undefined) {
      if (adviceJson.size >= MAX_CACHED_TEXTS) adviceJson.clear();
      adviceJson.set(result.advice, (advice = json(result.advice)));
    }
    if (!sameLines(watchFor, result.watchFor)) {
      watchFor = result.watchFor.slice();
      watchForJson = json(watchFor);
    }
    if (disclaimer !== result.disclaimer) {
      disclaimer = result.disclaimer;
      disclaimerJson = json(disclaimer);
    }
    out += `],"advice":${advice},"watchFor":${watchForJson},"disclaimer":${disclaimerJson},"ruleset":${rulesetJson}}`;
    return out;
  };
}
