import fc from "fast-check";
import { afterAll, describe, it } from "vitest";
import { AnswersError, defaultRuleset, triage } from "../../src/index.js";
import { corruptedEntriesFor, entriesObject, validEntriesFor } from "./helpers/answers-arbitraries.js";
import { outputLines, runWithStdin } from "./helpers/cli-run.js";
import { assertAsyncProperty, assertProperty, printTally } from "./helpers/fuzz-config.js";
import { check, issueSet, outcomeOf } from "./helpers/invariants.js";
import { ANY_JSON_SPACE, layoutArbitrary, ONE_LINE_JSON_SPACE, serializeWithLayout } from "./helpers/json-layout.js";

// Key order and white space are not part of the data (RFC 8259): two layouts of the same answers
// must give the same result, byte for byte, and the same problems, through the library, `--answers`
// and `batch`. Problems are compared as a set: they may be listed in the order the keys came.

afterAll(() => printTally("layout"));

const answers = fc.oneof(validEntriesFor(defaultRuleset), corruptedEntriesFor(defaultRuleset)).map(entriesObject);

/** What the library makes of one JSON text: the result's JSON, or the sorted problems. */
function libraryOutcome(text: string): string {
  const outcome = outcomeOf(() => triage(JSON.parse(text) as Parameters<typeof triage>[0]), AnswersError);
  return outcome.ok ? JSON.stringify(outcome.value) : `error:\n${issueSet(outcome.error.issues).join("\n")}`;
}

/** A batch output line with its error issues sorted, so that only their order may differ. */
function normalizedRecord(line: string): string {
  const record = JSON.parse(line) as { error?: { issues: { path: string; message: string }[] } };
  if (record.error)
    record.error.issues = [...record.error.issues].sort((a, b) =>
      `${a.path}:${a.message}`.localeCompare(`${b.path}:${b.message}`),
    );
  return JSON.stringify(record);
}

describe("layout fuzzing: key order and white space never change a result", () => {
  it("library: the same answers in two layouts", () => {
    assertProperty(
      fc.property(answers, layoutArbitrary(ANY_JSON_SPACE), layoutArbitrary(ANY_JSON_SPACE), (input, a, b) => {
        const canonical = libraryOutcome(JSON.stringify(input));
        const first = libraryOutcome(serializeWithLayout(input, a));
        check(first === canonical, `layout changed the outcome:\n${first}\nvs\n${canonical}`);
        check(libraryOutcome(serializeWithLayout(input, b)) === canonical, "a second layout changed the outcome");
      }),
      1_000,
      0.25,
    );
  });

  it("--answers - --json: the same answers in two layouts", async () => {
    await assertAsyncProperty(
      fc.asyncProperty(
        answers,
        layoutArbitrary(ANY_JSON_SPACE),
        layoutArbitrary(ANY_JSON_SPACE),
        async (input, a, b) => {
          const args = ["--answers", "-", "--json", "--exit-code"];
          const [first, second] = [
            await runWithStdin(args, serializeWithLayout(input, a)),
            await runWithStdin(args, serializeWithLayout(input, b)),
          ];
          check(first.code === second.code, `exit ${first.code} vs ${second.code}`);
          check(first.stdout === second.stdout, "stdout differs");
          const errors = (text: string) => JSON.stringify(outputLines(text).sort());
          check(
            errors(first.stderr) === errors(second.stderr),
            `stderr differs:\n${first.stderr}\nvs\n${second.stderr}`,
          );
        },
      ),
      100,
      0.05,
    );
  });

  it("batch: each record in its own layout gives the same lines as the records written plainly", async () => {
    await assertAsyncProperty(
      fc.asyncProperty(
        fc.array(fc.tuple(answers, layoutArbitrary(ONE_LINE_JSON_SPACE)), { minLength: 1, maxLength: 8 }),
        async (records) => {
          const plain = await runWithStdin(
            ["batch"],
            `${records.map(([input]) => JSON.stringify(input)).join("\n")}\n`,
          );
          const laidOut = await runWithStdin(
            ["batch"],
            `${records.map(([input, layout]) => serializeWithLayout(input, layout)).join("\n")}\n`,
          );
          check(plain.code === laidOut.code, `exit ${plain.code} vs ${laidOut.code}`);
          const [x, y] = [
            outputLines(plain.stdout).map(normalizedRecord),
            outputLines(laidOut.stdout).map(normalizedRecord),
          ];
          check(x.length === records.length && y.length === records.length, "one line per record");
          x.forEach((line, i) => check(line === y[i], `record ${i + 1} differs:\n${line}\nvs\n${y[i]}`));
        },
      ),
      100,
      0.05,
    );
  });
});
