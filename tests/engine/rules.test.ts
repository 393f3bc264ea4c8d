import { describe, expect, it } from "vitest";
import { evaluate, type Ruleset } from "../../src/index.js";
import { BUILTIN_RULESET_DOCUMENTS, getBuiltinRuleset } from "../../src/ruleset/builtin.js";
import type { ConditionDefinition, RuleDefinition } from "../../src/ruleset/schema.js";
import { calmAnswersFor, reasonFor, withReassuringFollowUps } from "../helpers/answers.js";
import {
  asRecord,
  expectedReason,
  fieldsReadBy,
  leavesOf,
  reassuringChoiceOf,
  topLevelParts,
  truthOf,
  unknownChoiceOf,
  type Leaf,
} from "../helpers/spec-policy.js";

/*
 * One unit per rule of every built-in ruleset (read from src/ruleset/builtin.ts, so a new built-in is
 * tested without a line here), read from the ruleset: cases built from the rule's own condition tree
 * that fire it confirmed, fire it possible, and miss it.
 */

type Assignment = ReadonlyMap<string, string | number>;
type Answers = Record<string, string | number>;

/** The value that makes one leaf true. */
function warningValue(leaf: Leaf, ruleset: Ruleset): string | number {
  if ("equals" in leaf) return leaf.equals;
  if ("in" in leaf) return leaf.in.find((value) => value !== unknownChoiceOf(leaf.answer, ruleset)) as string;
  if ("atLeast" in leaf) return leaf.atLeast;
  return leaf.below - 1;
}

/** The value that makes one leaf false without being "not sure". */
function falseValue(leaf: Leaf, ruleset: Ruleset): string | number {
  if ("equals" in leaf || "in" in leaf) return reassuringChoiceOf(leaf.answer, ruleset);
  if ("atLeast" in leaf) return leaf.atLeast - 1;
  return leaf.below;
}

/** Every way to make a condition true with one branch of each `any`: the fields to set. */
function satisfyingAssignments(condition: ConditionDefinition, ruleset: Ruleset): Assignment[] {
  if ("any" in condition) return condition.any.flatMap((child) => satisfyingAssignments(child, ruleset));
  if ("all" in condition) {
    return condition.all.reduce<Assignment[]>(
      (partials, child) =>
        partials.flatMap((partial) =>
          satisfyingAssignments(child, ruleset)
            .filter((extra) =>
              [...extra].every(([field, value]) => !partial.has(field) || partial.get(field) === value),
            )
            .map((extra) => new Map([...partial, ...extra])),
        ),
      [new Map()],
    );
  }
  return [new Map([[condition.answer, warningValue(condition, ruleset)]])];
}

/**
 * Calm answers with these set; a follow-up set is switched on (unless the assignment meets its askWhen
 * already, its askWhen met in the first way by answers the assignment does not set: gca-features reads
 * only gcaFeatures, asked at 50 or over with a headache), and follow-ups switched on and not set are
 * answered "no".
 */
function answersWith(ruleset: Ruleset, assignment: Assignment): Answers {
  const answers = calmAnswersFor(ruleset);
  for (const field of assignment.keys()) {
    const askWhen = ruleset.questions.find((question) => question.id === field)?.askWhen;
    if (askWhen === undefined) continue;
    // Asked already because of the assignment itself, even through "not sure" (progressive-neuro-deficit:
    // its own weakness or clumsiness switches gettingWorse on).
    if (truthOf(askWhen, { ...answers, ...Object.fromEntries(assignment) }, ruleset) > 0) continue;
    for (const [needed, value] of satisfyingAssignments(askWhen, ruleset)[0] ?? [])
      if (!assignment.has(needed)) answers[needed] = value;
  }
  for (const [field, value] of assignment) answers[field] = value;
  return withReassuringFollowUps(answers, ruleset);
}

function describeCase(assignment: Assignment): string {
  return [...assignment].map(([field, value]) => `${field}=${value}`).join(", ");
}

