// The matrix webview's page. Strict CSP: no inline script or style, the one script runs by nonce, and styles, script
// and images come only from the extension's media/ folder (the panel's localResourceRoots). The page holds no
// briefing text: media/matrix.js builds the matrix with textContent from the model the extension posts.
// No vscode import, so the CSP is unit-tested in plain Node.
import { randomBytes } from 'node:crypto';

export interface MatrixPageOptions {
  /** webview.cspSource */
  cspSource: string;
  /** webview.asWebviewUri() of media/matrix.js and media/matrix.css, as strings. */
  scriptUri: string;
  styleUri: string;
  nonce: string;
}

export function makeNonce(): string {
  return randomBytes(18).toString('base64').replace(/[^A-Z0-9]/gi, '');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return `default-src 'none'; style-src ${cspSource}; script-src 'nonce-${nonce}'; img-src ${cspSource}`;
}

function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const SEVERITY_OPTIONS = ['LOW', 'MED', 'HIGH', 'CRIT'].map((s) => `<option value="${s}">${s} or above</option>`).join('');

export function matrixPage(o: MatrixPageOptions): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(o.styleUri)}">
<title>ATT&amp;CK Matrix</title>
</head>
<body>
<header class="toolbar">
  <label>Severity <select id="minSeverity"><option value="">Any</option>${SEVERITY_OPTIONS}</select></label>
  <label>Published from <input type="date" id="from"></label>
  <label>to <input type="date" id="to"></label>
  <button id="clearFilter" type="button" class="secondary">Clear</button>
  <label class="check"><input type="checkbox" id="citedOnly"> Cited only</label>
  <button id="expandAll" type="button" class="secondary">Expand all</button>
  <span class="spacer"></span>
  <button id="refresh" type="button" class="secondary" title="Reload the briefings folder">Refresh</button>
  <button id="export" type="button" title="Save the filtered matrix as an ATT&amp;CK Navigator layer">Export Navigator Layer…</button>
</header>
<div class="summary"><span id="status" role="status" aria-live="polite">Loading…</span><span id="legend" class="legend"></span></div>
<div class="body">
  <div id="matrix" class="matrix" role="grid" aria-label="MITRE ATT&amp;CK matrix"></div>
  <aside id="details" class="details" aria-live="polite"><p class="hint">Select a technique to list the briefings that cite it.</p></aside>
</div>
<script nonce="${attr(o.nonce)}" src="${attr(o.scriptUri)}"></script>
</body>
</html>`;
}
