import type { IssueParams, SchemaKeyProblem } from "../codes.js";
import type { Wording } from "./answers.js";
import { count, receivedText } from "./values.js";

/** Units of a size, as zod's own English says them ("expected array to have >=1 items"). */
const SIZE_UNITS: Readonly<Record<string, string>> = {
  string: "characters",
  file: "bytes",
  array: "items",
  set: "items",
  map: "entries",
};
const FORMAT_NAMES: Readonly<Record<string, string>> = { url: "URL", regex: "input" };

const got = (params: { received?: IssueParams["schema.invalid-type"]["received"] }) =>
  params.received === undefined ? "" : `, got ${receivedText(params.received)}`;

/** For a size or a count: "got an array" or "got an object" would add nothing to what is said. */
const gotUnlessList = (params: { received?: IssueParams["schema.invalid-type"]["received"] }) =>
  params.received?.type === "array" || params.received?.type === "object" ? "" : got(params);

/** A value in a list of allowed ones, as zod quotes it: `"soon"`, `true`. */
const literal = (value: string | number | boolean | null) => (typeof value === "string" ? `"${value}"` : String(value));

const size = (origin: string, relation: string, limit: number) =>
  SIZE_UNITS[origin] !== undefined ? `to have ${relation}${limit} ${SIZE_UNITS[origin]}` : `to be ${relation}${limit}`;

export const schema: Wording<"schema"> = {
  "schema.required": ({ expected }) => `required; expected ${typeName(expected)}`,
  "schema.invalid-type": (p) => `expected ${typeName(p.expected)}${got(p)}`,
  "schema.invalid-value": (p) =>
    p.values.length === 1
      ? `expected ${literal(p.values[0]!)}${got(p)}`
      : `invalid option: expected one of ${p.values.map(literal).join("|")}${got(p)}`,
  "schema.too-small": (p) =>
    `too small: expected ${p.origin} ${size(p.origin, p.inclusive ? ">=" : ">", p.minimum)}${gotUnlessList(p)}`,
  "schema.too-big": (p) =>
    `too big: expected ${p.origin} ${size(p.origin, p.inclusive ? "<=" : "<", p.maximum)}${gotUnlessList(p)}`,
  "schema.invalid-format": (p) => `invalid ${FORMAT_NAMES[p.format] ?? p.format}${got(p)}`,
  "schema.invalid-discriminator": (p) => `invalid option: expected one of ${p.options.map(literal).join("|")}${got(p)}`,
  "schema.invalid-union-type": (p) => `expected ${p.types.map(typeName).join(" or ")}${got(p)}`,
  "schema.invalid": () => "invalid input",
  "schema.unknown-keys": ({ keys, count: total }) => {
    const shown = keys.map((key) => JSON.stringify(key)).join(", ");
    return `unknown ${total === 1 ? "key" : "keys"} ${total > keys.length ? `${shown} and ${count(total - keys.length)} more` : shown}`;
  },
  "schema.invalid-key": ({ problems }) => `invalid key: ${problems.map(keyProblem).join("; ")}`,
  "schema.kebab-case": (p) => `must be lower-case words joined by hyphens${got(p)}`,
  "schema.question-id": (p) => `must be letters and digits, starting with a letter${got(p)}`,
  "schema.version": (p) => `must be a version like 1.0.0${got(p)}`,
  "schema.reserved-name": (p) => `is a reserved name${got(p)}`,
  "schema.too-long": (p) => `must be at most ${count(p.maxLength)} characters${got(p)}`,
  "schema.control-character": (p) =>
    `contains a control character (${p.codePoint}); an id, a value or a URL may hold none${got(p)}`,
  "schema.control-character-in-text": (p) =>
    `contains a control character (${p.codePoint}); text may hold line breaks, no other control characters${got(p)}`,
  "schema.empty": (p) => `must not be empty${got(p)}`,
  "schema.no-source": (p) => `needs at least one source${gotUnlessList(p)}`,
  "schema.condition-form": ({ keys }) =>
    `has keys {${keys.join(", ")}}; expected one of {answer, equals}, {answer, in}, {answer, atLeast}, {answer, below}, {all}, {any}`,
};

/** zod's name of a type, as said in a message ("NaN" for nan). */
function typeName(expected: string): string {
  return expected === "nan" ? "NaN" : expected;
}

function keyProblem(problem: SchemaKeyProblem): string {
  return (schema[problem.code] as (params: SchemaKeyProblem["params"]) => string)(problem.params);
}
