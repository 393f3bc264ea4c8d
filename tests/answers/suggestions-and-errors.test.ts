import { describe, expect, it } from "vitest";
import { AnswersError, defaultRuleset, triage, type DefaultAnswers } from "../../src/index.js";
import { calmAnswers, inWords, issuesThrownBy, type IssueInWords } from "../helpers/answers.js";

/*
 * docs/contract.md, "Errors": a bad answers file gets every issue with its path, and a misspelt field a
 * "did you mean". A name is suggested when it is at most max(2, a quarter of the field's length)
 * edits away, ignoring case; farther than that, the message lists the fields instead.
 */

function issuesFor(input: unknown): IssueInWords[] {
  return inWords(issuesThrownBy(() => triage(input as DefaultAnswers), AnswersError));
}

const ALL_FIELDS = defaultRuleset.questions.map((q) => q.id).join(", ");
const suggestion = (field: string) => `unknown field; did you mean "${field}"?`;
const NO_SUGGESTION = `unknown field; the fields are ${ALL_FIELDS} and an optional id`;

describe("did you mean", () => {
  it.each([
    // Two edits from a short name: still suggested (the floor of two).
    ["fvr", "fever"],
    ["FVR", "fever"],
    // A quarter of coordinationLoss (16 letters) is 4 edits: "coordination" is 4 away.
    ["coordination", "coordinationLoss"],
    ["Coordination", "coordinationLoss"],
    // A quarter of armTinglingOrNumbness (21 letters) is 5: "armTinglingOrNumb" is 4 away.
    ["armTinglingOrNumb", "armTinglingOrNumbness"],
  ])("%s: did you mean %s?", (typo, field) => {
    expect(issuesFor({ ...calmAnswers(), [typo]: "yes" })).toEqual([{ path: typo, message: suggestion(field) }]);
  });

  it.each([
    // Three edits from a short name.
    ["otc"],
    // limbWeakness (12 letters) allows 3 edits; "limbWeak" is 4 away.
    ["limbWeak"],
    // armTinglingOrNumbness allows 5; "armTinglingNumb" is 6 away.
    ["armTinglingNumb"],
  ])("%s is too far from any field to guess", (typo) => {
    expect(issuesFor({ ...calmAnswers(), [typo]: "yes" })).toEqual([{ path: typo, message: NO_SUGGESTION }]);
  });
});

describe("AnswersError", () => {
  it("is named, and its message is a heading and one line per problem with its path", () => {
    let caught: unknown;
    try {
      triage({ ...calmAnswers(), fever: "maybe", coordination: "yes" } as unknown as DefaultAnswers);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AnswersError);
    const error = caught as AnswersError;
    expect(error.name).toBe("AnswersError");
    expect(error.message).toBe(
      [
        "invalid answers:",
        'fever: expected "yes" | "no" | "unsure", got "maybe"',
        `coordination: ${suggestion("coordinationLoss")}`,
      ].join("\n"),
    );
    expect(inWords(error.issues)).toEqual([
      { path: "fever", message: 'expected "yes" | "no" | "unsure", got "maybe"' },
      { path: "coordination", message: suggestion("coordinationLoss") },
    ]);
    expect(error.issues.map((issue) => issue.code)).toEqual(["answers.invalid-value", "answers.unknown-field"]);
  });
});

describe("ids that are not finite numbers", () => {
  it.each([
    [Number.POSITIVE_INFINITY, "Infinity"],
    [Number.NaN, "NaN"],
  ])("%s is refused", (id, shown) => {
    expect(issuesFor({ ...calmAnswers(), id })).toEqual([
      {
        path: "id",
        message: `expected a string of at most 200 characters or an integer within ±9007199254740991, got ${shown}: a number id outside that range, or with a fraction, cannot be echoed unchanged; give it as a string`,
      },
    ]);
  });
});

describe("answers the quick check leaves to the full schema", () => {
  it("an object without a prototype gets the same result as a plain one", () => {
    const answers = calmAnswers({ fever: "yes", canTouchChinToChest: "unsure", painDays: 9, improving: "no" });
    const bare = Object.assign(Object.create(null) as object, answers, { id: "r1" }) as DefaultAnswers;
    expect(triage(bare, { emergencyNumber: "112" })).toEqual(
      triage({ ...answers, id: "r1" }, { emergencyNumber: "112" }),
    );
  });

  it("and reports its problems the same way", () => {
    const bare = Object.assign(Object.create(null) as object, calmAnswers(), { fever: "maybe" });
    expect(issuesFor(bare)).toEqual([{ path: "fever", message: 'expected "yes" | "no" | "unsure", got "maybe"' }]);
  });
});
