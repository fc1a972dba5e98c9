// Bounded URL fetch for articles and feeds: http(s) only on every hop, counted redirects, an overall timeout,
// a streamed size cap (a huge body is never buffered), text-only content, correct charset decoding, and errors
// a user can act on. Every hop's host is resolved first and each of its addresses checked (loopback, private,
// link-local, multicast and reserved ranges are refused unless allowPrivate); the connection then goes to the
// checked address through a custom `lookup`, so DNS cannot answer differently between the check and the connect.
import { promises as dns } from 'node:dns';
import * as http from 'node:http';
import * as https from 'node:https';
import { isIP } from 'node:net';
import type { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import { VERSION } from '../version';
import { addressKind } from './addresses';
import { charsetFromContentType, decodeBytes, looksBinary, mediaType } from './decode';

export type FetchErrorCode =
  | 'dns' | 'connect' | 'timeout' | 'http-status' | 'too-large' | 'not-text' | 'bad-url' | 'too-many-redirects' | 'aborted'
  | 'refused' | 'bad-encoding';

export class FetchError extends Error {
  override readonly name = 'FetchError';
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    /** The URL being fetched when it failed (the last hop for redirects). */
    readonly url: string,
    /** HTTP status for 'http-status'. */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface FetchOptions {
  /** Overall limit for all hops and the body. Default 20 s. */
  timeoutMs?: number;
  /** Largest decoded body in bytes. Default 5,000,000. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  signal?: AbortSignal;
  /** Accept header. Default prefers HTML, then feeds, then plain text. */
  accept?: string;
  /** Fetch loopback, private, link-local and reserved addresses too (a local test server, an intranet wiki). Default false. */
  allowPrivate?: boolean;
  /** Private addresses allowed one by one (e.g. a single intranet host) while the others stay refused. */
  allowAddress?: (address: string) => boolean;
  /** How a refusal tells the user to allow private addresses. Default "pass --allow-private to fetch it". */
  allowPrivateHint?: string;
  /** Told about problems that did not stop the fetch (a declared charset that did not fit the bytes). */
  onWarning?: (message: string) => void;
  /** Extra request headers, e.g. If-None-Match / If-Modified-Since for a conditional feed poll. */
  headers?: Record<string, string>;
}

export interface FetchResult {
  finalUrl: string;
  /** Media type without parameters, e.g. "text/html" ("" when the server sent none). */
  contentType: string;
  /** The encoding the body was decoded with. */
  charset: string;
  body: string;
  bytes: number;
  /** HTTP status of the final answer. */
  status?: number;
  /** True on a 304 answer to a conditional request: nothing changed, the body is empty. */
  notModified?: boolean;
  /** Validators to send back next time (ETag / Last-Modified response headers). */
  etag?: string;
  lastModified?: string;
}

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_BYTES = 5_000_000;
export const DEFAULT_MAX_REDIRECTS = 5;
const DEFAULT_ACCEPT = 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5';
// Some CDNs refuse obviously scripted clients; a browser-like token with our name is the usual compromise.
const USER_AGENT = `Mozilla/5.0 (compatible; threat-briefings/${VERSION})`;

/** Media types we read. Anything else (images, PDF, archives, octet-stream…) is refused before the body is read. */
export function isTextualMediaType(type: string): boolean {
  if (!type) return true; // no header: decided by sniffing the bytes
  if (type.startsWith('text/')) return true;
  return /^application\/(?:xhtml\+xml|xml|rss\+xml|atom\+xml|rdf\+xml|feed\+json|json|ld\+json|markdown|x-markdown)$/.test(type)
    || /\+(?:xml|json)$/.test(type);
}

/** "5 MB", "1.5 MB", "800 KB" for messages. */
export function formatBytes(n: number): string {
  if (n >= 1_000_000) return `${Number((n / 1_000_000).toFixed(1))} MB`;
  if (n >= 1000) return `${Math.round(n / 1000)} KB`;
  return `${n} bytes`;
}

function checkUrl(raw: string, from?: string): URL {
  let url: URL;
  try {
    url = from ? new URL(raw, from) : new URL(raw);
  } catch {
    throw new FetchError('bad-url', from ? `Server at ${from} redirected to an invalid URL: ${raw}` : `Not a valid URL: ${raw}`, raw);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    const what = from ? `Server at ${from} redirected to ${url.href}` : `Cannot fetch ${url.href}`;
    throw new FetchError('bad-url', `${what}: only http and https URLs are fetched`, url.href);
  }
  return url;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
const CONNECT_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  EPIPE: 'connection closed',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed by the server',
  UND_ERR_HEADERS_OVERFLOW: 'response headers too large',
};

/** A network failure (from node:http, or undici's TypeError('fetch failed') with the reason in `cause`) in words. */
function networkError(err: unknown, url: URL, encoding?: string): FetchError {
  const e = err as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e.code ?? e.cause?.code ?? '';
  const detail = e.cause?.message ?? e.message ?? String(err);
  if (DNS_CODES.has(code)) {
    return new FetchError('dns', `Could not resolve host ${url.hostname} (DNS lookup failed) for ${url.href}`, url.href, undefined, { cause: err });
  }
  if (/^Z_|zlib|incorrect header check|invalid (?:block type|distance|stored block)|unexpected end of file|Decompression failed/i.test(code + ' ' + detail)) {
    return new FetchError('bad-encoding', `The server sent a corrupt ${encoding ?? 'compressed'} body for ${url.href} (${detail})`, url.href, undefined, { cause: err });
  }
  const why = CONNECT_WORDS[code] ?? (/cert|ssl|tls/i.test(code + detail) ? `TLS error: ${detail}` : detail);
  return new FetchError('connect', `Could not connect to ${url.host} (${why}) for ${url.href}`, url.href, undefined, { cause: err });
}

interface Target {
  address: string;
  family: 4 | 6;
}

/** Resolves the host and checks every address it has; the connection is then made to the first one. */
async function resolveChecked(url: URL, opts: FetchOptions): Promise<Target> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addrs: Target[];
  const literal = isIP(host);
  if (literal) {
    addrs = [{ address: host, family: literal as 4 | 6 }];
  } else {
    try {
      addrs = (await dns.lookup(host, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family as 4 | 6 }));
    } catch (err) {
      throw networkError(err, url);
    }
    if (!addrs.length) throw new FetchError('dns', `Could not resolve host ${url.hostname} (DNS lookup failed) for ${url.href}`, url.href);
  }
  if (!opts.allowPrivate) {
    for (const a of addrs) {
      const kind = addressKind(a.address);
      if (kind && !opts.allowAddress?.(a.address)) {
        const named = literal ? a.address : `${url.hostname} (${a.address})`;
        const article = /^[aeiou]/.test(kind) ? 'an' : 'a';
        throw new FetchError('refused', `refused: ${named} is ${article} ${kind} address; ${opts.allowPrivateHint ?? 'pass --allow-private to fetch it'}`, url.href);
      }
    }
  }
  return addrs[0];
}

