// A feed served on 127.0.0.1 that behaves like a careful publisher: ETag and Last-Modified on every answer, 304 to a
// matching conditional request, and counters so tests can tell a full download from a "not modified".
import * as http from 'node:http';
import { AddressInfo } from 'node:net';

export interface FeedEntrySpec {
  id: string;
  title: string;
  /** Day of the entry, YYYY-MM-DD. */
  day: string;
  text: string;
}

export interface FeedServer {
  base: string;
  /** Feed path → entries; change it between polls to publish. */
  feeds: Map<string, FeedEntrySpec[]>;
  /** Per path: answers with a body (200) and without (304). */
  hits: Map<string, { full: number; notModified: number }>;
  close(): Promise<void>;
}

export function rss(title: string, base: string, entries: FeedEntrySpec[]): string {
  const items = entries.map((e) => `<item><title>${e.title}</title><link>${base}/posts/${e.id}</link><guid>${base}/posts/${e.id}</guid>`
    + `<pubDate>${new Date(`${e.day}T10:00:00Z`).toUTCString()}</pubDate><description>${e.text}</description></item>`).join('\n');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>${base}</link>\n${items}\n</channel></rss>\n`;
}

/** A threat-shaped entry with a distinct C2 domain, so each briefs to its own file. */
export function entry(id: string, day = '2026-11-03'): FeedEntrySpec {
  return { id, day, title: `Loader campaign ${id} hits finance`, text: `The ${id} loader beacons to its C2 server at ${id}-c2-node[.]top and runs PowerShell.` };
}

export async function startFeedServer(): Promise<FeedServer> {
  const feeds = new Map<string, FeedEntrySpec[]>();
  const hits = new Map<string, { full: number; notModified: number }>();
  let base = '';
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const post = /^\/posts\/([\w-]+)$/.exec(path);
    if (post) {
      // The entry's own page carries more than the feed's summary: a second-stage host only found with full text.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<html><head><title>${post[1]}</title></head><body><article><h1>Loader campaign ${post[1]}</h1>`
        + `<p>The ${post[1]} loader beacons to its C2 server at ${post[1]}-c2-node[.]top and runs PowerShell.</p>`
        + `<p>In a second stage it downloads a payload from ${post[1]}-stage2-payload[.]xyz and persists with a scheduled task.</p></article></body></html>`);
      return;
    }
    const entries = feeds.get(path);
    if (!entries) {
      res.writeHead(path === '/broken.xml' ? 200 : 404, { 'content-type': 'application/rss+xml' });
      res.end(path === '/broken.xml' ? '<rss><channel><item><title>x</item></rss' : 'missing');
      return;
    }
    const count = hits.get(path) ?? { full: 0, notModified: 0 };
    hits.set(path, count);
    const body = rss(`Feed ${path}`, base, entries);
    // The validators follow the content, as a real server's would.
    const etag = `"${Buffer.from(entries.map((e) => e.id).join(',')).toString('base64url')}"`;
    const lastModified = new Date(Date.UTC(2026, 10, 1) + entries.length * 3_600_000).toUTCString();
    if (req.headers['if-none-match'] === etag || (!req.headers['if-none-match'] && req.headers['if-modified-since'] === lastModified)) {
      count.notModified++;
      res.writeHead(304, { etag, 'last-modified': lastModified });
      res.end();
      return;
    }
    count.full++;
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag, 'last-modified': lastModified });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, feeds, hits, close: () => new Promise<void>((r) => server.close(() => r())) };
}
