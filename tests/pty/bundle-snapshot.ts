import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BUNDLE = join(REPO_ROOT, "dist", "cli");
const ENTRY = "neck-triage.js";

/** Files of `dir` that some file there imports ("./chunk-X.js") but that are missing; undefined when there is no entry file. */
function missingImports(dir: string): string[] | undefined {
  if (!existsSync(join(dir, ENTRY))) return undefined;
  const files = new Set(readdirSync(dir));
  const missing = new Set<string>();
  for (const file of files) {
    if (!file.endsWith(".js")) continue;
    for (const match of readFileSync(join(dir, file), "utf8").matchAll(/["'`]\.\/([\w.-]+\.js)["'`]/g)) {
      if (!files.has(match[1]!)) missing.add(match[1]!);
    }
  }
  return [...missing];
}

export interface BundleSnapshot {
  /** bin/neck-triage of the copy. */
  bin: string;
  remove(): void;
}

/**
 * Copies the built command line (bin/neck-triage, dist/cli/, package.json for "type": "module") to a
 * temporary directory and returns its bin. Other work in this repository may rebuild dist/cli while the
 * terminal tests run (the build deletes it first); the copy keeps every test on one complete build.
 * Waits for a complete build (the entry and every chunk it imports) for up to `timeoutMs`.
 */
export async function snapshotBundle(timeoutMs = 30_000): Promise<BundleSnapshot> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const root = mkdtempSync(join(tmpdir(), "neck-triage-pty-"));
    const remove = () => rmSync(root, { recursive: true, force: true });
    try {
      if (missingImports(BUNDLE)?.length === 0) {
        mkdirSync(join(root, "bin"));
        mkdirSync(join(root, "dist", "cli"), { recursive: true });
        copyFileSync(join(REPO_ROOT, "package.json"), join(root, "package.json"));
        copyFileSync(join(REPO_ROOT, "bin", "neck-triage"), join(root, "bin", "neck-triage"));
        for (const file of readdirSync(BUNDLE)) copyFileSync(join(BUNDLE, file), join(root, "dist", "cli", file));
        if (missingImports(join(root, "dist", "cli"))?.length === 0)
          return { bin: join(root, "bin", "neck-triage"), remove };
      }
    } catch {
      // The build replaced files while they were copied: try again.
    }
    remove();
    if (performance.now() > deadline) {
      throw new Error(
        `no complete build in ${BUNDLE} within ${timeoutMs} ms: run \`npm run build\` (or \`npm test\`, which builds first)`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
