import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// npm (11.16 on) warns at every fresh install about a dependency whose install script package.json's
// `allowScripts` does not cover, and a later npm will block it: each one is decided in package.json.
const root = join(import.meta.dirname, "..", "..");
const readJson = (name: string) => JSON.parse(readFileSync(join(root, name), "utf8")) as Record<string, unknown>;

describe("install scripts", () => {
  it("npm install warned that esbuild's install script is not covered by allowScripts: every one in the lockfile is decided", () => {
    const lock = readJson("package-lock.json") as { packages: Record<string, { hasInstallScript?: boolean }> };
    const withScripts = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== "" && entry.hasInstallScript === true)
      .map(([path]) => path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length));
    expect(withScripts.length, "the lockfile lists install scripts (esbuild has one)").toBeGreaterThan(0);
    const allowScripts = (readJson("package.json").allowScripts ?? {}) as Record<string, unknown>;
    const decided = new Set(Object.keys(allowScripts).map((key) => key.replace(/(?<=.)@.*$/, "")));
    expect(withScripts.filter((name) => !decided.has(name))).toEqual([]);
    expect(Object.values(allowScripts).every((value) => typeof value === "boolean")).toBe(true);
  });
});
