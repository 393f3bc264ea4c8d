import { describe, expect, it } from "vitest";
import { loadRuleset, RulesetError } from "../../src/index.js";
import type { RulesetDefinition } from "../../src/ruleset/schema.js";
import { inWords, issuesThrownBy, type IssueInWords } from "../helpers/answers.js";
import {
  choiceQuestion,
  integerQuestion,
  questionIndex,
  ruleIndex,
  ruleOf,
  rulesetDocument,
} from "../helpers/ruleset-document.js";

/*
 * What loadRuleset refuses beyond the schema (src/ruleset/references.ts): one row per check, each a
 * small edit of the default ruleset, with the exact path and message a ruleset author is shown, and
 * the nearest edit that must still load.
 */

type Edit = (document: RulesetDefinition) => void;

function issuesOf(edit: Edit): IssueInWords[] {
  return inWords(issuesThrownBy(() => loadRuleset(rulesetDocument(edit)), RulesetError));
}

function loads(edit: Edit): void {
  expect(() => loadRuleset(rulesetDocument(edit))).not.toThrow();
}

const YES_NO_UNSURE = '"yes" | "no" | "unsure"';
const fever = (document: RulesetDefinition) => questionIndex(document, "fever");
const emergencySigns = (document: RulesetDefinition) => questionIndex(document, "emergencySigns");
const improving = (document: RulesetDefinition) => questionIndex(document, "improving");
const age = (document: RulesetDefinition) => questionIndex(document, "age");
const doc = rulesetDocument();

describe("choice questions", () => {
  it.each<[string, Edit, IssueInWords]>([
    [
      "a choice listed twice",
      (d) => choiceQuestion(d, "fever").choices.push({ value: "no", label: "No again" }),
      { path: `questions.${fever(doc)}.choices.3.value`, message: 'duplicate choice "no"' },
    ],
    [
      "two choices marked unknown",
      (d) => choiceQuestion(d, "fever").choices.push({ value: "maybe", label: "Maybe", unknown: true }),
      { path: `questions.${fever(doc)}.choices`, message: "at most one choice may be marked unknown" },
    ],
    [
      "a warning answer that is not a choice",
      (d) => (choiceQuestion(d, "fever").warningAnswer = "maybe"),
      { path: `questions.${fever(doc)}.warningAnswer`, message: `expected ${YES_NO_UNSURE}, got "maybe"` },
    ],
    [
      "the unknown choice as the warning answer",
      (d) => (choiceQuestion(d, "fever").warningAnswer = "unsure"),
      { path: `questions.${fever(doc)}.warningAnswer`, message: "must not be the unknown choice" },
    ],
    [
      "an `in` condition naming a value that is not a choice",
      (d) => (d.rules[ruleIndex(d, "headache-over-50")]!.when = { answer: "headacheNew", in: ["yes", "perhaps"] }),
      {
        path: `rules.${ruleIndex(doc, "headache-over-50")}.when.in.1`,
        message: `expected ${YES_NO_UNSURE}, got "perhaps"`,
      },
    ],
    [
      "an `in` condition naming only the unknown choice",
      (d) => (d.rules[ruleIndex(d, "headache-over-50")]!.when = { answer: "headacheNew", in: ["unsure"] }),
      {
        path: `rules.${ruleIndex(doc, "headache-over-50")}.when.in`,
        message: "must name at least one choice that is not the unknown one",
      },
    ],
    [
      "an item choice that is not one of the question's choices",
      (d) => {
        const itemChoices = choiceQuestion(d, "emergencySigns").itemChoices;
        if (itemChoices?.[1]) itemChoices[1].value = "nope";
      },
      {
        path: `questions.${emergencySigns(doc)}.itemChoices.1.value`,
        message: `expected ${YES_NO_UNSURE}, got "nope"`,
      },
    ],
    [
      "asking the items on an answer that is not a choice",
      (d) => (choiceQuestion(d, "emergencySigns").askItemsWhen = "dunno"),
      { path: `questions.${emergencySigns(doc)}.askItemsWhen`, message: `expected ${YES_NO_UNSURE}, got "dunno"` },
    ],
    [
      "items without the prompt to ask them",
      (d) => delete choiceQuestion(d, "emergencySigns").itemPrompt,
      {
        path: `questions.${emergencySigns(doc)}.items`,
        message: "items, askItemsWhen, itemPrompt and itemChoices go together",
      },
    ],
    [
      "an item prompt without items",
      (d) => (choiceQuestion(d, "fever").itemPrompt = "Have you had this?"),
      { path: `questions.${fever(doc)}.items`, message: "items, askItemsWhen, itemPrompt and itemChoices go together" },
    ],
  ])("refuses %s", (_, edit, issue) => {
    expect(issuesOf(edit)).toEqual([issue]);
  });

  it("accepts questions with no items at all, and with all four item parts", () => {
    loads((d) => {
      const question = choiceQuestion(d, "emergencySigns");
      delete question.items;
      delete question.askItemsWhen;
      delete question.itemPrompt;
      delete question.itemChoices;
    });
    loads((d) => {
      const question = choiceQuestion(d, "fever");
      question.items = [{ id: "hot", text: "Feeling hot and shivery" }];
      question.askItemsWhen = "unsure";
      question.itemPrompt = "Have you had this?";
      question.itemChoices = question.choices.map((choice) => ({ ...choice }));
    });
  });

  it("accepts a question with no unknown choice", () => {
    loads((d) => {
      const question = choiceQuestion(d, "fever");
      question.choices = question.choices.filter((choice) => !choice.unknown);
    });
  });
});

