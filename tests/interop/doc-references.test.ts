import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// Every document the README, the docs, the rules and the code name must be one a reader can open:
// the README and 25 files cited contract.md and clinical-reference.md, which were in neither the
// repository nor the package. A name is looked for beside the file that names it, then from the
// repository's root.
const root = join(import.meta.dirname, "..", "..");

function filesUnder(folder: string, extensions: RegExp): string[] {
  return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && extensions.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

const citing = [
  join(root, "README.md"),
  ...filesUnder("docs", /\.md$/),
  ...filesUnder("rules", /\.md$/),
  ...filesUnder("src", /\.ts$/),
  // This file names the missing ones in telling their story.
  ...filesUnder("tests", /\.(ts|mjs)$/).filter((file) => file !== import.meta.filename),
];

describe("documents named in the repository", () => {
  it("the README and 25 files cited contract.md and clinical-reference.md, which were not in the repository: every .md named exists", () => {
    const missing: string[] = [];
    for (const file of citing) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/(?<![\w./-])(?:\.{1,2}\/)*[\w-]+(?:\/[\w.-]+)*\.md\b/g)) {
        const name = match[0];
        // A report the tool is asked to write (`--report r.md`, or a path joined for it) names no document.
        const before = text.slice(Math.max(0, match.index - 60), match.index);
        if (/--report\s+$/.test(before) || /join\([^)]*"$/.test(before)) continue;
        if (!existsSync(join(dirname(file), name)) && !existsSync(join(root, name)))
          missing.push(`${relative(root, file)}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("the published package carries the docs the README links to", () => {
    const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { files: string[] };
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const linked = [...readme.matchAll(/\]\((docs\/[^)#]+)\)/g)].map((match) => match[1]!);
    expect(linked).toEqual(expect.arrayContaining(["docs/contract.md", "docs/clinical-basis.md"]));
    expect(manifest.files).toContain("docs/");
  });
});
