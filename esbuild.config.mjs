// Bundles the command line into dist/cli/ so that it starts fast: one file to load for the common
// paths, and separate chunks (loaded on demand) for the interview, text rendering and batch.
// The library (dist/src/) stays unbundled, as tsc writes it, so that importers can tree-shake it.
import { rmSync } from "node:fs";
import { build } from "esbuild";

rmSync("dist/cli", { recursive: true, force: true });

const result = await build({
  entryPoints: { "neck-triage": "src/cli/main.ts" },
  outdir: "dist/cli",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  mainFields: ["module", "main"],
  target: "node20.19",
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "linked",
  logLevel: "warning",
  metafile: process.env.BUNDLE_META === "1",
  // commander is CommonJS and calls require() for Node built-ins; give the ESM bundle a require.
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
});
if (result.metafile) console.log(JSON.stringify(result.metafile));
