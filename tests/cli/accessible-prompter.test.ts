import { EventEmitter } from "node:events";
import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { accessibleMode } from "../../src/cli/accessible.js";
import { accessiblePrompter } from "../../src/cli/interview/accessible-prompter.js";
import { CancelledError } from "../../src/cli/io.js";

const CHOICES = [
  { value: "yes", name: "Yes, at least one of these" },
  { value: "no", name: "No, none of these" },
  { value: "unsure", name: "Not sure" },
] as const;

/** The prompter on in-memory streams: typed lines go in, everything shown is collected. */
function harness(columns = 80) {
  const input = new PassThrough();
  let shown = "";
  const output = Object.assign(
    new Writable({
      write(chunk, _encoding, callback) {
        shown += String(chunk);
        callback();
      },
    }),
    { columns },
  );
  const signals = new EventEmitter();
  const prompter = accessiblePrompter(input, output, signals);
  return {
    prompter,
    type: (...lines: string[]) => input.write(lines.map((l) => `${l}\n`).join("")),
    end: () => input.end(),
    signals,
    shown: () => shown,
  };
}

describe("accessible prompts: numbered, typed, echoed in words", () => {
  it("prints the question once with numbered choices, takes a number, echoes the choice in words", async () => {
    const h = harness();
    h.type("2");
    expect(await h.prompter.select("Any of these?", CHOICES)).toBe("no");
    expect(h.shown()).toBe(
      "Any of these?\n1. Yes, at least one of these\n2. No, none of these\n3. Not sure\nType a number from 1 to 3, then press Enter: \nYou chose: No, none of these\n\n",
    );
  });

  it.each([
    ["y", "yes"],
    ["YES", "yes"],
    ["no", "no"],
    ["not", "unsure"],
    ["  3 ", "unsure"],
  ])("the start of a label names the choice: %j → %s", async (typed, value) => {
    const h = harness();
    h.type(typed);
    expect(await h.prompter.select("Any of these?", CHOICES)).toBe(value);
  });

  it("a wrong, ambiguous or empty line is said in words and the same prompt asked again, without reprinting the question", async () => {
    const h = harness();
    h.type("n", "7", "maybe", "", "\u001b[A", "1");
    expect(await h.prompter.select("Any of these?", CHOICES)).toBe("yes");
    const shown = h.shown();
    expect(shown).toContain('"n" could be 2 or 3; type its number.');
    expect(shown).toContain("7 is not one of the choices; type a number from 1 to 3.");
    expect(shown).toContain('"maybe" is not one of the choices');
    expect(shown).toContain("Please type a number from 1 to 3.");
    expect(shown.split("Any of these?")).toHaveLength(2);
    expect(shown.split("Type a number from 1 to 3")).toHaveLength(7);
    expect(shown).not.toContain("\u001b");
  });

  it("at 40 columns every line it writes fits, wrapped at spaces", async () => {
    const h = harness(41);
    h.type("maybe", "2", "x", "7");
    await h.prompter.select(
      "Now, or at any time since this neck pain began (even if it has gone), have you had any of these?",
      CHOICES,
      "no",
    );
    await h.prompter.integer("How many days ago did this neck pain start? (whole days; 0 means today)", 0, 36500, 3);
    for (const row of h.shown().split("\n")) expect(row.length, row).toBeLessThanOrEqual(40);
  });

  it("Enter alone keeps the current answer when there is one", async () => {
    const h = harness();
    h.type("");
    expect(await h.prompter.select("Any of these?", CHOICES, "unsure")).toBe("unsure");
    expect(h.shown()).toContain("(Enter alone chooses 3)");
  });

  it("whole numbers within the range; anything else asked again", async () => {
    const h = harness();
    h.type("forty", "-1", "121", "4.5", "40");
    expect(await h.prompter.integer("How old are you?", 0, 120)).toBe(40);
    expect(h.shown().match(/is not a whole number from 0 to 120/g)).toHaveLength(4);
    expect(h.shown()).toMatch(/You answered: 40\n/);
  });

  it("the end of input (Ctrl-D) cancels", async () => {
    const h = harness();
    h.end();
    await expect(h.prompter.select("Any of these?", CHOICES)).rejects.toBeInstanceOf(CancelledError);
  });

  it("Ctrl-C (SIGINT from the terminal) cancels the question waiting, and the listener is removed after an answer", async () => {
    const h = harness();
    h.type("1");
    await h.prompter.select("First?", CHOICES);
    expect(h.signals.listenerCount("SIGINT")).toBe(0);
    const waiting = h.prompter.select("Second?", CHOICES);
    await new Promise((resolve) => setImmediate(resolve));
    expect(h.signals.listenerCount("SIGINT")).toBe(1);
    h.signals.emit("SIGINT");
    await expect(waiting).rejects.toBeInstanceOf(CancelledError);
  });
});

describe("accessible mode: when it is on", () => {
  it.each([
    [{ flag: true, env: {} }, true],
    [{ flag: false, env: { ACCESSIBLE: "1", TERM: "dumb" } }, false],
    [{ flag: undefined, env: { ACCESSIBLE: "1" } }, true],
    [{ flag: undefined, env: { NECK_TRIAGE_ACCESSIBLE: "1" } }, true],
    [{ flag: undefined, env: { NECK_TRIAGE_ACCESSIBLE: "0", ACCESSIBLE: "1" } }, false],
    [{ flag: undefined, env: { ACCESSIBLE: "" } }, false],
    [{ flag: undefined, env: { TERM: "dumb" } }, true],
    [{ flag: undefined, env: { TERM: "dumb", ACCESSIBLE: "false" } }, false],
    [{ flag: undefined, env: { TERM: "xterm-256color" } }, false],
  ])("%j → %s", ({ flag, env }, expected) => {
    expect(accessibleMode(flag, env)).toBe(expected);
  });
});