/** One GET to the checked address; resolves with the response head, the body still unread. */
function get(url: URL, target: Target, headers: Record<string, string>, signal: AbortSignal): Promise<http.IncomingMessage> {
  const mod = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = mod.request(url, {
      method: 'GET',
      headers,
      signal,
      agent: false, // one connection per request: nothing keeps the CLI alive after the fetch
      // Pins the connection to the address that was checked (with TLS still verifying the host name).
      lookup: ((_host: string, o: { all?: boolean }, cb: (...args: unknown[]) => void) => {
        if (o?.all) cb(null, [{ address: target.address, family: target.family }]);
        else cb(null, target.address, target.family);
      }) as unknown as http.RequestOptions['lookup'],
    });
    req.on('response', resolve);
    req.on('error', reject);
    req.end();
  });
}

/** The response body, decompressed per Content-Encoding. */
function bodyStream(res: http.IncomingMessage): Readable {
  const enc = (res.headers['content-encoding'] ?? '').toLowerCase().trim();
  const z = enc === 'gzip' || enc === 'x-gzip' ? zlib.createGunzip()
    : enc === 'deflate' ? zlib.createInflate()
      : enc === 'br' ? zlib.createBrotliDecompress() : undefined;
  if (!z) return res;
  res.on('error', (e) => z.destroy(e));
  return res.pipe(z);
}

/**
 * Fetches a text document. Rejects with a FetchError on every failure; never returns a partial body.
 */
