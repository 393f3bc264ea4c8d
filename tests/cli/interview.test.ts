import { describe, expect, it } from "vitest";
import type { Prompter } from "../../src/cli/interview/prompter.js";
import { run } from "../../src/cli/run.js";
import { calmAnswersMedicineHelped } from "./helpers/answers.js";
import { expectContractResult, type ContractResult } from "./helpers/contract.js";
import { makeFakeIo } from "./helpers/fake-io.js";
import { question, questionIds } from "./helpers/ruleset-file.js";
import { CANCEL, ScriptedPrompter, type Reply, type Step } from "./helpers/scripted-prompter.js";
import { effectiveAnswers, truthOf } from "../helpers/spec-policy.js";

// The prompts the interview adds around the ruleset's questions.
const CONFIRM_EMERGENCY = "Are your answers right?";
const WHICH_ANSWER = "Which answer do you want to change?";
const REVIEW = "Please check your answers.";

/** The person answers question `field` (its prompt text read from rules/default.json). */
const answer = (field: string, reply: Reply): Step => ({ message: question(field).prompt, reply });
/** One item of the emergency list, asked on its own after "not sure". */
const item = (reply: Reply): Step => ({ message: question("emergencySigns").itemPrompt ?? "no itemPrompt", reply });
const confirmEmergency: Step = { message: CONFIRM_EMERGENCY, reply: { nameIncludes: "show me what to do" } };
const correctAtEmergency = (field: string): Step[] => [
  { message: CONFIRM_EMERGENCY, reply: { nameIncludes: "change an answer" } },
  { message: WHICH_ANSWER, reply: { nameIncludes: question(field).label } },
];
const reviewDone: Step = { message: REVIEW, reply: { nameIncludes: "show my result" } };
const reviewChange = (field: string): Step => ({
  message: REVIEW,
  reply: { nameIncludes: `"${question(field).label}"` },
});

type Answers = Record<string, string | number>;

/** The questions for `answers`, in question order, as the flow should ask them (a follow-up only while its condition holds). */
function answerAll(answers: Answers, from = 0, until = questionIds.length): Step[] {
  return questionIds.slice(from, until).flatMap((id) => {
    const askWhen = question(id).askWhen;
    if (askWhen !== undefined && truthOf(askWhen, effectiveAnswers(answers)) === 0) return [];
    const value = answers[id];
    if (value === undefined) throw new Error(`test answers lack ${id}`);
    return [answer(id, value)];
  });
}

const calm: Answers = { ...calmAnswersMedicineHelped };

async function interview(argv: readonly string[], steps: readonly Step[]) {
  const prompter = new ScriptedPrompter(steps);
  const fake = makeFakeIo({ prompter, stdinIsTTY: true, stdoutIsTTY: false });
  const code = await run(argv, fake.io);
  expect(prompter.problems, "the interview asked something the script did not expect").toEqual([]);
  expect(prompter.remaining, "the interview ended before the script did").toEqual([]);
  return { code, stdout: fake.stdout(), stderr: fake.stderr(), prompter };
}

/** Runs with --json, checks exit 0 and the contract, returns the result. */
async function interviewResult(steps: readonly Step[], argv: readonly string[] = []) {
  const done = await interview(["--json", ...argv], steps);
  expect(done.stderr).toBe("");
  expect(done.code).toBe(0);
  return { result: expectContractResult(JSON.parse(done.stdout)), prompter: done.prompter };
}

const ruleIds = (result: ContractResult) => result.reasons.map((r) => r.ruleId);

