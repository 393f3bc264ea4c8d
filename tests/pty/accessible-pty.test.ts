/**
 * The accessible interview in a real terminal (ACCESSIBLE=1, TERM=dumb): the terminal stays in its
 * normal line mode, echoes what is typed, and the program only ever appends text. Driven by typed
 * numbers and Enter, as a screen-reader user would; the raw output must hold no escape sequence at all.
 */
import { describe, expect, test } from "vitest";
import { CALM_ASKED, calmAskedWith, typedLines } from "../cli/helpers/typed-answers.js";
import { flat, type PtySession } from "./pty-session.js";
import { headline, question, rules } from "./rules.js";
import { usePtySessions } from "./sessions.js";

const TEST_MS = 30_000;
const ESC = "\u001b";
// The accessible prompter's own words (src/cli/interview/accessible-prompter.ts).
const ECHOES = /^(You chose|You answered): /;

// Colour allowed by the environment: accessible mode must still use none.
const start = usePtySessions({ color: true });

const echoes = (s: PtySession) => s.allRows().filter((row) => ECHOES.test(row.text)).length;
const waitingForLine = (s: PtySession) => / then press Enter: $/.test(s.allRows().at(-1)?.text ?? "");

/** Types one line and waits until it is echoed back in words (or the program ends). */
async function typeLine(s: PtySession, line: string): Promise<void> {
  await s.waitUntil("a prompt waiting for a typed line", () => waitingForLine(s));
  const before = echoes(s);
  s.write(`${line}\r`);
  await s.waitUntil(`${JSON.stringify(line)} taken`, () => echoes(s) > before || s.hasExited);
}

const MODES: { name: string; env: Record<string, string> }[] = [
  { name: "ACCESSIBLE=1", env: { ACCESSIBLE: "1", TERM: "xterm-256color" } },
  { name: "TERM=dumb", env: { TERM: "dumb" } },
];

// Each test has its own session and ends it itself, so that they run concurrently.
describe.concurrent.each(MODES)("$name in a pseudo-terminal", ({ env }) => {
  test(
    "an interview completed with typed numbers: every question printed once, numbered, echoed in words; no escape sequence",
    async ({ onTestFinished }) => {
      const s = start({ onTestFinished }, { env });
      const asked = calmAskedWith({ headache: "yes" });
      for (const line of [...typedLines(asked), "1"]) await typeLine(s, line);
      expect((await s.waitForExit()).exitCode).toBe(0);
      expect(s.raw).not.toContain(ESC);

      const text = flat(s.text());
      expect(text.startsWith(flat(rules.title))).toBe(true);
      for (const [id] of asked) expect(text.split(flat(question(id).prompt)).length - 1, id).toBe(1);
      for (const [i, choice] of (question("emergencySigns").choices ?? []).entries())
        expect(text).toContain(`${i + 1}. ${choice.label}`);
      expect(text).toContain(`You chose: ${question("headache").choices?.find((c) => c.value === "yes")?.label}`);
      expect(text).toContain(headline("soon"));
      // Nothing was ever redrawn: every row the program wrote is still there, in order.
      expect(s.allRows().filter((row) => ECHOES.test(row.text))).toHaveLength(asked.length + 1);
    },
    TEST_MS,
  );

  test(
    "Ctrl-C at a question exits 130 with Cancelled and no result",
    async ({ onTestFinished }) => {
      const s = start({ onTestFinished }, { env });
      await typeLine(s, typedLines(CALM_ASKED)[0]!);
      await s.waitUntil("the age prompt", () => waitingForLine(s));
      s.write("\u0003");
      expect((await s.waitForExit()).exitCode).toBe(130);
      expect(s.allRows().at(-1)?.text).toBe("Cancelled.");
      expect(flat(s.text())).not.toMatch(/EMERGENCY:|URGENT:|SOON:|NO WARNING SIGNS/);
    },
    TEST_MS,
  );

  test(
    "Ctrl-D at a question exits 130 with Cancelled",
    async ({ onTestFinished }) => {
      const s = start({ onTestFinished }, { env });
      await s.waitUntil("the first prompt", () => waitingForLine(s));
      s.write("\u0004");
      expect((await s.waitForExit()).exitCode).toBe(130);
      expect(s.allRows().at(-1)?.text).toBe("Cancelled.");
      expect(s.raw).not.toContain(ESC);
    },
    TEST_MS,
  );
});
