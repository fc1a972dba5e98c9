import * as path from 'node:path';
import { Command, UsageError } from '../command';
import { checkDate, FETCH_FLAGS, FETCH_USAGE, fetchOptions, parse } from '../args';
import { briefLoaded, fullTextArticle, loadFeed } from '../../engine/brief';
import { BriefingStore, todayUtc } from '../../engine/store/store';
import { nodeStoreFs } from '../../engine/store/nodeFs';
import { loadKnowledgeForCli } from '../knowledge';

const USAGE = `threat-briefings feed <feed-url|file> [--out DIR] [--since YYYY-MM-DD] [--full-text] ${FETCH_USAGE}`;

export const feedCommand: Command = {
  name: 'feed',
  summary: 'Generate one briefing per new entry of an RSS/Atom feed into a briefings folder',
  usage: USAGE,
  run: async (argv, io) => {
    const { values, positionals } = parse('feed', argv, {
      out: { type: 'string', default: 'briefings' },
      since: { type: 'string' },
      'full-text': { type: 'boolean', default: false },
      ...FETCH_FLAGS,
      attack: { type: 'string' },
    }, USAGE);
    if (positionals.length !== 1) throw new UsageError(`threat-briefings feed: give one feed URL or file.\nUsage: ${USAGE}`);
    const since = checkDate('feed', '--since', values.since);
    const fetchOpts = fetchOptions('feed', values, io.err);
    const src = positionals[0];
    const feed = await loadFeed(src, { fetch: fetchOpts, since }).catch((e: Error) => {
      throw e.name === 'ArticleError' ? new UsageError(`threat-briefings feed: ${e.message}`, 1) : e;
    });
    const entries = feed.items;
    const attack = loadKnowledgeForCli(values.attack, io);
    const outDir = path.resolve(values.out);
    const store = new BriefingStore(nodeStoreFs(outDir), { batchIndex: true });
    let written = 0, skipped = 0, failed = 0;
    for (const bad of feed.errors) {
      failed++;
      io.err(`failed: entry ${bad.index + 1}${bad.title ? ` (${bad.title})` : ''}: ${bad.message}`);
    }
    for (const item of entries) {
      const { entry } = item;
      for (const note of entry.notes ?? []) io.err(`note: ${entry.title || '(untitled)'}: ${note}`);
      try {
        const article = values['full-text'] ? await fullTextArticle(item, fetchOpts) : item.article;
        const { briefing: b, markdown, json } = briefLoaded(article, { attack });
        const r = await store.write(b, markdown, json, { today: todayUtc() });
        if (r.status === 'written') {
          written++;
          io.out(`[${b.severity}] ${b.title} → ${path.join(values.out, r.markdownPath)}`);
        } else {
          skipped++;
          io.out(`skipped (${r.status === 'duplicate' ? 'already briefed: ' + r.existing.markdownPath : 'edited by hand: ' + r.markdownPath}): ${b.title}`);
        }
      } catch (e) {
        failed++;
        io.err(`failed: ${entry.title || entry.link}: ${(e as Error).message}`);
      }
    }
    await store.flush();
    io.out(`${written} written, ${skipped} skipped, ${failed} failed (${entries.length + feed.errors.length} entries${since ? ' since ' + since : ''})`);
    return failed ? 1 : 0;
  },
};