export async function fetchUrl(url: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  let current = checkUrl(url);

  // One controller for the whole exchange: the caller's signal and our timer both abort it, and we remember which.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = (): void => controller.abort();
  if (opts.signal?.aborted) controller.abort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });

  const interrupted = (err?: unknown): FetchError | undefined => {
    if (timedOut) {
      return new FetchError('timeout', `Timed out after ${Math.round(timeoutMs / 100) / 10} s waiting for ${current.href}`, current.href, undefined, { cause: err });
    }
    if (opts.signal?.aborted) return new FetchError('aborted', `Fetching ${current.href} was cancelled`, current.href, undefined, { cause: err });
    return undefined;
  };
  // Caller headers (conditional-request validators) first: ours for accept, agent and encoding always win.
  const headers = { ...opts.headers, accept: opts.accept ?? DEFAULT_ACCEPT, 'user-agent': USER_AGENT, 'accept-encoding': 'gzip, deflate, br' };

  let res: http.IncomingMessage | undefined;
  try {
    for (let hop = 0; ; hop++) {
      if (controller.signal.aborted) throw interrupted();
      const target = await resolveChecked(current, opts);
      if (controller.signal.aborted) throw interrupted();
      try {
        res = await get(current, target, headers, controller.signal);
      } catch (err) {
        throw interrupted(err) ?? networkError(err, current);
      }
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (status >= 300 && status < 400 && location != null) {
        res.resume();
        if (hop >= maxRedirects) {
          throw new FetchError('too-many-redirects', `Too many redirects (more than ${maxRedirects}) starting from ${url}`, current.href);
        }
        current = checkUrl(location, current.href);
        continue;
      }
      break;
    }
    const status = res.statusCode ?? 0;
    const header = (name: string): string | undefined => {
      const v = res!.headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    const validators = {
      ...(header('etag') ? { etag: header('etag') as string } : {}),
      ...(header('last-modified') ? { lastModified: header('last-modified') as string } : {}),
    };
    // A conditional request answered "not modified" is a result, not an error: the caller keeps what it has.
    if (status === 304) {
      res.resume();
      return { finalUrl: current.href, contentType: '', charset: '', body: '', bytes: 0, status: 304, notModified: true, ...validators };
    }
    if (status < 200 || status > 299) {
      const text = res.statusMessage || http.STATUS_CODES[status] || '';
      throw new FetchError('http-status', `Server answered ${status}${text ? ` ${text}` : ''} for ${current.href}`, current.href, status);
    }

    const rawType = res.headers['content-type'] ?? null;
    const type = mediaType(rawType);
    if (!isTextualMediaType(type)) {
      throw new FetchError('not-text', `${current.href} is not a text page (content type ${type}); only HTML, feeds and text can be read`, current.href);
    }
    const tooLarge = (): FetchError => new FetchError('too-large', `Page is larger than the ${formatBytes(maxBytes)} limit: ${current.href}`, current.href);
    const declaredLength = Number(res.headers['content-length']);
    const encoding = res.headers['content-encoding'];
    // Content-Length counts the compressed body; only trust it to refuse early, never to accept.
    if (Number.isFinite(declaredLength) && declaredLength > maxBytes && !encoding) throw tooLarge();

    const chunks: Uint8Array[] = [];
    let bytes = 0;
    const encodingName = encoding?.trim().toLowerCase().replace(/^x-gzip$/, 'gzip');
    try {
      for await (const chunk of bodyStream(res)) {
        const value = chunk as Buffer;
        bytes += value.byteLength;
        if (bytes > maxBytes) throw tooLarge();
        chunks.push(value);
      }
    } catch (err) {
      if (err instanceof FetchError) throw err;
      throw interrupted(err) ?? networkError(err, current, encodingName);
    }
    const data = concat(chunks, bytes);
    const declared = charsetFromContentType(rawType);
    if (looksBinary(data, declared)) {
      throw new FetchError('not-text', `${current.href} looks like a binary file, not a text page`, current.href);
    }
    const kind = /html/.test(type) || (!type && /^\s*</.test(new TextDecoder().decode(data.subarray(0, 64)))) ? 'html'
      : /xml|rss|atom/.test(type) ? 'xml' : 'text';
    const { text, charset, warning } = decodeBytes(data, declared, kind);
    if (warning) opts.onWarning?.(`${current.href}: ${warning}`);
    return { finalUrl: current.href, contentType: type, charset, body: text, bytes, status, ...validators };
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
    // Drops the connection of a response we did not read to the end (refused, too large, not text…).
    if (res && !res.complete) res.destroy();
  }
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
