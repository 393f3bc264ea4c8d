// Bundles the command line into dist/cli/ so that it starts fast: one file to load for the common
// paths, and separate chunks (loaded on demand) for the interview, text rendering and batch.
// The library (dist/src/) stays unbundled, as tsc writes it, so that importers can tree-shake it.
import { rmSync } from "node:fs";
import { build } from "esbuild";
import { BUILTIN_RULESET_DOCUMENTS } from "./dist/src/ruleset/builtin.js";
import { loadRuleset } from "./dist/src/ruleset/load.js";

// The library and the bundle trust their built-in rulesets without zod at run time (src/ruleset/builtin.ts),
// so they are validated here, at build time, with loadRuleset (tsc has just built it): an invalid one fails the build.
// Their digests are passed to the bundle as data (import.meta.neckTriageBuiltinDigests in src/ruleset/builtin.ts).
const digests = {};
for (const [name, document] of Object.entries(BUILTIN_RULESET_DOCUMENTS)) {
  try {
    digests[name] = loadRuleset(document).digest;
  } catch (error) {
    console.error(`built-in ruleset "${name}" is invalid:\n${error.message}`);
    process.exit(1);
  }
}

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
  // tsconfig asks tsc to keep imports as written; in the bundle an import left unused should go.
  tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: false } },
  // A string (JSON) in place of import.meta.neckTriageBuiltinDigests: read by src/ruleset/builtin.ts.
  define: { "import.meta.neckTriageBuiltinDigests": JSON.stringify(JSON.stringify(digests)) },
  metafile: process.env.BUNDLE_META === "1",
  // commander is CommonJS and calls require() for Node built-ins; give the ESM bundle a require.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
});
if (result.metafile) console.log(JSON.stringify(result.metafile));