describe("integer questions", () => {
  it("refuses a minimum above the maximum, and accepts them equal", () => {
    expect(
      issuesOf((d) => {
        const question = integerQuestion(d, "age");
        question.min = 121;
        d.rules.splice(ruleIndex(d, "young"), 1);
        d.rules.splice(ruleIndex(d, "headache-over-50"), 1);
        d.rules.splice(ruleIndex(d, "injury-high-risk"), 1);
      }),
    ).toEqual([{ path: `questions.${age(doc)}.min`, message: "min 121 is above max 120" }]);
    loads((d) => {
      const question = integerQuestion(d, "age");
      question.min = 120;
      d.rules.splice(ruleIndex(d, "young"), 1);
      d.rules.splice(ruleIndex(d, "headache-over-50"), 1);
      d.rules.splice(ruleIndex(d, "injury-high-risk"), 1);
    });
  });
});

describe("asking a question only sometimes (askWhen)", () => {
  it("may read only earlier questions: not the question itself", () => {
    expect(issuesOf((d) => (choiceQuestion(d, "improving").askWhen = { answer: "improving", equals: "no" }))).toEqual([
      {
        path: `questions.${improving(doc)}.askWhen.answer`,
        message: '"improving" is asked later; askWhen may only read earlier questions',
      },
    ]);
  });

  it("checks every condition inside an any", () => {
    const issues = issuesOf(
      (d) =>
        (choiceQuestion(d, "improving").askWhen = {
          any: [
            { answer: "painDays", atLeast: 7 },
            { answer: "otcResponse", equals: "helped" },
          ],
        }),
    );
    expect(issues).toEqual([
      {
        path: `questions.${improving(doc)}.askWhen.any.1.answer`,
        message: '"otcResponse" is asked later; askWhen may only read earlier questions',
      },
    ]);
  });
});

