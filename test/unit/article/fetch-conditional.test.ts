import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import { fetchUrl } from '../../../src/engine/article/fetch';

describe('fetchUrl: conditional requests', () => {
  let server: http.Server;
  let base: string;
  const seen: http.IncomingHttpHeaders[] = [];
  before(async () => {
    server = http.createServer((req, res) => {
      seen.push(req.headers);
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Tue, 01 Dec 2026 10:00:00 GMT' });
      res.end('<rss version="2.0"><channel><title>t</title></channel></rss>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  // The server is on 127.0.0.1: allowPrivate is ignored today and needed once private addresses are refused.
  const local = { allowPrivate: true } as never;
  it('returns ETag and Last-Modified with a full answer', async () => {
    const r = await fetchUrl(`${base}/feed`, local);
    assert.equal(r.status, 200);
    assert.equal(r.notModified, undefined);
    assert.equal(r.etag, '"v1"');
    assert.equal(r.lastModified, 'Tue, 01 Dec 2026 10:00:00 GMT');
    assert.match(r.body, /<rss/);
  });

  it('sends extra headers, and a 304 is a result with notModified and an empty body, not an error', async () => {
    const r = await fetchUrl(`${base}/feed`, { ...(local as object), headers: { 'if-none-match': '"v1"' } });
    assert.equal(seen.at(-1)?.['if-none-match'], '"v1"');
    assert.deepEqual({ status: r.status, notModified: r.notModified, body: r.body, bytes: r.bytes, etag: r.etag }, { status: 304, notModified: true, body: '', bytes: 0, etag: '"v1"' });
  });

  it('extra headers cannot replace the Accept and User-Agent it sets', async () => {
    await fetchUrl(`${base}/feed`, { ...(local as object), headers: { 'user-agent': 'other' }, accept: 'application/rss+xml' });
    assert.match(String(seen.at(-1)?.['user-agent']), /threat-briefings/);
    assert.equal(seen.at(-1)?.accept, 'application/rss+xml');
  });
});
