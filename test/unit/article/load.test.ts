import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleFromContent, ArticleError, loadArticle } from '../../../src/engine/article/load';
import { FetchError } from '../../../src/engine/article/fetch';

const FIX = join(__dirname, '../../fixtures/article');
// The test server is on 127.0.0.1, which is refused unless private addresses are allowed.
const LOCAL = { fetch: { allowPrivate: true } };

describe('loadArticle / articleFromContent', () => {
  let dir = '';
  let server: http.Server;
  let base = '';

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tb-load-'));
    server = http.createServer((req, res) => {
      if (req.url === '/post') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<html><head><title>Served post about a loader | Lab</title><link rel="canonical" href="/canonical-post"></head><body><nav><a href="/x">Menu</a></nav><article><p>The served article body is long enough to be the main content of the page.</p></article></body></html>');
      } else if (req.url === '/notes.md') {
        res.writeHead(200, { 'content-type': 'text/markdown' });
        res.end('# Markdown notes\n\nBody with evil[.]example.');
      } else if (req.url === '/plain') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('title: Plain post\nurl: https://plain.test/p\n\nPlain body.');
      } else if (req.url === '/feed') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end('<?xml version="1.0"?><rss version="2.0"><channel><title>F</title></channel></rss>');
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('loads an HTML file by extension', async () => {
    const a = await loadArticle(join(FIX, 'wordpress-post.html'));
    assert.equal(a.format, 'html');
    assert.equal(a.title, 'Operation Lamplight: Loader Hides in Signed Installers');
    assert.ok(!a.text.includes('Recent Posts'));
  });

  it('loads a file starting with "<" as HTML whatever its name, and text/Markdown otherwise', async () => {
    const f1 = join(dir, 'page.txt');
    writeFileSync(f1, '  <html><body><article><p>Angle-bracket start means HTML, even in a .txt file.</p></article></body></html>');
    assert.equal((await loadArticle(f1)).format, 'html');
    const f2 = join(dir, 'notes.md');
    writeFileSync(f2, '# Notes\n\nSome text.');
    const a = await loadArticle(f2);
    assert.equal(a.format, 'markdown');
    assert.equal(a.title, 'Notes');
  });

  it('lets overrides win over extracted values', async () => {
    const a = await loadArticle(join(FIX, 'wordpress-post.html'), { title: 'Mine', source: 'My Source', published: '2020-01-02', url: 'https://mine.test/a' });
    assert.deepEqual([a.title, a.source, a.published, a.url], ['Mine', 'My Source', '2020-01-02', 'https://mine.test/a']);
  });

  it('rejects an invalid published override', () => {
    assert.throws(() => articleFromContent('text body', { published: 'yesterday' }), (e: Error) => e instanceof ArticleError && e.code === 'bad-date');
  });

  it('reports a missing file, a directory, a binary file and a file over the limit', async () => {
    await assert.rejects(loadArticle(join(dir, 'nope.html')), (e: Error) => e instanceof ArticleError && e.code === 'not-found' && e.message.includes('nope.html'));
    await assert.rejects(loadArticle('example.com/post'), /File not found: example\.com\/post \(for a web page, give the full URL/);
    await assert.rejects(loadArticle(dir), (e: Error) => e instanceof ArticleError && e.code === 'not-a-file');
    const bin = join(dir, 'sample.bin');
    writeFileSync(bin, Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]));
    await assert.rejects(loadArticle(bin), (e: Error) => e instanceof ArticleError && e.code === 'binary' && /binary file/.test(e.message));
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'a'.repeat(20_001));
    await assert.rejects(loadArticle(big, { fetch: { maxBytes: 20_000 } }), (e: Error) => e instanceof ArticleError && e.code === 'too-large' && /larger than the 20 KB limit/.test(e.message));
  });

  it('reads a windows-1252 HTML file through its <meta charset>', async () => {
    const f = join(dir, 'legacy.html');
    writeFileSync(f, Buffer.concat([Buffer.from('<html><head><meta charset="windows-1252"><title>Legacy</title></head><body><article><p>'), Buffer.from([0x93]), Buffer.from('quoted'), Buffer.from([0x94]), Buffer.from(' text in a legacy page body.</p></article></body></html>')]));
    assert.equal((await loadArticle(f)).text, '“quoted” text in a legacy page body.');
  });

  it('fetches a URL: HTML → htmlToArticle with the canonical URL resolved', async () => {
    const a = await loadArticle(`${base}/post`, LOCAL);
    assert.equal(a.format, 'html');
    assert.equal(a.title, 'Served post about a loader');
    assert.equal(a.url, `${base}/canonical-post`);
    assert.equal(a.text, 'The served article body is long enough to be the main content of the page.');
  });

  it('fetches a URL served as Markdown or plain text', async () => {
    const md = await loadArticle(`${base}/notes.md`, LOCAL);
    assert.equal(md.format, 'markdown');
    assert.equal(md.title, 'Markdown notes');
    assert.equal(md.url, `${base}/notes.md`);
    const txt = await loadArticle(`${base}/plain`, LOCAL);
    assert.equal(txt.title, 'Plain post');
    assert.equal(txt.url, 'https://plain.test/p');
    assert.equal(txt.text, 'Plain body.');
  });

  it('says so when a URL or content is a feed, not an article', async () => {
    await assert.rejects(loadArticle(`${base}/feed`, LOCAL), (e: Error) => e instanceof ArticleError && e.code === 'is-feed');
    assert.throws(() => articleFromContent('<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"></feed>'), /RSS\/Atom feed/);
  });

  it('passes fetch errors through and refuses non-http schemes', async () => {
    await assert.rejects(loadArticle(`${base}/missing`, LOCAL), (e: Error) => e instanceof FetchError && e.code === 'http-status');
    await assert.rejects(loadArticle('ftp://files.test/a.html'), (e: Error) => e instanceof FetchError && e.code === 'bad-url');
  });

  it('articleFromContent: stdin-like content picks its format, a file name helps', () => {
    assert.equal(articleFromContent('<p>Some html paragraph with enough words.</p>').format, 'html');
    assert.equal(articleFromContent('title: T\nurl: https://u.test/\n\nBody').title, 'T');
    assert.equal(articleFromContent('# H\n\ntext', { fileName: 'x.md' }).format, 'markdown');
    assert.throws(() => articleFromContent('<html><body><nav><a href="/">Home</a></nav></body></html>'), (e: Error) => e instanceof ArticleError && e.code === 'empty');
  });
});
