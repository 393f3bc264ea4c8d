import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluate, defaultRuleset } from "../../src/index.js";
import { answersByUrgency, answersJson, calmAnswersMedicineHelped } from "./helpers/answers.js";
import { expectContractResult } from "./helpers/contract.js";
import { question, questionIds, REPO_ROOT, rule, ruleSourceUrls, rulesFile } from "./helpers/ruleset-file.js";
import { assertBuilt, BIN, runCli, type CliRun } from "./helpers/spawn-cli.js";
import { useTempDir } from "../helpers/temp-dir.js";

const ESC = "\u001b[";
/** A Node stack frame: what a person must never see for a usage problem. */
const STACK_LINE = /^\s+at /m;

const temp = useTempDir("neck-triage-e2e-");
const tempFile = temp.file;
beforeAll(() => {
  assertBuilt();
});

function lines(text: string): string[] {
  return text.split("\n").filter((line) => line !== "");
}

function expectJsonResult(run: CliRun, code = 0) {
  expect(run.stderr).toBe("");
  expect(run.code).toBe(code);
  return expectContractResult(JSON.parse(run.stdout));
}

/** Exit 2, nothing on stdout, no stack trace, and stderr exactly one line per expected problem. */
function expectUsageError(run: CliRun, expected: readonly (string | RegExp)[]): void {
  expect(run.stdout).toBe("");
  expect(run.stderr).not.toMatch(STACK_LINE);
  const got = lines(run.stderr);
  expect(got, run.stderr).toHaveLength(expected.length);
  for (const pattern of expected) {
    const matching = got.filter((line) => (typeof pattern === "string" ? line === pattern : pattern.test(line)));
    expect(matching, `one stderr line matching ${String(pattern)} in:\n${run.stderr}`).toHaveLength(1);
  }
  expect(run.code).toBe(2);
}

/** Text with line wrapping undone, to look for a sentence whatever the terminal width. */
function unwrapped(text: string): string {
  return text.replace(/\s+/g, " ");
}

