// Feed subscriptions that poll: the composition of feed loading (article), briefing and the store, like brief.ts.
// Everything with a side effect (fetching, briefing, writing) is injected, so the CLI runs it on Node, the extension
// on its worker thread and workspace.fs, and the tests against a local server.
import type { Article, Briefing, Severity } from './model';
import { SEVERITIES } from './model';
import { fetchUrl, FetchOptions, FetchResult } from './article/fetch';
import { FEED_ACCEPT, FeedItem, fullTextArticle, loadFeed, LoadedFeed } from './article/loadFeed';
import { emptyFeedState, entryKey, FeedState, readFeedStates, saveFeedState } from './store/feedState';
import type { StoreFs } from './store/fs';
import type { WriteResult } from './store/store';
import type { BriefResult } from './brief';
import { plural } from './text/plural';

export type EntryStatus = 'written' | 'duplicate' | 'edited' | 'below-threshold' | 'failed';

export interface EntryOutcome {
  key: string;
  title: string;
  link?: string;
  status: EntryStatus;
  severity?: Severity;
  /** The Markdown written (status 'written') or the briefing that already holds this article ('duplicate'). */
  markdownPath?: string;
  error?: string;
}

export interface FeedRefresh {
  url: string;
  /** 'unchanged': the server answered 304, nothing was fetched or briefed. */
  status: 'unchanged' | 'checked' | 'failed';
  title?: string;
  /** Only the entries not seen before, in feed order. */
  entries: EntryOutcome[];
  error?: string;
  /** The state to store for this feed. */
  state: FeedState;
}

export interface RefreshFeedOptions {
  /** What is known from earlier polls; undefined for a new subscription. */
  state?: FeedState;
  /** Fetches the feed and (with fullText) entry pages. Default fetchUrl. */
  fetch?: (url: string, opts?: FetchOptions) => Promise<FetchResult>;
  fetchOptions?: FetchOptions;
  /** Only entries published on or after this day (YYYY-MM-DD). */
  since?: string;
  /** Fetch each entry's own page when the feed carries only a summary. */
  fullText?: boolean;
  /** Briefings below this are remembered as seen but not written. */
  minSeverity?: Severity;
  brief: (article: Article) => Promise<BriefResult>;
  write: (brief: BriefResult) => Promise<WriteResult>;
  /** The clock, for lastChecked. */
  now?: () => Date;
  /** Told what was changed in an entry while reading it (e.g. a javascript: link dropped). */
  onNote?: (entryTitle: string, note: string) => void;
}

export function atLeast(severity: Severity, min: Severity | undefined): boolean {
  return !min || SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(min);
}

function isUrl(src: string): boolean {
  return /^https?:\/\//i.test(src);
}

function conditionalHeaders(state: FeedState): Record<string, string> {
  return {
    ...(state.etag ? { 'if-none-match': state.etag } : {}),
    ...(state.lastModified ? { 'if-modified-since': state.lastModified } : {}),
  };
}

async function briefEntry(item: FeedItem, opts: RefreshFeedOptions, fetchFn: NonNullable<RefreshFeedOptions['fetch']>): Promise<Omit<EntryOutcome, 'key' | 'title' | 'link'>> {
  let article = item.article;
  if (opts.fullText && item.entry.link) {
    article = await fullTextArticle(item, opts.fetchOptions, fetchFn);
  }
  const result = await opts.brief(article);
  const b: Briefing = result.briefing;
  if (!atLeast(b.severity, opts.minSeverity)) return { status: 'below-threshold', severity: b.severity };
  const w = await opts.write(result);
  if (w.status === 'written') return { status: 'written', severity: b.severity, markdownPath: w.markdownPath };
  if (w.status === 'duplicate') return { status: 'duplicate', severity: b.severity, markdownPath: w.existing.markdownPath };
  return { status: 'edited', severity: b.severity, markdownPath: w.markdownPath };
}

/**
 * Polls one feed: a conditional request (If-None-Match / If-Modified-Since); on 304 nothing is parsed or briefed.
 * Otherwise each entry not seen before is briefed and written; one entry failing is reported and the rest go on.
 * Entries the store already holds, or below the minimum severity, are remembered as seen.
 */
