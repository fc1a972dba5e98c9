import * as path from 'node:path';
import { Command, UsageError } from '../command';
import { checkDate, FETCH_FLAGS, FETCH_USAGE, fetchOptions, parse } from '../args';
import { briefLoaded } from '../../engine/brief';
import { describeRefresh, FeedRefresh, plural, refreshFeeds } from '../../engine/feeds';
import { SEVERITIES, Severity } from '../../engine/model';
import { BriefingStore, todayUtc } from '../../engine/store/store';
import { nodeStoreFs } from '../../engine/store/nodeFs';
import { loadKnowledgeForCli } from '../knowledge';

const USAGE = `threat-briefings feed <feed-url|file>... [--out DIR] [--since YYYY-MM-DD] [--full-text] [--min-severity LOW|MED|HIGH|CRIT] ${FETCH_USAGE}`;

function checkSeverity(v: string | undefined): Severity | undefined {
  if (v === undefined) return undefined;
  const s = v.toUpperCase();
  if ((SEVERITIES as readonly string[]).includes(s)) return s as Severity;
  throw new UsageError(`threat-briefings feed: --min-severity must be one of ${SEVERITIES.join(', ')} (got '${v}').\nUsage: ${USAGE}`);
}

function report(r: FeedRefresh, out: string, io: { out: (s: string) => void; err: (s: string) => void }): void {
  for (const e of r.entries) {
    if (e.status === 'written') io.out(`[${e.severity}] ${e.title} → ${path.join(out, e.markdownPath ?? '')}`);
    else if (e.status === 'duplicate') io.out(`skipped (already briefed: ${e.markdownPath}): ${e.title}`);
    else if (e.status === 'edited') io.out(`skipped (edited by hand: ${e.markdownPath}): ${e.title}`);
    else if (e.status === 'below-threshold') io.out(`skipped (${e.severity}, below the minimum severity): ${e.title}`);
    else io.err(`failed: ${e.title}: ${e.error}`);
  }
  (r.status === 'failed' ? io.err : io.out)(describeRefresh(r));
}

export const feedCommand: Command = {
  name: 'feed',
  summary: 'Poll RSS/Atom feeds and write one briefing per new entry into a briefings folder (state shared with the extension)',
  usage: USAGE,
  run: async (argv, io) => {
    const { values, positionals } = parse('feed', argv, {
      out: { type: 'string', default: 'briefings' },
      since: { type: 'string' },
      'full-text': { type: 'boolean', default: false },
      'min-severity': { type: 'string' },
      ...FETCH_FLAGS,
      attack: { type: 'string' },
    }, USAGE);
    if (!positionals.length) throw new UsageError(`threat-briefings feed: give one or more feed URLs or files.\nUsage: ${USAGE}`);
    const since = checkDate('feed', '--since', values.since);
    const minSeverity = checkSeverity(values['min-severity']);
    const fetchOpts = fetchOptions('feed', values, io.err);
    // Files are remembered by absolute path, so runs from another directory share their state.
    const sources = positionals.map((s) => (/^https?:\/\//i.test(s) ? s : path.resolve(s)));
    const attack = loadKnowledgeForCli(values.attack, io);
    const fs = nodeStoreFs(path.resolve(values.out));
    const store = new BriefingStore(fs, { batchIndex: true });
    const results = await refreshFeeds(sources, {
      fs,
      fetchOptions: fetchOpts,
      since,
      fullText: values['full-text'],
      minSeverity,
      brief: async (article) => briefLoaded(article, { attack }),
      write: (r) => store.write(r.briefing, r.markdown, r.json, { today: todayUtc() }),
      warn: (m) => io.err(`warning: ${m}`),
      onNote: (title, note) => io.err(`note: ${title}: ${note}`),
      onFeed: (r) => report(r, values.out, io),
    });
    await store.flush();
    const all = results.flatMap((r) => r.entries);
    const count = (s: string) => all.filter((e) => e.status === s).length;
    const skipped = count('duplicate') + count('edited') + count('below-threshold');
    const failedFeeds = results.filter((r) => r.status === 'failed').length;
    const failed = count('failed');
    io.out(`${count('written')} written, ${skipped} skipped, ${failed} failed (${plural(all.length, 'new entry', 'new entries')} in ${plural(results.length, 'feed', 'feeds')}`
      + `${failedFeeds ? `, ${plural(failedFeeds, 'feed', 'feeds')} failed` : ''}${since ? ' since ' + since : ''})`);
    return failed || failedFeeds ? 1 : 0;
  },
};
