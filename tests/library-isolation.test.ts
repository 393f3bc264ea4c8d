import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { modulesLoadedBy } from "./helpers/module-loads.js";

const root = join(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Every module URL that importing `entry` resolves, in a fresh Node. */
function importsOf(entry: string): string[] {
  const run = modulesLoadedBy(["--input-type=module", "-e", `await import(${JSON.stringify(entry)});`]);
  expect(run.status).toBe(0);
  return run.urls;
}

describe("the pure core stays pure", () => {
  it("engine, ruleset and answers code import nothing from node:*, chalk, commander or @inquirer", () => {
    const offending: string[] = [];
    for (const dir of ["engine", "ruleset", "answers"]) {
      for (const file of sourceFiles(join(root, "src", dir))) {
        for (const match of readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
          if (/^(node:|chalk|commander|@inquirer\/|(fast-)?wrap-ansi)/.test(match[1] ?? ""))
            offending.push(`${file}: ${match[1]}`);
        }
      }
    }
    expect(offending).toEqual([]);
  });

  it("importing the built package loads no CLI dependency and no Node built-in", () => {
    const loaded = importsOf(join(root, "dist/src/index.js"));
    expect(loaded.some((url) => url.endsWith("/dist/src/index.js"))).toBe(true);
    expect(
      loaded.filter((url) => /node:|\/(chalk|commander|@inquirer|(fast-)?wrap-ansi)\/|\/dist\/src\/cli\//.test(url)),
    ).toEqual([]);
  });

  it("the hook does see CLI dependencies when the CLI is imported (so the check above can fail)", () => {
    const loaded = importsOf(join(root, "dist/src/cli/run.js"));
    expect(loaded.some((url) => url.includes("/commander/"))).toBe(true);
  });
});
