import canonicalize from "canonicalize";
import fc from "fast-check";
import { afterAll, describe, it } from "vitest";
import { loadRuleset, RulesetError } from "../../src/index.js";
import { BUILTIN_RULESET_DOCUMENTS, getBuiltinRuleset } from "../../src/ruleset/builtin.js";
import { expectedDigest } from "../helpers/digest.js";
import { assertProperty, printTally } from "./helpers/fuzz-config.js";
import { check, outcomeOf } from "./helpers/invariants.js";
import { ANY_JSON_SPACE, layoutArbitrary, serializeWithLayout } from "./helpers/json-layout.js";
import { allPaths, allStrings, mutate, mutationArbitrary } from "./helpers/json-mutation.js";

// The class of "a ruleset file can pass itself off as the built-in": whatever a document does, a
// ruleset that loads under a built-in's id is that built-in (same canonical content, same digest),
// and the digest follows the content, never the layout.

afterAll(() => printTally("ruleset-identity"));

const BUILTIN = Object.entries(BUILTIN_RULESET_DOCUMENTS);

describe("ruleset identity: a built-in's id is taken only by the built-in's own content", () => {
  for (const [name, document] of BUILTIN) {
    const builtin = getBuiltinRuleset(name)!;
    const paths = allPaths(document);
    const mutations = fc.array(mutationArbitrary(paths.length, allStrings(document)), { minLength: 1, maxLength: 3 });

    it(`"${name}" laid out any way (key order, white space) loads as itself, with its digest`, () => {
      assertProperty(
        fc.property(layoutArbitrary(ANY_JSON_SPACE), (layout) => {
          const ruleset = loadRuleset(JSON.parse(serializeWithLayout(document, layout)));
          check(
            ruleset.id === name && ruleset.digest === builtin.digest,
            `laid out anew, "${name}" got digest ${ruleset.digest}`,
          );
        }),
        60,
        0.005,
      );
    });

    it(`random mutations of "${name}": what loads under the id "${name}" is exactly the built-in`, () => {
      assertProperty(
        fc.property(mutations, (changes) => {
          const mutated = mutate(document, paths, changes);
          const outcome = outcomeOf(() => loadRuleset(mutated), RulesetError);
          if (!outcome.ok) return;
          const ruleset = outcome.value;
          check(
            ruleset.digest === expectedDigest(ruleset.definition),
            `digest ${ruleset.digest} is not that of the loaded document`,
          );
          if (ruleset.id !== name) return;
          const { $schema: _a, ...loaded } = ruleset.definition;
          const { $schema: _b, ...original } = builtin.definition;
          check(
            canonicalize(loaded) === canonicalize(original),
            `an edited "${name}" loaded under its id: ${JSON.stringify(changes)}`,
          );
        }),
        300,
        0.05,
      );
    });
  }
});
