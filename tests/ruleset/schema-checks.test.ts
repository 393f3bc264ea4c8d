import { describe, expect, it } from "vitest";
import { loadRuleset, RulesetError } from "../../src/index.js";
import type { ConditionDefinition, RulesetDefinition } from "../../src/ruleset/schema.js";
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
 * What the ruleset schema (src/ruleset/schema.ts) refuses, one row per field: a small edit of the
 * default ruleset, the path the problem is reported at and a fragment of its message; and what it
 * must still accept at the edges.
 */

type Edit = (document: RulesetDefinition) => void;

function issuesOf(edit: Edit): IssueInWords[] {
  return inWords(issuesThrownBy(() => loadRuleset(rulesetDocument(edit)), RulesetError));
}

function loads(edit: Edit): void {
  expect(() => loadRuleset(rulesetDocument(edit))).not.toThrow();
}

/** Pretends an invalid value is valid, to build a document the schema must refuse. */
function invalid<T>(value: unknown): T {
  return value as T;
}

const doc = rulesetDocument();
const fever = questionIndex(doc, "fever");
const age = questionIndex(doc, "age");
const feverRule = ruleIndex(doc, "fever");
const LETTERS_AND_DIGITS = "must be letters and digits, starting with a letter";
const HYPHENATED = "must be lower-case words joined by hyphens";

describe("question ids", () => {
  it.each(["1fever", "fever-2", "fever_2", "fièvre", ""])("refuses %j", (id) => {
    expect(
      issuesOf((d) => (choiceQuestion(d, "fever").id = id)).find((issue) => issue.path === `questions.${fever}.id`)
        ?.message,
    ).toContain(LETTERS_AND_DIGITS);
  });

  it.each(["__proto__", "constructor", "prototype", "id"])("refuses the reserved name %j", (id) => {
    const issues = issuesOf((d) => (choiceQuestion(d, "fever").id = id));
    const messages = issues.filter((issue) => issue.path === `questions.${fever}.id`).map((issue) => issue.message);
    expect(messages).toContainEqual(expect.stringContaining("is a reserved name"));
  });

  it("accepts letters and digits starting with a letter, such as fever2 or Q1", () => {
    loads((d) => {
      d.questions.push({ ...choiceQuestion(d, "fever"), id: "fever2" });
      d.questions.push({ ...choiceQuestion(d, "fever"), id: "Q1" });
    });
  });
});

describe("ids of rules, rulesets, sources and choice values: lower-case words joined by hyphens", () => {
  it.each(["Fever", "fever-", "-fever", "fever--high", "fever high", "fever_high"])("refuses the rule id %j", (id) => {
    expect(issuesOf((d) => (ruleOf(d, "fever").id = id))).toEqual([
      { path: `rules.${feverRule}.id`, message: expect.stringContaining(HYPHENATED) as string },
    ]);
  });

  it("accepts hyphenated words and digits", () => {
    loads((d) => (ruleOf(d, "fever").id = "fever-2-high"));
    loads((d) => (d.id = "my-neck-rules-2"));
  });

  it.each(["Default", "default-", "my rules"])("refuses the ruleset id %j", (id) => {
    expect(issuesOf((d) => (d.id = id))).toEqual([
      { path: "id", message: expect.stringContaining(HYPHENATED) as string },
    ]);
  });

  it("refuses a source key that is not hyphenated words", () => {
    const issues = issuesOf((d) => {
      d.sources["Nice_CKS"] = { title: "NICE", url: "https://cks.nice.org.uk/" };
    });
    expect(issues.map((issue) => issue.path)).toEqual(["sources.Nice_CKS"]);
  });

  // The whole key must be hyphenated words: neither a bad start nor a bad end is let through.
  it.each(["Nice-cks", "NICE", "-nice-cks", "nice-cks-", "nice-cks_2", "nice--cks", "nice cks"])(
    "refuses the source key %j",
    (key) => {
      const issues = issuesOf((d) => {
        d.sources[key] = { title: "NICE", url: "https://cks.nice.org.uk/" };
      });
      expect(issues).toEqual([
        { path: `sources.${key}`, message: "invalid key: must be lower-case words joined by hyphens" },
      ]);
    },
  );

  it("accepts a source key of hyphenated words and digits", () => {
    loads((d) => {
      d.sources["nice-cks-2"] = { title: "NICE", url: "https://cks.nice.org.uk/" };
      d.sources["a1"] = { title: "A1", url: "https://example.org/" };
    });
  });

  it.each(["Yes", "yes-", "-yes", "yes2", "not_tried"])("refuses the choice value %j", (value) => {
    const issues = issuesOf((d) => {
      const question = choiceQuestion(d, "otcResponse");
      const choice = question.choices.find((c) => c.value === "helped");
      if (choice) choice.value = value;
    });
    const otc = questionIndex(doc, "otcResponse");
    expect(issues.find((issue) => issue.path === `questions.${otc}.choices.0.value`)?.message).toContain(HYPHENATED);
  });
});

