import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import {
  AnswersError,
  AnswersSchema,
  answersSchemaFor,
  defaultRuleset,
  evaluate,
  loadRuleset,
  RulesetError,
  triage,
} from "../../src/index.js";
import { BUILTIN_RULESET_DOCUMENTS } from "../../src/ruleset/builtin.js";
import { rulesFile } from "../cli/helpers/ruleset-file.js";
import { calmAnswers } from "../helpers/answers.js";
import {
  corruptedEntriesFor,
  entriesJson,
  HOSTILE_KEYS,
  POLLUTING_VALUES,
  validEntriesFor,
  type Entry,
} from "./helpers/answers-arbitraries.js";
import { runWithStdin } from "./helpers/cli-run.js";
import { assertAsyncProperty, printTally } from "./helpers/fuzz-config.js";
import { check } from "./helpers/invariants.js";
import { allPaths, allStrings, mutate, mutationArbitrary } from "./helpers/json-mutation.js";

// Prototype pollution: no input, through any entry point, may add or change a property of the
// built-in prototypes (a `{"__proto__": {"polluted": 1}}` merged carelessly would make every object
// in the process "polluted").

afterAll(() => printTally("prototype"));

const PROTOTYPES: readonly [string, object][] = [
  ["Object.prototype", Object.prototype],
  ["Array.prototype", Array.prototype],
  ["Function.prototype", Function.prototype],
  ["String.prototype", String.prototype],
  ["Number.prototype", Number.prototype],
  ["Boolean.prototype", Boolean.prototype],
  ["Error.prototype", Error.prototype],
  ["AnswersError.prototype", AnswersError.prototype],
  ["RulesetError.prototype", RulesetError.prototype],
];

/** Every own key of the prototypes with what it holds (value, getter, setter), by identity. */
type Snapshot = Map<string, unknown[]>;
function snapshot(): Snapshot {
  const map: Snapshot = new Map();
  for (const [name, prototype] of PROTOTYPES) {
    for (const key of Reflect.ownKeys(prototype)) {
      const d = Object.getOwnPropertyDescriptor(prototype, key)!;
      map.set(`${name}.${String(key)}`, [d.value, d.get, d.set, d.writable, d.enumerable, d.configurable]);
    }
  }
  return map;
}

/** The differences between two snapshots, as readable names. */
function changes(before: Snapshot, after: Snapshot): string[] {
  const changed: string[] = [];
  for (const [key, entry] of after) {
    const old = before.get(key);
    if (!old) changed.push(`added ${key}`);
    else if (entry.some((part, i) => !Object.is(part, old[i]))) changed.push(`changed ${key}`);
  }
  for (const key of before.keys()) if (!after.has(key)) changed.push(`removed ${key}`);
  return changed;
}

const BASELINE = snapshot();

function expectPrototypesUntouched(): void {
  const found = changes(BASELINE, snapshot());
  check(found.length === 0, `prototypes changed: ${found.join(", ")}`);
  const probe: Record<string, unknown> = {};
  check(probe.polluted === undefined && [].length === 0, "a fresh object inherits nothing new");
}

/** Valid answers (the default ruleset's, 2.0) as JSON members, so that the hostile key is each document's only fault. */
const calm = JSON.stringify(calmAnswers()).slice(1, -1);

/** Answers documents that try every way in to the prototype chain. */
const HOSTILE_ANSWERS: readonly string[] = [
  '{"__proto__":{"polluted":1}}',
  `{${calm},"__proto__":{"polluted":1}}`,
  `{"__proto__":{"polluted":1},${calm}}`,
  `{${calm},"constructor":{"prototype":{"polluted":1}}}`,
  `{${calm},"prototype":{"polluted":1}}`,
  `{${calm},"id":{"__proto__":{"polluted":1}}}`,
  `{${calm.replace('"fever":"no"', '"fever":{"__proto__":{"polluted":1}}')}}`,
  `{${calm.replace('"age":30', '"age":{"constructor":{"prototype":{"polluted":1}}}')}}`,
  `{${calm},"__proto__":{"polluted":1},"__proto__":{"polluted":2}}`,
  `{${calm},"__proto__":[{"polluted":1}]}`,
  `{${calm},"__proto__":null}`,
  '[{"__proto__":{"polluted":1}}]',
  `{${calm},"toString":"x","valueOf":1,"hasOwnProperty":"no"}`,
  `{${calm},"__defineGetter__":{"polluted":1},"__lookupGetter__":1}`,
];

/** Ruleset documents with the same tricks at the root, in the source table, a question, a rule and a condition. */
function hostileRulesets(): unknown[] {
  const text = JSON.stringify(rulesFile);
  const inject = (anchor: string, member: string) => JSON.parse(text.replace(anchor, `${anchor}${member},`)) as unknown;
  const proto = '"__proto__":{"polluted":1}';
  const ctor = '"constructor":{"prototype":{"polluted":1}}';
  return [
    JSON.parse('{"__proto__":{"polluted":1}}'),
    inject("{", proto),
    inject("{", ctor),
    inject('"sources":{', proto),
    inject('"sources":{', '"constructor":{"title":"x","url":"https://example.org"}'),
    inject('"questions":[{', proto),
    inject('"rules":[{', proto),
    inject('"when":{', proto),
    inject('"unsurePolicy":{', ctor),
    inject('"advice":{', proto),
  ];
}

