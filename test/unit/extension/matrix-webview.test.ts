// The matrix webview's page and message checks, in plain Node (these modules import no vscode).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { contentSecurityPolicy, makeNonce, matrixPage } from '../../../src/extension/matrix/html';
import { parseFromWebview } from '../../../src/extension/matrix/messages';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('matrix webview', () => {
  it('the page has a strict CSP, a nonce on its one script, and loads only from the webview source', () => {
    const nonce = makeNonce();
    assert.match(nonce, /^[A-Za-z0-9]{16,}$/);
    assert.notEqual(nonce, makeNonce());
    const html = matrixPage({ cspSource: 'https://webview.test', nonce, scriptUri: 'https://webview.test/media/matrix.js', styleUri: 'https://webview.test/media/matrix.css' });
    const csp = contentSecurityPolicy('https://webview.test', nonce);
    assert.equal(csp, `default-src 'none'; style-src https://webview.test; script-src 'nonce-${nonce}'; img-src https://webview.test`);
    assert.ok(html.includes(`content="${csp}"`));
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.deepEqual(scripts, [`<script nonce="${nonce}" src="https://webview.test/media/matrix.js">`]);
    assert.ok(!/\sstyle=|<style|\son[a-z]+=|https?:\/\/(?!webview\.test)/i.test(html), 'no inline style, handlers or other origins');
  });

  it('the page script builds text with textContent only and loads nothing from elsewhere', () => {
    const js = readFileSync(path.join(ROOT, 'media', 'matrix.js'), 'utf8');
    assert.ok(!/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/.test(js));
    assert.ok(!/https?:\/\//.test(js));
    const css = readFileSync(path.join(ROOT, 'media', 'matrix.css'), 'utf8');
    assert.ok(!/@import|url\(/.test(css));
  });

  it('accepts only well-formed messages from the page', () => {
    assert.deepEqual(parseFromWebview({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseFromWebview({ type: 'filter', filter: { minSeverity: 'HIGH', from: '2026-01-01', to: 'soon' } }), { type: 'filter', filter: { minSeverity: 'HIGH', from: '2026-01-01' } });
    assert.deepEqual(parseFromWebview({ type: 'open', key: '2026-11-02/lantern.md' }), { type: 'open', key: '2026-11-02/lantern.md' });
    for (const key of ['../../etc/passwd', '/etc/passwd', 'a\\b', '', 42, 'x'.repeat(2000)]) assert.equal(parseFromWebview({ type: 'open', key }), undefined, String(key));
    assert.deepEqual(parseFromWebview({ type: 'rendered', techniques: ['T1059.001', 'T1059', 'T1059'] }), { type: 'rendered', techniques: ['T1059', 'T1059.001'], seq: 0 });
    assert.deepEqual(parseFromWebview({ type: 'rendered', techniques: ['T1059'], seq: 7 }), { type: 'rendered', techniques: ['T1059'], seq: 7 });
    for (const seq of [-1, 1.5, '3', Number.MAX_VALUE]) assert.equal(parseFromWebview({ type: 'rendered', techniques: [], seq }), undefined, String(seq));
    assert.equal(parseFromWebview({ type: 'rendered', techniques: ['T1059', '<img src=x>'] }), undefined);
    assert.equal(parseFromWebview({ type: 'rendered', techniques: 'T1059' }), undefined);
    for (const bad of [null, 'ready', [], { type: 'runCommand', command: 'workbench.action.quit' }, { type: '__proto__' }]) assert.equal(parseFromWebview(bad), undefined);
  });
});
