// One entry point for "give me the article": a URL (fetched), a file, or content the caller already has
// (stdin, clipboard, editor). Overrides given by the user win over what was extracted.
import { promises as fsp } from 'node:fs';
import type { Article } from '../model';
import { parseDate } from './dates';
import { decodeBytes, looksBinary } from './decode';
import { DEFAULT_MAX_BYTES, fetchUrl, FetchError, formatBytes, type FetchOptions } from './fetch';
import { htmlToArticle } from './html';
import { detectFormat, textToArticle } from './text';
import { siteOfUrl } from '../text/hosts';

export interface Overrides {
  title?: string;
  source?: string;
  /** YYYY-MM-DD (other full-date forms are normalised). */
  published?: string;
  url?: string;
}

export interface LoadOptions extends Overrides {
  fetch?: FetchOptions;
}

export interface ContentOptions extends Overrides {
  /** Name of the file the content came from: its extension picks HTML/Markdown/text. */
  fileName?: string;
  format?: 'html' | 'text' | 'markdown';
}

export type ArticleErrorCode = 'not-found' | 'not-a-file' | 'too-large' | 'binary' | 'unreadable' | 'empty' | 'is-feed' | 'bad-date';

export class ArticleError extends Error {
  override readonly name = 'ArticleError';
  constructor(readonly code: ArticleErrorCode, message: string) {
    super(message);
  }
}

const FEED_ROOT = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:rss|feed|rdf:RDF)\b/i;

/** Applies the user's overrides; an invalid --published is an error, not silently ignored. */
function withOverrides(a: Article, o: Overrides): Article {
  const out = { ...a };
  if (o.title?.trim()) out.title = o.title.trim();
  if (o.source?.trim()) out.source = o.source.trim();
  if (o.url?.trim()) out.url = o.url.trim();
  if (o.published?.trim()) {
    const d = parseDate(o.published);
    if (!d) throw new ArticleError('bad-date', `Published date must be YYYY-MM-DD, got "${o.published}"`);
    out.published = d;
  }
  if (!out.source && out.url) out.source = siteOfUrl(out.url) ?? '';
  return out;
}

function requireText(a: Article, what: string): Article {
  if (!a.text.trim()) throw new ArticleError('empty', `No article text found in ${what}`);
  return a;
}

/** Content already in hand (stdin, clipboard, an open editor) → Article. Synchronous. */
export function articleFromContent(content: string, opts: ContentOptions = {}): Article {
  const format = opts.format ?? detectFormat(content, opts.fileName);
  const what = opts.fileName ?? 'the given text';
  if (format === 'html') {
    if (FEED_ROOT.test(content.slice(0, 2000))) {
      throw new ArticleError('is-feed', `${what} is an RSS/Atom feed, not an article: read it as a feed instead`);
    }
    return requireText(withOverrides(htmlToArticle(content, { url: opts.url }), opts), what);
  }
  return requireText(withOverrides(textToArticle(content, { url: opts.url, format }), opts), what);
}

/** A http(s) URL or a file path → Article. ('-' for stdin is the caller's: read it and use articleFromContent.) */
export async function loadArticle(input: string, opts: LoadOptions = {}): Promise<Article> {
  const src = input.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(src)) {
    // Any scheme goes to fetchUrl, which refuses what is not http(s) with a clear message.
    const res = await fetchUrl(src, opts.fetch);
    const type = res.contentType;
    const format = /html/.test(type) ? 'html'
      : /markdown/.test(type) ? 'markdown'
        : /xml|rss|atom/.test(type) ? 'html' // XHTML served as XML; real feeds are refused below
          : /^\s*</.test(res.body) ? 'html' : 'text';
    if (format === 'html' && FEED_ROOT.test(res.body.slice(0, 2000))) {
      throw new ArticleError('is-feed', `${res.finalUrl} is an RSS/Atom feed, not an article: read it as a feed instead`);
    }
    const article = format === 'html'
      ? htmlToArticle(res.body, { url: res.finalUrl })
      : textToArticle(res.body, { url: res.finalUrl, format });
    return requireText(withOverrides({ ...article, url: article.url ?? res.finalUrl }, opts), res.finalUrl);
  }
  return articleFromContent(await readTextFile(src, opts.fetch?.maxBytes ?? DEFAULT_MAX_BYTES), { ...opts, fileName: src });
}

/** Reads a local file as text, refusing directories, binary files and files over the size limit. */
export async function readTextFile(path: string, maxBytes: number = DEFAULT_MAX_BYTES): Promise<string> {
  let stat;
  try {
    stat = await fsp.stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      const hint = /^[\w-]+(?:\.[\w-]+)+(?:\/|$)/.test(path) ? ' (for a web page, give the full URL starting with https://)' : '';
      throw new ArticleError('not-found', `File not found: ${path}${hint}`);
    }
    throw new ArticleError('unreadable', `Cannot read ${path}: ${(e as Error).message}`);
  }
  if (!stat.isFile()) throw new ArticleError('not-a-file', `${path} is not a file`);
  if (stat.size > maxBytes) throw new ArticleError('too-large', `File ${path} is larger than the ${formatBytes(maxBytes)} limit`);
  let bytes: Buffer;
  try {
    bytes = await fsp.readFile(path);
  } catch (e) {
    throw new ArticleError('unreadable', `Cannot read ${path}: ${(e as Error).message}`);
  }
  if (looksBinary(bytes)) throw new ArticleError('binary', `${path} looks like a binary file, not an article (HTML, Markdown or text)`);
  const isHtml = /\.(?:html?|xhtml)$/i.test(path) || /^\s*</.test(bytes.subarray(0, 64).toString('latin1'));
  return decodeBytes(bytes, undefined, isHtml ? 'html' : 'text').text;
}

export { FetchError };
export type { FetchOptions };