describe("interview: complete paths", () => {
  it("self-care: all no, age 30, 3 days, medicine helped → exit 0, self-care, improving not asked", async () => {
    const { result, prompter } = await interviewResult([...answerAll(calm), reviewDone]);
    expect(result.verdict).toBe("self-care-likely-fine");
    expect(result.urgency).toBe("none");
    expect(result.unanswered).toBeUndefined();
    expect(prompter.asked).not.toContain(question("improving").prompt);
    // Checking back is counted from the days given: day 7 is 4 days from day 3 (docs/clinical-basis.md section 4).
    expect(result.advice).toContain("4 days from now");
  });

  it("the result equals --answers with the same answers and improving passed as unsure", async () => {
    const { result } = await interviewResult([...answerAll(calm), reviewDone]);
    const fake = makeFakeIo({ stdinIsTTY: false, stdinText: JSON.stringify({ ...calm, improving: "unsure" }) });
    expect(await run(["--answers", "-", "--json"], fake.io)).toBe(0);
    expect(result).toEqual(JSON.parse(fake.stdout()));
  });

  it("integer questions take the ranges of rules/default.json", async () => {
    const { prompter } = await interviewResult([...answerAll(calm), reviewDone]);
    for (const id of ["age", "painDays"]) {
      const [prompt] = prompter.integersOf(question(id).prompt);
      expect(prompt, id).toMatchObject({ min: question(id).min, max: question(id).max });
    }
  });

  it("improving is asked from day 7; pain for 7 days and not improving → soon (not-improving)", async () => {
    const answers = { ...calm, painDays: 7, improving: "no" };
    const { result } = await interviewResult([...answerAll(answers), reviewDone]);
    expect(result.verdict).toBe("see-a-professional");
    expect(result.urgency).toBe("soon");
    expect(ruleIds(result)).toEqual(["not-improving"]);
    expect(result.reasons[0]?.answers).toEqual({ painDays: 7, improving: "no" });
  });

  it("improving is not asked on day 6", async () => {
    const { result, prompter } = await interviewResult([...answerAll({ ...calm, painDays: 6 }), reviewDone]);
    expect(prompter.asked).not.toContain(question("improving").prompt);
    expect(result.urgency).toBe("none");
  });

  it("a referral: headache at age 30 → soon, exit 0; with --exit-code → 3", async () => {
    const steps = [...answerAll({ ...calm, headache: "yes", headacheNew: "no" }), reviewDone];
    const { result } = await interviewResult(steps);
    expect(result.verdict).toBe("see-a-professional");
    expect(result.urgency).toBe("soon");
    expect(ruleIds(result)).toEqual(["headache"]);
    expect(result.reasons[0]?.certainty).toBe("confirmed");

    const withExitCode = await interview(["--json", "--exit-code"], steps);
    expect(withExitCode.code).toBe(3);
    expect(JSON.parse(withExitCode.stdout)).toEqual(result);
  });

  it("prompts go to the prompter, never to stdout: text stdout is the result alone", async () => {
    const done = await interview([], [...answerAll(calm), reviewDone]);
    expect(done.code).toBe(0);
    expect(done.stderr).toBe("");
    const fake = makeFakeIo({ stdinIsTTY: false, stdinText: JSON.stringify(calm) });
    await run(["--answers", "-"], fake.io);
    expect(done.stdout).toBe(fake.stdout());
    for (const message of done.prompter.asked) expect(done.stdout).not.toContain(message);
    expect(done.prompter.said.length).toBeGreaterThan(0);
    for (const text of done.prompter.said) expect(done.stdout).not.toContain(text);
  });
});

