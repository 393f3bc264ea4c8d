// Builds the offline web page (`neck-triage web`): the page's script and style, minified, with the
// hashes its Content-Security-Policy allows them by, into dist/web/page-assets.json (what the
// command fills with a ruleset), and the page for the default ruleset, dist/web/neck-triage.html.
// Run after tsc (it uses the compiled page template) and esbuild.config.mjs.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { build, transform } from "esbuild";
import { builtinDefinition } from "./dist/src/ruleset/builtin.js";
import { compileValidatedRuleset } from "./dist/src/ruleset/compile.js";
import { pageData } from "./dist/src/web/page-data.js";
import { pageHtml } from "./dist/src/web/page-html.js";

const sha256 = (text) => `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;

const scriptBuild = await build({
  entryPoints: ["src/web/browser/main.ts"],
  bundle: true,
  write: false,
  format: "iife",
  platform: "browser",
  target: ["chrome111", "firefox111", "safari16"],
  minify: true,
  legalComments: "none",
  logLevel: "warning",
  tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: false } },
  metafile: process.env.BUNDLE_META === "1",
});
if (scriptBuild.metafile) console.log(JSON.stringify(scriptBuild.metafile));
// The script must end without a newline of its own: its hash covers exactly the element's text.
const script = scriptBuild.outputFiles[0].text.trimEnd();
const style = (
  await transform(readFileSync("src/web/page.css", "utf8"), {
    loader: "css",
    minify: true,
    target: ["chrome111", "firefox111", "safari16"],
  })
).code.trimEnd();

const assets = { script, style, scriptHash: sha256(script), styleHash: sha256(style) };
mkdirSync("dist/web", { recursive: true });
writeFileSync("dist/web/page-assets.json", `${JSON.stringify(assets)}\n`);
// Compiled from the document as written, as the command's bundle does (esbuild.config.mjs has
// validated it), so that this file is byte for byte what `neck-triage web` prints.
writeFileSync(
  "dist/web/neck-triage.html",
  pageHtml(assets, pageData(compileValidatedRuleset(builtinDefinition("default")))),
);