describe("prototype pollution: no input changes a built-in prototype", () => {
  it("the check can fail: a polluted Object.prototype is noticed", () => {
    const key = "pollutedByTheControlCase";
    try {
      Object.defineProperty(Object.prototype, key, { value: 1, configurable: true, writable: true, enumerable: false });
      expect(changes(BASELINE, snapshot())).toEqual([`added Object.prototype.${key}`]);
    } finally {
      delete (Object.prototype as Record<string, unknown>)[key];
    }
    expect(changes(BASELINE, snapshot())).toEqual([]);
  });

  it("hostile answers through triage, evaluate and the answers schemas", () => {
    for (const text of HOSTILE_ANSWERS) {
      for (const attempt of [
        () => triage(JSON.parse(text) as Parameters<typeof triage>[0]),
        () => evaluate(defaultRuleset, JSON.parse(text)),
        () => AnswersSchema.safeParse(JSON.parse(text)),
        () => answersSchemaFor(defaultRuleset).safeParse(JSON.parse(text), { jitless: true }),
        () => answersSchemaFor(defaultRuleset).safeParse(JSON.parse(text)),
      ]) {
        try {
          const result = attempt() as unknown;
          if (result !== null && typeof result === "object")
            expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
        } catch (error) {
          expect(error, text).toBeInstanceOf(AnswersError);
        }
        expectPrototypesUntouched();
      }
    }
  });

  it("hostile rulesets through loadRuleset, and answers through what loads", () => {
    for (const document of hostileRulesets()) {
      try {
        const ruleset = loadRuleset(document);
        for (const text of HOSTILE_ANSWERS) {
          try {
            evaluate(ruleset, JSON.parse(text));
          } catch (error) {
            expect(error).toBeInstanceOf(AnswersError);
          }
        }
      } catch (error) {
        expect(error).toBeInstanceOf(RulesetError);
      }
      expectPrototypesUntouched();
    }
  });

  it("hostile answers through --answers - (every format) and batch (json and text)", async () => {
    for (const args of [
      ["--answers", "-", "--json"],
      ["--answers", "-"],
      ["--answers", "-", "--format", "markdown"],
    ]) {
      for (const text of HOSTILE_ANSWERS) {
        const result = await runWithStdin(args, text);
        expect([0, 2], `${args.join(" ")} < ${text}: ${result.stderr}`).toContain(result.code);
        expectPrototypesUntouched();
      }
    }
    for (const args of [["batch"], ["batch", "--format", "text"]]) {
      const result = await runWithStdin(args, `${HOSTILE_ANSWERS.join("\n")}\n`);
      expect(result.code).toBe(2);
      expectPrototypesUntouched();
    }
  });

  /** Answers with hostile keys and values, at random places. */
  const hostileEntries: fc.Arbitrary<Entry[]> = fc
    .tuple(
      fc.oneof(validEntriesFor(defaultRuleset), corruptedEntriesFor(defaultRuleset)),
      fc.array(
        fc.tuple(
          fc.constantFrom(...HOSTILE_KEYS, "fever", "id", "age"),
          fc.constantFrom(...POLLUTING_VALUES),
          fc.nat(),
        ),
        { minLength: 1, maxLength: 3 },
      ),
    )
    .map(([entries, inserts]) => {
      const out = [...entries];
      for (const [key, value, at] of inserts) out.splice(at % (out.length + 1), 0, [key, value]);
      return out;
    });

  it("random hostile answers through the library, --answers - and batch", async () => {
    await assertAsyncProperty(
      fc.asyncProperty(hostileEntries, fc.constantFrom("library", "answers", "batch"), async (entries, via) => {
        const text = entriesJson(entries);
        if (via === "library") {
          try {
            triage(JSON.parse(text) as Parameters<typeof triage>[0]);
          } catch (error) {
            check(error instanceof AnswersError, String(error));
          }
        } else {
          const result = await runWithStdin(via === "answers" ? ["--answers", "-", "--json"] : ["batch"], `${text}\n`);
          check(result.code === 0 || result.code === 2, `exit ${result.code}: ${result.stderr}`);
        }
        expectPrototypesUntouched();
      }),
      200,
      0.05,
    );
  });

  for (const [name, document] of Object.entries(BUILTIN_RULESET_DOCUMENTS)) {
    it(`random hostile mutations of the built-in "${name}" ruleset through loadRuleset`, async () => {
      const paths = allPaths(document);
      await assertAsyncProperty(
        fc.asyncProperty(
          fc.array(mutationArbitrary(paths.length, allStrings(document)), { minLength: 1, maxLength: 3 }),
          async (mutations) => {
            const hostile = mutations.map((m) => (m.op === "addKey" ? { ...m, key: "__proto__" } : m));
            try {
              loadRuleset(mutate(document, paths, hostile));
            } catch (error) {
              check(error instanceof RulesetError, String(error));
            }
            expectPrototypesUntouched();
          },
        ),
        100,
        0.02,
      );
    });
  }
});
