import { performance } from 'node:perf_hooks';
import { Command, UsageError } from '../command';
import { parse } from '../args';
import { briefArticle } from '../../engine/brief';
import { loadCorpus } from '../../engine/eval/corpus';
import { formatReport } from '../../engine/eval/report';
import { CaseScore, scoreCase, summarise } from '../../engine/eval/score';
import { loadKnowledgeForCli } from '../knowledge';

const USAGE = 'threat-briefings eval <corpus-dir> [--json] [--verbose] [--attack STIX_OR_INDEX]';

export const evalCommand: Command = {
  name: 'eval',
  summary: 'Score IOCs, techniques, severity and page metadata against a corpus with ground truth',
  usage: USAGE,
  run: async (argv, io) => {
    const { values, positionals } = parse('eval', argv, {
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', short: 'V', default: false },
      attack: { type: 'string' },
    }, USAGE);
    if (positionals.length !== 1) throw new UsageError(`threat-briefings eval: give the corpus folder.\nUsage: ${USAGE}`);
    const cases = await loadCorpus(positionals[0]);
    const attack = loadKnowledgeForCli(values.attack, io);
    const scores: CaseScore[] = [];
    for (const c of cases) {
      const t0 = performance.now();
      // The case's URL is what a user passes with --url: it tells the engine the publisher's own domain.
      const { briefing: b } = await briefArticle({ content: c.content, url: c.meta.url, fileName: c.articleFile }, { attack });
      const ms = performance.now() - t0;
      scores.push(scoreCase(c, { iocs: b.iocs, techniques: b.techniques.map((t) => t.id), severity: b.severity, title: b.title, published: b.published ?? undefined }, ms));
    }
    const summary = summarise(scores);
    io.out(values.json ? JSON.stringify({ summary, cases: scores }, null, 2) : formatReport(summary, scores, values.verbose));
    return 0;
  },
};
