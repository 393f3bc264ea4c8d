import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { answersByUrgency, answersJson } from "./helpers/answers.js";
import { makeFakeIo, type FakeIoOptions } from "./helpers/fake-io.js";

// The same command line as tests/cli/e2e.test.ts, in-process: for the many small cases a spawn each
// would make slow, and for a stdout that is a terminal, which a spawned process never has here.

const ESC = "\u001b[";

async function runWith(argv: readonly string[], options: FakeIoOptions) {
  const fake = makeFakeIo(options);
  const code = await run(argv, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

describe("bad answers, one field at a time", () => {
  const yesNoUnsure = '"yes" | "no" | "unsure"';
  const cases: { name: string; stdin: string; line: string | RegExp }[] = [
    ...([-1, 1.5, 40000, "3"] as const).map((painDays) => ({
      name: `painDays ${JSON.stringify(painDays)}`,
      stdin: answersJson({ painDays }),
      line: `painDays: expected an integer 0–36500, got ${JSON.stringify(painDays)}`,
    })),
    ...([121, -1, 30.5] as const).map((age) => ({
      name: `age ${age}`,
      stdin: answersJson({ age }),
      line: `age: expected an integer 0–120, got ${age}`,
    })),
    {
      name: "null for a field",
      stdin: answersJson({ shootingArmPain: null }),
      line: `shootingArmPain: expected ${yesNoUnsure}, got null`,
    },
    {
      name: "a capitalised answer",
      stdin: answersJson({ injury: "Yes" }),
      line: `injury: expected ${yesNoUnsure}, got "Yes"`,
    },
    {
      name: "yes for otcResponse",
      stdin: answersJson({ otcResponse: "yes" }),
      line: /^otcResponse: expected "helped" \| "did-not-help" \| "not-tried" \| "unsure", got "yes"$/,
    },
    {
      name: "an id longer than 200 characters",
      stdin: answersJson({ id: "x".repeat(201) }),
      line: /^id: expected .*200.*, got "x+…"$/,
    },
    {
      name: "a boolean id",
      stdin: answersJson({ id: true }),
      line: /^id: expected a string of at most 200 characters or an integer.*, got true$/,
    },
    { name: "null", stdin: "null", line: /^\(root\): expected a JSON object.*, got null$/ },
    { name: "a string", stdin: '"no"', line: /^\(root\): expected a JSON object.*, got "no"$/ },
    { name: "only whitespace", stdin: " \n\t\n", line: /^stdin: empty/ },
  ];

  it.each(cases)("$name: exit 2 and one line naming the field and what is allowed", async ({ stdin, line }) => {
    const result = await runWith(["--answers", "-", "--json"], { stdinIsTTY: false, stdinText: stdin });
    expect(result.stdout).toBe("");
    const lines = result.stderr.split("\n").filter((l) => l !== "");
    expect(lines).toHaveLength(1);
    if (typeof line === "string") expect(lines[0]).toBe(line);
    else expect(lines[0]).toMatch(line);
    expect(result.code).toBe(2);
  });

  it("keys with a newline or an escape sequence stay one line each and do not reach the terminal raw", async () => {
    const stdin = answersJson({ "fe\nver": "yes", "\u001b[2Jcolour": "red" });
    const result = await runWith(["--answers", "-"], { stdinIsTTY: false, stdinText: stdin });
    expect(result.code).toBe(2);
    const lines = result.stderr.split("\n").filter((l) => l !== "");
    expect(lines).toHaveLength(2);
    expect(lines.find((l) => l.includes("fe") && l.includes("ver:"))).toMatch(/unknown field; did you mean "fever"/);
    expect(result.stderr).not.toContain("\u001b");
  });

  it("an id of exactly 200 characters is accepted and echoed", async () => {
    const id = "x".repeat(200);
    const result = await runWith(["--answers", "-", "--json"], { stdinIsTTY: false, stdinText: answersJson({ id }) });
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { id?: unknown }).id).toBe(id);
  });
});

describe("usage", () => {
  it("rules with an unknown option is exit 2 naming it", async () => {
    const result = await runWith(["rules", "--frobnicate"], {});
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/--frobnicate/);
  });

  it("-V prints the version like --version", async () => {
    const [short, long] = await Promise.all([runWith(["-V"], {}), runWith(["--version"], {})]);
    expect(short.code).toBe(0);
    expect(short.stdout).toMatch(/^\d+\.\d+\.\d+/);
    expect(short.stdout).toBe(long.stdout);
  });
});

