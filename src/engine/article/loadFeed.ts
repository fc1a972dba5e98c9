// One way to read a feed, for the CLI, the extension and the tests: fetch (or take) the XML, parse it, drop the
// boilerplate its entries share, and turn each entry into an Article. Full-text fetching of an entry is separate
// (fullTextArticle) so one failing entry page never fails the feed.
import { promises as fsp } from 'node:fs';
import type { Article } from '../model';
import { feedEntryToArticle, FeedEntry, FeedEntryError, parseFeed, stripFeedBoilerplate } from './feed';
import { fetchUrl, FetchOptions } from './fetch';
import { htmlToArticle } from './html';
import { ArticleError } from './load';

export const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/xml, text/xml;q=0.9, */*;q=0.5';

/** A feed URL or file path, or XML the caller already read (e.g. through the editor's file system). */
export type FeedSource = string | { xml: string };

export interface FeedItem {
  entry: FeedEntry;
  article: Article;
}

export interface LoadedFeed {
  title: string;
  link?: string;
  items: FeedItem[];
  /** Entries that could not be read (the others are in `items`). */
  errors: FeedEntryError[];
}

export interface LoadFeedOptions {
  fetch?: FetchOptions;
  /** Only entries published on or after this day (YYYY-MM-DD). */
  since?: string;
}

async function feedXml(src: FeedSource, fetch?: FetchOptions): Promise<string> {
  if (typeof src !== 'string') return src.xml;
  if (/^https?:\/\//i.test(src)) return (await fetchUrl(src, { ...fetch, accept: FEED_ACCEPT })).body;
  try {
    return await fsp.readFile(src, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ArticleError(code === 'ENOENT' ? 'not-found' : 'unreadable', `Cannot read ${src}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
}

export async function loadFeed(src: FeedSource, opts: LoadFeedOptions = {}): Promise<LoadedFeed> {
  const feed = await parseFeed(await feedXml(src, opts.fetch));
  const entries = stripFeedBoilerplate(feed.entries).filter((e) => !opts.since || (e.published ?? '') >= opts.since);
  return { title: feed.title, ...(feed.link ? { link: feed.link } : {}), items: entries.map((entry) => ({ entry, article: feedEntryToArticle(entry, feed.title) })), errors: feed.errors };
}

/**
 * The entry's own page, when the feed carries only a summary; the feed's metadata still wins. `fetcher` lets a
 * caller that injects its fetch (feed polling, tests) use it here too.
 */
export async function fullTextArticle(item: FeedItem, fetch?: FetchOptions, fetcher: typeof fetchUrl = fetchUrl): Promise<Article> {
  if (!item.entry.link) return item.article;
  const page = await fetcher(item.entry.link, fetch);
  const full = htmlToArticle(page.body, { url: page.finalUrl });
  return { ...item.article, text: full.text.length > item.article.text.length ? full.text : item.article.text };
}