describe("interview: stopping at a confirmed emergency", () => {
  it("emergency signs yes → emergency, every other question unanswered in order, nothing asked after the confirmation", async () => {
    const { result, prompter } = await interviewResult(
      [answer("emergencySigns", "yes"), confirmEmergency],
      ["--emergency-number", "112"],
    );
    expect(result.verdict).toBe("see-a-professional");
    expect(result.urgency).toBe("emergency");
    expect(ruleIds(result)).toEqual(["emergency-signs"]);
    expect(result.reasons[0]?.answers).toEqual({ emergencySigns: "yes" });
    expect(result.unanswered).toEqual(questionIds.filter((id) => id !== "emergencySigns"));
    expect(result.advice).toContain("112");
    expect(prompter.asked).toEqual([question("emergencySigns").prompt, CONFIRM_EMERGENCY]);
    // What to do is shown the moment the emergency is confirmed, before asking whether the answers are right.
    expect(prompter.events.at(-2)).toEqual({ kind: "say", text: prompter.said.at(-1) });
    expect(prompter.said.at(-1)).toContain("112");
  });

  it("injury yes + weakness yes at 30 → stops before the tingling question (contract example)", async () => {
    const answers = { ...calm, injury: "yes", injuryMechanism: "no", limbWeakness: "yes" };
    const steps = [...answerAll(answers, 0, questionIds.indexOf("limbWeakness") + 1), confirmEmergency];
    const { result, prompter } = await interviewResult(steps);
    expect(result.urgency).toBe("emergency");
    expect(prompter.asked).not.toContain(question("armTinglingOrNumbness").prompt);
    expect(result.unanswered).toEqual(questionIds.slice(questionIds.indexOf("limbWeakness") + 1));
    // Only rules already decided: spinal-cord-injury (emergency), injury and weakness-or-coordination (urgent).
    expect(ruleIds(result)).toEqual(["spinal-cord-injury", "injury", "weakness-or-coordination"]);
    expect(result.reasons[0]).toMatchObject({
      certainty: "confirmed",
      answers: { injury: "yes", limbWeakness: "yes" },
    });
    expect(result.advice).toMatch(/keep your head and neck still/i);
  });

  it("correcting a mistaken answer at the stop: change emergency signs to no, then the interview goes on to the end", async () => {
    const steps = [
      answer("emergencySigns", "yes"),
      ...correctAtEmergency("emergencySigns"),
      answer("emergencySigns", "no"),
      ...answerAll(calm, 1),
      reviewDone,
    ];
    const { result, prompter } = await interviewResult(steps);
    expect(result.verdict).toBe("self-care-likely-fine");
    expect(result.unanswered).toBeUndefined();
    // Only questions already answered can be changed.
    expect(prompter.selectsOf(WHICH_ANSWER)[0]?.choices).toHaveLength(1);
    const reasked = prompter.selectsOf(question("emergencySigns").prompt)[1];
    expect(reasked?.defaultValue, "the re-asked question starts at the current answer").toBe("yes");
  });

  it("changing an answer at the review to an emergency one stops there, with the full result of those answers", async () => {
    const answers = { ...calm, headache: "unsure", headacheNew: "no" };
    const steps = [
      ...answerAll(answers),
      reviewChange("fever"),
      answer("fever", "yes"),
      reviewChange("canTouchChinToChest"),
      answer("canTouchChinToChest", "no"),
      confirmEmergency,
    ];
    const { result } = await interviewResult(steps);
    expect(result.urgency).toBe("emergency");
    expect(ruleIds(result)).toContain("meningitis-signs");
    // Nothing was left unasked, so the "not sure" headache still counts, as it would from a file.
    expect(result.unanswered).toBeUndefined();
    expect(result.reasons).toContainEqual(expect.objectContaining({ ruleId: "headache", certainty: "possible" }));
    const fake = makeFakeIo({
      stdinIsTTY: false,
      stdinText: JSON.stringify({ ...answers, fever: "yes", canTouchChinToChest: "no" }),
    });
    expect(await run(["--answers", "-", "--json"], fake.io)).toBe(0);
    expect(result).toEqual(JSON.parse(fake.stdout()));
  });
});

describe('interview: "not sure" about the emergency list', () => {
  const items = question("emergencySigns").items ?? [];

  it("asks the six items one at a time, each shown before its question; all no → continues as no", async () => {
    const steps = [
      answer("emergencySigns", "unsure"),
      ...items.map(() => item("no")),
      ...answerAll(calm, 1),
      reviewDone,
    ];
    const { result, prompter } = await interviewResult(steps);
    expect(items).toHaveLength(6);
    const itemPrompt = item("no").message;
    const shownBefore = prompter.events.flatMap((event, i) => {
      const before = prompter.events[i - 1];
      return event.kind === "select" && event.message === itemPrompt ? [before?.kind === "say" ? before.text : ""] : [];
    });
    expect(shownBefore).toHaveLength(items.length);
    items.forEach((entry, i) =>
      expect(shownBefore[i], `item ${entry.id} shown just before its question`).toContain(entry.text),
    );
    expect(result.verdict).toBe("self-care-likely-fine");
    const review = prompter.selectsOf(REVIEW)[0]?.choices.map((c) => c.name) ?? [];
    expect(review).toContainEqual(expect.stringContaining(`"${question("emergencySigns").label}" (now: No`));
  });

  it("one yes (the third item) → emergency at once; the items after it are not asked", async () => {
    const steps = [answer("emergencySigns", "unsure"), item("no"), item("unsure"), item("yes"), confirmEmergency];
    const { result } = await interviewResult(steps);
    expect(result.urgency).toBe("emergency");
    expect(result.reasons[0]).toMatchObject({
      ruleId: "emergency-signs",
      certainty: "confirmed",
      answers: { emergencySigns: "yes" },
    });
    expect(result.unanswered).toEqual(questionIds.slice(1));
  });

  it("some items not sure, the rest no → unsure: a possible emergency, dropped to urgent (same day)", async () => {
    const steps = [
      answer("emergencySigns", "unsure"),
      item("no"),
      item("unsure"),
      item("no"),
      item("no"),
      item("unsure"),
      item("no"),
      ...answerAll(calm, 1),
      reviewDone,
    ];
    const { result } = await interviewResult(steps);
    expect(result.urgency).toBe("urgent");
    expect(result.reasons).toHaveLength(1);
    expect(result.reasons[0]).toMatchObject({
      ruleId: "emergency-signs",
      certainty: "possible",
      urgency: "urgent",
      answers: { emergencySigns: "unsure" },
    });
    expect(result.advice).toMatch(/today/);
  });
});