describe("the version", () => {
  it.each(["1.0", "v1.0.0", "1.0.0-beta", "1.0.0.0", "a.b.c"])("refuses %j", (version) => {
    expect(issuesOf((d) => (d.version = version))).toEqual([
      { path: "version", message: expect.stringContaining("must be a version like 1.0.0") as string },
    ]);
  });

  it("accepts major.minor.patch with several digits", () => {
    loads((d) => (d.version = "10.20.300"));
  });
});

describe("texts", () => {
  it.each<[string, Edit, string]>([
    ["a blank summary", (d) => (ruleOf(d, "fever").summary = "   "), `rules.${feverRule}.summary`],
    ["an empty title", (d) => (d.title = ""), "title"],
    ["a blank question label", (d) => (choiceQuestion(d, "fever").label = " \n "), `questions.${fever}.label`],
    [
      "a blank choice label",
      (d) => ((choiceQuestion(d, "fever").choices[0] as { label: string }).label = " "),
      `questions.${fever}.choices.0.label`,
    ],
    ["a blank sign to watch for", (d) => (d.advice.selfCare.watchFor[0] = "  "), "advice.selfCare.watchFor.0"],
  ])("refuses %s: must not be empty", (_, edit, path) => {
    expect(issuesOf(edit)).toEqual([{ path, message: expect.stringContaining("must not be empty") as string }]);
  });
});

describe("conditions: exactly one form per object", () => {
  const FORMS = "expected one of {answer, equals}, {answer, in}, {answer, atLeast}, {answer, below}, {all}, {any}";
  it.each<[string, ConditionDefinition, string]>([
    ["an answer with nothing to compare", invalid({ answer: "fever" }), "has keys {answer}"],
    ["a comparison without an answer", invalid({ equals: "yes" }), "has keys {equals}"],
    ["two comparisons", invalid({ answer: "age", atLeast: 16, below: 65 }), "has keys {answer, atLeast, below}"],
    [
      "an answer beside an all",
      invalid({ answer: "fever", all: [{ answer: "fever", equals: "yes" }] }),
      "has keys {answer, all}",
    ],
    [
      "an all beside an any",
      invalid({ all: [{ answer: "fever", equals: "yes" }], any: [{ answer: "fever", equals: "yes" }] }),
      "has keys {all, any}",
    ],
    ["an empty object", invalid({}), "has keys {}"],
  ])("refuses %s", (_, when, keys) => {
    expect(issuesOf((d) => (ruleOf(d, "fever").when = when))).toContainEqual({
      path: `rules.${feverRule}.when`,
      message: `${keys}; ${FORMS}`,
    });
  });

  it("refuses an empty all or any", () => {
    expect(issuesOf((d) => (ruleOf(d, "fever").when = { all: [] })).map((issue) => issue.path)).toEqual([
      `rules.${feverRule}.when.all`,
    ]);
    expect(issuesOf((d) => (ruleOf(d, "fever").when = { any: [] })).map((issue) => issue.path)).toEqual([
      `rules.${feverRule}.when.any`,
    ]);
  });

  it("accepts every form, nested", () => {
    loads((d) => {
      ruleOf(d, "fever").when = {
        all: [
          { answer: "fever", equals: "yes" },
          {
            any: [
              { answer: "age", atLeast: 16 },
              { answer: "age", below: 10 },
            ],
          },
        ],
      };
    });
  });

  it("refuses a bound that is not an integer", () => {
    const young = ruleIndex(doc, "young");
    expect(
      issuesOf((d) => (ruleOf(d, "young").when = { answer: "age", below: 15.5 })).map((issue) => issue.path),
    ).toEqual([`rules.${young}.when.below`]);
  });
});

