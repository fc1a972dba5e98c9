// Speed and memory figures, side by side with a peer in the same process and run: IOC extraction throughput
// (ours vs the `ioc-extractor` package with refang on, on the same text, interleaved so both see the same
// machine state), generate latency per article, and ATT&CK index load and hover times.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Command } from '../command';
import { parse, positiveNumber } from '../args';
import { articleFromContent } from '../../engine/article/load';
import { generateBriefing } from '../../engine/briefing/generate';
import { extractIocs } from '../../engine/iocs';
import { loadKnowledgeForCli, benchAttackForCli } from '../knowledge';

const USAGE = 'threat-briefings bench [--corpus DIR] [--rounds N] [--json]';

interface Doc {
  name: string;
  content: string;
  fileName: string;
  url?: string;
}

function corpusDocs(dir: string): Doc[] {
  const cases = path.join(dir, 'cases');
  if (!existsSync(cases)) return [];
  return readdirSync(cases).sort().flatMap((name) => {
    const d = path.join(cases, name);
    const f = readdirSync(d).find((x) => /^article\./.test(x));
    if (!f) return [];
    const meta = existsSync(path.join(d, 'meta.json')) ? JSON.parse(readFileSync(path.join(d, 'meta.json'), 'utf8')) : {};
    return [{ name, content: readFileSync(path.join(d, f), 'utf8'), fileName: f, url: meta.url }];
  });
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

function timeIt(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

type Peer = { extractIOC: (s: string, o: { refang: boolean }) => unknown };
function loadPeer(): Peer | undefined {
  try {
    // A devDependency: present in a development checkout, absent from the packaged extension.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional peer, loaded only if installed
    return require('ioc-extractor') as Peer;
  } catch {
    return undefined;
  }
}

export const benchCommand: Command = {
  name: 'bench',
  summary: 'Speed figures, side by side with peer libraries (IOC throughput, generate latency, ATT&CK lookups)',
  usage: USAGE,
  run: async (argv, io) => {
    const { values } = parse('bench', argv, {
      corpus: { type: 'string', default: path.join('..', 'shared', 'corpus') },
      rounds: { type: 'string', default: '7' },
      json: { type: 'boolean', default: false },
    }, USAGE);
    const rounds = Math.round(positiveNumber('bench', '--rounds', values.rounds) ?? 7);
    let docs = corpusDocs(values.corpus);
    if (!docs.length) {
      const demo = path.join(__dirname, '..', 'examples', 'demo-article.html');
      if (existsSync(demo)) docs = [{ name: 'demo-article', content: readFileSync(demo, 'utf8'), fileName: 'demo-article.html' }];
    }
    if (!docs.length) throw new Error(`no articles to measure: ${values.corpus} has no cases`);

    // IOC extraction throughput on the same text: the articles' main text, repeated to about 4 MB.
    const texts = docs.map((d) => articleFromContent(d.content, { fileName: d.fileName, url: d.url }).text);
    const unit = texts.join('\n\n');
    // Generate latency, per article and for a ~100 KB article, without network.
    const attack = loadKnowledgeForCli(undefined, io);
    const perArticle = docs.map((d) => {
      const ts: number[] = [];
      for (let i = 0; i < rounds; i++) {
        ts.push(timeIt(() => generateBriefing(articleFromContent(d.content, { fileName: d.fileName, url: d.url }), { attack })));
      }
      return { name: d.name, kb: Buffer.byteLength(d.content) / 1024, medianMs: quantile(ts, 0.5), p95Ms: quantile(ts, 0.95) };
    });
    const hundredKb = unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000);
    const ts100: number[] = [];
    for (let i = 0; i < Math.max(20, rounds); i++) {
      ts100.push(timeIt(() => generateBriefing(articleFromContent(hundredKb, { fileName: 'article.txt' }), { attack })));
    }
    const big = unit.repeat(Math.max(1, Math.ceil(4e6 / unit.length)));
    const mb = Buffer.byteLength(big, 'utf8') / 1e6;
    const peer = loadPeer();
    extractIocs(unit);
    peer?.extractIOC(unit, { refang: true });
    const ours: number[] = [], theirs: number[] = [];
    const heap0 = process.memoryUsage().heapUsed;
    for (let i = 0; i < rounds; i++) {
      ours.push(timeIt(() => extractIocs(big)));
      if (peer) theirs.push(timeIt(() => peer.extractIOC(big, { refang: true })));
    }
    const oursMBs = mb / (quantile(ours, 0.5) / 1000);
    const peerMBs = peer ? mb / (quantile(theirs, 0.5) / 1000) : undefined;

    const allTs = perArticle.map((p) => p.medianMs);
    const result = {
      iocThroughput: {
        textMB: Number(mb.toFixed(2)),
        oursMBs: Number(oursMBs.toFixed(2)),
        peer: peer ? 'ioc-extractor (refang on)' : 'ioc-extractor not installed',
        peerMBs: peerMBs !== undefined ? Number(peerMBs.toFixed(2)) : null,
        ratio: peerMBs ? Number((oursMBs / peerMBs).toFixed(2)) : null,
        heapDeltaMB: Number(((process.memoryUsage().heapUsed - heap0) / 1e6).toFixed(1)),
      },
      generate: {
        articles: perArticle.length,
        medianOfMediansMs: Number(quantile(allTs, 0.5).toFixed(2)),
        p95OfMediansMs: Number(quantile(allTs, 0.95).toFixed(2)),
        article100KB: { medianMs: Number(quantile(ts100, 0.5).toFixed(2)), p95Ms: Number(quantile(ts100, 0.95).toFixed(2)) },
        perArticle: perArticle.map((p) => ({ ...p, kb: Number(p.kb.toFixed(1)), medianMs: Number(p.medianMs.toFixed(2)), p95Ms: Number(p.p95Ms.toFixed(2)) })),
      },
      attack: benchAttackForCli(),
      rssMB: Number((process.memoryUsage().rss / 1e6).toFixed(0)),
    };
    if (values.json) {
      io.out(JSON.stringify(result, null, 2));
      return 0;
    }
    const r = result;
    io.out([
      `IOC extraction on ${r.iocThroughput.textMB} MB of article text (${rounds} rounds, median):`,
      `  threat-briefings   ${r.iocThroughput.oursMBs.toFixed(2).padStart(8)} MB/s   (refang, validation, context, provenance)`,
      `  ${r.iocThroughput.peer.padEnd(18)} ${r.iocThroughput.peerMBs !== null ? r.iocThroughput.peerMBs.toFixed(2).padStart(8) + ' MB/s' : ''}`,
      r.iocThroughput.ratio !== null ? `  ratio              ${r.iocThroughput.ratio.toFixed(2).padStart(8)} ×` : '',
      '',
      `generate (no network): ${r.generate.articles} articles, median of medians ${r.generate.medianOfMediansMs} ms, p95 of medians ${r.generate.p95OfMediansMs} ms`,
      `  100 KB article: median ${r.generate.article100KB.medianMs} ms, p95 ${r.generate.article100KB.p95Ms} ms`,
      ...r.generate.perArticle.map((p) => `  ${p.name.slice(0, 50).padEnd(50)} ${p.kb.toFixed(1).padStart(7)} KB  median ${p.medianMs.toFixed(2).padStart(7)} ms  p95 ${p.p95Ms.toFixed(2).padStart(7)} ms`),
      '',
      r.attack ? `ATT&CK index: load ${r.attack.loadMs} ms, heap +${r.attack.heapMB} MB, ${r.attack.entries} entries; hover p50 ${r.attack.hoverP50Us} µs, p95 ${r.attack.hoverP95Us} µs` : 'ATT&CK index: not built',
      `process RSS ${r.rssMB} MB`,
    ].filter((l, i, a) => l !== '' || a[i - 1] !== '').join('\n'));
    return 0;
  },
};
