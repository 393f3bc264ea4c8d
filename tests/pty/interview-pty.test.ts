/**
 * The interview in a real terminal: the built bin/neck-triage in a pseudo-terminal, its output drawn by a
 * headless xterm of the same size, driven with the keys a person presses. What is asserted is what the
 * screen shows (after the prompts' redrawing and erasing), plus the raw bytes where they matter (colour,
 * cursor visibility). Questions, choice labels and advice come from rules/default.json; the few words
 * of the CLI's own (the emergency stop and the review) are the CLI's, written here once.
 */
import { describe, expect, test } from "vitest";
import { CALM_ASKED, calmAskedWith } from "../cli/helpers/typed-answers.js";
import { flat, KEY, type PtySession } from "./pty-session.js";
import { usePtySessions } from "./sessions.js";
import { choiceLabel, headline, question, rules, ruleSummary, urgencyAdvice, urgencyTag } from "./rules.js";
import { dateInWords, localDate } from "../../src/engine/calendar.js";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { triage } from "../../src/index.js";
import { unsureAnswers } from "../helpers/answers.js";
import {
  colourSequences,
  finalCursorVisibility,
  HIDE_CURSOR,
  overlongRows,
  SHOW_CURSOR,
  softWrapProblems,
} from "./screen-checks.js";

const TEST_MS = 20_000;

// The CLI's own words at the emergency stop and at the review (src/cli/interview/flow.ts).
const ARE_ANSWERS_RIGHT = "Are your answers right?";
const SHOW_WHAT_TO_DO = "Yes: show me what to do";
const CHANGE_AN_ANSWER = "No, I answered by mistake: change an answer";
const EMERGENCY_CHOICES = [SHOW_WHAT_TO_DO, CHANGE_AN_ANSWER];
const WHICH_ANSWER = "Which answer do you want to change?";
const REVIEW = "Please check your answers.";
const SHOW_RESULT = "These are right: show my result";
const ONE_AT_A_TIME = "One at a time, then:";

/** A choice question's value, or a whole number for a number question. */
type Answer = string | number;

/** Answers with no warning sign, in interview order (`improving` is not asked: painDays < 7). */
const NO_WARNING = CALM_ASKED;

/** NO_WARNING with these changes, and the follow-ups they switch on (tests/cli/helpers/typed-answers.ts). */
const withAnswers = calmAskedWith;

function labels(id: string): string[] {
  const choices = question(id).choices;
  if (!choices) throw new Error(`question "${id}" has no choices`);
  return choices.map((c) => c.label);
}

/** An answer as the review shows it: the choice's label, or the number with its unit. */
function described(id: string, value: Answer): string {
  const q = question(id);
  return q.type === "integer" ? `${value} ${q.unit ?? ""}`.trim() : choiceLabel(id, String(value));
}

/** An answer as the finished prompt shows it after the question: the choice's label, or the number typed. */
function echoed(id: string, value: Answer): string {
  return question(id).type === "integer" ? String(value) : choiceLabel(id, String(value));
}

function reviewChoices(answers: ReadonlyArray<readonly [string, Answer]>): string[] {
  return [
    SHOW_RESULT,
    ...answers.map(([id, value]) => `Change "${question(id).label}" (now: ${described(id, value)})`),
  ];
}

const start = usePtySessions();

/** Waits for question `id` (its words from the ruleset, however wrapped) and answers it with the keys a person would use. */
async function answer(s: PtySession, id: string, value: Answer): Promise<void> {
  const q = question(id);
  await s.waitForPrompt(q.prompt);
  if (q.type === "integer") {
    await s.answer(`${value}${KEY.enter}`);
  } else {
    await s.select(labels(id), choiceLabel(id, String(value)));
  }
}

async function answerAll(s: PtySession, answers: ReadonlyArray<readonly [string, Answer]>): Promise<void> {
  for (const [id, value] of answers) await answer(s, id, value);
}

