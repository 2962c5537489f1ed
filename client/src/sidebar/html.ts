/** The pages of SpecChain's webviews: which exist, and the resources each one loads. */
export type WebviewPage = 'specs' | 'guidance' | 'graph';

/** The resources a page loads, as webview URIs. */
export interface PageResources {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  readonly codiconCss: string;
  readonly css: string;
  /** The page's bundle (dist/webview/<page>.js). */
  readonly script: string;
  /** A fresh random nonce for the one script. */
  readonly nonce: string;
}

const escapeAttribute = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The static body of each page: empty containers; the data arrives later through messages. */
const BODIES: Readonly<Record<WebviewPage, string>> = {
  specs: `<div id="progress" class="progress" role="progressbar" aria-label="Indexing" hidden><div class="progress-bit"></div></div>
<div id="server-status" class="server-status" role="status" aria-live="polite" hidden></div>
<div class="filter-row">
  <span class="codicon codicon-filter" aria-hidden="true"></span>
  <input id="filter" type="search" placeholder="Filter by ID, title or status" aria-label="Filter SPECs" aria-controls="tree" spellcheck="false">
</div>
<div id="filter-chips" class="chips" role="group" aria-label="Active filters" hidden></div>
<ul id="tree" class="tree" role="tree" aria-label="SPECs"></ul>
<div id="tree-empty" class="empty" role="status" hidden></div>`,
  guidance: `<main id="guidance" class="guidance" aria-label="Guidance"></main>`,
  graph: `<div id="graph-status" class="server-status" role="status" aria-live="polite">Loading the SPEC graph…</div>
<div id="graph-toolbar" class="graph-toolbar"></div>
<div id="graph" class="graph" role="img" aria-label="SPEC dependency graph: the list below names every SPEC shown"></div>
<ul id="graph-list" class="sr-only" aria-label="SPECs in the graph"></ul>`,
};

/**
 * cytoscape injects an inline stylesheet, which the CSP refuses, unless an element with this id
 * exists: the graph page's own stylesheet takes the id and positions the container itself.
 */
const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';

const TITLES: Readonly<Record<WebviewPage, string>> = { specs: 'SPECs', guidance: 'Guidance', graph: 'SpecChain dependency graph' };

/**
 * A page: a strict CSP (no inline script or style, the one nonce'd bundle), the stylesheets and
 * the page's containers. It carries no workspace data.
 */
export function renderPageHtml(page: WebviewPage, r: PageResources): string {
  const csp = [
    "default-src 'none'",
    `style-src ${r.cspSource}`,
    `font-src ${r.cspSource}`,
    `img-src ${r.cspSource} data:`,
    `script-src 'nonce-${r.nonce}'`,
  ].join('; ');
  const a = escapeAttribute;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${a(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link href="${a(r.codiconCss)}" rel="stylesheet">
<link href="${a(r.css)}" rel="stylesheet"${page === 'graph' ? ` id="${CYTOSCAPE_STYLESHEET_ID}"` : ''}>
<title>${TITLES[page]}</title>
</head>
<body class="page-${page}">
${BODIES[page]}
<script nonce="${a(r.nonce)}" src="${a(r.script)}"></script>
</body>
</html>`;
}
