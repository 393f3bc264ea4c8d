// Part of `npm run bench` (not a test): the offline web page's size, and how soon headless Chromium
// shows its first question when the page is opened from file://.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const CHROMIUM = "/usr/bin/chromium";
/** The browser tests' launch flags (tests/helpers/chromium.ts reads the same file). */
const CHROMIUM_ARGS = JSON.parse(readFileSync(new URL("../helpers/chromium-args.json", import.meta.url), "utf8"));

/** Sizes of the page and of its parts, raw and gzipped, and the time to the first question. */
export async function benchWebPage({ root, quick, record, fmt, median }) {
  console.log("\n5. the web page (neck-triage web, default ruleset)");
  const file = join(root, "dist", "web", "neck-triage.html");
  const html = readFileSync(file, "utf8");
  const gz = (text) => gzipSync(Buffer.from(text, "utf8"), { level: 9 }).length;
  const parts = {
    "ruleset data": /<script type="application\/json"[^>]*>([\s\S]*?)<\/script>/.exec(html)[1],
    script: /<script>([\s\S]*?)<\/script>/.exec(html)[1],
    style: /<style>([\s\S]*?)<\/style>/.exec(html)[1],
  };
  const kb = (bytes) => `${fmt(bytes / 1024, 1)} KB`;
  console.log(`   whole page: ${kb(Buffer.byteLength(html))}, gzip ${kb(gz(html))}`);
  for (const [name, text] of Object.entries(parts))
    console.log(`   ${name}: ${kb(Buffer.byteLength(text))}, gzip alone ${kb(gz(text))}`);
  record("web page size, gzip (default ruleset)", kb(gz(html)), "<= 60 KB", gz(html) <= 60 * 1024);

  if (!existsSync(CHROMIUM)) {
    console.log(`   ${CHROMIUM} is absent: time to the first question skipped`);
    record("web page: first question shown", "skipped: no chromium", "<= 100 ms", null);
    return;
  }
  const { default: puppeteer } = await import("puppeteer-core");
  const profile = mkdtempSync(join(tmpdir(), "neck-triage-bench-chromium-"));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS.args, `--user-data-dir=${profile}`],
  });
  try {
    const runs = quick ? 5 : 30;
    const loaded = [];
    const scripted = [];
    for (let i = 0; i < runs + 2; i++) {
      const page = await browser.newPage();
      await page.setOfflineMode(true);
      // When the page's script element is parsed, and when the first question's heading enters the page.
      await page.evaluateOnNewDocument(`
        window.__times = {};
        new MutationObserver((_, observer) => {
          const now = performance.now();
          if (!window.__times.script && document.querySelectorAll("script").length > 1) window.__times.script = now;
          if (document.querySelector("main h1")) { window.__times.shown = now; observer.disconnect(); }
        }).observe(document, { childList: true, subtree: true });
      `);
      await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
      const times = await page.evaluate(
        `({ ...window.__times, received: performance.getEntriesByType("navigation")[0].responseEnd })`,
      );
      await page.close();
      // The first two loads warm the browser up; they are not counted.
      if (i < 2) continue;
      loaded.push(times.shown - times.received);
      scripted.push(times.shown - times.script);
    }
    const afterLoad = median(loaded);
    const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
    console.log(
      `   first question in the page ${fmt(afterLoad, 1)} ms after the file was read, ${fmt(median(scripted), 1)} ms of them in the page's script (medians of ${runs} loads from file://; load average ${load})`,
    );
    record(
      "web page: first question after the file is read (headless Chromium)",
      `${fmt(afterLoad, 1)} ms (script ${fmt(median(scripted), 1)} ms)`,
      "<= 100 ms",
      afterLoad <= 100,
    );
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
