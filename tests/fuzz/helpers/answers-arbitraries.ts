import fc from "fast-check";
import type { Ruleset } from "../../../src/index.js";
import type { QuestionDefinition } from "../../../src/ruleset/schema.js";
import { truthOf } from "../../helpers/spec-policy.js";

/** One key of a JSON object and its value, kept as a list so that `__proto__` can be an own key. */
export type Entry = readonly [key: string, value: unknown];

/** Keys that reach for the prototype chain, shadow an Object.prototype method, or are blank. */
export const HOSTILE_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "__defineGetter__",
  "__lookupGetter__",
  "toJSON",
  "then",
  "length",
  "",
  " ",
] as const;

/** Values that try to reach Object.prototype when something merges or assigns them carelessly. */
export const POLLUTING_VALUES: readonly unknown[] = [
  JSON.parse('{"__proto__":{"polluted":"yes"}}'),
  JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}'),
  JSON.parse('{"prototype":{"polluted":"yes"}}'),
  JSON.parse('[{"__proto__":{"polluted":"yes"}}]'),
];

/** A valid `id`: a string of at most 200 characters or an integer within ±(2^53 − 1). */
export const recordIdArbitrary: fc.Arbitrary<string | number> = fc.oneof(
  fc.string({ maxLength: 200, unit: "binary" }),
  fc.integer(),
  fc.maxSafeInteger(),
);

export function answerValueFor(question: QuestionDefinition): fc.Arbitrary<string | number> {
  return question.type === "choice"
    ? fc.constantFrom(...question.choices.map((choice) => choice.value))
    : fc.integer({ min: question.min, max: question.max });
}

/** Valid answers for a ruleset as entries in question order, with an optional id (first or last). */
export function validEntriesFor(ruleset: Ruleset): fc.Arbitrary<Entry[]> {
  const fields = fc.tuple(
    ...ruleset.questions.map((question) => answerValueFor(question).map((value): Entry => [question.id, value])),
  );
  return fc
    .tuple(fields, fc.option(recordIdArbitrary, { nil: undefined }), fc.boolean())
    .map(([entries, id, idFirst]) =>
      id === undefined ? entries : idFirst ? [["id", id], ...entries] : [...entries, ["id", id]],
    );
}

/** JSON text of the entries, in their order; `__proto__` stays an own key when parsed. */
export function entriesJson(entries: readonly Entry[]): string {
  return `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(",")}}`;
}

export function entriesObject(entries: readonly Entry[]): unknown {
  return JSON.parse(entriesJson(entries));
}

/** A value one slip away from a valid one: wrong case, padding, a number as text, out of range. */
const nearMissValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    "YES",
    "Yes",
    " yes",
    "no ",
    "unsure\n",
    "1",
    "0",
    "true",
    "",
    "helped ",
    "did_not_help",
    "40",
    "1e2",
    "-0",
  ),
  fc.integer({ min: -1_000, max: 40_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(null, true, false, [], {}, ["yes"], { value: "yes" }, 1e300, -1, 121, 36_501, 1.5),
  fc.string({ minLength: 201, maxLength: 260 }),
);

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nearMissValue },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(...POLLUTING_VALUES) },
);

function misspeltKey(ruleset: Ruleset): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(...ruleset.questions.map((question) => question.id)),
      fc.nat(),
      fc.constantFrom("drop", "double", "upper", "plural", "space"),
    )
    .map(([id, at, how]) => {
      const i = at % id.length;
      if (how === "drop") return id.slice(0, i) + id.slice(i + 1);
      if (how === "double") return id.slice(0, i) + id.charAt(i) + id.slice(i);
      if (how === "upper") return id.toUpperCase();
      if (how === "plural") return `${id}s`;
      return ` ${id}`;
    });
}

export type Corruption =
  | { kind: "remove"; at: number }
  | { kind: "replace"; at: number; value: unknown }
  | { kind: "add"; key: string; value: unknown };

