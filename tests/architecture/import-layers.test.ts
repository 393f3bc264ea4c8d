import { readFileSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { SRC, sourceFiles } from "./source-files.js";

/**
 * The folders of src/ form layers: a folder imports only from layers below its own, so no two folders
 * import each other, even through a third. The files directly in src/ (issues.ts, zod-issues.ts, ...) are
 * the shared bottom layer; index.ts is the library's entry and may import anything but the CLI.
 * web sits under cli, beside fhir: the CLI serves the page (`neck-triage web`), and the page's script
 * is bundled for a browser, so it must not reach into the CLI (what both need lives lower down).
 * A new folder must be placed here before it can import or be imported.
 */
const LAYERS: readonly (readonly string[])[] = [
  ["cli"],
  ["web", "fhir"],
  ["engine"],
  ["answers"],
  ["ruleset"],
  ["shared"],
];
const ENTRY = "index";

/**
 * The folders whose files are part of the shared bottom layer: src/messages holds the issue codes that
 * issues.ts's `Issue` type names, and the words made from them (an issue and its wording are one thing).
 */
const SHARED_FOLDERS: ReadonlySet<string> = new Set(["messages"]);

/** The unit a file belongs to: its top folder under src/, "index" for src/index.ts, "shared" for the other files in src/ and src/messages. */
function unitOf(file: string): string {
  const parts = relative(SRC, file).split(sep);
  if (parts.length > 1) return SHARED_FOLDERS.has(parts[0]!) ? "shared" : parts[0]!;
  return parts[0] === `${ENTRY}.ts` ? ENTRY : "shared";
}

interface Edge {
  from: string;
  to: string;
  fromUnit: string;
  toUnit: string;
}

/** Every relative import (static `import`/`export ... from` and dynamic `import("...")`) that lands in src/. */
function importEdges(): Edge[] {
  const edges: Edge[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm)) {
      const specifier = match[1]!;
      if (!specifier.startsWith(".")) continue;
      const target = resolve(dirname(file), specifier).replace(/\.js$/, ".ts");
      if (!target.startsWith(SRC + sep)) continue; // package.json, rules/*.json: data, not a layer
      edges.push({
        from: relative(SRC, file),
        to: relative(SRC, target),
        fromUnit: unitOf(file),
        toUnit: unitOf(target),
      });
    }
  }
  return edges;
}

function layerOf(unit: string): number {
  return LAYERS.findIndex((layer) => layer.includes(unit));
}

/** Why an import between two units breaks the layers, or undefined when it keeps them. */
function layerViolation(edge: Edge): string | undefined {
  const { fromUnit, toUnit } = edge;
  if (fromUnit === toUnit) return undefined;
  if (toUnit === ENTRY) return "nothing imports the library's entry (src/index.ts)";
  if (fromUnit === ENTRY) return toUnit === "cli" ? "the library's entry must not import the CLI" : undefined;
  const from = layerOf(fromUnit);
  const to = layerOf(toUnit);
  if (from < 0) return `src/${fromUnit} is in no layer: add it to LAYERS in this test`;
  if (to < 0) return `src/${toUnit} is in no layer: add it to LAYERS in this test`;
  if (to <= from)
    return `${fromUnit} may import only ${LAYERS.slice(from + 1)
      .flat()
      .join(", ")}`;
  return undefined;
}

/** A cycle between units, as the list of units it goes through, or undefined. */
function unitCycle(edges: readonly Edge[]): string[] | undefined {
  const next = new Map<string, Set<string>>();
  for (const { fromUnit, toUnit } of edges) {
    if (fromUnit !== toUnit) (next.get(fromUnit) ?? next.set(fromUnit, new Set()).get(fromUnit)!).add(toUnit);
  }
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (unit: string): string[] | undefined => {
    const at = path.indexOf(unit);
    if (at >= 0) return [...path.slice(at), unit];
    if (done.has(unit)) return undefined;
    path.push(unit);
    for (const to of next.get(unit) ?? []) {
      const cycle = visit(to);
      if (cycle) return cycle;
    }
    path.pop();
    done.add(unit);
    return undefined;
  };
  for (const unit of next.keys()) {
    const cycle = visit(unit);
    if (cycle) return cycle;
  }
  return undefined;
}

describe("the import layers of src/", () => {
  const edges = importEdges();

  it("reads the imports of every folder (the parser finds what is there)", () => {
    const units = new Set(edges.flatMap((edge) => [edge.fromUnit, edge.toUnit]));
    for (const unit of ["cli", "fhir", "engine", "answers", "ruleset", "shared", ENTRY]) expect(units).toContain(unit);
  });

  it("has no import from a folder to one on its own or a higher layer", () => {
    const violations = edges.flatMap((edge) => {
      const why = layerViolation(edge);
      return why ? [`src/${edge.from} imports src/${edge.to}: ${why}`] : [];
    });
    expect(violations).toEqual([]);
  });

  it("has no cycle between folders", () => {
    expect(unitCycle(edges)).toBeUndefined();
  });

  it("catches a backward import and a cycle (the checks can fail)", () => {
    const up: Edge = { from: "ruleset/compile.ts", to: "engine/conditions.ts", fromUnit: "ruleset", toUnit: "engine" };
    const down: Edge = {
      from: "engine/evaluate-valid.ts",
      to: "ruleset/compile.ts",
      fromUnit: "engine",
      toUnit: "ruleset",
    };
    expect(layerViolation(up)).toBe("ruleset may import only shared");
    expect(layerViolation(down)).toBeUndefined();
    expect(unitCycle([up, down])).toEqual(["ruleset", "engine", "ruleset"]);
    expect(layerViolation({ ...down, fromUnit: ENTRY, toUnit: "cli" })).toMatch(/must not import the CLI/);
    expect(layerViolation({ ...down, fromUnit: "reports", toUnit: "engine" })).toMatch(/src\/reports is in no layer/);
  });
});
