import { fill } from "./placeholders.js";
import { frozenCopy } from "./freeze.js";
import type { QuestionDefinition, RulesetDefinition } from "./schema.js";

/** A sign to watch for, and the answers that mean the person has already reported it. */
export interface WatchForLine {
  readonly text: string;
  readonly reported: readonly (readonly [question: string, warningAnswer: string | undefined])[];
}

/** The wording that depends only on the ruleset and the emergency number. */
export interface FilledTexts {
  readonly emergencyNumber: string;
  readonly emergency: string;
  readonly urgent: string;
  readonly soon: string;
  readonly watchFor: readonly WatchForLine[];
  /** Self-care advice by days left to the check-back day (and the date, when given): filled on first use. */
  readonly selfCare: Map<string, string>;
}

/** How many emergency numbers other than the ruleset's own keep their filled wording. */
const MAX_CACHED_NUMBERS = 16;

/**
 * The ruleset's advice wording filled with an emergency number (the ruleset's own when undefined):
 * filled once per number and reused: filling it for every result made triage() 2.9 times slower on
 * the bench's pool (npm run bench with BENCH_BASELINE against a build without it, one run).
 */
export function compileTexts(
  definition: RulesetDefinition,
  questionsById: ReadonlyMap<string, QuestionDefinition>,
): (emergencyNumber: string | undefined) => FilledTexts {
  const own = filledTexts(definition, questionsById, definition.advice.emergencyNumber);
  const others = new Map<string, FilledTexts>();
  return (emergencyNumber) => {
    if (emergencyNumber === undefined) return own;
    let texts = others.get(emergencyNumber);
    if (!texts) {
      texts = filledTexts(definition, questionsById, emergencyNumber);
      if (others.size >= MAX_CACHED_NUMBERS) others.clear();
      others.set(emergencyNumber, texts);
    }
    return texts;
  };
}

function filledTexts(
  definition: RulesetDefinition,
  questionsById: ReadonlyMap<string, QuestionDefinition>,
  emergencyNumber: string,
): FilledTexts {
  const advice = definition.advice;
  const warningAnswerOf = (id: string) => {
    const question = questionsById.get(id);
    return question?.type === "choice" ? question.warningAnswer : undefined;
  };
  // Frozen but for the self-care memo, which only the engine reaches (ruleset/internals.ts).
  return Object.freeze({
    emergencyNumber,
    emergency: fill(advice.urgency.emergency.advice, { emergencyNumber }),
    urgent: fill(advice.urgency.urgent.advice, { emergencyNumber }),
    soon: fill(advice.urgency.soon.advice, { emergencyNumber }),
    watchFor: frozenCopy(
      advice.selfCare.watchFor.map((line) =>
        typeof line === "string"
          ? { text: fill(line, { emergencyNumber }), reported: [] }
          : {
              text: fill(line.text, { emergencyNumber }),
              reported: line.about.map((id) => [id, warningAnswerOf(id)] as const),
            },
      ),
    ),
    selfCare: new Map(),
  });
}
