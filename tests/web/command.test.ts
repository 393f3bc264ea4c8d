import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { defaultRuleset } from "../../src/index.js";
import { pageData, PAGE_DATA_ID, type PageData } from "../../src/web/page-data.js";
import { pageHtml, type PageAssets } from "../../src/web/page-html.js";
import { makeFakeIo } from "../cli/helpers/fake-io.js";
import { useTempDir } from "../helpers/temp-dir.js";
import { ROOT } from "./helpers/page-session.js";

// `neck-triage web`: the page as a file, what it holds and what its policy allows.

const BIN = join(ROOT, "bin", "neck-triage");
const web = (...args: string[]) => spawnSync(BIN, ["web", ...args], { encoding: "utf8" });
const temp = useTempDir("neck-triage-web-command-");

const policyOf = (html: string) => /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
const scriptsOf = (html: string) =>
  [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({ attributes: m[1]!, text: m[2]! }));
const styleOf = (html: string) => /<style>([\s\S]*?)<\/style>/.exec(html)?.[1];
const dataOf = (html: string) =>
  JSON.parse(scriptsOf(html).find((s) => s.attributes.includes(PAGE_DATA_ID))!.text) as PageData;
const sha256 = (text: string) => `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;

describe("neck-triage web", () => {
  const made = web();

  it("prints the same page that npm run build puts in the package (dist/web/neck-triage.html)", () => {
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toBe(readFileSync(join(ROOT, "dist", "web", "neck-triage.html"), "utf8"));
  });

  it("its policy loads nothing and allows only the page's own script and style, by their hashes: no unsafe-inline, no unsafe-eval", () => {
    const policy = policyOf(made.stdout)!;
    const [script] = scriptsOf(made.stdout).filter((s) => s.attributes === "");
    expect(policy).toBe(
      `default-src 'none'; script-src '${sha256(script!.text)}'; style-src '${sha256(styleOf(made.stdout)!)}'; base-uri 'none'; form-action 'none'`,
    );
    expect(policy).not.toMatch(/unsafe/);
  });

  it("--csp prints the same policy, for a server that sends its own header", () => {
    const csp = web("--csp");
    expect(csp.status, csp.stderr).toBe(0);
    expect(csp.stdout).toBe(`${policyOf(made.stdout)}\n`);
  });

  it("the README prints this policy, with the hashes left out", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const elided = policyOf(made.stdout)!.replace(/'sha256-[^']+'/g, "'sha256-…'");
    expect(readme).toContain(`\n${elided}\n`);
  });

  it("holds one script to run and the ruleset as data, and names no address outside the data (nothing to fetch)", () => {
    const scripts = scriptsOf(made.stdout);
    expect(scripts.map((s) => s.attributes)).toEqual([` type="application/json" id="${PAGE_DATA_ID}"`, ""]);
    const withoutData = made.stdout.replace(scripts[0]!.text, "");
    expect(withoutData).not.toMatch(/https?:\/\/|\ssrc=|<link|<img|@import|url\(/i);
    expect(dataOf(made.stdout)).toEqual(JSON.parse(JSON.stringify(pageData(defaultRuleset))));
  });

  it("--ruleset and --emergency-number apply: a page for the extended ruleset that names 112", () => {
    const extended = web("--ruleset", "extended", "--emergency-number", "112");
    expect(extended.status, extended.stderr).toBe(0);
    const data = dataOf(extended.stdout);
    expect(data.ruleset.id).toBe("extended");
    expect(data.ruleset.questions.length).toBeGreaterThan(defaultRuleset.questions.length);
    expect(data.options).toEqual({ emergencyNumber: "112" });
  });

  it("a ruleset file is validated first: a bad one is refused with its problems, exit 2", async () => {
    const file = await temp.file("bad.json", JSON.stringify({ ...defaultRuleset.definition, version: "two" }));
    const refused = web("--ruleset", file);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("version");
    expect(refused.stdout).toBe("");
  });

  it("refuses to pour HTML onto a terminal, and says how to save it (exit 2)", async () => {
    const fake = makeFakeIo({ stdoutIsTTY: true });
    expect(await run(["web"], fake.io)).toBe(2);
    expect(fake.stderr()).toBe(
      "neck-triage web: the page is HTML; send it to a file: neck-triage web > neck-triage.html\n",
    );
    expect(fake.stdout()).toBe("");
  });
});

describe("the page's data", () => {
  it("ruleset text that would end the data element or open a comment stays data", () => {
    const hostile = "</script><script>alert(1)</script><!--";
    const data = {
      ...pageData(defaultRuleset),
      ruleset: { ...defaultRuleset.definition, title: hostile, intro: hostile },
    };
    const assets: PageAssets = { script: "run()", style: "p{}", scriptHash: "sha256-a", styleHash: "sha256-b" };
    const html = pageHtml(assets, data);
    expect(scriptsOf(html).map((s) => s.text)).toEqual([expect.any(String), "run()"]);
    expect(dataOf(html).ruleset.intro).toBe(hostile);
    expect(html).not.toContain("<script>alert(1)");
    expect(html).toContain("<title>&#60;/script&#62;&#60;script&#62;alert(1)&#60;/script&#62;&#60;!--</title>");
  });
});