describe("rules", () => {
  it("an emergency rule needs the advice for when it is only possible (callIf)", () => {
    const index = ruleIndex(doc, "meningitis-signs");
    expect(issuesOf((d) => delete ruleOf(d, "meningitis-signs").callIf)).toEqual([
      {
        path: `rules.${index}.callIf`,
        message: "an emergency rule needs callIf, for the advice when it is only possible",
      },
    ]);
    loads((d) => delete ruleOf(d, "fever").callIf);
  });

  it("refuses equals on an integer question", () => {
    const index = ruleIndex(doc, "young");
    expect(issuesOf((d) => (ruleOf(d, "young").when = { answer: "age", equals: "yes" }))).toEqual([
      { path: `rules.${index}.when.equals`, message: '"age" is an integer question; use atLeast or below' },
    ]);
  });

  it("refuses below on a choice question", () => {
    const index = ruleIndex(doc, "fever");
    expect(issuesOf((d) => (ruleOf(d, "fever").when = { answer: "fever", below: 1 }))).toEqual([
      { path: `rules.${index}.when.below`, message: '"fever" is a choice question; use equals or in' },
    ]);
  });

  it("refuses a source that is not defined, listing the sources there are", () => {
    const index = ruleIndex(doc, "stiff-neck");
    // The keys of rules/default.json's sources, in the document's order.
    const defined = [
      "aans",
      "aans-syndicated",
      "mayo-heart-attack",
      "cdc-stroke",
      "stroke-association-pass",
      "aafp-2020",
      "nhs-epiglottitis",
      "aafp-2005-meningitis",
      "nhs-meningitis",
      "ccgi-2024",
      "epidural-abscess",
      "medlineplus-spine-injury",
      "canadian-c-spine",
      "nice-qs74",
      "nice-cks-neck-pain",
      "nice-cks-gca",
      "nice-cg150",
      "nhs-sah",
      "rushton-2023",
      "nice-ng41",
      "nice-ng232",
      "nice-ng84",
      "nhs-sore-throat",
      "statpearls-retropharyngeal",
    ].join(", ");
    expect(issuesOf((d) => (ruleOf(d, "stiff-neck").sources = ["aans", "aans-typo"]))).toEqual([
      { path: `rules.${index}.sources.1`, message: `unknown source "aans-typo"; defined sources: ${defined}` },
    ]);
    loads((d) => (ruleOf(d, "stiff-neck").sources = ["aans", "nice-cks-gca"]));
  });

  it("lists the questions there are for an unknown one", () => {
    const index = ruleIndex(doc, "fever");
    const known = doc.questions.map((question) => question.id).join(", ");
    expect(issuesOf((d) => (ruleOf(d, "fever").when = { answer: "temperature", equals: "yes" }))).toEqual([
      { path: `rules.${index}.when.answer`, message: `unknown question "temperature"; questions: ${known}` },
    ]);
  });

  it("refuses a bound that is always or never true, and accepts the nearest ones that are not (age 0–120)", () => {
    const index = ruleIndex(doc, "young");
    const youngBelow =
      (bound: number): Edit =>
      (d) => {
        ruleOf(d, "young").when = { answer: "age", below: bound };
      };
    const youngAtLeast =
      (bound: number): Edit =>
      (d) => {
        ruleOf(d, "young").when = { answer: "age", atLeast: bound };
      };
    // below 0 is never true and atLeast 0 always; below 121 always true and atLeast 121 never.
    expect(issuesOf(youngBelow(0))).toEqual([
      { path: `rules.${index}.when.below`, message: "below 0 is always or never true for age (0–120)" },
    ]);
    expect(issuesOf(youngAtLeast(0))).toEqual([
      { path: `rules.${index}.when.atLeast`, message: "atLeast 0 is always or never true for age (0–120)" },
    ]);
    expect(issuesOf(youngBelow(121))).toEqual([
      { path: `rules.${index}.when.below`, message: "below 121 is always or never true for age (0–120)" },
    ]);
    expect(issuesOf(youngAtLeast(121))).toEqual([
      { path: `rules.${index}.when.atLeast`, message: "atLeast 121 is always or never true for age (0–120)" },
    ]);
    loads(youngBelow(1));
    loads(youngAtLeast(1));
    loads(youngBelow(120));
    loads(youngAtLeast(120));
  });

  it("checks every condition of an all and of an any", () => {
    const index = ruleIndex(doc, "spinal-cord-injury");
    const issues = issuesOf((d) => {
      ruleOf(d, "spinal-cord-injury").when = {
        all: [
          { answer: "injury", equals: "maybe" },
          {
            any: [
              { answer: "limbWeakness", equals: "yes" },
              { answer: "tingling", equals: "yes" },
            ],
          },
        ],
      };
    });
    expect(issues.map((issue) => issue.path)).toEqual([
      `rules.${index}.when.all.0.equals`,
      `rules.${index}.when.all.1.any.1.answer`,
    ]);
  });
});

describe("the self-care check-back question", () => {
  it("must be an integer question", () => {
    expect(issuesOf((d) => (d.advice.selfCare.checkBackQuestion = "fever"))).toEqual([
      { path: "advice.selfCare.checkBackQuestion", message: 'expected the id of an integer question, got "fever"' },
    ]);
    expect(issuesOf((d) => (d.advice.selfCare.checkBackQuestion = "daysOfPain"))).toEqual([
      {
        path: "advice.selfCare.checkBackQuestion",
        message: 'expected the id of an integer question, got "daysOfPain"',
      },
    ]);
    loads((d) => (d.advice.selfCare.checkBackQuestion = "age"));
  });
});