describe("text output on a terminal", () => {
  const words = { emergency: "EMERGENCY", urgent: "URGENT", soon: "SOON", none: "NO WARNING SIGNS" } as const;
  const urgencies = Object.keys(words) as (keyof typeof words)[];

  /** The headline: the last line that says an urgency in words, just above what to do, where it stays on screen. */
  const headlineOf = (stdout: string) => {
    const rows = stdout.split("\n");
    const plain = rows.map((row) => row.replace(/\u001b\[[0-9;]*m/g, ""));
    let at = plain.length - 1;
    while (at >= 0 && !/^ (EMERGENCY|URGENT|SOON|NO WARNING SIGNS REPORTED): /.test(plain[at]!)) at--;
    return rows[at] ?? "";
  };

  const textFor = (urgency: keyof typeof words, argv: readonly string[], env: Record<string, string>) =>
    runWith(["--answers", "-", ...argv], {
      stdinIsTTY: false,
      stdoutIsTTY: true,
      env,
      stdinText: JSON.stringify(answersByUrgency[urgency]),
    });

  it.each(urgencies)("%s: coloured, and the urgency also said in words", async (urgency) => {
    const result = await textFor(urgency, [], { TERM: "xterm-256color" });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(ESC);
    expect(headlineOf(result.stdout)).toContain(words[urgency]);
  });

  it.each(urgencies)("%s with NO_COLOR=1: no colour codes, the urgency in words", async (urgency) => {
    const result = await textFor(urgency, [], { TERM: "xterm-256color", NO_COLOR: "1" });
    expect(result.stdout).not.toContain(ESC);
    expect(headlineOf(result.stdout)).toContain(words[urgency]);
  });

  it("--no-color and TERM=dumb: no colour codes", async () => {
    const [noColor, dumb] = await Promise.all([
      textFor("urgent", ["--no-color"], { TERM: "xterm-256color" }),
      textFor("urgent", [], { TERM: "dumb" }),
    ]);
    expect(noColor.stdout).toContain("URGENT");
    expect(noColor.stdout).not.toContain(ESC);
    expect(dumb.stdout).toContain("URGENT");
    expect(dumb.stdout).not.toContain(ESC);
  });

  it("each reason is tagged with its urgency in words", async () => {
    const answers = { ...answersByUrgency.none, fever: "yes", headache: "yes", headacheNew: "no" };
    const result = await runWith(["--answers", "-"], {
      stdinIsTTY: false,
      stdoutIsTTY: true,
      env: { TERM: "xterm" },
      stdinText: JSON.stringify(answers),
    });
    // fever (urgent), fever-with-headache (urgent), headache (soon): docs/clinical-basis.md section 2.
    // Colour codes stripped: the words alone must carry the urgency.
    const plain = result.stdout.replace(/\u001b\[[0-9;]*m/g, "");
    expect(plain.match(/\[URGENT\]/g)).toHaveLength(2);
    expect(plain.match(/\[SOON\]/g)).toHaveLength(1);
  });
});

describe("inputs that JSON.parse would quietly accept", () => {
  it("a field given twice is an error naming the field, never last-one-wins", async () => {
    // "fever": "yes" followed by "fever": "no" would otherwise drop the warning answer without a word.
    const stdin = answersJson({ fever: "yes" }).replace(/}$/, ',"fever":"no"}');
    const result = await runWith(["--answers", "-", "--json"], { stdinIsTTY: false, stdinText: stdin });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim()).toBe("fever: given more than once; give each field once");
  });

  it("--answers - at a terminal says it is waiting for JSON, so the person is not left at a blank screen", async () => {
    const result = await runWith(["--answers", "-", "--json"], { stdinIsTTY: true, stdinText: answersJson() });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Reading the answers as JSON from the terminal; end with Ctrl-D/);
  });
});

describe("help", () => {
  it("`neck-triage help` and `help rules` show help and exit 0", async () => {
    const main = await runWith(["help"], { stdinIsTTY: false });
    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(/--answers/);
    const rules = await runWith(["help", "rules"], { stdinIsTTY: false });
    expect(rules.code).toBe(0);
    expect(rules.stdout).toMatch(/Usage: neck-triage rules/);
  });
});
