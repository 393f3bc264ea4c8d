import { closeSync, existsSync, openSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, runCli } from "./helpers/spawn-cli.js";

// An output that cannot be written is an I/O failure, not bad input (docs/contract.md, "Exit codes"):
// one line on stderr naming the system's reason in words, exit 1, no stack trace, nothing else.
// Linux's /dev/full refuses every write with ENOSPC ("no space left on device").

const DEV_FULL = "/dev/full";
const haveDevFull = existsSync(DEV_FULL);
if (!haveDevFull) console.log(`[skip] ${DEV_FULL} is missing on this system: the write-error tests need it`);

const COMMANDS: readonly (readonly string[])[] = [
  ["--version"],
  ["--help"],
  ["help"],
  ["--answers", "examples/answers.json"],
  ["--answers", "examples/answers.json", "--json"],
  ["--answers", "examples/answers.json", "--format", "markdown"],
  ["rules"],
  ["rules", "--json"],
  ["rules", "--export"],
  ["schema", "answers"],
  ["schema", "result"],
  ["questionnaire"],
  ["batch", "examples/records.ndjson"],
  ["batch", "examples/records.ndjson", "--format", "text"],
];

describe.skipIf(!haveDevFull)("write error: stdout on /dev/full printed a stack trace", () => {
  beforeAll(assertBuilt);

  it.each(COMMANDS.map((args) => [args.join(" "), args] as const))(
    "neck-triage %s > /dev/full: one line 'cannot write output: no space left on device', exit 1",
    async (_name, args) => {
      const fd = openSync(DEV_FULL, "w");
      try {
        const result = await runCli(args, { stdoutFd: fd });
        expect(result.stderr).toBe("neck-triage: cannot write output: no space left on device\n");
        expect(result.code).toBe(1);
      } finally {
        closeSync(fd);
      }
    },
  );
});
