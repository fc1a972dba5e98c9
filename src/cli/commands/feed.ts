import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { Command, UsageError } from '../command';
import { checkDate, fetchOptions, parse } from '../args';
import { fetchUrl } from '../../engine/article/fetch';
import { feedEntryToArticle, parseFeed, stripFeedBoilerplate } from '../../engine/article/feed';
import { htmlToArticle } from '../../engine/article/html';
import { generateBriefing, renderJson } from '../../engine/briefing/generate';
import { renderMarkdown } from '../../engine/briefing/markdown';
import { BriefingStore, todayUtc } from '../../engine/store/store';
import { nodeStoreFs } from '../../engine/store/nodeFs';
import { loadKnowledgeForCli } from '../knowledge';

const USAGE = 'threat-briefings feed <feed-url|file> [--out DIR] [--since YYYY-MM-DD] [--full-text] [--timeout SECONDS] [--max-bytes N]';

export const feedCommand: Command = {
  name: 'feed',
  summary: 'Generate one briefing per new entry of an RSS/Atom feed into a briefings folder',
  usage: USAGE,
  run: async (argv, io) => {
    const { values, positionals } = parse('feed', argv, {
      out: { type: 'string', default: 'briefings' },
      since: { type: 'string' },
      'full-text': { type: 'boolean', default: false },
      timeout: { type: 'string' },
      'max-bytes': { type: 'string' },
      attack: { type: 'string' },
    }, USAGE);
    if (positionals.length !== 1) throw new UsageError(`threat-briefings feed: give one feed URL or file.\nUsage: ${USAGE}`);
    const since = checkDate('feed', '--since', values.since);
    const fetchOpts = fetchOptions('feed', values);
    const src = positionals[0];
    const xml = /^https?:\/\//i.test(src)
      ? (await fetchUrl(src, { ...fetchOpts, accept: 'application/rss+xml, application/atom+xml, application/xml, text/xml;q=0.9, */*;q=0.5' })).body
      : await fsp.readFile(src, 'utf8').catch((e: NodeJS.ErrnoException) => {
        throw new UsageError(`threat-briefings feed: cannot read ${src}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`, 1);
      });
    const feed = await parseFeed(xml);
    const entries = stripFeedBoilerplate(feed.entries).filter((e) => !since || (e.published ?? '') >= since);
    const attack = loadKnowledgeForCli(values.attack, io);
    const outDir = path.resolve(values.out);
    const store = new BriefingStore(nodeStoreFs(outDir));
    let written = 0, skipped = 0, failed = 0;
    for (const entry of entries) {
      try {
        let article = feedEntryToArticle(entry, feed.title);
        if (values['full-text'] && entry.link) {
          // The entry's own page, when the feed carries only a summary; the feed's metadata still wins.
          const page = await fetchUrl(entry.link, fetchOpts);
          const full = htmlToArticle(page.body, { url: page.finalUrl });
          article = { ...article, text: full.text.length > article.text.length ? full.text : article.text };
        }
        const b = generateBriefing(article, { attack });
        const r = await store.write(b, renderMarkdown(b), renderJson(b), { today: todayUtc() });
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
    io.out(`${written} written, ${skipped} skipped, ${failed} failed (${entries.length} entries${since ? ' since ' + since : ''})`);
    return failed ? 1 : 0;
  },
};
