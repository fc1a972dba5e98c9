// The Briefings tree at scale, for `threat-briefings bench`: a folder of N briefings (5,000 by default) is written
// into a temp dir straight from a few real briefings (varied IDs, titles, dates and severities; writing the store's
// files directly, not briefing N articles), then the tree's code path is timed: the store's index summaries and the
// first level (engine/store/grouping.ts, the same code the extension's tree runs), cold (a fresh store reading
// index.json from disk) and warm (the index in memory, the folder checked by listing and stat), a filter, and one
// briefing's expansion. Figures only: nothing here asserts a time.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { articleFromContent } from '../engine/article/load';
import { loadAttackIndex } from '../engine/attack/lookup';
import { briefLoaded } from '../engine/brief';
import { Briefing, SEVERITIES } from '../engine/model';
import { filterBriefings, firstLevel, GROUP_BYS, GroupBy } from '../engine/store/grouping';
import { INDEX_PATH } from '../engine/store/index';
import { nodeStoreFs } from '../engine/store/nodeFs';
import { slugify } from '../engine/store/slug';
import { BriefingStore, stampMarkdown } from '../engine/store/store';
import { CliIo } from './command';
import { loadKnowledgeForCli } from './knowledge';

export interface TreeDoc {
  name: string;
  content: string;
  fileName: string;
  url?: string;
}

export interface TreeBench {
  briefings: number;
  /** Briefings the folder was generated from. */
  templates: number;
  writeMs: number;
  indexMB: number;
  /** First open with no index.json: every JSON read once and the index written. */
  indexBuildMs: number;
  /** A fresh store: index.json read from disk, folder listed and stat'ed, then the first level (grouped by date). */
  coldFirstLevelMs: number;
  /** The same store again (index in memory, folder listed and stat'ed), then the first level. */
  warmFirstLevelMs: number;
  /** The first level from the summaries in memory, per grouping (what a change of grouping costs). */
  regroupMs: Record<GroupBy, number>;
  filter: { text: string; textMs: number; textMatches: number; severityMs: number; severityMatches: number; bothMs: number; bothMatches: number };
  /** Reading one briefing's full JSON when it is expanded. */
  expandMs: number;
  rounds: number;
}

const r2 = (x: number) => Number(x.toFixed(2));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** Writes `count` briefings into `dir` as the store lays them out (JSON + stamped Markdown per <day>/<slug>). */
function writeFolder(dir: string, templates: Array<{ briefing: Briefing; markdown: string }>, count: number): void {
  const made = new Set<string>();
  const day0 = Date.UTC(2023, 0, 1);
  for (let n = 0; n < count; n++) {
    const t = templates[n % templates.length];
    // About one in twenty undated; the rest spread over three years.
    const published = n % 20 === 7 ? undefined : new Date(day0 + ((n * 7919) % 1100) * 86_400_000).toISOString().slice(0, 10);
    const b: Briefing = {
      ...t.briefing,
      id: `tb-bench-${n.toString(16).padStart(6, '0')}`,
      title: `${t.briefing.title} #${n}`,
      severity: SEVERITIES[Math.floor(n / templates.length) % SEVERITIES.length], // every template at every severity
      url: `https://bench.example.test/${n}`,
      summary: `${t.briefing.summary} Report ${n}.`,
      ...(published ? { published } : {}),
    };
    if (!published) delete b.published;
    // Each its own file: the store's <day>/<slug> layout with the number in the name (a title's slug is cut at 72 characters).
    const base = `${published ?? '2026-12-01'}/${slugify(t.briefing.title, 60)}-${n}`;
    const at = { jsonPath: `${base}.json`, markdownPath: `${base}.md` };
    const dayDir = path.join(dir, at.jsonPath.slice(0, 10));
    if (!made.has(dayDir)) {
      mkdirSync(dayDir, { recursive: true });
      made.add(dayDir);
    }
    const json = JSON.stringify(b, null, 2) + '\n';
    writeFileSync(path.join(dir, ...at.jsonPath.split('/')), json);
    writeFileSync(path.join(dir, ...at.markdownPath.split('/')), stampMarkdown(t.markdown.replace(t.briefing.title, () => b.title), b.id, json));
  }
}

