import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "puppeteer-core";
import type { ChromiumSession } from "../../helpers/chromium.js";

export const ROOT = join(import.meta.dirname, "..", "..", "..");
/** Test artefacts (git-ignored): the screenshots, to look at. */
export const ARTEFACTS = join(ROOT, "reports", "web");

/** `neck-triage web [args] > file`, with the built command, as a person would make the page. */
export function makePage(folder: string, name: string, args: readonly string[] = []): string {
  const made = spawnSync(join(ROOT, "bin", "neck-triage"), ["web", ...args], { encoding: "utf8" });
  if (made.status !== 0) throw new Error(`neck-triage web ${args.join(" ")} exited ${made.status}: ${made.stderr}`);
  const file = join(folder, name);
  writeFileSync(file, made.stdout);
  return file;
}

/** Everything the page did that it must not: requests beyond its own file, console errors, CSP violations. */
export interface Misbehaviour {
  requests: string[];
  consoleErrors: string[];
  violations(): Promise<string[]>;
}

/** Opens the page from file:// with the network off, recording what it must not do. */
export async function openPage(
  session: ChromiumSession,
  file: string,
  width: number,
): Promise<{ page: Page; misbehaviour: Misbehaviour }> {
  const page = await session.browser.newPage();
  const url = pathToFileURL(file).href;
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  page.on("request", (request) => {
    if (request.url() !== url) requests.push(request.url());
  });
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warn") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  await page.evaluateOnNewDocument(`
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (event) => window.__violations.push(event.effectiveDirective + " " + event.blockedURI));
  `);
  await page.setOfflineMode(true);
  await page.setViewport({ width, height: 800 });
  await page.goto(url, { waitUntil: "load" });
  return {
    page,
    misbehaviour: {
      requests,
      consoleErrors,
      violations: async () => (await page.evaluate("window.__violations")) as string[],
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTEFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTEFACTS, `${name}.png`), fullPage: true });
}

/** axe-core's source, injected into a page to check it. */
export const AXE_SOURCE = readFileSync(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");

/** axe-core's violations at WCAG 2.2 A and AA on the page as it is now: id, help and where. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(`typeof window.axe === "object"`))) await page.evaluate(AXE_SOURCE);
  const violations =
    (await page.evaluate(`axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] } })
    .then((r) => r.violations.map((v) => v.id + ": " + v.help + " at " + v.nodes.map((n) => n.target.join(" ")).join(", ")))`)) as string[];
  return violations;
}
