import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer, { type Browser } from "puppeteer-core";
import CHROMIUM_ARGS from "./chromium-args.json" with { type: "json" };

/**
 * Headless Chromium for tests: Debian's `chromium` package (puppeteer's own browser download cannot
 * work here), driven by puppeteer-core. `.ci/run` installs the package when it is missing; where it
 * is still absent, tests that need it skip and say why (see `CHROMIUM_MISSING`).
 */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Why browser tests cannot run here, or undefined when they can. */
export const CHROMIUM_MISSING: string | undefined = existsSync(CHROMIUM_PATH)
  ? undefined
  : `${CHROMIUM_PATH} is absent (Debian's chromium package: apt-get install chromium); browser tests skipped`;

if (CHROMIUM_MISSING) console.warn(`[skip] ${CHROMIUM_MISSING}`);

export interface ChromiumSession {
  readonly browser: Browser;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/** Starts Chromium with a fresh profile of its own. */
export async function launchChromium(): Promise<ChromiumSession> {
  const userDataDir = await mkdtemp(join(tmpdir(), "neck-triage-chromium-"));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS.args, `--user-data-dir=${userDataDir}`],
  });
  return {
    browser,
    async close() {
      await browser.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
