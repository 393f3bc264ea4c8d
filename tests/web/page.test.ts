import { existsSync } from "node:fs";
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dateInWords } from "../../src/engine/calendar.js";
import { defaultRuleset, evaluate, type TriageResult } from "../../src/index.js";
import type { Ruleset } from "../../src/ruleset/load.js";
import { getBuiltinRuleset } from "../../src/ruleset/builtin.js";
import { MESSAGES } from "../../src/web/messages.js";
import { CHROMIUM_MISSING, launchChromium, type ChromiumSession } from "../helpers/chromium.js";
import { useTempDir } from "../helpers/temp-dir.js";
import { pageModelResult } from "./helpers/page-model.js";
import {
  pressButton,
  screenOf,
  shownResult,
  takeInterview,
  type Screen,
  type ShownResult,
} from "./helpers/page-driver.js";
import { axeViolations, makePage, openPage, ROOT, screenshot } from "./helpers/page-session.js";
import { terminalResult, type Person } from "./helpers/person.js";
import {
  ALL_UNSURE,
  CALM,
  EMERGENCY_BY_ITEM,
  FEVER_AND_INJURY,
  LIST_THEN_FEVER,
  MANY_WARNINGS,
  PEOPLE_PER_RULE,
} from "./helpers/people.js";

// The page `neck-triage web` makes, opened from file:// in headless Chromium with the network off,
// driven by the keyboard alone. One browser for every test here.

const ruleset = defaultRuleset;

/**
 * Few enough interviews to keep the run short, that still show every rule of the ruleset firing
 * confirmed and possible: everything unsure, an emergency found item by item, self-care, many signs
 * at once, then, from one person per rule and certainty, whoever adds a rule and certainty not yet shown.
 */
function coveringPeople(): Person[] {
  const chosen = [ALL_UNSURE, EMERGENCY_BY_ITEM, CALM, MANY_WARNINGS, FEVER_AND_INJURY];
  const shown = new Set<string>();
  const pairs = (person: Person) => pageModelResult(ruleset, person).reasons.map((r) => `${r.ruleId} ${r.certainty}`);
  for (const person of chosen) for (const pair of pairs(person)) shown.add(pair);
  for (const person of PEOPLE_PER_RULE) {
    const added = pairs(person).filter((pair) => !shown.has(pair));
    if (added.length === 0) continue;
    chosen.push(person);
    for (const pair of added) shown.add(pair);
  }
  return chosen;
}
const PEOPLE = coveringPeople();

function essentials(result: TriageResult): ShownResult {
  return {
    verdict: result.verdict,
    urgency: result.urgency,
    reasons: result.reasons.map((r) => ({ ruleId: r.ruleId, certainty: r.certainty, urgency: r.urgency })),
    advice: result.advice,
  };
}

/** The browser's calendar date, "2026-11-28": the page words check-back days as dates from it, as the terminal does from its clock. */
async function browserToday(page: Page): Promise<string> {
  return (await page.evaluate(
    `(() => { const d = new Date(); return [d.getFullYear(), String(d.getMonth() + 1).padStart(2, "0"), String(d.getDate()).padStart(2, "0")].join("-"); })()`,
  )) as string;
}

/**
 * What the page should show: the terminal's result (the --json one, undated). A complete one is also
 * triage()'s (evaluate()'s for another ruleset), and the page's advice is that result dated with the
 * browser's today.
 */
async function expectedShown(page: Page, rules: Ruleset, person: Person, terminal: TriageResult): Promise<ShownResult> {
  const expected = essentials(terminal);
  if (terminal.unanswered !== undefined) return expected;
  expect(essentials(evaluate(rules, person.answers))).toEqual(expected);
  return { ...expected, advice: evaluate(rules, person.answers, { today: await browserToday(page) }).advice };
}

describe("the people the page is driven with", () => {
  it("show every rule confirmed, and possible unless it reads only numbers", () => {
    const shown = new Set(
      PEOPLE.flatMap((person) => pageModelResult(ruleset, person).reasons.map((r) => `${r.ruleId} ${r.certainty}`)),
    );
    for (const rule of ruleset.rules) {
      expect(shown, rule.id).toContain(`${rule.id} confirmed`);
      const readsAChoice = rule.fields.some((field) => ruleset.questionsById.get(field)?.type === "choice");
      if (readsAChoice) expect(shown, rule.id).toContain(`${rule.id} possible`);
    }
  });
});