describe("questions", () => {
  it("refuses a choice question with a single choice", () => {
    expect(
      issuesOf((d) => {
        const question = choiceQuestion(d, "fever");
        question.choices = question.choices.slice(0, 1);
      }).map((issue) => issue.path),
    ).toContain(`questions.${fever}.choices`);
  });

  it("accepts a choice question with two choices", () => {
    loads((d) => {
      const question = choiceQuestion(d, "fever");
      question.choices = question.choices.slice(0, 2);
    });
  });

  it("refuses a choice marked unknown: false (only true marks one)", () => {
    expect(
      issuesOf((d) => {
        const choice = choiceQuestion(d, "fever").choices[1] as { unknown?: true };
        choice.unknown = invalid<true>(false);
      }).map((issue) => issue.path),
    ).toEqual([`questions.${fever}.choices.1.unknown`]);
  });

  it("refuses an empty list of items, and a single item choice", () => {
    const signs = questionIndex(doc, "emergencySigns");
    expect(issuesOf((d) => (choiceQuestion(d, "emergencySigns").items = [])).map((issue) => issue.path)).toEqual([
      `questions.${signs}.items`,
    ]);
    expect(
      issuesOf((d) => {
        const question = choiceQuestion(d, "emergencySigns");
        question.itemChoices = question.itemChoices?.slice(0, 1);
      }).map((issue) => issue.path),
    ).toEqual([`questions.${signs}.itemChoices`]);
  });

  it("refuses background that is not true or false", () => {
    expect(
      issuesOf((d) => (integerQuestion(d, "age").background = invalid<boolean>("yes"))).map((issue) => issue.path),
    ).toEqual([`questions.${age}.background`]);
  });

  it("refuses an unknown type and a key that belongs to the other type", () => {
    expect(
      issuesOf((d) => ((choiceQuestion(d, "fever") as { type: string }).type = "boolean")).map((issue) => issue.path),
    ).toContain(`questions.${fever}.type`);
    expect(issuesOf((d) => Object.assign(choiceQuestion(d, "fever"), { min: 0 })).map((issue) => issue.path)).toContain(
      `questions.${fever}`,
    );
  });

  it("refuses a ruleset without questions or without rules", () => {
    expect(issuesOf((d) => (d.questions = [])).map((issue) => issue.path)).toContain("questions");
    expect(issuesOf((d) => (d.rules = [])).map((issue) => issue.path)).toEqual(["rules"]);
  });
});

describe("sources", () => {
  it("a rule needs at least one source", () => {
    expect(issuesOf((d) => (ruleOf(d, "fever").sources = []))).toEqual([
      { path: `rules.${feverRule}.sources`, message: expect.stringContaining("needs at least one source") as string },
    ]);
  });

  it.each(["httpx://example.org/", "xhttp://example.org/", "ftp://example.org/", "file:///etc/passwd"])(
    "refuses the URL %j: http and https only",
    (url) => {
      expect(issuesOf((d) => (d.sources["aans"] = { title: "AANS", url })).map((issue) => issue.path)).toEqual([
        "sources.aans.url",
      ]);
    },
  );

  it("accepts http and https URLs", () => {
    loads((d) => {
      d.sources["aans"] = { title: "AANS", url: "http://example.org/a" };
      d.sources["aans-syndicated"] = { title: "AANS copy", url: "https://example.org/b" };
    });
  });
});

describe("the not-sure policy", () => {
  type Policy = RulesetDefinition["unsurePolicy"];
  it.each<[string, (policy: Policy) => void, string]>([
    ["dropping by more levels than there are", (p) => (p.possibleDropsLevels = 3), "unsurePolicy.possibleDropsLevels"],
    ["a negative drop", (p) => (p.possibleDropsLevels = -1), "unsurePolicy.possibleDropsLevels"],
    ["a floor that is not a rule urgency", (p) => (p.floor = invalid<Policy["floor"]>("none")), "unsurePolicy.floor"],
    ["an anchor for rules of one part", (p) => (p.anchor.minParts = 1), "unsurePolicy.anchor.minParts"],
    ["an anchor allowing no unsure part", (p) => (p.anchor.maxUnsureParts = 0), "unsurePolicy.anchor.maxUnsureParts"],
    [
      "an anchor needing no confirmed part",
      (p) => (p.anchor.minConfirmedParts = 0),
      "unsurePolicy.anchor.minConfirmedParts",
    ],
  ])("refuses %s", (_, edit, path) => {
    expect(issuesOf((d) => edit(d.unsurePolicy)).map((issue) => issue.path)).toEqual([path]);
  });

  it("accepts the widest settings: dropping two levels, anchors of three parts, two unsure and two confirmed", () => {
    loads((d) => {
      d.unsurePolicy = {
        possibleDropsLevels: 2,
        floor: "urgent",
        anchor: {
          urgency: "urgent",
          minParts: 3,
          maxUnsureParts: 2,
          minConfirmedParts: 2,
          backgroundNeverAnchors: false,
        },
      };
    });
  });
});

describe("advice", () => {
  it("refuses a check-back day before day 1 and an empty list of signs to watch for", () => {
    expect(issuesOf((d) => (d.advice.selfCare.checkBackDay = 0)).map((issue) => issue.path)).toEqual([
      "advice.selfCare.checkBackDay",
    ]);
    expect(issuesOf((d) => (d.advice.selfCare.watchFor = [])).map((issue) => issue.path)).toEqual([
      "advice.selfCare.watchFor",
    ]);
  });

  it("refuses advice without wording for an urgency", () => {
    expect(
      issuesOf((d) => delete (d.advice.urgency as Partial<RulesetDefinition["advice"]["urgency"]>).soon).map(
        (issue) => issue.path,
      ),
    ).toEqual(["advice.urgency.soon"]);
  });
});
