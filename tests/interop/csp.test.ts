import { existsSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extendedRuleset } from "../../src/index.js";
import { calmAnswers, calmAnswersFor } from "../helpers/answers.js";
import { CHROMIUM_MISSING, launchChromium, type ChromiumSession } from "../helpers/chromium.js";

// The library in a page whose Content Security Policy forbids eval (script-src 'self', no
// 'unsafe-eval'), as a careful site sets it: importing it and calling triage(), evaluate() and
// loadRuleset() must raise no violation. The page and its script are served to Chromium by
// request interception from a made-up origin, so nothing listens on a port.

const root = join(import.meta.dirname, "..", "..");
const LIBRARY = join(root, "dist", "src", "index.js");
const ORIGIN = "http://neck-triage.test";
const POLICY = "script-src 'self'";

/** What the page's script does: everything a browser app would, through the public API. */
const APP = `
import { AnswersError, RulesetError, defaultRuleset, evaluate, extendedRuleset, loadRuleset, triage } from ${JSON.stringify(LIBRARY)};
const calm = ${JSON.stringify(calmAnswers())};
const calmExtended = ${JSON.stringify(calmAnswersFor(extendedRuleset))};
const caught = (action) => { try { action(); return undefined; } catch (error) { return error; } };
try {
  window.__done = {
    triage: triage({ ...calm, fever: "yes" }).urgency,
    answersError: caught(() => triage({ ...calm, fever: "maybe", fevr: "no" })) instanceof AnswersError,
    evaluate: evaluate(extendedRuleset, { ...calmExtended, weightLoss: "yes" }).urgency,
    loadRuleset: loadRuleset(JSON.parse(JSON.stringify({ ...defaultRuleset.definition, id: "mine" }))).id,
    rulesetError: caught(() => loadRuleset({ id: "x" })) instanceof RulesetError,
  };
} catch (error) {
  window.__failed = String(error && error.stack || error);
}
`;

/** A script that probes for eval as zod's JIT check does: the control that shows violations are seen. */
const PROBE = `try { new Function(""); } catch {} window.__done = { probed: true };`;

async function bundle(source: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: root, sourcefile: "app.mjs" },
    bundle: true,
    platform: "browser",
    format: "esm",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

interface PageRun {
  done: Record<string, unknown> | undefined;
  failed: string | undefined;
  violations: string[];
  consoleErrors: string[];
}

/** Loads a page running `script` under the policy, and what it reported: its result, CSP violations, console errors. */
async function runInPage(session: ChromiumSession, script: string): Promise<PageRun> {
  const page: Page = await session.browser.newPage();
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  // Page-side code as text: this project's TypeScript has no DOM types.
  await page.evaluateOnNewDocument(`
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (event) => window.__violations.push(event.effectiveDirective + " " + event.blockedURI));
  `);
  await page.setRequestInterception(true);
  const files: Record<string, { type: string; body: string }> = {
    "/": {
      type: "text/html",
      body: `<!doctype html><meta charset="utf-8"><title>csp</title><script type="module" src="/app.js"></script>`,
    },
    "/app.js": { type: "text/javascript", body: script },
  };
  page.on("request", (request) => {
    const url = new URL(request.url());
    const file = url.origin === ORIGIN ? files[url.pathname] : undefined;
    if (file)
      void request.respond({
        status: 200,
        headers: { "Content-Security-Policy": POLICY },
        contentType: file.type,
        body: file.body,
      });
    else if (url.pathname === "/favicon.ico") void request.respond({ status: 204, body: "" });
    else void request.abort();
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(`"__done" in window || "__failed" in window`, { timeout: 30_000 });
  const reported = (await page.evaluate(
    `({ done: window.__done, failed: window.__failed, violations: window.__violations })`,
  )) as Omit<PageRun, "consoleErrors">;
  await page.close();
  return { ...reported, consoleErrors };
}

describe.skipIf(CHROMIUM_MISSING !== undefined)(
  "the library under a Content Security Policy without 'unsafe-eval' (headless Chromium)",
  { timeout: 90_000 },
  () => {
    let session: ChromiumSession;
    beforeAll(async () => {
      if (!existsSync(LIBRARY)) throw new Error(`${LIBRARY} is missing: run npm run build first`);
      session = await launchChromium();
    }, 60_000);
    afterAll(async () => {
      await session?.close();
    });

    it("the check can fail: a script that probes new Function raises a violation the test sees", async () => {
      const run = await runInPage(session, PROBE);
      expect(run.done).toEqual({ probed: true });
      expect(run.violations.length).toBeGreaterThan(0);
      expect(run.violations[0]).toMatch(/^script-src eval/);
    });

    it("fault: importing the library ran new Function (zod's eval probe); now importing it and calling triage(), evaluate() and loadRuleset() raises no violation", async () => {
      const run = await runInPage(session, await bundle(APP));
      expect(run.failed).toBeUndefined();
      expect(run.done).toEqual({
        triage: "urgent",
        answersError: true,
        evaluate: "urgent",
        loadRuleset: "mine",
        rulesetError: true,
      });
      expect(run.violations).toEqual([]);
      expect(run.consoleErrors).toEqual([]);
    });
  },
);

describe("the host's zod is left as it was", () => {
  it("importing and using the library sets no zod global configuration (no jitless switched on for the host)", async () => {
    const z = await import("zod");
    const { jitless, customError } = z.config();
    const { triage, loadRuleset, defaultRuleset } = await import("../../src/index.js");
    loadRuleset({ ...defaultRuleset.definition, id: "mine" });
    expect(() => triage({} as never)).toThrow();
    expect(z.config().jitless).toBe(jitless);
    expect(z.config().jitless).toBeUndefined();
    expect(z.config().customError).toBe(customError);
  });
});
