import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { addressKind } from '../../../src/engine/article/addresses';
import { decodeBytes } from '../../../src/engine/article/decode';
import { fetchUrl, FetchError } from '../../../src/engine/article/fetch';

describe('fetch policy and messages (against a local HTTP server)', () => {
  let server: http.Server;
  let base = '';
  let port = 0;
  const hits: string[] = [];
  before(async () => {
    server = http.createServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === '/secret') {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<p>the secret page</p>');
      } else if (req.url?.startsWith('/to?')) {
        res.writeHead(302, { location: decodeURIComponent(req.url.slice(4)) }).end();
      } else if (req.url === '/gzip-ok') {
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync('<p>zipped</p>'));
      } else if (req.url === '/gzip-bad') {
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end('this is not gzip at all');
      } else if (req.url === '/utf16-ascii') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-16le' }).end('<html><head><title>Plain ASCII title</title></head><body><p>ASCII body text.</p></body></html>');
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  });
  after(async () => new Promise<void>((r) => server.close(() => r())));

  async function refused(p: Promise<unknown>, message: RegExp): Promise<void> {
    await assert.rejects(p, (e: unknown) => e instanceof FetchError && e.code === 'refused' && message.test(e.message));
  }

  it('refuses loopback by default, with a message that says how to allow it', async () => {
    hits.length = 0;
    await refused(fetchUrl(`${base}/secret`), /^refused: 127\.0\.0\.1 is a loopback address; pass --allow-private to fetch it$/);
    await refused(fetchUrl(`http://localhost:${port}/secret`), /^refused: localhost \((?:127\.0\.0\.1|::1)\) is a loopback address/);
    await refused(fetchUrl(`http://[::1]:${port}/secret`), /::1 is a loopback address/);
    await refused(fetchUrl(`http://[::ffff:127.0.0.1]:${port}/secret`), /loopback/);
    await refused(fetchUrl(`http://0.0.0.0:${port}/secret`), /0\.0\.0\.0 is a reserved address/);
    assert.deepEqual(hits, [], 'nothing reached the server');
    assert.equal((await fetchUrl(`${base}/secret`, { allowPrivate: true })).body, '<p>the secret page</p>');
  });

  it('checks every redirect hop: a redirect to a metadata, private or loopback address is refused', async () => {
    // Only the test server's own address is allowed; where it redirects to is resolved and checked again.
    const onlyServer = { allowAddress: (a: string) => a === '127.0.0.1' };
    assert.equal((await fetchUrl(`${base}/to?${encodeURIComponent('/secret')}`, onlyServer)).body, '<p>the secret page</p>');
    const targets: Array<[string, RegExp]> = [
      ['http://169.254.169.254/latest/meta-data/', /^refused: 169\.254\.169\.254 is a link-local address/],
      ['http://10.1.2.3/', /10\.1\.2\.3 is a private address/],
      ['http://[fd00::1]/', /fd00::1 is a private address/],
      ['http://[fe80::1]/', /fe80::1 is a link-local address/],
      ['http://224.0.0.1/', /224\.0\.0\.1 is a multicast address/],
      [`http://[::ffff:127.0.0.2]:${port}/secret`, /::ffff:7f00:2 is a loopback address/],
      [`http://localhost:${port}/secret`, /localhost \((?:127\.0\.0\.1|::1)\) is a loopback address|::1/],
    ];
    for (const [target, message] of targets) {
      hits.length = 0;
      await refused(fetchUrl(`${base}/to?${encodeURIComponent(target)}`, { ...onlyServer, allowAddress: (a: string) => a === '127.0.0.1' && hits.length === 0 }), message);
      assert.equal(hits.length, 1, `only the redirecting request reached a server (${target})`);
    }
  });

  it('classifies addresses (IPv4, IPv6, IPv4-mapped IPv6)', () => {
    const cases: Array<[string, string | undefined]> = [
      ['127.0.0.1', 'loopback'], ['127.8.9.10', 'loopback'], ['10.0.0.1', 'private'], ['172.16.0.1', 'private'], ['172.31.255.255', 'private'],
      ['172.32.0.1', undefined], ['192.168.1.1', 'private'], ['100.64.0.1', 'private'], ['169.254.169.254', 'link-local'], ['0.0.0.0', 'reserved'],
      ['224.0.0.251', 'multicast'], ['255.255.255.255', 'reserved'], ['198.51.100.7', 'reserved'], ['8.8.8.8', undefined], ['93.184.216.34', undefined],
      ['::1', 'loopback'], ['::', 'reserved'], ['::ffff:127.0.0.1', 'loopback'], ['::ffff:7f00:1', 'loopback'], ['::ffff:169.254.169.254', 'link-local'],
      ['::ffff:8.8.8.8', undefined], ['fc00::1', 'private'], ['fdff:ffff::1', 'private'], ['fe80::1', 'link-local'], ['febf::1', 'link-local'],
      ['ff02::1', 'multicast'], ['2001:db8::1', 'reserved'], ['64:ff9b::a9fe:a9fe', 'link-local'], ['2002:7f00:1::', 'loopback'],
      ['2606:4700:4700::1111', undefined], ['not-an-ip', 'reserved'],
    ];
    for (const [ip, kind] of cases) assert.equal(addressKind(ip), kind, ip);
  });

  it('says the server sent a corrupt gzip body (not "could not connect"), and reads a good one', async () => {
    assert.equal((await fetchUrl(`${base}/gzip-ok`, { allowPrivate: true })).body, '<p>zipped</p>');
    await assert.rejects(fetchUrl(`${base}/gzip-bad`, { allowPrivate: true }), (e: unknown) =>
      e instanceof FetchError && e.code === 'bad-encoding' && /the server sent a corrupt gzip body/i.test(e.message) && !/connect/i.test(e.message));
  });

  it('falls back to sniffing, with a warning, when a declared utf-16le does not fit an ASCII body', async () => {
    const warnings: string[] = [];
    const r = await fetchUrl(`${base}/utf16-ascii`, { allowPrivate: true, onWarning: (m) => warnings.push(m) });
    assert.match(r.body, /<title>Plain ASCII title<\/title>/);
    assert.equal(r.charset, 'utf-8');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /declared charset utf-16le does not fit/);
    // Real UTF-16 (NUL bytes in ASCII text) is still read as declared.
    const real = decodeBytes(Buffer.from('<p>wide text</p>', 'utf16le'), 'utf-16le', 'html');
    assert.equal(real.text, '<p>wide text</p>');
    assert.equal(real.warning, undefined);
  });
});
