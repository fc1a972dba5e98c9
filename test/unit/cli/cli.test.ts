import { strict as assert } from 'node:assert';
import { readFileSync, mkdirSync, mkdtempSync, rmSync, readdirSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DEMO = path.join(ROOT, 'examples', 'demo-article.html');

/** Runs the CLI in-process, capturing stdout/stderr. */
async function cli(args: string[], stdin?: string): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = process.stdout.write.bind(process.stdout);
  const e = process.stderr.write.bind(process.stderr);
  (process.stdout as unknown as { write: (s: string) => boolean }).write = (s: string) => (out.push(String(s)), true);
  (process.stderr as unknown as { write: (s: string) => boolean }).write = (s: string) => (err.push(String(s)), true);
  const stdinDesc = Object.getOwnPropertyDescriptor(process, 'stdin');
  if (stdin !== undefined) {
    const { Readable } = await import('node:stream');
    Object.defineProperty(process, 'stdin', { value: Readable.from([Buffer.from(stdin)]), configurable: true });
  }
  try {
    const code = await main(args);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    (process.stdout as unknown as { write: typeof o }).write = o;
    (process.stderr as unknown as { write: typeof e }).write = e;
    if (stdinDesc) Object.defineProperty(process, 'stdin', stdinDesc);
  }
}

