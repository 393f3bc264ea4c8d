import { readFile } from "node:fs/promises";
import type { EvaluateOptions } from "../engine/result.js";
import type { Ruleset } from "../ruleset/load.js";
import { message } from "../messages/index.js";
import { pageData } from "../web/page-data.js";
import { pageHtml, pagePolicy, type PageAssets } from "../web/page-html.js";

// Written by the build (esbuild.web.mjs). This file and the CLI bundle's chunks both sit two folders
// below the package root (src/cli/, dist/cli/), so the same relative path finds it from either.
const ASSETS = new URL("../../dist/web/page-assets.json", import.meta.url);

async function pageAssets(): Promise<PageAssets> {
  try {
    return JSON.parse(await readFile(ASSETS, "utf8")) as PageAssets;
  } catch (error) {
    throw new Error(message("cli.web-script-missing", { path: ASSETS.pathname }), { cause: error });
  }
}

/** The whole page for this ruleset: one HTML file that runs the interview offline. */
export async function webPage(ruleset: Ruleset, options: EvaluateOptions): Promise<string> {
  return pageHtml(await pageAssets(), pageData(ruleset, options));
}

/** The Content-Security-Policy the page needs, for a server that sends its own. */
export async function webPolicy(): Promise<string> {
  return pagePolicy(await pageAssets());
}
