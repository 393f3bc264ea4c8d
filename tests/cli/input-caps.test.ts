import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { useTempDir } from "../helpers/temp-dir.js";
import { makeFakeIo } from "./helpers/fake-io.js";
import { assertBuilt, BIN, runCli } from "./helpers/spawn-cli.js";

// Every input is read with the 1 MiB cap counted as the bytes arrive (docs/contract.md): a regular
// file, a FIFO, a device that never ends (/dev/zero, /dev/urandom), stdin, `--ruleset -`. Reading
// stops at the cap, so memory stays flat, and the message names what was being read.

const MIB = 1024 * 1024;
const CHUNK = 64 * 1024;
const temp = useTempDir("neck-triage-caps-");

/** A source that never ends: JSON white space, counting what was taken from it. */
class EndlessSource extends Readable {
  taken = 0;
  override _read(): void {
    this.taken += CHUNK;
    this.push(Buffer.alloc(CHUNK, " "));
  }
}

const tooLarge = (name: string, what: "answers" | "ruleset") =>
  `${name}: the ${what} ${what === "answers" ? "are" : "is"} larger than 1 MiB; expected one JSON object (reading stopped at 1 MiB)\n`;

describe("input caps: only regular files were capped; a device, FIFO or piped ruleset was read whole", () => {
  const cases: readonly {
    args: readonly string[];
    from: "file" | "stdin";
    name: string;
    what: "answers" | "ruleset";
  }[] = [
    { args: ["--answers", "endless.json"], from: "file", name: "endless.json", what: "answers" },
    { args: ["--answers", "-"], from: "stdin", name: "stdin", what: "answers" },
    {
      args: ["--ruleset", "endless.json", "--answers", "examples/answers.json"],
      from: "file",
      name: "endless.json",
      what: "ruleset",
    },
    { args: ["--ruleset", "-", "--answers", "examples/answers.json"], from: "stdin", name: "stdin", what: "ruleset" },
    { args: ["rules", "--ruleset", "-"], from: "stdin", name: "stdin", what: "ruleset" },
    { args: ["schema", "answers", "--ruleset", "endless.json"], from: "file", name: "endless.json", what: "ruleset" },
  ];

  it.each(cases.map((c) => [c.args.join(" "), c] as const))(
    "neck-triage %s on an endless source: refused at 1 MiB, reading stopped there",
    async (_name, c) => {
      const endless = new EndlessSource();
      const fake = makeFakeIo({
        stdinIsTTY: false,
        openRead: (path) => (path === "endless.json" ? endless : Readable.from([])),
      });
      if (c.from === "stdin") Object.assign(fake.io, { stdin: Object.assign(endless, { isTTY: false }) });
      const code = await run(c.args, fake.io);
      expect(fake.stderr()).toBe(tooLarge(c.name, c.what));
      expect(code).toBe(2);
      expect(fake.stdout()).toBe("");
      // At most the cap and the chunk that crossed it, plus what the stream had already buffered.
      expect(endless.taken).toBeLessThanOrEqual(MIB + 2 * CHUNK);
      expect(endless.destroyed, "the source is closed").toBe(true);
    },
  );

  it("a file of exactly 1 MiB is read; one byte more is refused", async () => {
    const answers = JSON.stringify({
      ...JSON.parse(await (await import("node:fs/promises")).readFile("examples/answers.json", "utf8")),
    });
    const exact = await temp.file("exact.json", answers.padEnd(MIB, " "));
    const over = await temp.file("over.json", answers.padEnd(MIB + 1, " "));
    const fake = makeFakeIo({ stdinIsTTY: false });
    expect(await run(["--answers", exact, "--json"], fake.io)).toBe(0);
    const refused = makeFakeIo({ stdinIsTTY: false });
    expect(await run(["--answers", over, "--json"], refused.io)).toBe(2);
    expect(refused.stderr()).toBe(tooLarge(over, "answers"));
  });
});

