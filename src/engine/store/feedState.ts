// What we know about each subscribed feed, kept in <briefings>/.threat-briefings/feeds.json so the CLI, a scheduled
// job and the extension poll the same feeds without re-briefing what another of them already saw.
import { urlKey } from '../text/hosts';
import { StoreFs, tempPathFor } from './fs';
import { META_DIR } from './index';

export const FEED_STATE_PATH = `${META_DIR}/feeds.json`;
/** Entry keys kept per feed: far more than any feed shows at once, small enough to keep the file readable. */
export const MAX_SEEN = 2000;

export interface FeedState {
  url: string;
  title?: string;
  /** Validators from the last full answer, sent back as If-None-Match / If-Modified-Since. */
  etag?: string;
  lastModified?: string;
  /** ISO time of the last poll, whatever its outcome. */
  lastChecked?: string;
  /** Keys of entries already handled (guid, else normalised link, else title), oldest first. */
  seen: string[];
  /** Polls that failed in a row; 0 after a good one. */
  failures: number;
  lastError?: string;
}

export type FeedStates = Record<string, FeedState>;

interface FeedStateFile {
  version: 1;
  feeds: FeedState[];
}

/** The key that recognises an entry across polls: its guid, else its link without scheme/fragment, else its title. */
export function entryKey(entry: { guid?: string; link?: string; title?: string }): string {
  const guid = entry.guid?.trim();
  if (guid) return guid;
  if (entry.link?.trim()) return urlKey(entry.link);
  return `title:${(entry.title ?? '').trim().toLowerCase()}`;
}

export function emptyFeedState(url: string): FeedState {
  return { url, seen: [], failures: 0 };
}

function isFeedState(x: unknown): x is FeedState {
  const s = x as Partial<FeedState> | null;
  return !!s && typeof s === 'object' && typeof s.url === 'string' && Array.isArray(s.seen) && s.seen.every((k) => typeof k === 'string');
}

function parseStates(text: string): FeedStates {
  const parsed = JSON.parse(text) as Partial<FeedStateFile>;
  if (!parsed || typeof parsed !== 'object' || !Array.isArray(parsed.feeds)) throw new Error('no "feeds" list');
  const out: FeedStates = {};
  for (const f of parsed.feeds) {
    if (!isFeedState(f)) throw new Error('a feed entry lacks "url" or "seen"');
    out[f.url] = { ...f, failures: typeof f.failures === 'number' ? f.failures : 0 };
  }
  return out;
}

/**
 * Reads the feed state. A missing file is an empty state; a corrupt one is moved aside (so nothing is lost for a
 * person to look at) and reported through `warn`, and polling starts fresh rather than stopping.
 */
export async function readFeedStates(fs: StoreFs, warn: (message: string) => void = () => undefined): Promise<FeedStates> {
  if (!(await fs.exists(FEED_STATE_PATH))) return {};
  const text = Buffer.from(await fs.readFile(FEED_STATE_PATH)).toString('utf8');
  try {
    return parseStates(text);
  } catch (e) {
    const aside = `${FEED_STATE_PATH}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await fs.rename(FEED_STATE_PATH, aside).catch(() => undefined);
    warn(`${FEED_STATE_PATH} was unreadable (${(e as Error).message}); moved it to ${aside} and started a fresh feed state.`);
    return {};
  }
}

/** Writes the whole state atomically (temp file + rename), feeds sorted by URL so the file diffs cleanly. */
export async function writeFeedStates(fs: StoreFs, states: FeedStates): Promise<void> {
  const feeds = Object.keys(states).sort().map((url) => {
    const s = states[url];
    return { ...s, seen: s.seen.slice(-MAX_SEEN) };
  });
  const body = `${JSON.stringify({ version: 1, feeds } satisfies FeedStateFile, null, 2)}\n`;
  await fs.mkdirp(META_DIR);
  const tmp = tempPathFor(FEED_STATE_PATH);
  await fs.writeFile(tmp, Buffer.from(body, 'utf8'));
  try {
    await fs.rename(tmp, FEED_STATE_PATH);
  } catch (e) {
    await fs.delete(tmp).catch(() => undefined);
    throw e;
  }
}

/**
 * Stores one feed's new state. The file is read again just before writing, so a concurrent poller (the CLI in a
 * terminal while the extension polls) loses at most its view of this one feed, never the others.
 */
export async function saveFeedState(fs: StoreFs, state: FeedState, warn?: (message: string) => void): Promise<void> {
  const all = await readFeedStates(fs, warn);
  all[state.url] = state;
  await writeFeedStates(fs, all);
}
