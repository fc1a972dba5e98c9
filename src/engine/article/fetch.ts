// Bounded URL fetch for articles and feeds: http(s) only on every hop, counted redirects, an overall timeout,
// a streamed size cap (a huge body is never buffered), text-only content, correct charset decoding, and errors
// a user can act on.
import { STATUS_CODES } from 'node:http';
import { VERSION } from '../version';
import { charsetFromContentType, decodeBytes, looksBinary, mediaType } from './decode';

export type FetchErrorCode =
  | 'dns' | 'connect' | 'timeout' | 'http-status' | 'too-large' | 'not-text' | 'bad-url' | 'too-many-redirects' | 'aborted';

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

/** Node's fetch reports every network failure as TypeError('fetch failed') with the real reason in `cause`. */
function networkError(err: unknown, url: URL): FetchError {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? '';
  const detail = cause?.message ?? (err as Error).message ?? String(err);
  if (DNS_CODES.has(code)) {
    return new FetchError('dns', `Could not resolve host ${url.hostname} (DNS lookup failed) for ${url.href}`, url.href, undefined, { cause: err });
  }
  if (/bad port/i.test(detail)) {
    return new FetchError('bad-url', `Cannot fetch ${url.href}: port ${url.port} is blocked for web requests`, url.href, undefined, { cause: err });
  }
  const why = CONNECT_WORDS[code] ?? (/cert|ssl|tls/i.test(code + detail) ? `TLS error: ${detail}` : detail);
  return new FetchError('connect', `Could not connect to ${url.host} (${why}) for ${url.href}`, url.href, undefined, { cause: err });
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

  try {
    let res: Response;
    for (let hop = 0; ; hop++) {
      if (controller.signal.aborted) throw interrupted();
      try {
        res = await fetch(current, {
          redirect: 'manual',
          signal: controller.signal,
          headers: { ...opts.headers, accept: opts.accept ?? DEFAULT_ACCEPT, 'user-agent': USER_AGENT },
        });
      } catch (err) {
        throw interrupted(err) ?? networkError(err, current);
      }
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location != null) {
        await res.body?.cancel().catch(() => undefined);
        if (hop >= maxRedirects) {
          throw new FetchError('too-many-redirects', `Too many redirects (more than ${maxRedirects}) starting from ${url}`, current.href);
        }
        current = checkUrl(location, current.href);
        continue;
      }
      break;
    }

    const validators = {
      ...(res.headers.get('etag') ? { etag: res.headers.get('etag') as string } : {}),
      ...(res.headers.get('last-modified') ? { lastModified: res.headers.get('last-modified') as string } : {}),
    };
    // A conditional request answered "not modified" is a result, not an error: the caller keeps what it has.
    if (res.status === 304) {
      await res.body?.cancel().catch(() => undefined);
      return { finalUrl: current.href, contentType: '', charset: '', body: '', bytes: 0, status: 304, notModified: true, ...validators };
    }
    if (res.status < 200 || res.status > 299) {
      await res.body?.cancel().catch(() => undefined);
      const text = res.statusText || STATUS_CODES[res.status] || '';
      throw new FetchError('http-status', `Server answered ${res.status}${text ? ` ${text}` : ''} for ${current.href}`, current.href, res.status);
    }

    const rawType = res.headers.get('content-type');
    const type = mediaType(rawType);
    if (!isTextualMediaType(type)) {
      await res.body?.cancel().catch(() => undefined);
      throw new FetchError('not-text', `${current.href} is not a text page (content type ${type}); only HTML, feeds and text can be read`, current.href);
    }
    const tooLarge = (): FetchError => new FetchError('too-large', `Page is larger than the ${formatBytes(maxBytes)} limit: ${current.href}`, current.href);
    const declaredLength = Number(res.headers.get('content-length'));
    // Content-Length counts the compressed body; only trust it to refuse early, never to accept.
    if (Number.isFinite(declaredLength) && declaredLength > maxBytes && !res.headers.get('content-encoding')) {
      await res.body?.cancel().catch(() => undefined);
      throw tooLarge();
    }

    const chunks: Uint8Array[] = [];
    let bytes = 0;
    if (res.body) {
      const reader = res.body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          bytes += value.byteLength;
          if (bytes > maxBytes) {
            // Stop the transfer now: cancelling the reader and the request drops the connection.
            await reader.cancel().catch(() => undefined);
            controller.abort();
            throw tooLarge();
          }
          chunks.push(value);
        }
      } catch (err) {
        if (err instanceof FetchError) throw err;
        throw interrupted(err) ?? networkError(err, current);
      }
    }
    const data = concat(chunks, bytes);
    const declared = charsetFromContentType(rawType);
    if (looksBinary(data, declared)) {
      throw new FetchError('not-text', `${current.href} looks like a binary file, not a text page`, current.href);
    }
    const kind = /html/.test(type) || (!type && /^\s*</.test(new TextDecoder().decode(data.subarray(0, 64)))) ? 'html'
      : /xml|rss|atom/.test(type) ? 'xml' : 'text';
    const { text, charset } = decodeBytes(data, declared, kind);
    return { finalUrl: current.href, contentType: type, charset, body: text, bytes, status: res.status, ...validators };
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
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