describe("input caps, end to end: devices and FIFOs", () => {
  beforeAll(assertBuilt);

  for (const device of ["/dev/zero", "/dev/urandom"]) {
    it.skipIf(!existsSync(device))(
      `--answers ${device}: refused at 1 MiB with a message naming the answers, exit 2`,
      async () => {
        const result = await runCli(["--answers", device, "--json"]);
        expect(result.timedOut).toBe(false);
        expect(result.stderr).toBe(tooLarge(device, "answers"));
        expect(result.code).toBe(2);
      },
    );
  }

  it.skipIf(!existsSync("/dev/zero"))(
    "--ruleset /dev/zero: refused at 1 MiB with a message naming the ruleset, exit 2",
    async () => {
      const result = await runCli(["--ruleset", "/dev/zero", "--answers", "examples/answers.json"]);
      expect(result.timedOut).toBe(false);
      expect(result.stderr).toBe(tooLarge("/dev/zero", "ruleset"));
      expect(result.code).toBe(2);
    },
  );

  it("--ruleset - with 3 MiB on stdin: refused, naming the ruleset", async () => {
    const result = await runCli(["--ruleset", "-", "--answers", "examples/answers.json"], {
      stdin: " ".repeat(3 * MIB),
    });
    expect(result.stderr).toBe(tooLarge("stdin", "ruleset"));
    expect(result.code).toBe(2);
  });

  const haveMkfifo = spawnSync("mkfifo", ["--version"]).status === 0;
  if (!haveMkfifo) console.log("[skip] mkfifo is missing: the FIFO case needs it");

  it.skipIf(!haveMkfifo)("--answers FIFO fed by yes without end: refused at 1 MiB, exit 2", async () => {
    const fifo = join(temp.path, "answers.fifo");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    // The writer ends with SIGPIPE once neck-triage stops reading and closes the FIFO.
    const writer = spawn("sh", ["-c", 'exec yes > "$0"', fifo], { stdio: "ignore" });
    try {
      const result = await runCli(["--answers", fifo]);
      expect(result.timedOut).toBe(false);
      expect(result.stderr).toBe(tooLarge(fifo, "answers"));
      expect(result.code).toBe(2);
    } finally {
      writer.kill("SIGKILL");
    }
  });

  it.skipIf(!existsSync("/dev/zero"))(
    "batch /dev/zero: the endless first line is refused with an error record at once, not held",
    async () => {
      const child = spawn(BIN, ["batch", "/dev/zero"], {
        stdio: ["ignore", "pipe", "pipe"],
        env: { PATH: process.env.PATH ?? "" },
      });
      try {
        const firstLine = await new Promise<string>((resolve, reject) => {
          let out = "";
          const timer = setTimeout(
            () => reject(new Error(`no output line within 10 s; got ${JSON.stringify(out)}`)),
            10_000,
          );
          child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
            out += chunk;
            if (out.includes("\n")) {
              clearTimeout(timer);
              resolve(out.slice(0, out.indexOf("\n")));
            }
          });
        });
        expect(JSON.parse(firstLine)).toMatchObject({
          line: 1,
          error: { message: expect.stringMatching(/longer than 1 MiB/) },
        });
      } finally {
        child.kill("SIGKILL");
      }
    },
  );
});

describe("batch: a line that never ends is refused while it is still arriving", () => {
  it("the error record is written before the input ends", async () => {
    const fake = makeFakeIo({ stdinIsTTY: false });
    const running = run(["batch"], fake.io);
    fake.stdin.write(Buffer.alloc(2 * MIB, "x"));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no error record while the line was still arriving")), 10_000);
      const poll = () => {
        if (!fake.stdout().includes("\n")) return void setImmediate(poll);
        clearTimeout(timer);
        resolve();
      };
      poll();
    });
    expect(JSON.parse(fake.stdout())).toMatchObject({
      line: 1,
      error: { message: expect.stringMatching(/longer than 1 MiB/) },
    });
    fake.stdin.end('\n{"age":1}\n');
    expect(await running).toBe(2);
    expect(
      fake
        .stdout()
        .trimEnd()
        .split("\n")
        .map((line) => (JSON.parse(line) as { line: number }).line),
    ).toEqual([1, 2]);
  });
});

describe("--ruleset - reads the ruleset from stdin", () => {
  it("and is refused, one line, when the answers or batch input would read stdin too", async () => {
    for (const args of [
      ["--ruleset", "-", "--answers", "-"],
      ["batch", "--ruleset", "-"],
      ["batch", "-", "--ruleset", "-"],
    ]) {
      const fake = makeFakeIo({ stdinIsTTY: false, stdinText: "{}" });
      expect(await run(args, fake.io), args.join(" ")).toBe(2);
      expect(fake.stderr()).toMatch(
        /^--ruleset -: (--answers -|batch) reads stdin too; give the ruleset as a file .*\n$/,
      );
    }
  });
});
