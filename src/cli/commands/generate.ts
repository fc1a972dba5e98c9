import { Command, UsageError } from '../command';
import { checkDate, parse, positiveNumber } from '../args';
import { articleFromContent, loadArticle } from '../../engine/article/load';
import { generateBriefing, renderJson } from '../../engine/briefing/generate';
import { renderMarkdown } from '../../engine/briefing/markdown';
import { loadKnowledgeForCli } from '../knowledge';

const USAGE =
  'threat-briefings generate <url|file|-> [--format md|json] [--title T] [--source S] [--published YYYY-MM-DD] [--url U]\n' +
  '       [--timeout SECONDS] [--max-bytes N] [--attack STIX_OR_INDEX]';

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
      timeout: { type: 'string' },
      'max-bytes': { type: 'string' },
      attack: { type: 'string' },
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
    const timeout = positiveNumber('generate', '--timeout', values.timeout);
    const fetch = { timeoutMs: timeout ? timeout * 1000 : undefined, maxBytes: positiveNumber('generate', '--max-bytes', values['max-bytes']) };
    const input = positionals[0];
    const article = input === '-'
      ? articleFromContent(await io.readStdin(), { ...overrides })
      : await loadArticle(input, { ...overrides, fetch });
    const briefing = generateBriefing(article, { attack: loadKnowledgeForCli(values.attack, io) });
    io.out(format === 'json' ? renderJson(briefing) : renderMarkdown(briefing));
    return 0;
  },
};
