import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { entryLink, parseFeed } from '../../../src/engine/article/feed';
import { renderMarkdown } from '../../../src/engine/briefing/markdown';
import { main } from '../../../src/cli/main';
import type { Briefing } from '../../../src/engine/model';

const item = (title: string, link: string, body: string): string =>
  `<item><title>${title}</title><link>${link}</link><pubDate>Tue, 03 Nov 2026 10:00:00 GMT</pubDate><description><![CDATA[${body}]]></description></item>`;
const rss = (items: string[]): string => `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><link>https://feed.example.org/</link>${items.join('')}</channel></rss>`;
const body = (i: number): string => `<p>Entry ${i}: the loader beacons to its C2 server at c2-${i}-node[.]top.</p>`;

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = process.stdout.write.bind(process.stdout);
  const e = process.stderr.write.bind(process.stderr);
  (process.stdout as unknown as { write: (s: string) => boolean }).write = (s: string) => (out.push(String(s)), true);
  (process.stderr as unknown as { write: (s: string) => boolean }).write = (s: string) => (err.push(String(s)), true);
  try {
    return { code: await main(args), out: out.join(''), err: err.join('') };
  } finally {
    (process.stdout as unknown as { write: typeof o }).write = o;
    (process.stderr as unknown as { write: typeof e }).write = e;
  }
}

describe('feed reliability', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tb-feed-rel-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('one entry with deeply nested HTML does not fail the feed: all three are written', async () => {
    const feed = path.join(dir, 'feed.xml');
    writeFileSync(feed, rss([
      item('First', 'https://feed.example.org/a', body(1)),
      item('Nested', 'https://feed.example.org/b', `${'<div>'.repeat(20_000)}${body(2)}${'</div>'.repeat(20_000)}`),
      item('Third', 'https://feed.example.org/c', body(3)),
    ]));
    const r = await cli(['feed', feed, '--out', path.join(dir, 'out')]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /3 written, 0 skipped, 0 failed/);
  });

  it('keeps only http(s) links: javascript:, file: and data: are dropped with a note, never autolinked', async () => {
    const feed = await parseFeed(rss([
      item('JS', 'javascript:alert(1)', body(1)),
      item('File', 'file:///etc/passwd', body(2)),
      item('Data', 'data:text/html,<b>x</b>', body(3)),
      item('Relative', '/2026/post', body(4)),
    ]));
    assert.deepEqual(feed.map((e) => e.link), [undefined, undefined, undefined, 'https://feed.example.org/2026/post']);
    assert.match(feed[0].notes?.[0] ?? '', /only http and https links are kept \(javascript: link\)/);
    assert.deepEqual(entryLink('https://Example.org/A', undefined), { link: 'https://Example.org/A' });

    const file = path.join(dir, 'feed.xml');
    writeFileSync(file, rss([item('JS entry', 'javascript:alert(1)', body(1))]));
    const r = await cli(['feed', file, '--out', path.join(dir, 'out')]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /note: JS entry: link dropped/);
    const day = readdirSync(path.join(dir, 'out')).find((d) => /^\d{4}/.test(d)) as string;
    const md = readdirSync(path.join(dir, 'out', day)).find((f) => f.endsWith('.md')) as string;
    assert.ok(!/javascript:/i.test(readFileSync(path.join(dir, 'out', day, md), 'utf8')));
  });

  it('feed --full-text refuses an entry linking to a loopback address unless --allow-private', async () => {
    const server = http.createServer((_q, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<article><p>TOP-SECRET-TOKEN lives on this internal admin page, reachable only from this machine.</p></article>'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const secret = `http://127.0.0.1:${(server.address() as AddressInfo).port}/secret`;
      const file = path.join(dir, 'feed.xml');
      writeFileSync(file, rss([item('Looks harmless', secret, body(1)), item('Other, without a link', '', body(2))]));
      const out = path.join(dir, 'out');
      const r = await cli(['feed', file, '--full-text', '--out', out]);
      assert.match(r.err, /failed: Looks harmless: refused: 127\.0\.0\.1 is a loopback address; pass --allow-private to fetch it/);
      assert.match(r.out, /1 written, 0 skipped, 1 failed/); // the other entry is still written
      const all = readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith('.json'));
      for (const f of all) assert.ok(!readFileSync(path.join(out, f), 'utf8').includes('TOP-SECRET-TOKEN'));
      const allowed = await cli(['feed', file, '--full-text', '--allow-private', '--out', path.join(dir, 'out2')]);
      assert.match(allowed.out, /Looks harmless/);
    } finally {
      server.close();
    }
  });

  it('renders the Article line as an autolink only for http(s)', () => {
    const b = (url: string): Briefing => ({
      schemaVersion: 1, id: 'tb-1', title: 'T', source: 'S', url, severity: 'LOW', summary: 'x', iocs: [], techniques: [], phases: [], hunts: [],
      entities: { actors: [], malware: [], cves: [] }, rationale: [], generator: { name: 'threat-briefings', version: '0' },
    });
    assert.match(renderMarkdown(b('https://a.example/x')), /\*\*Article:\*\* <https:\/\/a\.example\/x>/);
    for (const u of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x']) {
      const md = renderMarkdown(b(u));
      assert.ok(!md.includes(`<${u}`), md.split('\n')[2]);
      assert.match(md, /\*\*Article:\*\* `/);
    }
  });

  it('defangs bare domains and www. URLs in summaries (linkify would make them live links)', () => {
    const b: Briefing = {
      schemaVersion: 1, id: 'tb-1', title: 'T', source: 'S', severity: 'LOW', iocs: [], techniques: [], phases: [], hunts: [],
      summary: 'Payloads came from update-check.com and www.evil-cdn.net/x; the node.js tool and setup.py stayed.',
      entities: { actors: [], malware: [], cves: [] }, rationale: [], generator: { name: 'threat-briefings', version: '0' },
    };
    const md = renderMarkdown(b);
    assert.match(md, /update-check\[\.\]com and www\[\.\]evil-cdn\[\.\]net\/x; the node\.js tool and setup\.py stayed/);
  });
});
