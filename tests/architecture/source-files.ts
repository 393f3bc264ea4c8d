import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";

/** The repository's src/ folder. */
export const SRC = resolve(import.meta.dirname, "../../src");

/** Every TypeScript file under a folder, at any depth. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}
