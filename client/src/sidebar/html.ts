/** The resources the sidebar page loads, as webview URIs. */
export interface SidebarResources {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  readonly codiconCss: string;
  readonly css: string;
  readonly script: string;
  /** A fresh random nonce for the one script. */
  readonly nonce: string;
}

const escapeAttribute = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The sidebar's static page: a strict CSP, the stylesheets, the nonce'd script and empty
 * containers. It carries no workspace data; all of it arrives later through messages.
 */
export function renderSidebarHtml(r: SidebarResources): string {
  const csp = [
    "default-src 'none'",
    `style-src ${r.cspSource}`,
    `font-src ${r.cspSource}`,
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
<link href="${a(r.css)}" rel="stylesheet">
<title>SpecChain</title>
</head>
<body>
<div id="server-status" class="server-status" role="status" aria-live="polite" hidden></div>
<section class="section" id="section-specs" aria-labelledby="specs-heading">
  <h2 class="section-header"><button type="button" class="section-toggle" id="specs-heading" aria-expanded="true" aria-controls="specs-body"><span class="codicon codicon-chevron-down" aria-hidden="true"></span>SPECs <span class="count" id="specs-count"></span></button></h2>
  <div class="section-body" id="specs-body">
    <div class="filter-row">
      <span class="codicon codicon-filter" aria-hidden="true"></span>
      <input id="filter" type="search" placeholder="Filter by ID, title or status" aria-label="Filter SPECs" aria-controls="tree" spellcheck="false">
    </div>
    <ul id="tree" class="tree" role="tree" aria-label="SPECs"></ul>
    <p id="tree-empty" class="empty" hidden></p>
  </div>
</section>
<section class="section" id="section-stack" aria-labelledby="stack-heading">
  <h2 class="section-header"><button type="button" class="section-toggle" id="stack-heading" aria-expanded="true" aria-controls="stack-body"><span class="codicon codicon-chevron-down" aria-hidden="true"></span>Stack</button></h2>
  <div class="section-body" id="stack-body"></div>
</section>
<section class="section" id="section-guidance" aria-labelledby="guidance-heading">
  <h2 class="section-header"><button type="button" class="section-toggle" id="guidance-heading" aria-expanded="true" aria-controls="guidance-body"><span class="codicon codicon-chevron-down" aria-hidden="true"></span>Guidance</button></h2>
  <div class="section-body" id="guidance-body"></div>
</section>
<script nonce="${a(r.nonce)}" src="${a(r.script)}"></script>
</body>
</html>`;
}
