import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchUrl as fetchAny, FetchError, type FetchErrorCode, type FetchOptions } from '../../../src/engine/article/fetch';

// The test server is on 127.0.0.1, which is refused unless private addresses are allowed.
const fetchUrl = (url: string, opts: FetchOptions = {}): ReturnType<typeof fetchAny> => fetchAny(url, { allowPrivate: true, ...opts });

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** A real HTTP server on 127.0.0.1 with per-path handlers, started and stopped by the tests. */
describe('fetchUrl (against a local HTTP server)', () => {
  const routes = new Map<string, Handler>();
  let server: http.Server;
  let base = '';
  const open = new Set<import('node:net').Socket>();

  before(async () => {
    server = http.createServer((req, res) => {
      const h = routes.get((req.url ?? '/').split('?')[0]);
      if (h) h(req, res);
      else {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('nope');
      }
    });
    server.on('connection', (s) => {
      open.add(s);
      s.on('close', () => open.delete(s));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    for (const s of open) s.destroy();
    await new Promise<void>((r) => server.close(() => r()));
  });

  const route = (path: string, h: Handler): void => void routes.set(path, h);
  const html = (body: string, type = 'text/html; charset=utf-8'): Handler => (_req, res) => {
    res.writeHead(200, { 'content-type': type });
    res.end(body);
  };
  async function rejectsWith(p: Promise<unknown>, code: FetchErrorCode, message?: RegExp): Promise<FetchError> {
    try {
      await p;
    } catch (e) {
      assert.ok(e instanceof FetchError, `expected FetchError, got ${String(e)}`);
      assert.equal(e.code, code, e.message);
      if (message) assert.match(e.message, message);
      return e;
    }
    assert.fail(`expected a FetchError ${code}`);
  }

  it('fetches a 200 HTML page and reports type, charset and size', async () => {
    route('/page', html('<!doctype html><title>Hi</title><p>Héllo</p>'));
    const r = await fetchUrl(`${base}/page`);
    assert.equal(r.finalUrl, `${base}/page`);
    assert.equal(r.contentType, 'text/html');
    assert.equal(r.charset, 'utf-8');
    assert.equal(r.body, '<!doctype html><title>Hi</title><p>Héllo</p>');
    assert.equal(r.bytes, Buffer.byteLength(r.body));
  });

  it('sends an Accept header that prefers HTML, or the one given', async () => {
    let seen = '';
    route('/accept', (req, res) => {
      seen = String(req.headers.accept);
      html('ok')(req, res);
    });
    await fetchUrl(`${base}/accept`);
    assert.match(seen, /^text\/html/);
    await fetchUrl(`${base}/accept`, { accept: 'application/rss+xml' });
    assert.equal(seen, 'application/rss+xml');
  });

  it('follows a redirect chain (relative and absolute Location) and reports the final URL', async () => {
    route('/r1', (_q, res) => void res.writeHead(301, { location: '/r2' }).end());
    route('/r2', (_q, res) => void res.writeHead(302, { location: `${base}/r3` }).end());
    route('/r3', (_q, res) => void res.writeHead(307, { location: 'final' }).end());
    route('/final', html('<p>done</p>'));
    const r = await fetchUrl(`${base}/r1`);
    assert.equal(r.finalUrl, `${base}/final`);
    assert.equal(r.body, '<p>done</p>');
  });

  it('stops after maxRedirects', async () => {
    route('/loop', (req, res) => {
      const n = Number(new URL(req.url ?? '', base).searchParams.get('n') ?? 0);
      res.writeHead(302, { location: `/loop?n=${n + 1}` }).end();
    });
    await rejectsWith(fetchUrl(`${base}/loop`, { maxRedirects: 3 }), 'too-many-redirects', /Too many redirects \(more than 3\)/);
    // Exactly at the limit is fine.
    route('/two', (_q, res) => void res.writeHead(302, { location: '/one' }).end());
    route('/one', (_q, res) => void res.writeHead(302, { location: '/page' }).end());
    assert.equal((await fetchUrl(`${base}/two`, { maxRedirects: 2 })).finalUrl, `${base}/page`);
  });

  it('refuses a redirect to a non-http scheme', async () => {
    route('/to-file', (_q, res) => void res.writeHead(302, { location: 'file:///etc/passwd' }).end());
    await rejectsWith(fetchUrl(`${base}/to-file`), 'bad-url', /only http and https/);
  });

  it('reports 404 and 500 with status, reason and URL', async () => {
    const e404 = await rejectsWith(fetchUrl(`${base}/missing`), 'http-status', /^Server answered 404 Not Found for http:\/\/127\.0\.0\.1:\d+\/missing$/);
    assert.equal(e404.status, 404);
    route('/boom', (_q, res) => void res.writeHead(500).end('err'));
    const e500 = await rejectsWith(fetchUrl(`${base}/boom`), 'http-status', /500 Internal Server Error/);
    assert.equal(e500.status, 500);
  });

  it('times out when the server does not answer', async () => {
    route('/hang', () => undefined); // never responds
    await rejectsWith(fetchUrl(`${base}/hang`, { timeoutMs: 300 }), 'timeout', /Timed out after .* waiting for http:\/\/127\.0\.0\.1:\d+\/hang$/);
  });

  it('times out when the body stalls after the headers', async () => {
    route('/stall', (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<p>start');
    });
    await rejectsWith(fetchUrl(`${base}/stall`, { timeoutMs: 300 }), 'timeout');
  });

  it('aborts a 20 MB body at a 1 MB cap while streaming, without the server sending it all', async () => {
    let sent = 0;
    let finished = false;
    const total = 20 * 1024 * 1024;
    route('/huge', (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' }); // chunked: no Content-Length to refuse early
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = (): void => {
        while (sent < total) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        finished = true;
        res.end();
      };
      res.on('close', () => undefined);
      pump();
    });
    await rejectsWith(fetchUrl(`${base}/huge`, { maxBytes: 1024 * 1024 }), 'too-large', /^Page is larger than the 1 MB limit/);
    assert.ok(!finished, 'the server should not have been able to send the whole body');
    assert.ok(sent < total / 2, `sent ${sent} bytes before the client hung up`);
  });

  it('refuses early on a Content-Length over the cap', async () => {
    route('/big-declared', (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(6_000_000) });
      res.write('x');
    });
    await rejectsWith(fetchUrl(`${base}/big-declared`), 'too-large', /5 MB limit/);
  });

  it('refuses binary content types before reading the body', async () => {
    route('/img', (_q, res) => void res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0])));
    await rejectsWith(fetchUrl(`${base}/img`), 'not-text', /content type image\/png/);
    route('/pdf', (_q, res) => void res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7'));
    await rejectsWith(fetchUrl(`${base}/pdf`), 'not-text');
  });

  it('refuses a "text" response whose first KB holds NUL bytes', async () => {
    route('/nul', (_q, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end(Buffer.from([0x41, 0x00, 0x42, 0x00, 0x00, 0x01])));
    await rejectsWith(fetchUrl(`${base}/nul`), 'not-text', /binary/);
  });

  it('accepts feeds, JSON and Markdown types', async () => {
    for (const t of ['application/rss+xml', 'application/atom+xml; charset=utf-8', 'application/json', 'text/markdown', 'application/xhtml+xml']) {
      route('/typed', html('<x/>', t));
      assert.equal((await fetchUrl(`${base}/typed`)).body, '<x/>', t);
    }
  });

  it('decodes windows-1252 declared in the header', async () => {
    // “Café” – in windows-1252: 0x93 C a f 0xE9 0x94 0x20 0x96
    const bytes = Buffer.from([0x3c, 0x70, 0x3e, 0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x96, 0x3c, 0x2f, 0x70, 0x3e]);
    route('/cp1252', (_q, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=windows-1252' }).end(bytes));
    const r = await fetchUrl(`${base}/cp1252`);
    assert.equal(r.charset, 'windows-1252');
    assert.equal(r.body, '<p>“Café” –</p>');
  });

  it('sniffs <meta charset> and http-equiv when the header has no charset', async () => {
    const page = Buffer.concat([Buffer.from('<html><head><meta charset="iso-8859-1"></head><body>r'), Buffer.from([0xe9]), Buffer.from('sum')]);
    route('/meta-charset', (_q, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(page));
    assert.match((await fetchUrl(`${base}/meta-charset`)).body, /résum/);
    const page2 = Buffer.concat([Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>'), Buffer.from([0x93, 0x78, 0x94])]);
    route('/http-equiv', (_q, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(page2));
    assert.match((await fetchUrl(`${base}/http-equiv`)).body, /“x”/);
  });

  it('decodes UTF-16 with a BOM and falls back to windows-1252 for invalid UTF-8', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>wide ✓</p>', 'utf16le')]);
    route('/utf16', (_q, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(utf16));
    const r = await fetchUrl(`${base}/utf16`);
    assert.equal(r.body, '<p>wide ✓</p>');
    assert.equal(r.charset, 'utf-16le');
    route('/latin', (_q, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end(Buffer.from([0x63, 0x61, 0x66, 0xe9])));
    assert.equal((await fetchUrl(`${base}/latin`)).body, 'café');
  });

  it('is cancelled by an AbortSignal', async () => {
    const ctl = new AbortController();
    route('/slow', () => ctl.abort()); // abort once the request has arrived; never answer
    await rejectsWith(fetchUrl(`${base}/slow`, { signal: ctl.signal }), 'aborted', /cancelled/);
    const pre = new AbortController();
    pre.abort();
    await rejectsWith(fetchUrl(`${base}/page`, { signal: pre.signal }), 'aborted');
  });

  it('reports a connection failure', async () => {
    const tmp = http.createServer();
    await new Promise<void>((r) => tmp.listen(0, '127.0.0.1', r));
    const port = (tmp.address() as AddressInfo).port;
    await new Promise<void>((r) => tmp.close(() => r()));
    await rejectsWith(fetchUrl(`http://127.0.0.1:${port}/`), 'connect', /Could not connect to 127\.0\.0\.1:\d+ \(connection refused\)/);
  });

  it('reports a DNS failure naming the host', async () => {
    await rejectsWith(fetchUrl('http://no-such-host.invalid/post'), 'dns', /Could not resolve host no-such-host\.invalid \(DNS lookup failed\)/);
  });

  it('refuses non-http schemes and malformed URLs', async () => {
    await rejectsWith(fetchUrl('ftp://files.example.test/a.txt'), 'bad-url', /only http and https/);
    await rejectsWith(fetchUrl('file:///etc/passwd'), 'bad-url');
    await rejectsWith(fetchUrl('javascript:alert(1)'), 'bad-url');
    await rejectsWith(fetchUrl('not a url'), 'bad-url', /Not a valid URL/);
  });
});
