// The editor's briefing runs in a worker thread: the host's event loop keeps turning while a large article is
// briefed, and cancelling stops a slow fetch at once. Uses the built worker (dist/brief-worker.js).
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { briefInWorker, setBriefWorkerFile, stopBriefWorker } from '../../../src/extension/generate/workerClient';

const WORKER = join(__dirname, '../../../dist/brief-worker.js');

describe('brief worker', function () {
  this.timeout(60000);
  let server: http.Server;
  let base: string;
  before(async function () {
    if (!existsSync(WORKER)) this.skip(); // built by `npm run build`
    setBriefWorkerFile(WORKER);
    // A page that never finishes: the request hangs until it is cancelled.
    server = http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      // /late answers in full, but only after a second.
      if (req.url === '/late') {
        setTimeout(() => res.end('<html><head><title>Loader note</title></head><body><article><p>The loader beacons to its C2 server over HTTPS and runs PowerShell.</p></article></body></html>'), 1000);
        return;
      }
      res.write('<html><body><p>starting');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    stopBriefWorker();
    server?.closeAllConnections();
    server?.close();
  });

  it('briefs content off the calling thread, which keeps running meanwhile', async () => {
    const text = 'The actor used powershell.exe -enc to run the loader from 203.0.113.50.\n\n'.repeat(20000);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const t0 = Date.now();
    const r = await briefInWorker({ content: text, fileName: 'big.txt' }, null, { timeoutMs: 20000 });
    clearInterval(timer);
    assert.ok(r.json.startsWith('{') && r.markdown.startsWith('# ['), 'both renderings come back');
    assert.equal(r.briefing.schemaVersion, 1);
    // The interval fired throughout: a blocked thread would show (almost) no ticks for the whole duration.
    const ms = Date.now() - t0;
    assert.ok(ticks >= Math.min(10, ms / 50), `${ticks} ticks in ${ms} ms`);
  });

  it('cancelling stops a hanging fetch at once, and the next request gets a fresh worker', async () => {
    const ac = new AbortController();
    const p = briefInWorker({ input: `${base}/slow` }, null, { timeoutMs: 30000, allowPrivate: true }, ac.signal);
    setTimeout(() => ac.abort(), 300);
    const t0 = Date.now();
    await assert.rejects(p, (e: Error) => e.name === 'AbortError');
    assert.ok(Date.now() - t0 < 5000);
    const r = await briefInWorker({ content: 'A plain release note about version 2 of a text editor.', fileName: 'note.txt' }, null, {});
    assert.equal(r.briefing.severity, 'LOW');
  });

  it('cancelling one request hands the others in flight on that worker to a new one instead of failing them', async () => {
    const ac = new AbortController();
    const cancelled = briefInWorker({ input: `${base}/slow` }, null, { timeoutMs: 30000, allowPrivate: true }, ac.signal);
    // Still fetching on the same worker when the cancel comes.
    const other = briefInWorker({ input: `${base}/late` }, null, { timeoutMs: 30000, allowPrivate: true });
    setTimeout(() => ac.abort(), 300);
    await assert.rejects(cancelled, (e: Error) => e.name === 'AbortError');
    const r = await other;
    assert.ok(r.markdown.startsWith('# ['), 'the other request was briefed');
  });

  it('passes engine errors through with their message', async () => {
    await assert.rejects(briefInWorker({ content: '   ', fileName: 'empty.txt' }, null, {}), /No article text found/);
  });
});
