// RSS 2.0 / RSS 1.0 / Atom → entries, with the entry HTML run through the same cleaner as pages and with
// boilerplate repeated across entries ("The post … appeared first on …", newsletter footers) removed.
// Full-text fetching of entry links is left to the caller: fetchUrl(entry.link) + htmlToArticle.
import { load } from 'cheerio';
import Parser from 'rss-parser';
import type { Article } from '../model';
import { parseDate } from './dates';
import { htmlFragmentToText } from './html';
import { collapseWhitespace, decodeEntities } from './normalize';
import { siteOfUrl } from '../text/hosts';

export interface FeedEntry {
  title: string;
  link?: string;
  /** YYYY-MM-DD as written in the feed (the publisher's day, not converted to UTC). */
  published?: string;
  author?: string;
  categories: string[];
  /** content:encoded when present, else content / summary / description. */
  html: string;
  /** `html` as clean text (after boilerplate stripping when that ran). */
  text: string;
  guid?: string;
  /** What was dropped from the entry and why (e.g. a link of another scheme than http(s)). */
  notes?: string[];
}

/** An entry that could not be read; the other entries still are. */
export interface FeedEntryError {
  /** 0-based position in the feed. */
  index: number;
  title: string;
  message: string;
}

/** The entries (an array, as before) that also carry the feed's own title and link. */
export type ParsedFeed = FeedEntry[] & { title: string; link?: string; entries: FeedEntry[]; errors: FeedEntryError[] };

export class FeedError extends Error {
  override readonly name = 'FeedError';
}

export interface FeedOptions {
  /** Remove blocks repeated across entries. Default true. */
  stripBoilerplate?: boolean;
}

type RawItem = Parser.Item & Record<string, unknown>;

const parser = new Parser<Record<string, unknown>, Record<string, unknown>>({
  customFields: {
    // Raw values: rss-parser converts Atom dates to UTC ISO strings (shifting the day) and drops Atom categories.
    item: [['published', 'atomPublished'], ['updated', 'atomUpdated'], ['category', 'rawCategory', { keepArray: true }], ['dc:subject', 'dcSubject', { keepArray: true }]],
  },
});

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o._ === 'string') return o._;
    if (o.name !== undefined) return str(o.name);
  }
  return undefined;
}

