import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { type Vignette, VignetteSchema } from "./vignette-schema.js";

export interface VignetteFile {
  file: string;
  /** The parsed vignette, or the problems that keep it from being one. */
  vignette?: Vignette;
  problems: string[];
}

/** Every vignettes/*.json next to this module (or in `dir`), sorted by file name, each validated. */
export function loadVignetteFiles(dir: string): VignetteFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => readVignetteFile(join(dir, name)));
}

function readVignetteFile(file: string): VignetteFile {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    return { file, problems: [`not JSON: ${(error as Error).message}`] };
  }
  const parsed = VignetteSchema.safeParse(data);
  if (!parsed.success) {
    return {
      file,
      problems: parsed.error.issues.map((issue) => `${issue.path.join(".") || "(file)"}: ${issue.message}`),
    };
  }
  const expectedId = basename(file, ".json");
  if (parsed.data.id !== expectedId) {
    return { file, problems: [`id: "${parsed.data.id}" differs from the file name "${expectedId}"`] };
  }
  return { file, vignette: parsed.data, problems: [] };
}