describe("interview: follow-up questions (docs/clinical-basis.md section 1b)", () => {
  const mechanismItem = (reply: Reply): Step => ({
    message: question("injuryMechanism").itemPrompt ?? "no itemPrompt",
    reply,
  });

  it("asks injuryMechanism right after an injury, shows its list, and a yes stops at an emergency", async () => {
    const steps = [
      answer("emergencySigns", "no"),
      answer("age", 30),
      answer("injury", "yes"),
      answer("injuryMechanism", "yes"),
      confirmEmergency,
    ];
    const { result, prompter } = await interviewResult(steps);
    expect(ruleIds(result)).toEqual(["injury-dangerous-mechanism", "injury"]);
    const shown = prompter.events
      .filter((event) => event.kind === "say")
      .map((event) => event.text)
      .join("\n");
    for (const entry of question("injuryMechanism").items ?? []) expect(shown).toContain(entry.text);
    expect(result.advice).toMatch(/still/);
  });

  it("asks the injury list item by item on 'not sure'; still unsure → an anchored emergency (injury yes + mechanism unsure)", async () => {
    const items = question("injuryMechanism").items ?? [];
    const steps = [
      answer("emergencySigns", "no"),
      answer("age", 30),
      answer("injury", "yes"),
      answer("injuryMechanism", "unsure"),
      ...items.map((_, i) => mechanismItem(i === 2 ? "unsure" : "no")),
      ...answerAll({ ...calm, injury: "yes" }, questionIds.indexOf("riskHistory")),
      reviewDone,
    ];
    const { result } = await interviewResult(steps);
    expect(items).toHaveLength(6);
    expect(result.reasons[0]).toMatchObject({
      ruleId: "injury-dangerous-mechanism",
      certainty: "possible",
      urgency: "emergency",
    });
  });

  it("asks headacheNew after a headache, and headacheFast only when the headache is new (or not sure)", async () => {
    const old = await interviewResult([
      ...answerAll({ ...calm, headache: "yes", headacheNew: "no", age: 62 }),
      reviewDone,
    ]);
    expect(old.prompter.selectsOf(question("headacheFast").prompt)).toHaveLength(0);
    expect(ruleIds(old.result)).toEqual(["headache"]);
    const sudden = await interviewResult([
      ...answerAll({ ...calm, headache: "yes", headacheNew: "yes", headacheFast: "yes" }),
      reviewDone,
    ]);
    expect(sudden.prompter.selectsOf(question("headacheFast").prompt)).toHaveLength(1);
    expect(ruleIds(sudden.result)).toContain("sudden-new-headache");
    expect(sudden.result.urgency).toBe("urgent");
  });

  it("changing headache to no at the review drops its follow-ups from the review and the result", async () => {
    const answers = { ...calm, headache: "yes", headacheNew: "yes", headacheFast: "no" };
    const steps = [...answerAll(answers), reviewChange("headache"), answer("headache", "no"), reviewDone];
    const { result, prompter } = await interviewResult(steps);
    expect(result.verdict).toBe("self-care-likely-fine");
    const lastReview =
      prompter
        .selectsOf(REVIEW)
        .at(-1)
        ?.choices.map((c) => c.name) ?? [];
    expect(lastReview).not.toContainEqual(expect.stringContaining(`"${question("headacheNew").label}"`));
    expect(lastReview).not.toContainEqual(expect.stringContaining(`"${question("headacheFast").label}"`));
  });

  it("changing swallowing to yes at the review asks swallowingSevere then", async () => {
    const steps = [
      ...answerAll(calm),
      reviewChange("swallowing"),
      answer("swallowing", "yes"),
      answer("swallowingSevere", "yes"),
      reviewDone,
    ];
    const { result } = await interviewResult(steps);
    expect(ruleIds(result)).toEqual(["swallowing-severe", "swallowing"]);
    expect(result.advice).toMatch(/emergency department today/);
  });
});

