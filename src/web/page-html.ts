import { MESSAGES } from "./messages.js";
import { pageDataText, PAGE_DATA_ID, type PageData } from "./page-data.js";

/** The page's own script and style, as the build made them, with the hashes its policy allows them by. */
export interface PageAssets {
  readonly script: string;
  readonly style: string;
  /** "sha256-<base64>" of the script text, as Content-Security-Policy names it. */
  readonly scriptHash: string;
  readonly styleHash: string;
}

/**
 * The Content-Security-Policy the page needs: nothing may load or connect, and only the page's own
 * script and style (by hash) may run. The data block is JSON, which a browser never runs.
 */
export function pagePolicy(assets: PageAssets): string {
  return [
    "default-src 'none'",
    `script-src '${assets.scriptHash}'`,
    `style-src '${assets.styleHash}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** One self-contained page: the policy, the data, the style and the script, nothing fetched. */
export function pageHtml(assets: PageAssets, data: PageData): string {
  const title = escapeHtml(data.ruleset.title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${pagePolicy(assets)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${assets.style}</style>
</head>
<body>
<div id="page">
<header class="site"><p class="site-title">${title}</p></header>
<main id="main" tabindex="-1"><noscript><p>${MESSAGES.needsScript}</p></noscript></main>
<footer class="site" id="about"></footer>
</div>
<script type="application/json" id="${PAGE_DATA_ID}">${pageDataText(data)}</script>
<script>${assets.script}</script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
