import { readdirSync } from "node:fs";
import { defineConfig } from "vitest/config";

// Two projects: `unit` (the pure core and the library, in-process, no build needed: the inner loop) and
// `e2e` (everything else: the CLI, in-process and as the built binary, the pty interview, the web page
// in a browser, interop, privilege, fuzz). `vitest run` runs both; `npm run test:unit` / `npm run
// test:e2e` run one. A test outside the folders listed here is e2e; so is the engine's exhaustive table
// (every combination of answers, tens of seconds), to keep the unit run to seconds.
const UNIT_FOLDERS = [
  "tests/engine",
  "tests/ruleset",
  "tests/answers",
  "tests/fhir",
  "tests/clinical",
  "tests/messages",
  "tests/architecture",
];
const SLOW = ["tests/engine/exhaustive.test.ts"];

const UNIT = [
  ...UNIT_FOLDERS.flatMap((folder) =>
    readdirSync(folder, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".test.ts"))
      .map((file) => `${folder}/${file.replaceAll("\\", "/")}`),
  ),
  "tests/library-api.test.ts",
].filter((file) => !SLOW.includes(file));

export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      // isolate: false: the unit files share one module graph per worker instead of each importing the
      // library afresh; import time was most of the run (measured here: 33 s isolated, 9 s shared). The unit
      // tests are pure; the one that needs a fresh copy of a module asks for it (vi.resetModules).
      { extends: true, test: { name: "unit", include: UNIT, isolate: false } },
      { extends: true, test: { name: "e2e", include: ["tests/**/*.test.ts"], exclude: UNIT } },
    ],
  },
});