describe.concurrent("JSON in, JSON out", () => {
  it("--answers FILE --json prints a contract result and echoes a string id", async () => {
    const file = await tempFile("calm.json", answersJson({ id: "patient-7" }));
    const result = expectJsonResult(await runCli(["--answers", file, "--json"]));
    expect(result.id).toBe("patient-7");
    expect(result.verdict).toBe("self-care-likely-fine");
    expect(result.urgency).toBe("none");
    expect(result.reasons).toEqual([]);
  });

  it("--answers - reads stdin and echoes a numeric id as a number", async () => {
    const result = expectJsonResult(await runCli(["--answers", "-", "--json"], { stdin: answersJson({ id: 42 }) }));
    expect(result.id).toBe(42);
  });

  it("leaves id out of the result when the answers have none", async () => {
    const run = await runCli(["--answers", "-", "--json"], { stdin: answersJson() });
    expectJsonResult(run);
    expect(Object.keys(JSON.parse(run.stdout) as object)).not.toContain("id");
  });

  it("prints exactly what the library's evaluate returns for the same answers", async () => {
    const answers = {
      ...calmAnswersMedicineHelped,
      fever: "unsure",
      shootingArmPain: "yes",
      painDays: 12,
      improving: "no",
      id: "r1",
    } as const;
    const result = expectJsonResult(await runCli(["--answers", "-", "--json"], { stdin: JSON.stringify(answers) }));
    expect(result).toEqual(JSON.parse(JSON.stringify(evaluate(defaultRuleset, answers))));
    expect(result.verdict).toBe("see-a-professional");
  });

  it("evaluates the shipped examples/answers.json", async () => {
    const example = JSON.parse(await readFile(join(REPO_ROOT, "examples", "answers.json"), "utf8")) as { id?: unknown };
    const result = expectJsonResult(await runCli(["--answers", "examples/answers.json", "--json"]));
    expect(result.id).toEqual(example.id);
  });

  it("--format json prints the same as --json", async () => {
    const input = JSON.stringify(answersByUrgency.soon);
    const [viaFormat, viaJson] = await Promise.all([
      runCli(["--answers", "-", "--format", "json"], { stdin: input }),
      runCli(["--answers", "-", "--json"], { stdin: input }),
    ]);
    expect(viaFormat.code).toBe(0);
    expect(viaFormat.stdout).toBe(viaJson.stdout);
    expect(expectJsonResult(viaFormat).urgency).toBe("soon");
  });

  it("prints text by default, the same as --format text", async () => {
    const input = JSON.stringify(answersByUrgency.soon);
    const [plain, text] = await Promise.all([
      runCli(["--answers", "-"], { stdin: input }),
      runCli(["--answers", "-", "--format", "text"], { stdin: input }),
    ]);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toBe("");
    expect(plain.stdout).toBe(text.stdout);
    expect(() => JSON.parse(plain.stdout) as unknown).toThrow();
    expect(plain.stdout).toContain("SOON");
  });

  it("--format text --sources names each reason, its sources and the disclaimer", async () => {
    const run = await runCli(["--answers", "-", "--format", "text", "--sources"], {
      stdin: JSON.stringify(answersByUrgency.urgent),
    });
    expect(run.code).toBe(0);
    const text = unwrapped(run.stdout);
    expect(text).toContain(unwrapped(rule("fever").summary));
    // Each URL whole, on a line of its own.
    for (const url of ruleSourceUrls("fever"))
      expect(run.stdout).toMatch(new RegExp(`^ *${url.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "m"));
    expect(text).toMatch(/not a diagnosis/i);
  });

  it("--format text without --sources says where the sources are instead of listing them", async () => {
    const run = await runCli(["--answers", "-", "--format", "text"], {
      stdin: JSON.stringify(answersByUrgency.urgent),
    });
    expect(run.code).toBe(0);
    for (const url of ruleSourceUrls("fever")) expect(run.stdout).not.toContain(url);
    expect(unwrapped(run.stdout)).toContain("--sources");
  });

  it("--format markdown prints a Markdown document with the reasons' sources as links", async () => {
    const run = await runCli(["--answers", "-", "--format", "markdown"], {
      stdin: JSON.stringify(answersByUrgency.soon),
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^# /);
    expect(run.stdout).toMatch(/^## /m);
    expect(run.stdout).toContain("SOON");
    for (const url of ruleSourceUrls("headache")) expect(run.stdout).toContain(`](${url})`);
  });

  it("--json with --format markdown is bad usage", async () => {
    const run = await runCli(["--answers", "-", "--json", "--format", "markdown"], { stdin: answersJson() });
    expectUsageError(run, [/--json.*--format markdown|--format markdown.*--json/]);
  });

  it("an unknown --format is bad usage naming the formats there are", async () => {
    const run = await runCli(["--answers", "-", "--format", "xml"], { stdin: answersJson() });
    expectUsageError(run, [/xml.*text.*json.*markdown/]);
  });
});

describe.concurrent("exit codes", () => {
  it("0 for self-care", async () => {
    const run = await runCli(["--answers", "-", "--json"], { stdin: JSON.stringify(answersByUrgency.none) });
    expect(expectJsonResult(run, 0).verdict).toBe("self-care-likely-fine");
  });

  it("0 for a referral without --exit-code", async () => {
    const run = await runCli(["--answers", "-", "--json"], { stdin: JSON.stringify(answersByUrgency.urgent) });
    expect(expectJsonResult(run, 0).verdict).toBe("see-a-professional");
  });

  it("3 for a referral with --exit-code, and the result is still printed", async () => {
    const run = await runCli(["--answers", "-", "--json", "--exit-code"], {
      stdin: JSON.stringify(answersByUrgency.soon),
    });
    expect(expectJsonResult(run, 3).verdict).toBe("see-a-professional");
  });

  it("3 for an emergency with --exit-code in text format too", async () => {
    const run = await runCli(["--answers", "-", "--exit-code"], { stdin: JSON.stringify(answersByUrgency.emergency) });
    expect(run.code).toBe(3);
    expect(run.stdout).toContain("EMERGENCY");
  });

  it("0 for self-care with --exit-code", async () => {
    const run = await runCli(["--answers", "-", "--json", "--exit-code"], {
      stdin: JSON.stringify(answersByUrgency.none),
    });
    expectJsonResult(run, 0);
  });

  it("2, not 3, for bad input with --exit-code", async () => {
    const run = await runCli(["--answers", "-", "--exit-code"], {
      stdin: answersJson({ fever: "maybe", headache: "yes" }),
    });
    expectUsageError(run, ['fever: expected "yes" | "no" | "unsure", got "maybe"']);
  });

  it("2 for an unknown option, naming it", async () => {
    const run = await runCli(["--answers", "-", "--frobnicate"], { stdin: answersJson() });
    expectUsageError(run, [/--frobnicate/]);
  });

  it("2 for --answers without a file", async () => {
    expectUsageError(await runCli(["--answers"]), [/--answers/]);
  });

  it("2 for an unexpected argument", async () => {
    expectUsageError(await runCli(["answers.json", "--answers", "-"], { stdin: answersJson() }), [/argument/]);
  });
});

describe.concurrent("bad answers: exit 2, one line per problem naming the field and what is allowed", () => {
  const yesNoUnsure = '"yes" | "no" | "unsure"';
  const cases: { name: string; stdin: string; expected: (string | RegExp)[] }[] = [
    { name: "not JSON", stdin: "fever: yes", expected: [/^stdin: .*JSON/] },
    {
      name: "not JSON, spread over several lines",
      stdin: '{\n  "fever": "yes",\n  "age": ,\n}\n',
      expected: [/^stdin: .*JSON/],
    },
    { name: "empty stdin", stdin: "", expected: [/^stdin: .*empty/] },
    { name: "an array", stdin: "[]", expected: [/object.*got an array/] },
    {
      name: "a misspelt key (suggests the right one) and so a missing field",
      stdin: answersJson({ fevr: "no", fever: undefined }),
      expected: [/^fevr: .*"fever"/, `fever: missing; expected ${yesNoUnsure}`],
    },
    {
      name: "a missing key",
      stdin: answersJson({ otcResponse: undefined }),
      expected: ['otcResponse: missing; expected "helped" | "did-not-help" | "not-tried" | "unsure"'],
    },
    {
      name: "a bad value",
      stdin: answersJson({ fever: "maybe" }),
      expected: [`fever: expected ${yesNoUnsure}, got "maybe"`],
    },
    {
      name: "a boolean for a three-way answer",
      stdin: answersJson({ headache: true }),
      expected: [`headache: expected ${yesNoUnsure}, got true`],
    },
    ...([-1, "3"] as const).map((painDays) => ({
      name: `painDays ${JSON.stringify(painDays)}`,
      stdin: answersJson({ painDays }),
      expected: [
        new RegExp(`^painDays: expected .*integer.*0.36500.*, got ${escapeRegExp(JSON.stringify(painDays))}$`),
      ],
    })),
    {
      name: "age 30.5",
      stdin: answersJson({ age: 30.5 }),
      expected: [/^age: expected .*integer.*0.120.*, got 30\.5$/],
    },
    {
      name: "several problems: all reported at once",
      stdin: answersJson({ fever: "maybe", age: 121, coordinationLoss: undefined, colour: "red" }),
      expected: [/^fever: /, /^age: /, /^coordinationLoss: missing/, /^colour: unknown/],
    },
    {
      name: "an empty object: every question reported missing",
      stdin: "{}",
      expected: questionIds
        .filter((id) => question(id).askWhen === undefined)
        .map((id) => new RegExp(`^${id}: missing; expected `)),
    },
    {
      name: "a __proto__ key",
      stdin: answersJson().replace(/^\{/, '{"__proto__": {"fever": "yes"}, '),
      expected: [/^__proto__: unknown/],
    },
  ];

  it.each(cases)("$name", async ({ stdin, expected }) => {
    expectUsageError(await runCli(["--answers", "-", "--json"], { stdin }), expected);
  });

  it("an empty file, named in the message", async () => {
    const file = await tempFile("empty.json", "");
    expectUsageError(await runCli(["--answers", file]), [new RegExp(`^${escapeRegExp(file)}: .*empty`)]);
  });

  it("a file that is not JSON, named in the message", async () => {
    const file = await tempFile("notes.txt", "fever = yes\n");
    expectUsageError(await runCli(["--answers", file]), [new RegExp(`^${escapeRegExp(file)}: .*JSON`)]);
  });

  it("a file that does not exist", async () => {
    const file = join(temp.path, "no-such-file.json");
    expectUsageError(await runCli(["--answers", file]), [new RegExp(`^${escapeRegExp(file)}: .*no such file`)]);
  });

  it("a folder given as the file", async () => {
    expectUsageError(await runCli(["--answers", temp.path]), [new RegExp(`^${escapeRegExp(temp.path)}: .*folder`)]);
  });
});

// Every urgency's words, with and without colour on a terminal: tests/cli/run.test.ts.
describe.concurrent("colour and words", () => {
  it("with NO_COLOR=1 the urgency is said in words, without colour codes", async () => {
    const run = await runCli(["--answers", "-"], {
      stdin: JSON.stringify(answersByUrgency.urgent),
      env: { NO_COLOR: "1" },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain(ESC);
    const all = lines(run.stdout);
    // The headline, then what to do, last.
    let headlineAt = all.length - 1;
    while (headlineAt >= 0 && !/^ [A-Z ]+: /.test(all[headlineAt]!)) headlineAt--;
    expect(all[headlineAt]).toContain("URGENT");
    expect(all[headlineAt + 1]).toMatch(/^ {2}Get medical help today/);
  });

  it("no colour codes when stdout is not a terminal, even without NO_COLOR", async () => {
    const [result, rules] = await Promise.all([
      runCli(["--answers", "-"], {
        stdin: JSON.stringify(answersByUrgency.emergency),
        env: { TERM: "xterm-256color", COLORTERM: "truecolor" },
      }),
      runCli(["rules"], { env: { TERM: "xterm-256color" } }),
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("EMERGENCY");
    expect(result.stdout).not.toContain(ESC);
    expect(rules.code).toBe(0);
    expect(rules.stdout).not.toContain(ESC);
  });
});

describe.concurrent("no terminal and no --answers", () => {
  it("exits 2 at once, without waiting for stdin, and says to use --answers", async () => {
    const run = await runCli([], { stdin: "keep-open", timeoutMs: 5_000 });
    expect(run.timedOut, "neck-triage waited on a stdin that is not a terminal").toBe(false);
    expectUsageError(run, [/--answers/]);
  });

  it("the same with --json and stdin at end of file", async () => {
    expectUsageError(await runCli(["--json"], { stdin: "" }), [/--answers/]);
  });
});

describe.concurrent("emergency number", () => {
  const emergency = JSON.stringify(answersByUrgency.emergency);

  it("--emergency-number is named in the emergency advice instead of the list of common numbers", async () => {
    const run = await runCli(["--answers", "-", "--emergency-number", "112"], { stdin: emergency });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("EMERGENCY");
    expect(run.stdout).toMatch(/Call 112\b/);
    expect(unwrapped(run.stdout)).not.toContain("911 in the US");
  });

  it("NECK_TRIAGE_EMERGENCY_NUMBER is named in the emergency advice", async () => {
    const run = await runCli(["--answers", "-", "--json"], {
      stdin: emergency,
      env: { NECK_TRIAGE_EMERGENCY_NUMBER: "000" },
    });
    expect(expectJsonResult(run).advice).toMatch(/\b000\b/);
  });

  it("--emergency-number wins over the environment", async () => {
    const run = await runCli(["--answers", "-", "--json", "--emergency-number", "112"], {
      stdin: emergency,
      env: { NECK_TRIAGE_EMERGENCY_NUMBER: "000" },
    });
    const { advice } = expectJsonResult(run);
    expect(advice).toContain("112");
    expect(advice).not.toMatch(/\b000\b/);
  });

  it("a 'not sure' emergency (urgent) names the number to call if a sign appears", async () => {
    const run = await runCli(["--answers", "-", "--json", "--emergency-number", "112"], {
      stdin: answersJson({ emergencySigns: "unsure" }),
    });
    const result = expectJsonResult(run);
    expect(result.urgency).toBe("urgent");
    expect(result.advice).toContain("112");
  });

  it("an invalid --emergency-number is bad usage", async () => {
    const run = await runCli(["--answers", "-", "--emergency-number", "call me"], { stdin: emergency });
    expectUsageError(run, [/--emergency-number.*"call me"/]);
  });

  it("an invalid NECK_TRIAGE_EMERGENCY_NUMBER is bad usage naming the variable", async () => {
    const run = await runCli(["--answers", "-"], {
      stdin: emergency,
      env: { NECK_TRIAGE_EMERGENCY_NUMBER: "call me" },
    });
    expectUsageError(run, [/NECK_TRIAGE_EMERGENCY_NUMBER/]);
  });
});

describe.concurrent("rules command", () => {
  it("lists every rule of rules/default.json with its urgency in words and its source URLs", async () => {
    const run = await runCli(["rules"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    // Each rule's block starts at a line "[URGENCY] rule-id".
    const blocks = new Map<string, string>();
    let current: string | undefined;
    for (const line of run.stdout.split("\n")) {
      const header = /^\[([A-Z ]+)\] (\S+)$/.exec(line);
      if (header) {
        current = header[2]!;
        blocks.set(current, `${header[1]!}\n`);
      } else if (current !== undefined) blocks.set(current, blocks.get(current) + `${line}\n`);
    }
    expect([...blocks.keys()]).toEqual(rulesFile.rules.map((r) => r.id));
    for (const { id, urgency } of rulesFile.rules) {
      const block = blocks.get(id) ?? "";
      expect(block.split("\n")[0], id).toBe(urgency.toUpperCase());
      expect(ruleSourceUrls(id).length, id).toBeGreaterThan(0);
      for (const url of ruleSourceUrls(id)) expect(block, id).toContain(url);
    }
  });

  it("rules --json gives every rule, in order, with its urgency and sources", async () => {
    const run = await runCli(["rules", "--json"]);
    expect(run.code).toBe(0);
    const listed = JSON.parse(run.stdout) as {
      rules: { id: string; urgency: string; sources: { title: string; url: string }[] }[];
    };
    expect(listed.rules.map((r) => r.id)).toEqual(rulesFile.rules.map((r) => r.id));
    for (const [i, { id, urgency }] of rulesFile.rules.entries()) {
      const entry = listed.rules[i]!;
      expect(entry.urgency, id).toBe(urgency);
      expect(entry.sources.length, id).toBeGreaterThan(0);
      expect(
        entry.sources.map((s) => s.url),
        id,
      ).toEqual(ruleSourceUrls(id));
      for (const source of entry.sources) expect(source.title, id).not.toBe("");
    }
  });
});

describe.concurrent("help and version", () => {
  it("--help exits 0 with examples, --answers and every answers field", async () => {
    const run = await runCli(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Examples:/);
    expect(run.stdout).toMatch(/^\s+\$ neck-triage /m);
    expect(run.stdout).toContain("--answers");
    for (const id of questionIds) expect(run.stdout).toMatch(new RegExp(`^\\s+${id}\\s`, "m"));
    expect(run.stdout).toContain(String(question("painDays").max));
  });

  it("--version prints the package.json version", async () => {
    const { version } = JSON.parse(await readFile(join(REPO_ROOT, "package.json"), "utf8")) as { version: string };
    const run = await runCli(["--version"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${version}\n`);
  });
});

describe.concurrent("a reader that closes stdout early (| head -c 10)", () => {
  it.each([[["--answers", join("examples", "answers.json")]], [["rules", "--json"]]])(
    "%j ends quietly, without a stack trace",
    async (args) => {
      const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
        const child = spawn(BIN, args, {
          cwd: REPO_ROOT,
          env: { PATH: process.env.PATH ?? "" },
          stdio: ["ignore", "pipe", "pipe"],
        });
        // Closing our end before the process writes makes its write fail with EPIPE.
        child.stdout.destroy();
        let err = "";
        child.stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
        child.on("error", reject);
        child.on("close", (exitCode) => resolve({ code: exitCode, stderr: err }));
      });
      expect(stderr).toBe("");
      expect(code).toBe(0);
    },
  );
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