function categoriesOf(item: RawItem): string[] {
  const raw = [...((item.rawCategory as unknown[]) ?? []), ...((item.dcSubject as unknown[]) ?? [])];
  const out: string[] = [];
  for (const c of raw.length ? raw : (item.categories ?? [])) {
    const o = c as { $?: { term?: string; label?: string }; _?: string } | string;
    const v = typeof o === 'string' ? o : o._ ?? o.$?.label ?? o.$?.term;
    const t = v ? collapseWhitespace(decodeEntities(v)) : '';
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}

function friendlyXmlError(e: unknown): FeedError {
  const msg = (e as Error).message ?? String(e);
  if (/not recognized as RSS/i.test(msg)) return new FeedError('This document is not an RSS or Atom feed (no <rss>, <rdf:RDF> or <feed> root element).');
  const where = /Line:\s*(\d+)\s*Column:\s*(\d+)/i.exec(msg);
  const first = msg.split('\n')[0];
  return new FeedError(`The feed is not well-formed XML: ${first}${where ? ` (line ${Number(where[1]) + 1}, column ${where[2]})` : ''}.`);
}

/** Parses a feed document. Rejects with a FeedError that says what is wrong when it is not a readable feed. */
export async function parseFeed(xml: string, opts: FeedOptions = {}): Promise<ParsedFeed> {
  const src = xml.replace(/^\ufeff/, '').trimStart();
  if (!src) throw new FeedError('The feed is empty.');
  let out: Parser.Output<Record<string, unknown>>;
  try {
    out = await parser.parseString(src);
  } catch (e) {
    throw friendlyXmlError(e);
  }
  const feedLink = typeof out.link === 'string' ? out.link : undefined;
  const errors: FeedEntryError[] = [];
  // One entry that cannot be read (markup no parser copes with, a value of the wrong shape) is reported, and
  // the others are still read.
  let entries = (out.items as RawItem[]).flatMap((item, index): FeedEntry[] => {
    try {
      return [readEntry(item, feedLink)];
    } catch (e) {
      errors.push({ index, title: plainTextSafe(str(item.title) ?? ''), message: (e as Error).message ?? String(e) });
      return [];
    }
  });
  if (opts.stripBoilerplate ?? true) entries = stripFeedBoilerplate(entries);
  const title = plainText(str(out.title) ?? '');
  return Object.assign([...entries], { title, link: feedLink, entries, errors });
}

/**
 * An entry's link as an absolute http(s) URL (relative links resolved against the feed's), or why it was
 * dropped: a feed is untrusted, and javascript:, data: or file: links must never become the article URL.
 */
export function entryLink(raw: string | undefined, feedLink: string | undefined): { link?: string; note?: string } {
  const v = raw?.trim();
  if (!v) return {};
  let u: URL;
  let absolute = true;
  try {
    u = new URL(v);
  } catch {
    absolute = false;
    try {
      u = new URL(v, feedLink && /^https?:/i.test(feedLink) ? feedLink : undefined);
    } catch {
      return { note: `link dropped: not a valid URL (${v.slice(0, 80)})` };
    }
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { note: `link dropped: only http and https links are kept (${u.protocol} link)` };
  return { link: absolute ? v : u.href };
}

function plainTextSafe(s: string): string {
  try {
    return plainText(s);
  } catch {
    return s.slice(0, 120);
  }
}

function readEntry(item: RawItem, feedLink: string | undefined): FeedEntry {
  const { link, note } = entryLink(str(item.link), feedLink);
  const html = str(item['content:encoded']) ?? str(item.content) ?? str(item.summary) ?? '';
  const published = parseDate(str(item.atomPublished)) ?? parseDate(item.pubDate) ?? parseDate(str(item['dc:date']))
    ?? parseDate(str(item.atomUpdated)) ?? parseDate(item.isoDate);
  const author = str(item.creator) ?? str(item.author) ?? str(item['dc:creator']);
  return {
    title: plainText(str(item.title) ?? ''),
    link,
    published,
    author: author ? collapseWhitespace(decodeEntities(author)) : undefined,
    categories: categoriesOf(item),
    html,
    text: htmlFragmentToText(html, { url: link ?? feedLink }),
    guid: str(item.guid) ?? str(item.id) ?? link,
    ...(note ? { notes: [note] } : {}),
  };
}

/** Titles are text, but Atom type="html" titles (and sloppy RSS) carry markup and entities escaped twice. */
function plainText(s: string): string {
  if (/<[a-z][^>]*>/i.test(s)) return collapseWhitespace(load(`<body>${s}</body>`)('body').text());
  return collapseWhitespace(decodeEntities(s));
}

// ---- Boilerplate ---------------------------------------------------------------------------------------------

// WordPress' default footer names the entry, so it differs per entry; recognised even in a one-entry feed.
const APPEARED_FIRST = /^The post .+ appeared first on .+$/i;

function blocksOf(text: string): string[] {
  return text.split(/\n{2,}/);
}

/** A repeated block or line compared without the entry's own title and link (which footers often include). */
function key(s: string, e: FeedEntry): string {
  let k = collapseWhitespace(s).toLowerCase();
  for (const v of [e.title, e.link]) if (v && v.length > 3) k = k.split(v.toLowerCase()).join('\u0001');
  return k;
}

/**
 * Removes blocks (paragraphs) and long lines that occur in two or more entries of the same feed: they are the
 * publisher's footer, not the article. Short repeated lines (headings such as "Indicators of Compromise",
 * table header rows) stay: they are structure every post has.
 */
export function stripFeedBoilerplate<T extends FeedEntry>(entries: T[]): T[] {
  const blockSeen = new Map<string, Set<number>>();
  const lineSeen = new Map<string, Set<number>>();
  const note = (m: Map<string, Set<number>>, k: string, i: number): void => {
    if (!m.has(k)) m.set(k, new Set());
    (m.get(k) as Set<number>).add(i);
  };
  entries.forEach((e, i) => {
    for (const b of blocksOf(e.text)) {
      if (isBoilerplateCandidate(b)) note(blockSeen, key(b, e), i);
      for (const l of b.split('\n')) if (isBoilerplateCandidate(l)) note(lineSeen, key(l, e), i);
    }
  });
  const repeated = (m: Map<string, Set<number>>, k: string): boolean => (m.get(k)?.size ?? 0) >= 2;
  return entries.map((e) => {
    const kept: string[] = [];
    for (const b of blocksOf(e.text)) {
      if (isBoilerplateCandidate(b) && repeated(blockSeen, key(b, e))) continue;
      const lines = b.split('\n').filter((l) => !APPEARED_FIRST.test(l.trim()) && !(isBoilerplateCandidate(l) && repeated(lineSeen, key(l, e))));
      if (lines.some((l) => l.trim())) kept.push(lines.join('\n'));
    }
    return { ...e, text: kept.join('\n\n') };
  });
}

/**
 * What may count as boilerplate when repeated: several lines (a footer block), or one line of real prose.
 * Headings ("Indicators of Compromise"), table rows and short labels are structure shared by many posts.
 */
function isBoilerplateCandidate(block: string): boolean {
  const lines = block.split('\n').filter((l) => l.trim());
  if (lines.length >= 2) return collapseWhitespace(block).length >= 20;
  const t = lines[0]?.trim() ?? '';
  if (t.length < 30 || t.includes(' | ')) return false;
  const words = t.split(/\s+/).length;
  return words >= 8 || (words >= 5 && /[.!?:)]$/.test(t));
}

// ---- Entry → Article -----------------------------------------------------------------------------------------

export function feedEntryToArticle(entry: FeedEntry, feedTitle?: string): Article {
  let source = feedTitle?.trim() ?? '';
  if (!source && entry.link) source = siteOfUrl(entry.link) ?? '';
  return {
    title: entry.title || entry.text.split('\n')[0]?.slice(0, 120) || '',
    source,
    published: entry.published,
    url: entry.link,
    author: entry.author,
    text: entry.text,
    format: 'feed-entry',
  };
}
