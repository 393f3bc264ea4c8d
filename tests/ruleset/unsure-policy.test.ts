import { describe, expect, it } from "vitest";
import { defaultRuleset } from "../../src/index.js";
import { compileCondition, type AnswerValues } from "../../src/ruleset/conditions.js";
import type { ConditionDefinition } from "../../src/ruleset/schema.js";
import {
  and,
  droppedUrgency,
  FALSE,
  isAnchorable,
  isAnchored,
  or,
  TRUE,
  UNSURE,
  type Truth,
  type UnsurePolicy,
} from "../../src/ruleset/unsure.js";

/*
 * The "not sure" policy's truth tables (src/ruleset/unsure.ts), as cql-execution tests its
 * three-valued logic: every pair of no / unsure / yes through `and` and `or`, a leaf over every
 * answer, and the level a possible rule drops to. Each expected value written by hand from the
 * clinical basis (section 3): yes = 1, unsure = ½, no = 0; and = the lowest, or = the highest.
 * The conditions have no `not`: a ruleset names the warning answers it means instead.
 */

const VALUES = { no: FALSE, unsure: UNSURE, yes: TRUE } as const;
type Answer = keyof typeof VALUES;

const AND: Record<Answer, Record<Answer, Truth>> = {
  no: { no: FALSE, unsure: FALSE, yes: FALSE },
  unsure: { no: FALSE, unsure: UNSURE, yes: UNSURE },
  yes: { no: FALSE, unsure: UNSURE, yes: TRUE },
};
const OR: Record<Answer, Record<Answer, Truth>> = {
  no: { no: FALSE, unsure: UNSURE, yes: TRUE },
  unsure: { no: UNSURE, unsure: UNSURE, yes: TRUE },
  yes: { no: TRUE, unsure: TRUE, yes: TRUE },
};
const ANSWERS = Object.keys(VALUES) as Answer[];

/** A condition of the default ruleset compiled and run on answers to two yes/no/unsure questions. */
function valueOf(condition: ConditionDefinition, answers: AnswerValues): Truth {
  return compileCondition(condition, defaultRuleset.questionIndex)(defaultRuleset.encode(answers));
}
const fever = { answer: "fever", equals: "yes" } as const;
const limbWeakness = { answer: "limbWeakness", equals: "yes" } as const;

describe("three-valued and, or and a leaf", () => {
  for (const a of ANSWERS) {
    it(`a leaf on the answer ${a} is ${VALUES[a]}`, () => {
      expect(valueOf(fever, { fever: a })).toBe(VALUES[a]);
    });
    for (const b of ANSWERS) {
      it(`${a} and ${b} is ${AND[a][b]}, ${a} or ${b} is ${OR[a][b]}`, () => {
        expect(and(VALUES[a], VALUES[b])).toBe(AND[a][b]);
        expect(or(VALUES[a], VALUES[b])).toBe(OR[a][b]);
        // The compiled conditions follow the same tables.
        expect(valueOf({ all: [fever, limbWeakness] }, { fever: a, limbWeakness: b })).toBe(AND[a][b]);
        expect(valueOf({ any: [fever, limbWeakness] }, { fever: a, limbWeakness: b })).toBe(OR[a][b]);
      });
    }
  }

  it("reads a question not answered (yet) as no, and a number as never unsure", () => {
    expect(valueOf(fever, {})).toBe(FALSE);
    expect(valueOf({ answer: "age", atLeast: 50 }, { age: 50 })).toBe(TRUE);
    expect(valueOf({ answer: "age", atLeast: 50 }, { age: 49 })).toBe(FALSE);
    expect(valueOf({ answer: "age", below: 20 }, {})).toBe(FALSE);
  });
});

const policy = (possibleDropsLevels: number, floor: UnsurePolicy["floor"]): UnsurePolicy => ({
  ...defaultRuleset.definition.unsurePolicy,
  possibleDropsLevels,
  floor,
});

describe("the level a possible rule drops to", () => {
  // [drops, floor, from emergency, from urgent, from soon]
  const TABLE = [
    [0, "soon", "emergency", "urgent", "soon"],
    [1, "soon", "urgent", "soon", "soon"],
    [2, "soon", "soon", "soon", "soon"],
    [1, "urgent", "urgent", "urgent", "soon"],
    [2, "urgent", "urgent", "urgent", "soon"],
    [1, "emergency", "emergency", "urgent", "soon"],
  ] as const;
  for (const [drops, floor, ...expected] of TABLE) {
    it(`drops ${drops} level(s) with the floor at ${floor}: ${expected.join(", ")}`, () => {
      expect(
        (["emergency", "urgent", "soon"] as const).map((urgency) => droppedUrgency(urgency, policy(drops, floor))),
      ).toEqual(expected);
    });
  }
});

describe("the emergency anchor", () => {
  const anchorPolicy = defaultRuleset.definition.unsurePolicy; // one unsure part at most, one confirmed at least, not background
  const part = (value: Truth, background = false) => ({ value: () => value, background });

  it("applies only to a rule of the anchor's urgency with enough parts", () => {
    expect(isAnchorable("emergency", 2, anchorPolicy)).toBe(true);
    expect(isAnchorable("emergency", 1, anchorPolicy)).toBe(false);
    expect(isAnchorable("urgent", 3, anchorPolicy)).toBe(false);
  });

  it("holds with one unsure part and one confirmed, neither of them background", () => {
    expect(isAnchored([part(UNSURE), part(TRUE)], [], anchorPolicy)).toBe(true);
    expect(isAnchored([part(UNSURE), part(UNSURE), part(TRUE)], [], anchorPolicy)).toBe(false);
    expect(isAnchored([part(UNSURE), part(TRUE, true)], [], anchorPolicy)).toBe(false);
    expect(isAnchored([part(UNSURE, true), part(TRUE)], [], anchorPolicy)).toBe(false);
    expect(isAnchored([part(TRUE), part(TRUE)], [], anchorPolicy)).toBe(false);
  });
});