/** The review: every answer listed; the first choice (already highlighted) shows the result. */
async function confirmReview(s: PtySession, answers: ReadonlyArray<readonly [string, Answer]>): Promise<void> {
  const prompt = flat(await s.waitForPrompt(REVIEW));
  const choices = reviewChoices(answers);
  expect(prompt).toContain(`❯ ${SHOW_RESULT}`);
  for (const choice of choices.slice(1)) expect(prompt).toContain(flat(choice));
  await s.select(choices, SHOW_RESULT);
}

/** What was written between the answer to `id` ("✔ prompt answer") and the prompt now waiting, flattened. */
function saidAfterAnswer(s: PtySession, id: string, value: Answer): string {
  const before = flat(s.textBeforeActivePrompt());
  const done = flat(`✔ ${question(id).prompt} ${echoed(id, value)}`);
  const at = before.lastIndexOf(done);
  if (at === -1) throw new Error(`${JSON.stringify(done)} is not on screen:\n${s.screen()}`);
  return before.slice(at + done.length);
}

/** All text after the last place `marker` appears (both flattened, so wrapping does not matter). */
function flatAfter(s: PtySession, marker: string): string {
  const text = flat(s.text());
  const at = text.lastIndexOf(flat(marker));
  if (at === -1) throw new Error(`${JSON.stringify(marker)} is not on screen:\n${s.screen()}`);
  return text.slice(at + flat(marker).length).trim();
}

/** The text after the last row that is exactly `marker`. */
function textAfter(s: PtySession, marker: string): string {
  const rows = s.allRows().map((r) => r.text);
  const at = rows.lastIndexOf(marker);
  if (at === -1) throw new Error(`${JSON.stringify(marker)} is not on screen:\n${s.screen()}`);
  return rows.slice(at + 1).join("\n");
}