export async function refreshFeed(url: string, opts: RefreshFeedOptions): Promise<FeedRefresh> {
  const prev = opts.state ?? emptyFeedState(url);
  const now = (opts.now ?? (() => new Date()))().toISOString();
  const fetchFn = opts.fetch ?? fetchUrl;
  let feed: LoadedFeed;
  let validators: Pick<FeedState, 'etag' | 'lastModified'> = {};
  try {
    if (isUrl(url)) {
      const res = await fetchFn(url, { ...opts.fetchOptions, accept: FEED_ACCEPT, headers: conditionalHeaders(prev) });
      if (res.notModified) {
        return { url, status: 'unchanged', title: prev.title, entries: [], state: { ...prev, lastChecked: now, failures: 0, lastError: undefined } };
      }
      validators = { etag: res.etag, lastModified: res.lastModified };
      feed = await loadFeed({ xml: res.body }, { since: opts.since });
    } else {
      feed = await loadFeed(url, { since: opts.since });
    }
  } catch (e) {
    const error = (e as Error).message ?? String(e);
    return { url, status: 'failed', title: prev.title, entries: [], error, state: { ...prev, lastChecked: now, failures: prev.failures + 1, lastError: error } };
  }

  const seen = new Set(prev.seen);
  const added: string[] = [];
  const entries: EntryOutcome[] = [];
  for (const item of feed.items) {
    const key = entryKey(item.entry);
    if (seen.has(key)) continue;
    seen.add(key);
    const base = { key, title: item.entry.title || item.entry.link || '(untitled)', ...(item.entry.link ? { link: item.entry.link } : {}) };
    for (const note of item.entry.notes ?? []) opts.onNote?.(base.title, note);
    try {
      entries.push({ ...base, ...(await briefEntry(item, opts, fetchFn)) });
      added.push(key);
    } catch (e) {
      // Not remembered: the next full poll tries this entry again.
      entries.push({ ...base, status: 'failed', error: (e as Error).message ?? String(e) });
    }
  }
  // Entries the parser could not read (e.g. hostile markup) are reported; the feed's other entries went on.
  for (const bad of feed.errors) {
    entries.push({ key: `unreadable:${bad.index}`, title: bad.title || `entry ${bad.index + 1}`, status: 'failed', error: bad.message });
  }
  const anyFailed = entries.some((e) => e.status === 'failed');
  const state: FeedState = {
    url,
    ...(feed.title || prev.title ? { title: feed.title || prev.title } : {}),
    // With a failed entry the validators are dropped, so the next poll gets the full feed and retries it.
    ...(anyFailed ? {} : validators),
    lastChecked: now,
    seen: [...prev.seen, ...added],
    failures: 0,
  };
  return { url, status: 'checked', title: state.title, entries, state };
}

export interface RefreshFeedsOptions extends Omit<RefreshFeedOptions, 'state'> {
  /** The briefings folder, where .threat-briefings/feeds.json lives. */
  fs: StoreFs;
  warn?: (message: string) => void;
  /** Called after each feed, e.g. to report progress. */
  onFeed?: (r: FeedRefresh, index: number) => void;
  signal?: AbortSignal;
}

/** Polls several feeds one after another, storing each feed's state as soon as it is done; one failing feed never stops the others. */
export async function refreshFeeds(urls: string[], opts: RefreshFeedsOptions): Promise<FeedRefresh[]> {
  const { fs, warn, onFeed, signal, ...rest } = opts;
  const states = await readFeedStates(fs, warn);
  const results: FeedRefresh[] = [];
  for (const [i, url] of urls.entries()) {
    if (signal?.aborted) break;
    const r = await refreshFeed(url, { ...rest, state: states[url] });
    // A cancelled poll is not a failure of the feed: keep its old state so the next poll starts from there.
    if (signal?.aborted) break;
    await saveFeedState(fs, r.state, warn);
    results.push(r);
    onFeed?.(r, i);
  }
  return results;
}

export { plural } from './text/plural';

/** One line per feed for logs and the CLI: "unchanged (304)", "no new entries", or the counts. */
export function describeRefresh(r: FeedRefresh): string {
  const name = r.title || r.url;
  if (r.status === 'unchanged') return `${name}: unchanged (304)`;
  if (r.status === 'failed') return `${name}: failed: ${r.error}`;
  if (!r.entries.length) return `${name}: no new entries`;
  const count = (s: EntryStatus) => r.entries.filter((e) => e.status === s).length;
  const parts = [`${count('written')} written`, `${count('duplicate') + count('edited')} skipped`, `${count('below-threshold')} below the minimum severity`, `${count('failed')} failed`];
  return `${name}: ${plural(r.entries.length, 'new entry', 'new entries')}: ${parts.join(', ')}`;
}
