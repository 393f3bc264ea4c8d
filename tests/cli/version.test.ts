import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { makeFakeIo } from "./helpers/fake-io.js";
import { REPO_ROOT } from "./helpers/ruleset-file.js";

describe("--version matches the changelog", () => {
  it("prints the package's version, which is the newest released version in CHANGELOG.md", async () => {
    const changelog = readFileSync(join(REPO_ROOT, "CHANGELOG.md"), "utf8");
    const released = [...changelog.matchAll(/^## (\d+\.\d+\.\d+)\s*$/gm)].map((m) => m[1]);
    const fake = makeFakeIo();
    expect(await run(["--version"], fake.io)).toBe(0);
    expect(fake.stdout().trim()).toBe(released[0]);
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { version: string };
    expect(pkg.version).toBe(released[0]);
  });
});
