import { fileURLToPath } from "node:url";
import { AnswersError } from "../src/index.js";
import { compareVignette } from "./compare-vignette.js";
import { loadVignetteFiles } from "./load-vignettes.js";
import { type ComparedVignette, renderReport } from "./triage-table.js";

function main(): number {
  // Compiled to dist/validation/run.js; the vignettes stay in the source tree.
  const dir = fileURLToPath(new URL("../../validation/vignettes/", import.meta.url));
  const files = loadVignetteFiles(dir);
  const broken = files.filter((file) => file.vignette === undefined);
  for (const file of broken) console.error(`${file.file}:\n  ${file.problems.join("\n  ")}`);
  const rows: ComparedVignette[] = [];
  for (const { file, vignette } of files) {
    if (vignette === undefined) continue;
    try {
      rows.push(compareVignette(vignette));
    } catch (error) {
      if (!(error instanceof AnswersError)) throw error;
      broken.push({ file, problems: [] });
      console.error(
        `${file}: answers refused by the default ruleset:\n  ${error.issues.map((i) => `${i.path}: ${i.message}`).join("\n  ")}`,
      );
    }
  }
  console.log(renderReport(rows));
  const missed = rows.filter((row) => row.expected === "emergency" && row.tool !== "emergency");
  if (missed.length > 0) console.error(`\nUnder-triaged emergencies: ${missed.map((row) => row.id).join(", ")}`);
  return broken.length > 0 || missed.length > 0 ? 1 : 0;
}

process.exitCode = main();