function expectFires(
  ruleset: Ruleset,
  rule: RuleDefinition,
  answers: Answers,
  certainty: "confirmed" | "possible",
  label: string,
) {
  const reason = reasonFor(evaluate(ruleset, answers), rule.id);
  const expected = expectedReason(rule, answers, ruleset);
  expect(expected?.certainty, `${label}: the spec's own reading`).toBe(certainty);
  expect(reason, label).toBeDefined();
  expect({ certainty: reason?.certainty, urgency: reason?.urgency }, label).toEqual(expected);
  const read = [...fieldsReadBy(rule.when)];
  expect(reason?.answers, label).toEqual(Object.fromEntries(read.map((field) => [field, asRecord(answers)[field]])));
}

for (const name of Object.keys(BUILTIN_RULESET_DOCUMENTS)) {
  const ruleset = getBuiltinRuleset(name) as Ruleset;
  const isChoiceField = (field: string): boolean => unknownChoiceOf(field, ruleset) !== undefined;

  describe(`the built-in ruleset "${name}"`, () => {
    describe("the calm baseline", () => {
      it("fires no rule", () => {
        const calmResult = evaluate(ruleset, calmAnswersFor(ruleset));
        expect(calmResult.reasons).toEqual([]);
        expect(calmResult.verdict).toBe("self-care-likely-fine");
      });
    });

    for (const [index, compiled] of ruleset.rules.entries()) {
      const rule = compiled.definition;
      const assignments = satisfyingAssignments(rule.when, ruleset);
      const parts = topLevelParts(rule.when);

      describe(`rule ${rule.id}`, () => {
        it("is in ruleset order and has a summary and at least one http(s) source", () => {
          expect(compiled.id).toBe(rule.id);
          expect(ruleset.definition.rules[index]?.id).toBe(rule.id);
          expect(rule.summary.trim()).not.toBe("");
          expect(rule.sources.length).toBeGreaterThanOrEqual(1);
          for (const key of rule.sources) {
            const source = ruleset.definition.sources[key];
            expect(source?.url, key).toMatch(/^https?:\/\/[^\s/]+\.[^\s]+$/);
            expect(source?.title.trim(), key).not.toBe("");
          }
          if (rule.urgency === "emergency") expect(rule.callIf?.trim(), "dropped-emergency advice").toBeTruthy();
        });

        it("fires confirmed, at its own urgency, for each way to meet its condition", () => {
          expect(assignments.length).toBeGreaterThanOrEqual(1);
          for (const assignment of assignments) {
            const answers = answersWith(ruleset, assignment);
            expectFires(ruleset, rule, answers, "confirmed", describeCase(assignment));
            expect(reasonFor(evaluate(ruleset, answers), rule.id)?.urgency).toBe(rule.urgency);
          }
        });

        // Section 1b: in headache-over-50, an unsure headacheNew counts as 1, so the rule stays confirmed.
        const unsureCountsFully = (field: string) =>
          leavesOf(rule.when).some(
            (leaf) =>
              leaf.answer === field && "in" in leaf && leaf.in.includes(unknownChoiceOf(field, ruleset) as string),
          );
        if (leavesOf(rule.when).some((leaf) => unsureCountsFully(leaf.answer))) {
          it("stays confirmed when an answer it counts fully when unsure is unsure", () => {
            for (const assignment of assignments) {
              for (const field of [...assignment.keys()].filter(unsureCountsFully)) {
                const unsure = new Map(assignment).set(field, unknownChoiceOf(field, ruleset) as string);
                expectFires(ruleset, rule, answersWith(ruleset, unsure), "confirmed", describeCase(unsure));
              }
            }
          });
        }

        const choiceLeaves = leavesOf(rule.when).filter(
          (leaf) => isChoiceField(leaf.answer) && !unsureCountsFully(leaf.answer),
        );
        if (choiceLeaves.length > 0) {
          it("fires possible, at the urgency section 3 gives, when one of its answers is unsure", () => {
            let cases = 0;
            for (const assignment of assignments) {
              for (const field of [...assignment.keys()].filter((f) => isChoiceField(f) && !unsureCountsFully(f))) {
                const unsure = new Map(assignment).set(field, unknownChoiceOf(field, ruleset) as string);
                expectFires(ruleset, rule, answersWith(ruleset, unsure), "possible", describeCase(unsure));
                cases++;
              }
            }
            expect(cases).toBeGreaterThanOrEqual(1);
          });

          it("fires possible, at the urgency section 3 gives, when all of its three-way answers are unsure", () => {
            for (const assignment of assignments) {
              const unsure = new Map(assignment);
              for (const field of unsure.keys())
                if (isChoiceField(field)) unsure.set(field, unknownChoiceOf(field, ruleset) as string);
              expectFires(ruleset, rule, answersWith(ruleset, unsure), "possible", describeCase(unsure));
            }
          });
        } else {
          it("reads no three-way answer, so it is never merely possible", () => {
            const everythingUnsure = answersWith(ruleset, new Map());
            const record = everythingUnsure;
            for (const question of ruleset.questions) {
              const unknown = unknownChoiceOf(question.id, ruleset);
              if (unknown !== undefined) record[question.id] = unknown;
            }
            for (const assignment of assignments) {
              for (const [field, value] of assignment) record[field] = value;
              expect(reasonFor(evaluate(ruleset, everythingUnsure), rule.id)?.certainty).toBe("confirmed");
            }
          });
        }

        it("does not fire when any one part of its condition is false, even with the rest warning or unsure", () => {
          for (const assignment of assignments) {
            parts.forEach((part, partIndex) => {
              for (const restUnsure of [false, true]) {
                const missed = new Map(assignment);
                if (restUnsure) {
                  for (const field of missed.keys())
                    if (isChoiceField(field)) missed.set(field, unknownChoiceOf(field, ruleset) as string);
                }
                for (const leaf of leavesOf(part)) missed.set(leaf.answer, falseValue(leaf, ruleset));
                const label = `part ${partIndex} false: ${describeCase(missed)}`;
                expect(expectedReason(rule, answersWith(ruleset, missed), ruleset), label).toBeUndefined();
                expect(reasonFor(evaluate(ruleset, answersWith(ruleset, missed)), rule.id), label).toBeUndefined();
              }
            });
          }
        });
      });
    }

    describe("the ruleset as a whole", () => {
      it("reads every question in some rule or askWhen", () => {
        const read = new Set<string>();
        for (const rule of ruleset.definition.rules) for (const field of fieldsReadBy(rule.when)) read.add(field);
        for (const question of ruleset.questions) {
          if (question.askWhen) for (const field of fieldsReadBy(question.askWhen)) read.add(field);
        }
        expect(ruleset.questions.map((q) => q.id).filter((id) => !read.has(id))).toEqual([]);
      });

      it("uses every source it defines", () => {
        const used = new Set(ruleset.definition.rules.flatMap((rule) => rule.sources));
        expect(Object.keys(ruleset.definition.sources).filter((key) => !used.has(key))).toEqual([]);
      });

      it("gives each question with a rule a single-sign rule for its warning answer, so no warning is ever missed alone", () => {
        for (const question of ruleset.questions) {
          if (question.type !== "choice") continue;
          // A follow-up counts only while its condition holds: switch that on first.
          const condition = satisfyingAssignments(question.askWhen ?? { all: [] }, ruleset)[0] ?? new Map();
          const alone = answersWith(ruleset, new Map([...condition, [question.id, question.warningAnswer]]));
          expect(evaluate(ruleset, alone).verdict, `${question.id}=${question.warningAnswer} alone`).toBe(
            "see-a-professional",
          );
        }
      });
    });
  });
}