describe('cli', () => {
  let server: http.Server;
  let base: string;
  before(async () => {
    const demo = readFileSync(DEMO);
    server = http.createServer((req, res) => {
      if (req.url === '/post') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(demo);
      } else if (req.url === '/moved') {
        res.writeHead(301, { location: '/post' });
        res.end();
      } else if (req.url === '/binary') {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.end(Buffer.from([0, 1, 2, 3, 0, 0]));
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not here');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  it('prints the version and help, and refuses unknown commands', async () => {
    assert.match((await cli(['--version'])).out, /^\d+\.\d+\.\d+/);
    const help = await cli(['--help']);
    assert.equal(help.code, 0);
    for (const c of ['generate', 'feed', 'eval', 'bench', 'attack']) assert.match(help.out, new RegExp(`\\b${c}\\b`));
    const bad = await cli(['frobnicate']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /unknown command 'frobnicate'/);
    assert.match((await cli(['generate', '--help'])).out, /--format md\|json/);
  });

  it('generates a Markdown briefing from a page served on 127.0.0.1 (after a redirect)', async () => {
    const r = await cli(['generate', '--allow-private', `${base}/moved`]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^# \[(HIGH|CRIT)\] Operation Lantern/);
    assert.match(r.out, /\*\*Source:\*\* Example Security Blog/);
    assert.match(r.out, /\*\*Published:\*\* 2026-11-02/);
    assert.match(r.out, /lantern-cdn-update\[\.\]xyz/);
    assert.ok(!/Related posts|next-js-release-roundup|Subscribe/.test(r.out), 'no page chrome');
  });

  it('generates JSON with the contract fields, deterministically', async () => {
    const a = await cli(['generate', DEMO, '--format', 'json', '--url', 'https://example-security-blog.test/2026/operation-lantern']);
    const b = await cli(['generate', DEMO, '--format', 'json', '--url', 'https://example-security-blog.test/2026/operation-lantern']);
    assert.equal(a.code, 0, a.err);
    assert.equal(a.out, b.out, 'same input, same bytes');
    const j = JSON.parse(a.out);
    for (const k of ['title', 'source', 'published', 'url', 'severity', 'summary', 'iocs', 'techniques', 'phases', 'hunts', 'rationale']) assert.ok(k in j, `has ${k}`);
    const values = j.iocs.map((i: { value: string }) => i.value);
    assert.ok(values.includes('lantern-cdn-update.xyz'));
    assert.ok(values.includes('45.155.205.87'));
    assert.ok(!values.some((v: string) => /example-security-blog|twitter\.example|social\.example/.test(v)), 'publisher and chrome links are not IOCs');
    assert.ok(j.techniques.every((t: { evidence: string[] }) => t.evidence.length > 0));
  });

  it('reads standard input and applies overrides', async () => {
    const r = await cli(['generate', '-', '--format', 'json', '--title', 'Pasted', '--source', 'Me', '--published', '2026-01-02'],
      'The malware beacons to its C2 at evil-c2-host[.]top.\n');
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    assert.equal(j.title, 'Pasted');
    assert.equal(j.source, 'Me');
    assert.equal(j.published, '2026-01-02');
  });

  it('fails with one clear line for 404, binary content, a missing file and bad options', async () => {
    const notFound = await cli(['generate', '--allow-private', `${base}/nope`]);
    assert.notEqual(notFound.code, 0);
    assert.match(notFound.err, /404/);
    assert.ok(!/\n\s+at /.test(notFound.err), 'no stack trace');
    const bin = await cli(['generate', '--allow-private', `${base}/binary`]);
    assert.notEqual(bin.code, 0);
    assert.match(bin.err, /not (?:a )?text|binary|octet-stream/i);
    const missing = await cli(['generate', path.join(ROOT, 'no-such-file.html')]);
    assert.notEqual(missing.code, 0);
    assert.match(missing.err, /no-such-file/);
    assert.equal((await cli(['generate', DEMO, '--format', 'pdf'])).code, 2);
    assert.equal((await cli(['generate', DEMO, '--published', 'yesterday'])).code, 2);
  });

  it('writes into a briefings folder with --out and skips an already-briefed URL', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tb-cli-'));
    try {
      const first = await cli(['generate', '--allow-private', `${base}/post`, '--out', dir]);
      assert.equal(first.code, 0, first.err);
      assert.deepEqual(readdirSync(path.join(dir, '2026-11-02')).sort(), [
        'operation-lantern-invoice-lures-deliver-the-lanternloader-backdoor.json',
        'operation-lantern-invoice-lures-deliver-the-lanternloader-backdoor.md',
      ]);
      const again = await cli(['generate', '--allow-private', `${base}/post`, '--out', dir]);
      assert.match(again.err, /already briefed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('feed: one briefing per entry, then nothing new on the second run', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tb-feed-'));
    try {
      const feed = path.join(dir, 'feed.xml');
      writeFileSync(feed, `<?xml version="1.0"?><rss version="2.0"><channel><title>Demo feed</title><link>https://feed.example.org</link>
        <item><title>Loader hits finance</title><link>https://feed.example.org/a</link><pubDate>Tue, 03 Nov 2026 10:00:00 GMT</pubDate>
          <description>The loader beacons to its C2 server at alpha-c2-node[.]top. The post appeared first on Demo.</description></item>
        <item><title>Old news</title><link>https://feed.example.org/b</link><pubDate>Tue, 01 Sep 2026 10:00:00 GMT</pubDate>
          <description>Nothing to see. The post appeared first on Demo.</description></item>
      </channel></rss>`);
      const r = await cli(['feed', feed, '--out', path.join(dir, 'out'), '--since', '2026-10-01']);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /1 written, 0 skipped, 0 failed/);
      const again = await cli(['feed', feed, '--out', path.join(dir, 'out'), '--since', '2026-10-01']);
      // The state file remembers the entry, so it is not even briefed again.
      assert.match(again.out, /Demo feed: no new entries/);
      assert.match(again.out, /0 written, 0 skipped, 0 failed/);
      const broken = path.join(dir, 'broken.xml');
      writeFileSync(broken, '<rss><channel><item><title>x</item></rss');
      const b = await cli(['feed', broken, '--out', path.join(dir, 'out')]);
      assert.notEqual(b.code, 0);
      assert.match(b.err, /feed/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('bench --generate-only reports the 100 KB figures with its warm-up and the cold first run apart', async function () {
    this.timeout(60_000);
    const corpus = mkdtempSync(path.join(tmpdir(), 'tb-bench-'));
    try {
      mkdirSync(path.join(corpus, 'cases', 'demo'), { recursive: true });
      writeFileSync(path.join(corpus, 'cases', 'demo', 'article.html'), readFileSync(DEMO));
      const r = await cli(['bench', '--generate-only', '--corpus', corpus, '--rounds', '1']);
      assert.equal(r.code, 0, r.err);
      const k = JSON.parse(r.out.trim().split('\n').pop()!).article100KB;
      assert.ok(k.warmupRuns >= 1 && k.samples >= 60, JSON.stringify(k));
      assert.ok(k.firstRunMs > 0 && k.medianMs > 0 && k.p95Ms >= k.medianMs, JSON.stringify(k));
    } finally {
      rmSync(corpus, { recursive: true, force: true });
    }
  });
});
