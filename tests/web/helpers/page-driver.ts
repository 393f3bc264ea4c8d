import type { Page } from "puppeteer-core";
import type { Ruleset } from "../../../src/ruleset/load.js";
import { MESSAGES } from "../../../src/web/messages.js";
import { askedBy, Replies, type Person } from "./person.js";

// Page-side code is passed as text: this project's TypeScript has no DOM types.

/** Presses Tab until the focused element matches `selector` (and, if given, has this text); fails after `max` presses. */
export async function tabTo(page: Page, selector: string, text?: string, max = 60): Promise<void> {
  const test = `(() => { const e = document.activeElement; return !!e && e.matches(${JSON.stringify(selector)})${
    text === undefined ? "" : ` && e.textContent.trim() === ${JSON.stringify(text)}`
  }; })()`;
  for (let presses = 0; presses < max; presses++) {
    if (await page.evaluate(test)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}${text === undefined ? "" : ` "${text}"`}`);
}

export interface Screen {
  kind: "question" | "emergency" | "review" | "result" | "other";
  heading: string;
}

/** What the page shows now. */
export async function screenOf(page: Page): Promise<Screen> {
  return page.evaluate(`(() => {
    const heading = (document.querySelector("main h1") || {}).textContent || "";
    const kind = document.querySelector("main .report-meta") ? "result"
      : document.querySelector("main .confirm") ? "emergency"
      : heading === ${JSON.stringify(MESSAGES.review)} ? "review"
      : document.querySelector("main form") ? "question" : "other";
    return { kind, heading: heading.trim() };
  })()`) as Promise<Screen>;
}

/** Chooses a radio by keyboard alone: Tab into the group, then arrows (or Space for the first), then Tab to Continue and Enter. */
async function chooseRadio(page: Page, value: string): Promise<void> {
  await tabTo(page, "input[type=radio]");
  const state = (await page.evaluate(`(() => {
    const radios = [...document.querySelectorAll("input[type=radio]")];
    return { target: radios.findIndex((r) => r.value === ${JSON.stringify(value)}), checked: radios.findIndex((r) => r.checked), focused: radios.indexOf(document.activeElement) };
  })()`)) as { target: number; checked: number; focused: number };
  if (state.target === -1) throw new Error(`no radio with the value ${value}`);
  if (state.checked === -1 && state.target === state.focused) await page.keyboard.press("Space");
  else {
    const from = state.checked === -1 ? state.focused : state.checked;
    const key = state.target > from ? "ArrowDown" : "ArrowUp";
    for (let i = 0; i < Math.abs(state.target - from); i++) await page.keyboard.press(key);
  }
  const checked = await page.evaluate(`(document.querySelector("input[type=radio]:checked") || {}).value`);
  if (checked !== value) throw new Error(`the keyboard checked ${String(checked)}, not ${value}`);
  await tabTo(page, "button[type=submit]");
  await page.keyboard.press("Enter");
}

/** Types a number into the labelled field and presses Enter. */
async function typeNumber(page: Page, value: number): Promise<void> {
  await tabTo(page, "input#answer");
  await page.keyboard.down("Control");
  await page.keyboard.press("KeyA");
  await page.keyboard.up("Control");
  await page.keyboard.type(String(value));
  await page.keyboard.press("Enter");
}

export async function pressButton(page: Page, text: string): Promise<void> {
  await tabTo(page, "button", text);
  await page.keyboard.press("Enter");
}

/**
 * The person takes the interview in the page by keyboard alone, up to `until` (by default the
 * result): each question answered, an emergency stop confirmed, the review accepted.
 */
export async function takeInterview(
  page: Page,
  ruleset: Ruleset,
  person: Person,
  until: "result" | "emergency" | "review" = "result",
  onScreen?: (screen: Screen) => Promise<void>,
): Promise<void> {
  const replies = new Replies(person);
  for (let steps = 0; steps < 200; steps++) {
    const screen = await screenOf(page);
    await onScreen?.(screen);
    if (screen.kind === until || screen.kind === "result") return;
    if (screen.kind === "emergency") await pressButton(page, MESSAGES.confirmYes);
    else if (screen.kind === "review") await pressButton(page, MESSAGES.reviewDone);
    else {
      const asked = askedBy(ruleset, screen.heading);
      if (!asked || asked.kind === "confirm-emergency" || asked.kind === "review")
        throw new Error(`${person.name}: unexpected screen "${screen.heading}"`);
      if (asked.kind === "item") await chooseRadio(page, replies.nextItem(asked.question));
      else {
        const value = replies.answerTo(asked.question);
        if (typeof value === "number") await typeNumber(page, value);
        else await chooseRadio(page, value);
      }
    }
    // Each answer shows a new screen, whose heading takes the focus.
    await page.waitForFunction(`document.activeElement && document.activeElement.tagName === "H1"`, { timeout: 5_000 });
  }
  throw new Error(`${person.name}: the interview did not end`);
}

export interface ShownResult {
  verdict: string;
  urgency: string;
  reasons: { ruleId: string; certainty: string; urgency: string }[];
  advice: string;
}

/** The result as the page shows it: the panel's urgency, each reason's rule, certainty and urgency, the advice text. */
export async function shownResult(page: Page): Promise<ShownResult> {
  return page.evaluate(`(() => {
    const panel = document.querySelector("main .panel");
    const advice = [...panel.querySelector("[data-advice]").children].flatMap((block) =>
      block.tagName === "UL" ? [...block.children].map((li) => "- " + li.textContent) : [block.textContent]).join("\\n");
    const reasons = [...document.querySelectorAll("main li.reason")].map((li) => ({ ruleId: li.dataset.ruleId, certainty: li.dataset.certainty, urgency: li.dataset.urgency }));
    return { verdict: panel.dataset.verdict, urgency: panel.dataset.urgency, reasons, advice };
  })()`) as Promise<ShownResult>;
}
