import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";

/** A temporary folder of one test file: made before its tests, removed with its contents after them. */
export interface TempDir {
  /** The folder's path (only inside tests and hooks). */
  readonly path: string;
  /** Writes `content` to a file of that name in the folder and returns the file's path. */
  file(name: string, content: string | Uint8Array): Promise<string>;
}

export function useTempDir(prefix: string): TempDir {
  let path = "";
  beforeAll(async () => {
    path = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    if (path) await rm(path, { recursive: true, force: true });
  });
  return {
    get path() {
      if (!path) throw new Error("the temporary folder is made in beforeAll: use it inside a test or hook");
      return path;
    },
    async file(name, content) {
      const file = join(path, name);
      await writeFile(file, content);
      return file;
    },
  };
}
