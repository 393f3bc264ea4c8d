import { describe, expect, it } from "vitest";
import { describeAnswer, questionLabel, urgencyLabel } from "../../src/answers/labels.js";
import { defaultRuleset } from "../../src/index.js";

/*
 * An answer as the person saw it when they gave it, in every place that repeats it (the result's
 * "your answers", the review screen, the report): the choice's own words (the clinical
 * specification's labels for the chin question), a number with its unit; anything else as it came,
 * with control characters shown as escapes, never sent to the terminal.
 */

describe("an answer, in the words it was given in", () => {
  it.each([
    ["canTouchChinToChest", "no", "No, I can't (too stiff or painful)"],
    ["canTouchChinToChest", "yes", "Yes, I can"],
    ["canTouchChinToChest", "unsure", "Not sure"],
    ["fever", "unsure", "Not sure"],
  ])("%s %j is shown as %j", (field, value, shown) => {
    expect(describeAnswer(defaultRuleset, field, value)).toBe(shown);
  });

  it("a number is shown with its unit", () => {
    expect(describeAnswer(defaultRuleset, "age", 70)).toBe("70 years");
  });

  it("a value that is not one of the choices, or of no question, is shown as it came", () => {
    expect(describeAnswer(defaultRuleset, "fever", "maybe")).toBe("maybe");
    expect(describeAnswer(defaultRuleset, "noSuchQuestion", 3)).toBe("3");
  });

  it("a control character in it is shown as an escape, never sent to the terminal", () => {
    expect(describeAnswer(defaultRuleset, "noSuchQuestion", "x\u001b[2J")).toBe("x\\u001b[2J");
    expect(describeAnswer(defaultRuleset, "fever", "\u009b31m")).toBe("\\u009b31m");
  });
});

describe("a question's short name and an urgency's word", () => {
  it("are the ruleset's own", () => {
    expect(questionLabel(defaultRuleset, "canTouchChinToChest")).toBe("Touching chin to chest");
    expect(urgencyLabel(defaultRuleset, "urgent")).toBe("Urgent");
    expect(urgencyLabel(defaultRuleset, "none")).toBe("No warning signs reported");
  });

  it("a field of no question is named as it came, escaped", () => {
    expect(questionLabel(defaultRuleset, "noSuchQuestion")).toBe("noSuchQuestion");
    expect(questionLabel(defaultRuleset, "a\u0007b")).toBe("a\\u0007b");
  });
});
