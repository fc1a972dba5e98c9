// Scoring against ground truth, following the corpus README's conventions: values compared case-insensitively
// and refanged, URLs without scheme and trailing '/', precision judged against iocs + ambiguous.
import { Severity, SEVERITIES } from '../model';
import { CorpusCase } from './corpus';
import { refang } from '../text/refang';

/** The IOC types pooled for the headline precision/recall. */
export const SCORED_TYPES = ['ipv4', 'ipv6', 'domain', 'url', 'email', 'md5', 'sha1', 'sha256', 'cve'] as const;
/** Also labelled in the corpus; reported separately. */
export const EXTRA_TYPES = ['file_name', 'file_path'] as const;

export interface Produced {
  iocs: Array<{ type: string; value: string }>;
  techniques: string[];
  severity: Severity;
  title: string;
  published?: string;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface CaseScore {
  name: string;
  iocsByType: Record<string, Counts>;
  falsePositives: string[];
  missed: string[];
  techniques: Counts & { lenientTp: number; lenientFp: number; lenientFn: number };
  techniqueFalsePositives: string[];
  techniquesMissed: string[];
  severity: { got: Severity; min?: string; max?: string; ok: boolean | null };
  meta: { title: { expected: string; got: string; ok: boolean } | null; published: { expected: string; got?: string; ok: boolean } | null };
  benign: boolean;
  ms: number;
}

export function normaliseValue(type: string, v: string): string {
  // Refanged by the same rule the extractor reads defanged text with: one definition of every defang form.
  let s = refang(v.trim()).toLowerCase();
  if (type === 'url') s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/\/+$/, '');
  return s;
}

const add = (a: Counts, b: Counts): Counts => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });
export const emptyCounts = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
export const precision = (c: Counts) => (c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1);
export const recall = (c: Counts) => (c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1);

function sevIndex(s: string | undefined): number {
  return s ? SEVERITIES.indexOf(s as Severity) : -1;
}

function normTitle(s: string): string {
  return s.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
}

export function scoreCase(c: CorpusCase, got: Produced, ms: number): CaseScore {
  const types = [...SCORED_TYPES, ...EXTRA_TYPES];
  const iocsByType: Record<string, Counts> = {};
  const falsePositives: string[] = [];
  const missed: string[] = [];
  for (const t of types) {
    const expected = new Set((c.expected.iocs[t] ?? []).map((v) => normaliseValue(t, v)));
    const ambiguous = new Set((c.expected.ambiguous?.[t] ?? []).map((v) => normaliseValue(t, v)));
    const produced = new Set(got.iocs.filter((i) => i.type === t).map((i) => normaliseValue(t, i.value)));
    const counts = emptyCounts();
    for (const v of produced) {
      if (expected.has(v)) counts.tp++;
      else if (!ambiguous.has(v)) {
        counts.fp++;
        falsePositives.push(`${t}:${v}`);
      }
    }
    for (const v of expected) {
      if (!produced.has(v)) {
        counts.fn++;
        missed.push(`${t}:${v}`);
      }
    }
    iocsByType[t] = counts;
  }

  const expT = new Set(c.expected.techniques.map((t) => t.toUpperCase()));
  const ambT = new Set((c.expected.techniques_ambiguous ?? []).map((t) => t.toUpperCase()));
  const gotT = new Set(got.techniques.map((t) => t.toUpperCase()));
  const parent = (id: string) => id.split('.')[0];
  const techniques = { tp: 0, fp: 0, fn: 0, lenientTp: 0, lenientFp: 0, lenientFn: 0 };
  const techniqueFalsePositives: string[] = [];
  const techniquesMissed: string[] = [];
  // Lenient: a parent or sibling sub-technique of an expected ID counts (reported beside the strict figure).
  const expParents = new Set([...expT].map(parent));
  const gotParents = new Set([...gotT].map(parent));
  for (const id of gotT) {
    if (expT.has(id)) techniques.tp++;
    else if (!ambT.has(id)) {
      techniques.fp++;
      techniqueFalsePositives.push(id);
    }
    if (expT.has(id) || expParents.has(parent(id))) techniques.lenientTp++;
    else if (!ambT.has(id) && !ambT.has(parent(id))) techniques.lenientFp++;
  }
  for (const id of expT) {
    if (!gotT.has(id)) {
      techniques.fn++;
      techniquesMissed.push(id);
    }
    if (!gotT.has(id) && !gotParents.has(parent(id))) techniques.lenientFn++;
  }

  const bounds = c.expected.severity ?? {};
  const gi = sevIndex(got.severity);
  const ok = bounds.min || bounds.max
    ? (!bounds.min || gi >= sevIndex(bounds.min)) && (!bounds.max || gi <= sevIndex(bounds.max))
    : null;

  // Titles are scored where the page shows them: the reader-visible title of HTML cases, or a labelled title
  // that appears in the article's opening (curator labels that add IDs the page does not show are skipped).
  const head = c.content.slice(0, 2000).toLowerCase();
  const expTitle = c.meta.expected_meta?.title ?? (c.meta.title && head.includes(c.meta.title.toLowerCase()) ? c.meta.title : undefined);
  const expPublishedRaw = c.meta.expected_meta?.published ?? c.meta.published ?? undefined;
  const expPublished = expPublishedRaw && /^\d{4}-\d{2}-\d{2}$/.test(expPublishedRaw) ? expPublishedRaw : undefined;
  const benign = SCORED_TYPES.every((t) => !(c.expected.iocs[t]?.length)) && !Object.values(c.expected.iocs).some((v) => v.length);

  return {
    name: c.name,
    iocsByType,
    falsePositives,
    missed,
    techniques,
    techniqueFalsePositives,
    techniquesMissed,
    severity: { got: got.severity, min: bounds.min, max: bounds.max, ok },
    meta: {
      title: expTitle ? { expected: expTitle, got: got.title, ok: normTitle(expTitle) === normTitle(got.title) } : null,
      published: expPublished ? { expected: expPublished, got: got.published, ok: expPublished === got.published } : null,
    },
    benign,
    ms,
  };
}