// Each test has its own session and ends it itself, so that they run concurrently (vitest's maxConcurrency at a time).
describe.concurrent("the interview in a real terminal", () => {
  test(
    "self-care path: no warning signs, 3 days, medicine helped; review, then the self-care result; exit 0",
    async ({ onTestFinished }) => {
      const s = start({ onTestFinished });
      await answerAll(s, NO_WARNING);
      await confirmReview(s, NO_WARNING);
      const exit = await s.waitForExit();
      expect(exit.exitCode).toBe(0);

      const text = flat(s.text());
      expect(text).toContain(headline("none"));
      expect(text).toContain("No warning signs were reported.");
      // Day 3 of 7: the check-back point as a date, 4 days from today (the terminal shows dates, not "days from now").
      const checkBack = (rules.advice.selfCare.checkBackBy ?? "")
        .replace("{day}", String(rules.advice.selfCare.checkBackDay))
        .replace("{date}", dateInWords(localDate(new Date()), rules.advice.selfCare.checkBackDay - 3));
      expect(text).toContain(flat(checkBack));
      expect(text).not.toContain("days from now");
      expect(text).toContain(flat(rules.disclaimer));
      // painDays 3: "Is it getting better?" is not asked.
      expect(text).not.toContain(flat(question("improving").prompt));
      expect(text).not.toMatch(/\[(EMERGENCY|URGENT|SOON)\]/);
    },
    TEST_MS,
  );

  test(
    "referral: a headache gives a result that says how soon in words (SOON), exit 0",
    async ({ onTestFinished }) => {
      const s = start({ onTestFinished });
      const answers = withAnswers({ headache: "yes" });
      await answerAll(s, answers);
      await confirmReview(s, answers);
      expect((await s.waitForExit()).exitCode).toBe(0);

      const text = flat(s.text());
      expect(text).toContain(headline("soon"));
      expect(text).toContain(flat(urgencyAdvice("soon")));
      expect(text).toContain(flat(`${urgencyTag("soon")} ${ruleSummary("headache")}`));
      expect(text).not.toContain(headline("none"));
    },
    TEST_MS,
  );

  test(
    'emergency stop: "Yes" shows the emergency advice at once; "show me what to do" ends with EMERGENCY, nothing more asked',
    async ({ onTestFinished }) => {
      const s = start({ onTestFinished });
      await answer(s, "emergencySigns", "yes");
      // The very next thing on screen is the emergency advice, with the question whether the answers are right.
      const stop = flat(await s.waitForPrompt(ARE_ANSWERS_RIGHT));
      for (const choice of EMERGENCY_CHOICES) expect(stop).toContain(flat(choice));
      const said = saidAfterAnswer(s, "emergencySigns", "yes");
      expect(said).toContain(headline("emergency"));
      expect(said).toContain(flat(urgencyAdvice("emergency")));
      expect(said).toContain(flat(ruleSummary("emergency-signs")));
      expect(flat(s.text())).not.toContain(flat(question("age").prompt));

      await s.select(EMERGENCY_CHOICES, SHOW_WHAT_TO_DO);
      expect((await s.waitForExit()).exitCode).toBe(0);
      const text = flat(s.text());
      expect(text).toContain(`${headline("emergency")} ${flat(urgencyAdvice("emergency"))}`);
      expect(text).toContain(`${urgencyTag("emergency")} ${flat(ruleSummary("emergency-signs"))}`);
      expect(text).toContain("Stopped at the emergency");
      // Two answers given (the screen and "show me what to do"), no other question asked.
      expect(s.answeredCount()).toBe(2);
      for (const q of rules.questions.slice(1)) expect(text).not.toContain(flat(q.prompt));
    },
    TEST_MS,
  );

  test(
    '"not sure" to the emergency screen: the six signs are asked one at a time; all "No" goes on to the age question',
    async ({ onTestFinished }) => {
      const s = start({ onTestFinished });
      const screen = question("emergencySigns");
      const items = screen.items ?? [];
      const itemPrompt = screen.itemPrompt ?? screen.prompt;
      const itemLabels = (screen.itemChoices ?? []).map((c) => c.label);
      expect(items).toHaveLength(6);
      expect(itemLabels).toContain("No");

      await answer(s, "emergencySigns", "unsure");
      for (const [i, item] of items.entries()) {
        await s.waitForPrompt(itemPrompt);
        const sinceStart = flat(textAfter(s, ONE_AT_A_TIME));
        // This sign is shown right above its question; the ones after it are not shown yet.
        expect(flat(s.textBeforeActivePrompt()).endsWith(flat(`- ${item.text}`))).toBe(true);
        for (const later of items.slice(i + 1)) expect(sinceStart).not.toContain(flat(later.text));
        for (const label of itemLabels) expect(flat(s.activePrompt() ?? "")).toContain(label);
        await s.select(itemLabels, "No");
      }
      await s.waitForPrompt(question("age").prompt);
      const text = flat(s.text());
      expect(text.split(flat(`✔ ${itemPrompt} No`)).length - 1).toBe(6);
      expect(text).not.toContain(headline("emergency"));
    },
    TEST_MS,
  );

  test(
    "correcting an answer at the emergency stop: change, pick the question, answer No, and the interview goes on",
    async ({ onTestFinished }) => {
      const s = start({ onTestFinished });
      await answer(s, "emergencySigns", "yes");
      await s.waitForPrompt(ARE_ANSWERS_RIGHT);
      await s.select(EMERGENCY_CHOICES, CHANGE_AN_ANSWER);

      const which = flat(await s.waitForPrompt(WHICH_ANSWER));
      const current = `${question("emergencySigns").label} (now: ${choiceLabel("emergencySigns", "yes")})`;
      expect(which).toContain(`❯ ${current}`);
      await s.select([current], current);

      // Asked again, with the answer given before highlighted.
      await s.waitForPrompt(question("emergencySigns").prompt);
      expect(s.highlighted(labels("emergencySigns"))).toBe(
        labels("emergencySigns").indexOf(choiceLabel("emergencySigns", "yes")),
      );
      await s.select(labels("emergencySigns"), choiceLabel("emergencySigns", "no"));

      // The interview goes on where it was; the rest answered without warning signs gives the self-care result.
      await answerAll(s, NO_WARNING.slice(1));
      await confirmReview(s, NO_WARNING);
      expect((await s.waitForExit()).exitCode).toBe(0);
      const result = flatAfter(s, `✔ ${REVIEW} ${SHOW_RESULT}`);
      expect(result).toContain(headline("none"));
      expect(result).not.toContain(headline("emergency"));
    },
    TEST_MS,
  );

  describe("Ctrl-C", () => {
    const cases: Array<{ where: string; before: ReadonlyArray<readonly [string, Answer]>; at: string }> = [
      { where: "at the first question", before: [], at: "emergencySigns" },
      { where: "at a middle question (fever)", before: NO_WARNING.slice(0, 6), at: "fever" },
      {
        where: "at a number question (days)",
        before: NO_WARNING.slice(
          0,
          NO_WARNING.findIndex(([id]) => id === "painDays"),
        ),
        at: "painDays",
      },
    ];
    test.for(cases)(
      '$where: exit 130, "Cancelled" on screen, no result, the cursor shown again',
      { timeout: TEST_MS },
      async ({ before, at }, { onTestFinished }) => {
        const s = start({ onTestFinished });
        await answerAll(s, before);
        await s.waitForPrompt(question(at).prompt);
        const pressed = s.raw.length;
        s.write(KEY.ctrlC);
        const exit = await s.waitForExit();
        expect(exit.exitCode).toBe(130);

        const rows = s.allRows().map((r) => r.text);
        expect(rows.at(-1)).toBe("Cancelled.");
        expect(flat(s.text())).not.toMatch(/EMERGENCY:|URGENT:|SOON:/);
        // @inquirer hides the cursor while a list is on screen and always shows it again when a prompt
        // ends, Ctrl-C included: the terminal is left with a visible cursor, before "Cancelled." is written.
        if (question(at).type === "choice") expect(s.raw.slice(0, pressed)).toContain(HIDE_CURSOR);
        const afterKey = s.raw.slice(pressed);
        expect(afterKey).toContain(SHOW_CURSOR);
        expect(afterKey.indexOf(SHOW_CURSOR)).toBeLessThan(afterKey.indexOf("Cancelled."));
        expect(finalCursorVisibility(s.raw)).toBe("shown");
      },
    );
  });

  describe("colour", () => {
    async function emergencyPath(s: PtySession): Promise<void> {
      await answer(s, "emergencySigns", "yes");
      await s.waitForPrompt(ARE_ANSWERS_RIGHT);
      await s.select(EMERGENCY_CHOICES, SHOW_WHAT_TO_DO);
      expect((await s.waitForExit()).exitCode).toBe(0);
    }

    test(
      "NO_COLOR=1: no colour sequences at all in the prompts or the result, and the urgency still in words",
      async ({ onTestFinished }) => {
        const s = start({ onTestFinished }, { env: { NO_COLOR: "1", TERM: "xterm-256color" } });
        await emergencyPath(s);
        expect(colourSequences(s.raw)).toEqual([]);
        expect(flat(s.text())).toContain(headline("emergency"));
      },
      TEST_MS,
    );

    test(
      "colour allowed (TERM=xterm-256color, no NO_COLOR): colour sequences do appear, so the check above can fail",
      async ({ onTestFinished }) => {
        const s = start({ onTestFinished }, { color: true, env: { TERM: "xterm-256color" } });
        await emergencyPath(s);
        const colours = colourSequences(s.raw);
        expect(colours.length).toBeGreaterThan(0);
        // The emergency headline on a red background (chalk bgRed), and the prompts' own colours (@inquirer).
        expect(s.raw).toContain(`\u001b[41m`);
        expect(flat(s.text())).toContain(headline("emergency"));
      },
      TEST_MS,
    );
  });

  describe.each([
    { cols: 80, rows: 24 },
    { cols: 40, rows: 24 },
  ])("a $cols x $rows terminal", ({ cols, rows }) => {
    const expectTidy = (s: PtySession): void => {
      const all = s.allRows();
      expect(softWrapProblems(all, cols)).toEqual([]);
      expect(overlongRows(all, cols)).toEqual([]);
    };
    /** Nothing lost: the whole disclaimer, and at the end the headline and what to do, down to the advice's last words on the last row. */
    const expectActionLast = (s: PtySession, urgency: "emergency" | "soon"): void => {
      expect(flat(s.text())).toContain(flat(rules.disclaimer));
      expect(flat(s.text()).endsWith(`${headline(urgency)} ${flat(urgencyAdvice(urgency))}`)).toBe(true);
    };

    test(
      "the emergency stop and the emergency result wrap at spaces; the headline is whole",
      async ({ onTestFinished }) => {
        const s = start({ onTestFinished }, { cols, rows });
        await answer(s, "emergencySigns", "yes");
        await s.waitForPrompt(ARE_ANSWERS_RIGHT);
        expectTidy(s);
        const said = saidAfterAnswer(s, "emergencySigns", "yes");
        for (const part of [headline("emergency"), urgencyAdvice("emergency"), ruleSummary("emergency-signs")])
          expect(said).toContain(flat(part));
        await s.select(EMERGENCY_CHOICES, SHOW_WHAT_TO_DO);
        expect((await s.waitForExit()).exitCode).toBe(0);
        expectTidy(s);
        const result = flatAfter(s, `✔ ${ARE_ANSWERS_RIGHT} ${SHOW_WHAT_TO_DO}`);
        expect(result).toContain(flat(rules.disclaimer));
        expectActionLast(s, "emergency");
      },
      TEST_MS,
    );

    test(
      "prompts, lists and the result wrap at spaces, no line is wider than the screen, nothing is lost",
      async ({ onTestFinished }) => {
        const s = start({ onTestFinished }, { cols, rows });
        const tidy = (): void => expectTidy(s);
        const intact = (choices: readonly string[]): void => {
          const prompt = flat(s.activePrompt() ?? "");
          for (const choice of choices) expect(prompt).toContain(flat(choice));
        };

        // The longest screens: the emergency list, the emergency stop and its correction, long choices.
        await s.waitForPrompt(question("emergencySigns").prompt);
        intact(labels("emergencySigns"));
        tidy();
        const said = flat(s.textBeforeActivePrompt());
        expect(said.startsWith(flat(rules.title))).toBe(true);
        for (const part of [rules.intro, question("emergencySigns").help ?? ""]) expect(said).toContain(flat(part));
        for (const item of question("emergencySigns").items ?? []) expect(said).toContain(flat(`- ${item.text}`));

        await s.select(labels("emergencySigns"), choiceLabel("emergencySigns", "yes"));
        await s.waitForPrompt(ARE_ANSWERS_RIGHT);
        intact(EMERGENCY_CHOICES);
        tidy();
        expect(saidAfterAnswer(s, "emergencySigns", "yes")).toContain(flat(urgencyAdvice("emergency")));
        await s.select(EMERGENCY_CHOICES, CHANGE_AN_ANSWER);
        await s.waitForPrompt(WHICH_ANSWER);
        const current = `${question("emergencySigns").label} (now: ${choiceLabel("emergencySigns", "yes")})`;
        intact([current]);
        tidy();
        await s.select([current], current);

        const answers = withAnswers({
          headache: "yes",
          canTouchChinToChest: "no",
          painDays: 10,
          otcResponse: "not-tried",
        });
        answers.splice(answers.findIndex(([id]) => id === "painDays") + 1, 0, ["improving", "yes"]);
        for (const [id, value] of answers) {
          const q = question(id);
          await s.waitForPrompt(q.prompt);
          if (q.choices) intact(labels(id));
          tidy();
          await answer(s, id, value);
          // The answer as given stays on screen, whole: "✔ <question> <answer>".
          expect(flat(s.text())).toContain(flat(`✔ ${q.prompt} ${echoed(id, value)}`));
          tidy();
        }

        // The review list may be longer than a page: walk down it; each choice must be whole when highlighted.
        const review = reviewChoices(answers);
        await s.waitForPrompt(REVIEW);
        for (const choice of review) {
          await s.moveTo(review, choice);
          tidy();
        }
        // "1" jumps back to the first choice.
        s.write("1");
        await s.waitUntil("the first review choice highlighted", () => s.highlighted(review) === 0);
        await s.answer(KEY.enter);
        expect((await s.waitForExit()).exitCode).toBe(0);
        tidy();

        const result = flatAfter(s, `✔ ${REVIEW} ${SHOW_RESULT}`);
        expect(result).toContain(headline("soon"));
        for (const rule of ["stiff-neck", "headache"])
          expect(result).toContain(flat(`${urgencyTag("soon")} ${ruleSummary(rule)}`));
        expectActionLast(s, "soon");
      },
      TEST_MS,
    );
  });

  describe("what stays on an 80 x 24 screen", () => {
    const cases: Array<{
      urgency: "emergency" | "urgent" | "soon" | "none";
      answers: ReadonlyArray<readonly [string, Answer]>;
    }> = [
      { urgency: "emergency", answers: [["emergencySigns", "yes"]] },
      { urgency: "urgent", answers: withAnswers({ fever: "yes" }) },
      { urgency: "soon", answers: withAnswers({ headache: "yes" }) },
      { urgency: "none", answers: NO_WARNING },
    ];

    test.for(cases)(
      "$urgency: the final screen shows the headline and the whole of what to do, and ends with it",
      { timeout: TEST_MS },
      async ({ urgency, answers }, { onTestFinished }) => {
        const s = start({ onTestFinished }, { cols: 80, rows: 24 });
        await answerAll(s, answers);
        if (urgency === "emergency") {
          await s.waitForPrompt(ARE_ANSWERS_RIGHT);
          await s.select(EMERGENCY_CHOICES, SHOW_WHAT_TO_DO);
        } else {
          await confirmReview(s, answers);
        }
        expect((await s.waitForExit()).exitCode).toBe(0);
        // The advice as the engine words it for these answers (the self-care one counts the days).
        const given = Object.fromEntries(answers);
        const expected =
          urgency === "emergency"
            ? urgencyAdvice("emergency")
            : triage(given as never, { today: localDate(new Date()) }).advice;
        const screen = flat(s.screen());
        expect(screen).toContain(`${headline(urgency)} ${flat(expected).slice(0, 20)}`);
        expect(screen.endsWith(flat(expected)), s.screen()).toBe(true);
      },
    );

    test(
      'urgent with every emergency dropped by "not sure" (the longest advice): the headline and all of what to do on the final screen',
      async ({ onTestFinished }) => {
        const answers = unsureAnswers({ age: 34 });
        const dir = mkdtempSync(join(tmpdir(), "neck-triage-pty-"));
        onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
        const file = join(dir, "unsure.json");
        writeFileSync(file, JSON.stringify(answers));
        const s = start({ onTestFinished }, { cols: 80, rows: 24, args: ["--answers", file] });
        expect((await s.waitForExit()).exitCode).toBe(0);
        const advice = triage(answers, { today: localDate(new Date()) }).advice;
        // The final screen: the headline and all of the advice, and the row below free for the shell's prompt.
        const rows = s.screenRows();
        expect(rows.at(-1)).toBe("");
        expect(flat(rows.join("\n")).endsWith(`${headline("urgent")} ${flat(advice)}`), s.screen()).toBe(true);
      },
      TEST_MS,
    );

    test(
      "the first question's screen still shows the title and the intro (about two minutes, nothing stored), 16 or over said once",
      async ({ onTestFinished }) => {
        const s = start({ onTestFinished }, { cols: 80, rows: 24 });
        await s.waitForPrompt(question("emergencySigns").prompt);
        const screen = flat(s.screen());
        expect(screen.startsWith(flat(rules.title)), s.screen()).toBe(true);
        expect(screen).toContain(flat(rules.intro));
        expect(rules.intro).toMatch(/two minutes/);
        expect(rules.intro).toMatch(/stored/);
        expect(screen.match(/16 or over/g)).toHaveLength(1);
        for (const item of question("emergencySigns").items ?? []) expect(screen).toContain(flat(item.text));
      },
      TEST_MS,
    );
  });
});