describe("placeholders in the wording", () => {
  it.each<[string, Edit, IssueInWords]>([
    [
      "the emergency advice",
      (d) => (d.advice.urgency.emergency.advice = "Call {emergencyNumber} now, {list}."),
      {
        path: "advice.urgency.emergency.advice",
        message: "unknown placeholder {list}; allowed here: {emergencyNumber}",
      },
    ],
    [
      "the soon advice",
      (d) => (d.advice.urgency.soon.advice = "Book in {daysLeft} days."),
      {
        path: "advice.urgency.soon.advice",
        message: "unknown placeholder {daysLeft}; allowed here: {emergencyNumber}",
      },
    ],
    [
      "the dropped-emergency advice",
      (d) => (d.advice.droppedEmergency = "Today. Call {emergencyNumber} for: {list} {checkBack}"),
      {
        path: "advice.droppedEmergency",
        message: "unknown placeholder {checkBack}; allowed here: {emergencyNumber}, {list}",
      },
    ],
    [
      "the self-care advice",
      (d) => (d.advice.selfCare.advice = "Self-care. {checkBack} {day}"),
      {
        path: "advice.selfCare.advice",
        message: "unknown placeholder {day}; allowed here: {emergencyNumber}, {checkBack}",
      },
    ],
    [
      "the check-back line for one day",
      (d) => (d.advice.selfCare.checkBackBefore.one = "By day {day}, {daysLeft} day from now."),
      { path: "advice.selfCare.checkBackBefore.one", message: "unknown placeholder {daysLeft}; allowed here: {day}" },
    ],
    [
      "the check-back line for several days",
      (d) =>
        (d.advice.selfCare.checkBackBefore.other = "By day {day}, {daysLeft} days from now; call {emergencyNumber}."),
      {
        path: "advice.selfCare.checkBackBefore.other",
        message: "unknown placeholder {emergencyNumber}; allowed here: {day}, {daysLeft}",
      },
    ],
    [
      "the check-back line after the day",
      (d) => (d.advice.selfCare.checkBackAfter = "If it stops getting better by day {day}, see a doctor."),
      { path: "advice.selfCare.checkBackAfter", message: "unknown placeholder {day}; allowed here: {emergencyNumber}" },
    ],
    [
      "a sign to watch for",
      (d) => (d.advice.selfCare.watchFor[2] = "new weakness: call {emergencyNumber} {list}"),
      { path: "advice.selfCare.watchFor.2", message: "unknown placeholder {list}; allowed here: {emergencyNumber}" },
    ],
    [
      "an empty placeholder",
      (d) => (d.advice.urgency.urgent.advice = "Get help today {}."),
      { path: "advice.urgency.urgent.advice", message: "unknown placeholder {}; allowed here: {emergencyNumber}" },
    ],
    [
      "a placeholder with a space in it",
      (d) => (d.advice.urgency.urgent.advice = "Get help today, {emergency Number}."),
      {
        path: "advice.urgency.urgent.advice",
        message: "unknown placeholder {emergency Number}; allowed here: {emergencyNumber}",
      },
    ],
  ])("refuses an unknown one in %s", (_, edit, issue) => {
    expect(issuesOf(edit)).toEqual([issue]);
  });

  it("reports each unknown placeholder of one text", () => {
    expect(issuesOf((d) => (d.advice.urgency.urgent.advice = "{a} and {b}")).map((issue) => issue.message)).toEqual([
      "unknown placeholder {a}; allowed here: {emergencyNumber}",
      "unknown placeholder {b}; allowed here: {emergencyNumber}",
    ]);
  });

  it("accepts the number in every text that may name it", () => {
    loads((d) => {
      d.advice.urgency.urgent.advice = "Get help today; if it gets worse call {emergencyNumber}.";
      d.advice.urgency.soon.advice = "Book in the next few days; in an emergency call {emergencyNumber}.";
      d.advice.selfCare.watchFor = d.advice.selfCare.watchFor.map((line) =>
        typeof line === "string"
          ? `${line} ({emergencyNumber})`
          : { ...line, text: `${line.text} ({emergencyNumber})` },
      );
    });
  });
});