function corruptionFor(ruleset: Ruleset): fc.Arbitrary<Corruption> {
  const key = fc.oneof(
    fc.constantFrom(...HOSTILE_KEYS, "id"),
    misspeltKey(ruleset),
    fc.string({ maxLength: 12, unit: "binary" }),
  );
  return fc.oneof(
    fc.record({ kind: fc.constant("remove" as const), at: fc.nat() }),
    fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), value: anyValue }),
    fc.record({ kind: fc.constant("add" as const), key, value: anyValue }),
  );
}

export function applyCorruptions(entries: readonly Entry[], corruptions: readonly Corruption[]): Entry[] {
  const out = [...entries];
  for (const corruption of corruptions) {
    if (corruption.kind === "add") {
      out.push([corruption.key, corruption.value]);
    } else if (out.length > 0) {
      const at = corruption.at % out.length;
      if (corruption.kind === "remove") out.splice(at, 1);
      else out[at] = [out[at]![0], corruption.value];
    }
  }
  return out;
}

/** Valid answers with 0–3 corruptions: removed fields, wrong values, unknown, misspelt or hostile keys. */
export function corruptedEntriesFor(ruleset: Ruleset): fc.Arbitrary<Entry[]> {
  return fc
    .tuple(validEntriesFor(ruleset), fc.array(corruptionFor(ruleset), { maxLength: 3 }))
    .map(([entries, corruptions]) => applyCorruptions(entries, corruptions));
}

/** Every non-JSON shape a library caller could pass: class instances, Maps, Dates, null prototypes… */
export const anythingArbitrary: fc.Arbitrary<unknown> = fc.anything({
  maxDepth: 3,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
  withNullPrototype: true,
  withObjectString: true,
  withBigInt: true,
  key: fc.oneof(fc.string(), fc.constantFrom(...HOSTILE_KEYS)),
});

/**
 * What the answers contract (docs/contract.md, "Answers") says is wrong with `input`, computed
 * independently of src/: the whole document, or the keys at fault (a missing or invalid question,
 * an unknown key, an invalid id).
 */
export function expectedProblems(ruleset: Ruleset, input: unknown): "root" | Set<string> {
  if (input === null || typeof input !== "object" || Array.isArray(input)) return "root";
  const record = input as Record<string, unknown>;
  const problems = new Set<string>();
  const questionIds = new Set(ruleset.questions.map((question) => question.id));
  // The valid answers so far, a follow-up whose condition does not hold left out (section 1b).
  const valid: Record<string, string | number> = {};
  for (const question of ruleset.questions) {
    const given = Object.hasOwn(record, question.id);
    const value = given ? record[question.id] : undefined;
    const ok =
      question.type === "choice"
        ? typeof value === "string" && question.choices.some((choice) => choice.value === value)
        : typeof value === "number" && Number.isInteger(value) && value >= question.min && value <= question.max;
    const needed = question.askWhen === undefined || truthOf(question.askWhen, valid) > 0;
    if (given ? !ok : needed) problems.add(question.id);
    if (ok && needed) valid[question.id] = value as string | number;
  }
  for (const key of Object.keys(record)) {
    if (!questionIds.has(key) && key !== "id") problems.add(key);
  }
  if (Object.hasOwn(record, "id")) {
    const id = record.id;
    // docs/contract.md: a string of at most 200 characters, or an integer within ±(2^53 − 1).
    const ok =
      (typeof id === "string" && id.length <= 200) ||
      (typeof id === "number" && Number.isInteger(id) && Math.abs(id) <= 2 ** 53 - 1);
    if (!ok) problems.add("id");
  }
  return problems;
}

/** How an issue names a key: as itself (its first 80 characters and "…" when longer), or quoted when blank (so a path is never empty). */
export function issuePathOfKey(key: string): string {
  if (key.trim() === "") return JSON.stringify(key);
  return key.length > 80 ? `${key.slice(0, 80)}…` : key;
}
