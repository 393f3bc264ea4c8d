import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { reportHtml } from "../../src/cli/report/html.js";
import { reportMarkdown } from "../../src/cli/report/markdown.js";
import { reportModel } from "../../src/cli/report/model.js";
import { run } from "../../src/cli/run.js";
import { defaultRuleset, triage } from "../../src/index.js";
import { CHROMIUM_MISSING, launchChromium } from "../helpers/chromium.js";
import { useTempDir } from "../helpers/temp-dir.js";
import { ruleOf, rulesetDocument } from "../helpers/ruleset-document.js";
import { answersByUrgency, calmAnswersMedicineHelped } from "./helpers/answers.js";
import { makeFakeIo } from "./helpers/fake-io.js";
import { question } from "./helpers/ruleset-file.js";
import { CALM_ASKED, calmAskedWith } from "./helpers/typed-answers.js";
import { ScriptedPrompter, type Step } from "./helpers/scripted-prompter.js";

// The fake clock (tests/cli/helpers/fake-io.ts): 26 November 2026, 09:30 local time.
const MADE_AT = /26 November 2026 at 09:30 \(UTC[+-]\d\d:\d\d\)/;
const temp = useTempDir("neck-triage-report-");

/** Undoes the escaping of the report's format, so that texts compare with the ruleset's. */
const unescapeHtml = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
const unescapeMd = (text: string) => text.replace(/\\([\\`*_[\]<>|#])/g, "$1");

async function reportFor(name: string, argv: readonly string[], options: Parameters<typeof makeFakeIo>[0]) {
  const file = join(temp.path, name);
  const fake = makeFakeIo(options);
  const code = await run([...argv, "--report", file], fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr(), text: await readFile(file, "utf8").catch(() => "") };
}

describe.each([
  { ext: "md", plain: unescapeMd },
  { ext: "html", plain: unescapeHtml },
])("--answers --report r.$ext", ({ ext, plain }) => {
  const asked = calmAskedWith({ fever: "yes", headache: "unsure" });
  const answers = { ...Object.fromEntries(asked), id: "visit-7" };

  it("holds the date and time, the verdict and what to do, every answer, each reason with its sources, the ruleset and the disclaimer", async () => {
    const { code, text, stdout, stderr } = await reportFor(`answers.${ext}`, ["--answers", "-"], {
      stdinIsTTY: false,
      stdinText: JSON.stringify(answers),
    });
    expect(code).toBe(0);
    expect(stderr).toContain("The report is saved in");
    expect(stdout).toContain("URGENT: get medical help today");
    const result = triage(answers as never);
    const shown = plain(text);
    expect(shown).toMatch(MADE_AT);
    expect(shown).toContain("URGENT: get medical help today");
    expect(shown).toContain(result.advice);
    // Every question asked, follow-ups included, with its answer after it.
    expect(asked.map(([id]) => id)).toContain("headacheNew");
    for (const [id, value] of asked) {
      const q = question(id);
      const label = q.type === "integer" ? `${value} ` : (q.choices?.find((c) => c.value === value)?.label ?? "?");
      expect(shown, id).toContain(q.prompt);
      expect(shown.slice(shown.indexOf(q.prompt)), id).toContain(label);
    }
    for (const reason of result.reasons) {
      expect(shown).toContain(reason.summary);
      for (const source of reason.sources)
        expect(text).toContain(source.url.replace(/&/g, ext === "html" ? "&amp;" : "&"));
    }
    expect(shown).toContain(`${defaultRuleset.id} ${defaultRuleset.version}`);
    expect(shown).toContain(result.ruleset.digest);
    expect(shown).toContain('"visit-7"');
    expect(shown).toContain(result.disclaimer);
  });

  it("from the interview: the emergency items answered one by one are listed with their answers", async () => {
    const screen = question("emergencySigns");
    const items = screen.items ?? [];
    const steps: Step[] = [
      { message: screen.prompt, reply: "unsure" },
      ...items.map((_, i): Step => ({ message: screen.itemPrompt ?? "", reply: i === 1 ? "unsure" : "no" })),
      ...CALM_ASKED.slice(1).map(([id, value]): Step => ({ message: question(id).prompt, reply: value })),
      { message: "Please check your answers.", reply: { nameIncludes: "show my result" } },
    ];
    const prompter = new ScriptedPrompter(steps);
    const { code, text } = await reportFor(`interview.${ext}`, ["--json"], { prompter });
    expect(prompter.problems).toEqual([]);
    expect(code).toBe(0);
    const shown = plain(text);
    expect(shown).toMatch(MADE_AT);
    expect(shown).toContain("from the interview");
    let at = shown.indexOf(screen.prompt);
    expect(at).toBeGreaterThan(-1);
    // Each item in order after the list question, each with its own answer.
    for (const [i, item] of items.entries()) {
      const next = shown.indexOf(item.text, at);
      expect(next, item.id).toBeGreaterThan(at);
      expect(shown.slice(next + item.text.length, next + item.text.length + 40)).toContain(i === 1 ? "Not sure" : "No");
      at = next;
    }
  });
});

describe("the report's form", () => {
  const model = () => {
    const result = triage(answersByUrgency.urgent);
    return reportModel({
      result,
      ruleset: defaultRuleset,
      answers: answersByUrgency.urgent,
      now: new Date(2026, 11, 3, 14, 5),
      toolVersion: "9.9.9",
      from: "test",
    });
  };

  it("HTML: one self-contained page (no script, no external stylesheet, image or font), links only to the sources", () => {
    const page = reportHtml(model());
    expect(page.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(page).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|src=/i);
    for (const href of page.matchAll(/href="([^"]*)"/g)) expect(href[1]).toMatch(/^https?:\/\//);
    expect(page).toMatch(/@media print/);
  });

  it("renders the ruleset digest when the result carries one", () => {
    const result = {
      ...triage(answersByUrgency.soon),
      ruleset: { id: "default", version: "1.0.0", digest: "sha256:abc123" },
    };
    const input = {
      result,
      ruleset: defaultRuleset,
      answers: answersByUrgency.soon,
      now: new Date(2026, 11, 3),
      toolVersion: "9.9.9",
      from: "test",
    };
    expect(reportMarkdown(reportModel(input))).toContain("digest `sha256:abc123`");
    expect(reportHtml(reportModel(input))).toContain("<code>sha256:abc123</code>");
  });

  it("escapes ruleset text: HTML markup and control characters never reach the page raw", async () => {
    const document = rulesetDocument((d) => {
      // Control characters in a ruleset are refused by the loader (terminal injection): here they come in the record id.
      ruleOf(d, "fever").summary = 'Fever <script>alert("x")</script> *bold*';
    });
    const file = await temp.file("hostile-ruleset.json", JSON.stringify(document));
    for (const ext of ["html", "md"]) {
      const stdinText = JSON.stringify({ ...answersByUrgency.urgent, id: "x\u001b[2J" });
      const { code, text, stdout } = await reportFor(`hostile.${ext}`, ["--ruleset", file, "--answers", "-"], {
        stdinIsTTY: false,
        stdinText,
      });
      expect(code).toBe(0);
      expect(text).not.toContain("\u001b");
      expect(stdout).not.toContain("\u001b");
      expect(ext === "html" ? text : unescapeMd(text)).toContain("\\u001b[2J");
      if (ext === "html") {
        expect(text).not.toContain("<script>");
        expect(text).toContain("&lt;script&gt;");
      } else {
        expect(text).toContain("\\<script\\>");
        expect(text).toContain("\\*bold\\*");
      }
    }
  });

  it("escapes what it prints: HTML markup and control characters never reach the page raw", () => {
    // The loader refuses control characters in a ruleset; the report escapes them anyway, and markup always.
    const result = triage(answersByUrgency.urgent);
    result.reasons[0]!.summary = 'Fever <script>alert("x")</script> \u001b[2J*bold*';
    const model = reportModel({
      result,
      ruleset: defaultRuleset,
      answers: answersByUrgency.urgent,
      now: new Date(2026, 11, 3),
      toolVersion: "9.9.9",
      from: "a <b>file</b>",
    });
    const page = reportHtml(model);
    const markdown = reportMarkdown(model);
    for (const text of [page, markdown]) expect(text).not.toContain("\u001b");
    expect(page).toContain("\\u001b[2J");
    expect(page).not.toContain("<script>");
    expect(page).toContain("&lt;script&gt;");
    expect(page).toContain("a &lt;b&gt;file&lt;/b&gt;");
    expect(unescapeMd(markdown)).toContain("\\u001b[2J");
    expect(markdown).toContain("\\<script\\>");
    expect(markdown).toContain("\\*bold\\*");
  });

  it("a report that cannot be written: exit 1, one line, and no result printed as if all were well", async () => {
    const fake = makeFakeIo({ stdinIsTTY: false, stdinText: JSON.stringify(calmAnswersMedicineHelped) });
    const code = await run(
      ["--answers", "-", "--report", join(temp.path, "no-such-folder", "report.markdown")],
      fake.io,
    );
    expect(code).toBe(1);
    expect(fake.stderr()).toMatch(/^neck-triage: cannot write the report to .*report\.markdown: no such folder\n$/);
    expect(fake.stdout()).toBe("");
  });
});

describe.skipIf(CHROMIUM_MISSING !== undefined)("the HTML report in a browser (Debian's chromium)", () => {
  it("opens with no request but the file itself, reads as the report, and prints", async () => {
    const answers = answersByUrgency.urgent;
    const { text } = await reportFor("browser.html", ["--answers", "-"], {
      stdinIsTTY: false,
      stdinText: JSON.stringify(answers),
    });
    expect(text).not.toBe("");
    const chromium = await launchChromium();
    try {
      const page = await chromium.browser.newPage();
      const requested: string[] = [];
      page.on("request", (request) => requested.push(request.url()));
      const file = pathToFileURL(join(temp.path, "browser.html")).href;
      await page.goto(file, { waitUntil: "load" });
      expect(requested).toEqual([file]);
      const shown = (await page.evaluate("document.body.innerText")) as string;
      const result = triage(answers);
      for (const part of [
        "URGENT: get medical help today",
        "The answers given",
        result.disclaimer,
        result.ruleset.digest,
      ])
        expect(shown).toContain(part);
      for (const reason of result.reasons) expect(shown).toContain(reason.summary);
      const pdf = await page.pdf({ format: "A4" });
      expect(pdf.length).toBeGreaterThan(1000);
    } finally {
      await chromium.close();
    }
  }, 90_000);
});
