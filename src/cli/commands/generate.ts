import { Command, UsageError } from '../command';
import * as path from 'node:path';
import { checkDate, FETCH_FLAGS, FETCH_USAGE, fetchOptions, parse } from '../args';
import { BriefingStore, todayUtc } from '../../engine/store/store';
import { nodeStoreFs } from '../../engine/store/nodeFs';
import { briefArticle } from '../../engine/brief';
import { loadKnowledgeForCli } from '../knowledge';

const USAGE =
  'threat-briefings generate <url|file|-> [--format md|json] [--title T] [--source S] [--published YYYY-MM-DD] [--url U]\n' +
  `       [--out DIR [--replace] [--force]] ${FETCH_USAGE} [--attack STIX_OR_INDEX]\n` +
  '  --out DIR   write <DIR>/<YYYY-MM-DD|undated>/<slug>.md and .json instead of printing; an already-briefed URL is skipped\n' +
  '              unless --replace, and a briefing edited by hand is kept unless --force\n' +
  '  --allow-private  also fetch loopback, private, link-local and reserved addresses (refused by default)';

export const generateCommand: Command = {
  name: 'generate',
  summary: 'Generate a briefing from a URL, a file or standard input (-)',
  usage: USAGE,
  run: async (argv, io) => {
    const { values, positionals } = parse('generate', argv, {
      format: { type: 'string', default: 'md' },
      title: { type: 'string' },
      source: { type: 'string' },
      published: { type: 'string' },
      url: { type: 'string' },
      ...FETCH_FLAGS,
      attack: { type: 'string' },
      out: { type: 'string' },
      replace: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
    }, USAGE);
    if (positionals.length !== 1) throw new UsageError(`threat-briefings generate: give exactly one URL, file or '-'.\nUsage: ${USAGE}`);
    const format = values.format;
    if (format !== 'md' && format !== 'json') throw new UsageError(`threat-briefings generate: --format must be md or json, got '${format}'`);
    const overrides = {
      title: values.title,
      source: values.source,
      published: checkDate('generate', '--published', values.published),
      url: values.url,
    };
    const fetch = fetchOptions('generate', values, io.err);
    const input = positionals[0];
    const source = input === '-' ? { content: await io.readStdin() } : { input };
    const { briefing, markdown, json } = await briefArticle(source, { ...overrides, fetch, attack: loadKnowledgeForCli(values.attack, io) });
    if (!values.out) {
      io.out(format === 'json' ? json : markdown);
      return 0;
    }
    const store = new BriefingStore(nodeStoreFs(path.resolve(values.out)));
    const r = await store.write(briefing, markdown, json, { today: todayUtc(), replace: values.replace, force: values.force });
    if (r.status === 'written') {
      io.out(`[${briefing.severity}] ${briefing.title} → ${path.join(values.out, r.markdownPath)}${r.replaced ? ' (replaced)' : ''}`);
      return 0;
    }
    if (r.status === 'duplicate') {
      io.err(`already briefed: ${path.join(values.out, r.existing.markdownPath)} (use --replace to regenerate it)`);
      return 0;
    }
    io.err(`not overwritten: ${path.join(values.out, r.markdownPath)} was edited by hand (use --force to overwrite)`);
    return 4;
  },
};