export interface Summary {
  cases: number;
  iocs: Counts & { precision: number; recall: number };
  byType: Record<string, Counts & { precision: number; recall: number }>;
  techniques: Counts & { precision: number; recall: number; lenientPrecision: number; lenientRecall: number };
  benignCasesWithIocs: Array<{ name: string; iocs: string[] }>;
  severity: { checked: number; ok: number };
  meta: { titles: { checked: number; ok: number }; published: { checked: number; ok: number } };
}

export function summarise(scores: CaseScore[]): Summary {
  const byType: Summary['byType'] = {};
  let pooled = emptyCounts();
  for (const t of [...SCORED_TYPES, ...EXTRA_TYPES]) {
    const c = scores.reduce((acc, s) => add(acc, s.iocsByType[t] ?? emptyCounts()), emptyCounts());
    byType[t] = { ...c, precision: precision(c), recall: recall(c) };
    if ((SCORED_TYPES as readonly string[]).includes(t)) pooled = add(pooled, c);
  }
  const tech = scores.reduce((acc, s) => add(acc, s.techniques), emptyCounts());
  const lenient = scores.reduce(
    (acc, s) => add(acc, { tp: s.techniques.lenientTp, fp: s.techniques.lenientFp, fn: s.techniques.lenientFn }),
    emptyCounts(),
  );
  return {
    cases: scores.length,
    iocs: { ...pooled, precision: precision(pooled), recall: recall(pooled) },
    byType,
    techniques: { ...tech, precision: precision(tech), recall: recall(tech), lenientPrecision: precision(lenient), lenientRecall: recall(lenient) },
    benignCasesWithIocs: scores.filter((s) => s.benign && s.falsePositives.length).map((s) => ({ name: s.name, iocs: s.falsePositives })),
    severity: { checked: scores.filter((s) => s.severity.ok !== null).length, ok: scores.filter((s) => s.severity.ok === true).length },
    meta: {
      titles: { checked: scores.filter((s) => s.meta.title).length, ok: scores.filter((s) => s.meta.title?.ok).length },
      published: { checked: scores.filter((s) => s.meta.published).length, ok: scores.filter((s) => s.meta.published?.ok).length },
    },
  };
}