describe("interview: the review step", () => {
  it("changing painDays from 3 to 10 asks improving, and the answer counts", async () => {
    const steps = [
      ...answerAll(calm),
      reviewChange("painDays"),
      answer("painDays", 10),
      answer("improving", "no"),
      reviewDone,
    ];
    const { result, prompter } = await interviewResult(steps);
    expect(prompter.integersOf(question("painDays").prompt)[1]?.defaultValue, "re-asked at the current answer").toBe(3);
    expect(ruleIds(result)).toEqual(["not-improving"]);
    expect(result.reasons[0]?.answers).toEqual({ painDays: 10, improving: "no" });
    const lastReview =
      prompter
        .selectsOf(REVIEW)
        .at(-1)
        ?.choices.map((c) => c.name) ?? [];
    expect(lastReview).toContainEqual(expect.stringContaining(`"${question("improving").label}"`));
  });

  it("changing painDays from 10 to 3 drops improving from the review and from the rules", async () => {
    const answers = { ...calm, painDays: 10, improving: "no" };
    const steps = [...answerAll(answers), reviewChange("painDays"), answer("painDays", 3), reviewDone];
    const { result, prompter } = await interviewResult(steps);
    expect(result.verdict).toBe("self-care-likely-fine");
    const firstReview = prompter.selectsOf(REVIEW)[0]?.choices.map((c) => c.name) ?? [];
    const lastReview =
      prompter
        .selectsOf(REVIEW)
        .at(-1)
        ?.choices.map((c) => c.name) ?? [];
    expect(firstReview).toContainEqual(expect.stringContaining(`"${question("improving").label}"`));
    expect(lastReview).not.toContainEqual(expect.stringContaining(`"${question("improving").label}"`));
  });
});

describe("interview: Ctrl-C", () => {
  const cases: { name: string; steps: Step[] }[] = [
    { name: "at the first question", steps: [answer("emergencySigns", CANCEL)] },
    {
      name: "in the middle (fever)",
      steps: [...answerAll(calm, 0, questionIds.indexOf("fever")), answer("fever", CANCEL)],
    },
    {
      name: "at a number question (painDays)",
      steps: [...answerAll(calm, 0, questionIds.indexOf("painDays")), answer("painDays", CANCEL)],
    },
    {
      name: "at the emergency confirmation",
      steps: [answer("emergencySigns", "yes"), { message: CONFIRM_EMERGENCY, reply: CANCEL }],
    },
    { name: "at the review", steps: [...answerAll(calm), { message: REVIEW, reply: CANCEL }] },
  ];

  it.each(cases)("$name → exit 130, Cancelled on stderr, nothing on stdout", async ({ steps }) => {
    const done = await interview(["--json"], steps);
    expect(done.code).toBe(130);
    expect(done.stderr).toMatch(/Cancelled/);
    expect(done.stderr).not.toMatch(/^\s+at /m);
    expect(done.stdout).toBe("");
  });
});

describe("interview: an unexpected failure", () => {
  const failingPrompter: Prompter = {
    say() {},
    integer: () => Promise.reject(new Error("terminal went away")),
    select: () => Promise.reject(new Error("terminal went away")),
  };

  it("exits 1 with a one-line internal error and no stack trace", async () => {
    const fake = makeFakeIo({ prompter: failingPrompter });
    expect(await run(["--json"], fake.io)).toBe(1);
    expect(fake.stdout()).toBe("");
    expect(fake.stderr()).toMatch(/^neck-triage: internal error: terminal went away$/m);
    expect(fake.stderr()).toMatch(/--debug/);
    expect(fake.stderr()).not.toMatch(/^\s+at /m);
  });

  it("with --debug, shows where it happened", async () => {
    const fake = makeFakeIo({ prompter: failingPrompter });
    expect(await run(["--json", "--debug"], fake.io)).toBe(1);
    expect(fake.stderr()).toMatch(/terminal went away/);
    expect(fake.stderr()).toMatch(/^\s+at /m);
  });
});

describe("interview: the real terminal prompter", () => {
  it("draws the questions on stderr, and Ctrl-C (a ^C keypress) exits 130 with nothing on stdout", async () => {
    const fake = makeFakeIo({ stdinIsTTY: true });
    const exit = run(["--json"], fake.io);
    // Wait until the first question's choices are drawn, then press Ctrl-C.
    const firstChoice = question("emergencySigns").choices?.[0]?.label ?? "no choices";
    for (let i = 0; i < 500 && !fake.stderr().includes(firstChoice); i++) await new Promise((r) => setTimeout(r, 10));
    expect(fake.stderr()).toContain(firstChoice);
    fake.stdin.write("\u0003");
    expect(await exit).toBe(130);
    expect(fake.stdout()).toBe("");
    expect(fake.stderr()).toMatch(/Cancelled/);
  });
});
