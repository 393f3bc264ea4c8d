import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Every module URL that importing `entry` resolves, recorded by a resolve hook in a fresh Node. */
function modulesLoadedBy(entry: string): string[] {
  const hook = `data:text/javascript,${encodeURIComponent(
    // writeSync, not process.stderr.write: on Node 22+ the hooks run on their own thread, whose
    // asynchronous stderr writes can be lost when the main thread exits first.
    "import { writeSync } from 'node:fs'; export async function resolve(s, c, next) { const r = await next(s, c); writeSync(2, 'LOADED ' + r.url + '\\n'); return r; }",
  )}`;
  const register = `data:text/javascript,${encodeURIComponent(`import { register } from "node:module"; register(${JSON.stringify(hook)});`)}`;
  const run = spawnSync(process.execPath, ["--import", register, "--input-type=module", "-e", `await import(${JSON.stringify(entry)});`], {
    encoding: "utf8",
  });
  expect(run.status).toBe(0);
  return [...run.stderr.matchAll(/^LOADED (.*)$/gm)].map((m) => m[1] ?? "");
}

describe("the pure core stays pure", () => {
  it("engine, ruleset and answers code import nothing from node:*, chalk, commander or @inquirer", () => {
    const offending: string[] = [];
    for (const dir of ["engine", "ruleset", "answers"]) {
      for (const file of sourceFiles(join(root, "src", dir))) {
        for (const match of readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
          if (/^(node:|chalk|commander|@inquirer\/|wrap-ansi)/.test(match[1] ?? "")) offending.push(`${file}: ${match[1]}`);
        }
      }
    }
    expect(offending).toEqual([]);
  });

  it("importing the built package loads no CLI dependency and no Node built-in", () => {
    const loaded = modulesLoadedBy(join(root, "dist/src/index.js"));
    expect(loaded.some((url) => url.endsWith("/dist/src/index.js"))).toBe(true);
    expect(loaded.filter((url) => /node:|\/(chalk|commander|@inquirer|wrap-ansi)\/|\/dist\/src\/cli\//.test(url))).toEqual([]);
  });

  it("the hook does see CLI dependencies when the CLI is imported (so the check above can fail)", () => {
    const loaded = modulesLoadedBy(join(root, "dist/src/cli/run.js"));
    expect(loaded.some((url) => url.includes("/commander/"))).toBe(true);
  });
});