export async function benchTree(docs: TreeDoc[], count: number, rounds: number, io: CliIo, keep?: string): Promise<TreeBench> {
  const attack = loadKnowledgeForCli(undefined, io);
  let tacticOrder: string[] = [];
  try {
    tacticOrder = loadAttackIndex().tactics.map((t) => t.name);
  } catch {
    // No ATT&CK data: tactic groups sort by name.
  }
  const templates = docs.slice(0, 8).map((d) => {
    const r = briefLoaded(articleFromContent(d.content, { fileName: d.fileName, url: d.url }), { attack });
    return { briefing: r.briefing, markdown: r.markdown };
  });
  if (!templates.length) throw new Error('no articles to generate the tree folder from');
  const dir = keep ?? mkdtempSync(path.join(tmpdir(), 'tb-bench-tree-'));
  try {
    const writeMs = time(() => writeFolder(dir, templates, count));
    const fresh = () => new BriefingStore(nodeStoreFs(dir));
    const indexBuildMs = await timeAsync(() => fresh().summaries());
    const indexMB = statSync(path.join(dir, ...INDEX_PATH.split('/'))).size / 1e6;

    const cold: number[] = [];
    for (let i = 0; i < rounds; i++) {
      cold.push(await timeAsync(async () => firstLevel((await fresh().summaries()).briefings, 'date', {}, tacticOrder)));
    }
    const store = fresh();
    let entries = (await store.summaries()).briefings;
    const warm: number[] = [];
    for (let i = 0; i < rounds; i++) {
      warm.push(await timeAsync(async () => {
        entries = (await store.summaries()).briefings;
        firstLevel(entries, 'date', {}, tacticOrder);
      }));
    }
    const regroupMs = Object.fromEntries(GROUP_BYS.map((by) => {
      const ts: number[] = [];
      for (let i = 0; i < rounds; i++) ts.push(time(() => firstLevel(entries, by, {}, tacticOrder)));
      return [by, r2(median(ts))];
    })) as Record<GroupBy, number>;

    // A word from a template's title (case-insensitive), a minimum severity, and both; each with its first level.
    const word = (templates[0].briefing.title.split(/\s+/).find((w) => w.length > 4) ?? templates[0].briefing.title).toLowerCase();
    const filtered = (f: { text?: string; minSeverity?: 'HIGH' }) => {
      // A fresh copy of the summaries, as after a refresh: the filter's lower-cased text is built, not cached.
      const copy = entries.map((e) => ({ ...e, summary: { ...e.summary } }));
      const t0 = performance.now();
      const matches = filterBriefings(copy, f).length;
      firstLevel(copy, 'date', f, tacticOrder);
      return { ms: performance.now() - t0, matches };
    };
    const runs = (f: { text?: string; minSeverity?: 'HIGH' }) => {
      const rs = Array.from({ length: rounds }, () => filtered(f));
      return { ms: r2(median(rs.map((r) => r.ms))), matches: rs[0].matches };
    };
    const text = runs({ text: word });
    const sev = runs({ minSeverity: 'HIGH' });
    const both = runs({ text: word, minSeverity: 'HIGH' });

    const expand: number[] = [];
    for (let i = 0; i < rounds; i++) expand.push(await timeAsync(() => store.read(entries[(i * 997) % entries.length])));
    // The files are real: a sanity check that the folder holds what was generated.
    JSON.parse(readFileSync(path.join(dir, ...entries[0].jsonPath.split('/')), 'utf8'));
    return {
      briefings: entries.length,
      templates: templates.length,
      writeMs: Math.round(writeMs),
      indexMB: r2(indexMB),
      indexBuildMs: Math.round(indexBuildMs),
      coldFirstLevelMs: r2(median(cold)),
      warmFirstLevelMs: r2(median(warm)),
      regroupMs,
      filter: { text: word, textMs: text.ms, textMatches: text.matches, severityMs: sev.ms, severityMatches: sev.matches, bothMs: both.ms, bothMatches: both.matches },
      expandMs: r2(median(expand)),
      rounds,
    };
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

export function formatTreeBench(t: TreeBench): string {
  return [
    `Briefings tree, ${t.briefings} briefings (written from ${t.templates} real ones in ${t.writeMs} ms; index ${t.indexMB} MB; median of ${t.rounds}):`,
    `  index build (no index.json)  ${String(t.indexBuildMs).padStart(8)} ms   every JSON read once`,
    `  first level, cold            ${t.coldFirstLevelMs.toFixed(2).padStart(8)} ms   fresh store: index.json read, folder listed and stat'ed, grouped by date`,
    `  first level, warm            ${t.warmFirstLevelMs.toFixed(2).padStart(8)} ms   index in memory, folder listed and stat'ed, grouped by date`,
    `  regroup in memory            ${GROUP_BYS.map((by) => `${by} ${t.regroupMs[by].toFixed(2)}`).join(', ')} ms`,
    `  filter, text                 ${t.filter.textMs.toFixed(2).padStart(8)} ms   “${t.filter.text}”: ${t.filter.textMatches} match`,
    `  filter, ≥ HIGH               ${t.filter.severityMs.toFixed(2).padStart(8)} ms   ${t.filter.severityMatches} match`,
    `  filter, text and ≥ HIGH      ${t.filter.bothMs.toFixed(2).padStart(8)} ms   ${t.filter.bothMatches} match`,
    `  expand one briefing          ${t.expandMs.toFixed(2).padStart(8)} ms   its full JSON read`,
  ].join('\n');
}
