import fc from "fast-check";
import { afterAll, describe, it } from "vitest";
import { renderMarkdown } from "../../src/cli/render/markdown.js";
import { makeStyle } from "../../src/cli/render/style.js";
import { renderText } from "../../src/cli/render/text.js";
import { rulesAsText } from "../../src/cli/rules-command.js";
import { defaultRuleset, evaluate, loadRuleset, RulesetError } from "../../src/index.js";
import { compileValidatedRuleset } from "../../src/ruleset/compile.js";
import { RAW_CONTROL, withoutStyle, withSuffixOnEveryText } from "../helpers/hostile-text.js";
import { rulesetDocument } from "../helpers/ruleset-document.js";
import { entriesObject, recordIdArbitrary, validEntriesFor } from "./helpers/answers-arbitraries.js";
import { assertProperty, printTally } from "./helpers/fuzz-config.js";
import { check, outcomeOf } from "./helpers/invariants.js";
import { allPaths, type JsonPath } from "./helpers/json-mutation.js";

// No control character from data reaches a terminal (rules/SAFETY.md, terminal injection): the
// loader refuses any in a ruleset string (a text may hold line breaks), and whatever reaches the
// text, markdown and rules renderers (a ruleset past the loader, an id from the answers) is shown
// escaped. Chalk's own styling is the only escape sequence output ever holds.

afterAll(() => printTally("terminal"));

/** One control character that could drive a terminal: C0 but the line feed, DEL, C1. */
const control = fc
  .oneof(
    fc.integer({ min: 0, max: 0x1f }).filter((c) => c !== 0x0a),
    fc.integer({ min: 0x7f, max: 0x9f }),
  )
  .map((c) => String.fromCharCode(c));
/** Text with controls mixed in: escape sequences, lone controls, ordinary characters. */
const hostileText = fc
  .array(
    fc.oneof(
      control,
      fc.constantFrom("\u001b[2J", "\u001b]8;;https://evil.example\u0007", "\u009b31m", "\n", "a", " ", "€"),
      fc.string({ maxLength: 5 }),
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((parts) => parts.join(""));

const document = rulesetDocument();
const stringPaths: JsonPath[] = allPaths(document).filter(
  (path) => typeof path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], document) === "string",
);

function setAt(target: unknown, path: JsonPath, change: (value: string) => string): void {
  const parent = path
    .slice(0, -1)
    .reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], target) as Record<
    string | number,
    string
  >;
  const key = path[path.length - 1]!;
  parent[key] = change(parent[key]!);
}

describe("no control character from data reaches a terminal", () => {
  it("the loader refuses a control character anywhere in any ruleset string, at that string's path", () => {
    assertProperty(
      fc.property(fc.constantFrom(...stringPaths), control, fc.nat(), (path, character, at) => {
        const mutated = structuredClone(document);
        setAt(
          mutated,
          path,
          (value) => value.slice(0, at % (value.length + 1)) + character + value.slice(at % (value.length + 1)),
        );
        const outcome = outcomeOf(() => loadRuleset(mutated), RulesetError);
        check(!outcome.ok, `a control character at ${path.join(".")} was accepted`);
        if (!outcome.ok) {
          const where = path.join(".");
          // A fixed word (a question's type, an urgency) is refused as not one of its words instead.
          const fixedWord = ["type", "urgency", "floor"].includes(String(path[path.length - 1]));
          check(
            outcome.error.issues.some(
              (issue) =>
                issue.path === where && (fixedWord || issue.message.startsWith("contains a control character")),
            ),
            `no control-character issue at ${where}: ${JSON.stringify(outcome.error.issues.slice(0, 3))}`,
          );
        }
      }),
      300,
      0.05,
    );
  });

  it("text, markdown and the rules listing escape whatever controls reach them, in every text and the id", () => {
    assertProperty(
      fc.property(
        hostileText,
        validEntriesFor(defaultRuleset),
        recordIdArbitrary,
        fc.constantFrom<0 | 1 | 3>(0, 1, 3),
        (text, entries, id, level) => {
          const ruleset = compileValidatedRuleset(withSuffixOnEveryText(document, text));
          const answers = {
            ...(entriesObject(entries) as Record<string, unknown>),
            id: typeof id === "string" ? `${id}${text}` : id,
          };
          const result = evaluate(ruleset, answers);
          const style = makeStyle(level);
          for (const [what, output] of [
            ["text", renderText(result, ruleset, style, 60)],
            ["markdown", renderMarkdown(result, ruleset)],
            ["rules", rulesAsText(ruleset, style, 60)],
          ] as const) {
            const shown = level === 0 ? output : withoutStyle(output);
            check(
              !RAW_CONTROL.test(shown),
              `a raw control character in ${what} output: ${JSON.stringify(shown.match(RAW_CONTROL))}`,
            );
          }
        },
      ),
      60,
      0.02,
    );
  });
});