describe.skipIf(CHROMIUM_MISSING !== undefined)(
  "the page in headless Chromium, by keyboard alone",
  { timeout: 120_000 },
  () => {
    const temp = useTempDir("neck-triage-web-");
    let session: ChromiumSession;
    let file: string;
    /** What every page opened here did that it must not, checked by the last test. */
    const misbehaviours: { name: string; requests: string[]; consoleErrors: string[]; violations: string[] }[] = [];

    /** Opens the page; `done` records what it did and closes it. */
    const open = async (name: string, width = 1280, pageFile = file) => {
      const { page, misbehaviour } = await openPage(session, pageFile, width);
      const done = async () => {
        misbehaviours.push({
          name,
          requests: misbehaviour.requests,
          consoleErrors: misbehaviour.consoleErrors,
          violations: await misbehaviour.violations(),
        });
        await page.close();
      };
      return { page, done, misbehaviour };
    };

    beforeAll(async () => {
      if (!existsSync(`${ROOT}/dist/web/page-assets.json`))
        throw new Error("dist/web/page-assets.json is missing: run npm run build first");
      file = makePage(temp.path, "neck-triage.html");
      session = await launchChromium();
    }, 60_000);

    afterAll(async () => {
      await session?.close();
    });

    it.each(PEOPLE.map((person) => [person.name, person] as const))(
      "%s: the result shown is the terminal's and triage()'s (dated as the terminal dates it)",
      async (name, person) => {
        const { page, done } = await open(name);
        await takeInterview(page, ruleset, person);
        const terminal = await terminalResult(ruleset, person);
        expect(await shownResult(page)).toEqual(await expectedShown(page, ruleset, person, terminal));
        // Nothing stored: no cookie, nothing in either storage.
        expect(await page.evaluate(`[document.cookie, localStorage.length, sessionStorage.length]`)).toEqual([
          "",
          0,
          0,
        ]);
        await done();
      },
    );

    it("an emergency stop shows what to do first, and an answer given by mistake can be corrected", async () => {
      const { page, done } = await open("correction");
      const person: Person = { name: "emergency by mistake", answers: { ...CALM.answers, emergencySigns: "yes" } };
      await takeInterview(page, ruleset, person, "emergency");
      const first = (await page.evaluate(`document.querySelector("main").firstElementChild.className`)) as string;
      expect(first).toContain("urgency-emergency");
      await pressButton(page, MESSAGES.confirmChange);
      expect((await screenOf(page)).heading).toBe(MESSAGES.whichAnswer);
      await pressButton(page, `${MESSAGES.change} ${ruleset.questionsById.get("emergencySigns")!.label}`);
      await takeInterview(page, ruleset, { name: "corrected", answers: CALM.answers });
      expect(await shownResult(page)).toEqual(
        await expectedShown(page, ruleset, CALM, await terminalResult(ruleset, CALM)),
      );
      await done();
    });

    it("a page made with --ruleset extended asks that ruleset's questions too, and gives the terminal's result", async () => {
      const extended = getBuiltinRuleset("extended")!;
      const added = extended.questions.filter((q) => !ruleset.questionsById.has(q.id)).map((q) => [q.id, "no"]);
      const person: Person = {
        name: "extended: pain at night",
        answers: { ...CALM.answers, ...Object.fromEntries(added), nightPain: "yes" },
      };
      const page = makePage(temp.path, "extended.html", ["--ruleset", "extended"]);
      const { page: tab, done } = await open(person.name, 1280, page);
      await takeInterview(tab, extended, person);
      const terminal = await terminalResult(extended, person, ["--ruleset", "extended"]);
      expect(terminal.reasons.map((r) => r.ruleId)).toContain("night-pain");
      expect(await shownResult(tab)).toEqual(await expectedShown(tab, extended, person, terminal));
      await done();
    });

    it("the checks below can fail: an inline style added to the page is a CSP violation, and a console error is seen", async () => {
      const { page, misbehaviour } = await open("control");
      await page.evaluate(
        `document.head.appendChild(Object.assign(document.createElement("style"), { textContent: "p { color: red }" }))`,
      );
      await page.evaluate(`console.error("control")`);
      await page.waitForFunction(`window.__violations.length > 0`, { timeout: 5_000 });
      expect((await misbehaviour.violations())[0]).toMatch(/^style-src/);
      // Chromium also reports the refused style as a console error.
      expect(misbehaviour.consoleErrors).toContain("control");
      expect(misbehaviour.consoleErrors.some((text) => text.includes("Content Security Policy"))).toBe(true);
      await page.close();
    });

    it("axe-core finds no WCAG 2.2 A or AA violation on any kind of screen: questions, an error, items, the emergency stop, the review, results", async () => {
      const found: string[] = [];
      const seen = new Set<string>();
      const check = (page: Page) => async (screen: Screen) => {
        // One check per kind of screen (a number question and a list item count as kinds of their own).
        const kind = `${screen.kind} ${(await page.evaluate(`!!document.querySelector("main input#answer")`)) ? "number" : ""} ${
          (await page.evaluate(`!!document.querySelector("main .item-text")`)) ? "item" : ""
        }`;
        if (seen.has(kind)) return;
        seen.add(kind);
        found.push(...(await axeViolations(page)).map((violation) => `${screen.heading}: ${violation}`));
      };
      for (const person of [LIST_THEN_FEVER, EMERGENCY_BY_ITEM]) {
        const { page, done } = await open(`axe ${person.name}`);
        if (person === LIST_THEN_FEVER) {
          // The error a person sees after Continue without an answer.
          await pressButton(page, MESSAGES.continue);
          found.push(...(await axeViolations(page)).map((violation) => `the error: ${violation}`));
        }
        await takeInterview(page, ruleset, person, "result", check(page));
        await done();
      }
      expect([...seen].sort()).toEqual([
        "emergency  ",
        "question  ",
        "question  item",
        "question number ",
        "result  ",
        "review  ",
      ]);
      expect(found).toEqual([]);
    });

    it("no screen scrolls sideways at 1280, 640 (200% zoom), 360 and 320 px (400% zoom); screenshots at 1280 and 360 px in reports/web/", async () => {
      for (const width of [1280, 640, 360, 320]) {
        const wide: string[] = [];
        const noSidewaysScroll = (page: Page) => async (screen: Screen) => {
          const scroll = (await page.evaluate(`document.documentElement.scrollWidth`)) as number;
          if (scroll > width) wide.push(`${screen.heading}: ${scroll} px`);
        };
        const keep =
          width === 1280 || width === 360
            ? (page: Page, name: string) => screenshot(page, `${name}-${width}`)
            : async () => {};
        const stop = await open(`${width} px emergency`, width);
        await keep(stop.page, "first-question");
        await takeInterview(stop.page, ruleset, EMERGENCY_BY_ITEM, "emergency", noSidewaysScroll(stop.page));
        await keep(stop.page, "emergency-stop");
        await stop.done();
        const calm = await open(`${width} px self-care`, width);
        await takeInterview(calm.page, ruleset, CALM, "result", noSidewaysScroll(calm.page));
        await keep(calm.page, "self-care-result");
        await calm.done();
        expect(wide, `${width} px`).toEqual([]);
      }
    });

    it("printed, the result is a dated report: today's date, every answer, the reasons' source addresses, the ruleset and its digest; no buttons", async () => {
      const { page, done } = await open("print");
      await takeInterview(page, ruleset, MANY_WARNINGS);
      await page.emulateMediaType("print");
      const printed = (await page.evaluate(`(() => {
      const visible = (e) => e && getComputedStyle(e).display !== "none" && e.offsetParent !== null;
      return {
        text: document.body.innerText,

        buttons: [...document.querySelectorAll("button")].filter(visible).length,
        addresses: [...document.querySelectorAll("main .sources a")].map((a) => getComputedStyle(a, "::after").content),
      };
    })()`)) as { text: string; buttons: number; addresses: string[] };
      await page.emulateMediaType("screen");
      expect(printed.text).toContain(`Made on ${dateInWords(await browserToday(page))} at `);
      for (const question of ruleset.questions) {
        if (MANY_WARNINGS.answers[question.id] !== undefined && question.askWhen === undefined)
          expect(printed.text).toContain(question.label);
      }
      expect(printed.text).toContain(`"${ruleset.id}", version ${ruleset.version}, digest ${ruleset.digest}`);
      expect(printed.buttons).toBe(0);
      expect(printed.addresses.length).toBeGreaterThan(0);
      for (const address of printed.addresses) expect(address).toMatch(/^" https?:\/\//);
      await done();
    });

    it("with reduced motion asked for, nothing moves", async () => {
      const { page, done } = await open("reduced motion");
      const transition = `getComputedStyle(document.querySelector("button")).transitionDuration`;
      expect(await page.evaluate(transition)).not.toBe("0s");
      await page.emulateMediaFeatures([{ name: "prefers-reduced-motion", value: "reduce" }]);
      expect(await page.evaluate(transition)).toBe("0s");
      await done();
    });

    it("no page made a request, wrote a console error or warning, or broke its Content-Security-Policy", () => {
      expect(misbehaviours.length).toBeGreaterThan(PEOPLE.length + 1);
      for (const { name, ...misbehaviour } of misbehaviours)
        expect(misbehaviour, name).toEqual({ requests: [], consoleErrors: [], violations: [] });
    });
  },
);
