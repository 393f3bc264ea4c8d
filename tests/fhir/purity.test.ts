import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");

function importsOf(dir: string): { file: string; specifier: string }[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => join(entry.parentPath, entry.name))
    .flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((match) => ({
        file,
        specifier: match[1] ?? "",
      })),
    );
}

describe("FHIR support is part of the pure library", () => {
  it("src/fhir imports only the package's own pure modules: no node:*, no FHIR library, nothing of the CLI", () => {
    const imports = importsOf(join(root, "src", "fhir"));
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter(({ specifier }) => !specifier.startsWith(".") || specifier.includes("/cli/"))).toEqual([]);
  });

  it("nothing in src imports @medplum, and it is a dev dependency only", () => {
    expect(importsOf(join(root, "src")).filter(({ specifier }) => specifier.startsWith("@medplum"))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Record<
      string,
      Record<string, string> | undefined
    >;
    for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
      expect(
        Object.keys(manifest[field] ?? {}).filter((name) => name.startsWith("@medplum")),
        field,
      ).toEqual([]);
    }
  });
});
