// What the index keeps of each briefing: the fields the Briefings tree's first levels, its tooltips and its filter
// read, so that listing thousands of briefings reads one file instead of every briefing's JSON. The full JSON is
// read only when one briefing is opened or expanded.
import { Briefing, Severity } from '../model';

export interface SummaryTechnique {
  id: string;
  name: string;
  tactics: string[];
  /** The retired ID the article printed, when it was mapped to `id`. */
  replaces?: string;
}

export interface BriefingSummary {
  id: string;
  title: string;
  severity: Severity;
  /** YYYY-MM-DD, or null when the article shows no date. */
  published: string | null;
  source: string;
  url: string | null;
  summary: string;
  techniques: SummaryTechnique[];
  iocCount: number;
  /** The IOC values, lower-cased, one a line: what the filter searches (one string, cheap to store and parse). */
  iocText: string;
  phaseCount: number;
  huntCount: number;
  actors: string[];
  malware: string[];
}

/** A briefing as the index lists it: where its files are and its summary. */
export interface IndexedBriefing {
  markdownPath: string;
  jsonPath: string;
  summary: BriefingSummary;
}

const strings = (x: unknown): string[] => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
const str = (x: unknown): string => (typeof x === 'string' ? x : '');
const items = (x: unknown): Array<Record<string, unknown>> =>
  (Array.isArray(x) ? x.filter((e): e is Record<string, unknown> => !!e && typeof e === 'object') : []);

/**
 * The summary of a briefing. Defensive: a hand-edited JSON that passed the store's shape check (id, title,
 * severity, iocs, techniques) may still hold odd entries, which are skipped rather than breaking the tree.
 */
export function summarize(b: Briefing): BriefingSummary {
  const entities = (b.entities ?? {}) as Partial<Briefing['entities']>;
  return {
    id: b.id,
    title: b.title,
    severity: b.severity,
    published: typeof b.published === 'string' && b.published ? b.published : null,
    source: str(b.source),
    url: typeof b.url === 'string' && b.url ? b.url : null,
    summary: str(b.summary),
    techniques: items(b.techniques).filter((t) => typeof t.id === 'string').map((t) => ({
      id: t.id as string, name: str(t.name), tactics: strings(t.tactics), ...(typeof t.replaces === 'string' ? { replaces: t.replaces } : {}),
    })),
    iocCount: b.iocs.length,
    iocText: items(b.iocs).map((i) => str(i.value)).filter(Boolean).join('\n').toLowerCase(),
    phaseCount: Array.isArray(b.phases) ? b.phases.length : 0,
    huntCount: Array.isArray(b.hunts) ? b.hunts.length : 0,
    actors: strings(entities.actors),
    malware: strings(entities.malware),
  };
}

/** True when a value read back from index.json has the summary's shape (the file may be damaged or hand-edited). */
export function isSummary(x: unknown): x is BriefingSummary {
  const s = x as Partial<BriefingSummary> | null;
  return !!s && typeof s === 'object' && typeof s.id === 'string' && typeof s.title === 'string' && typeof s.severity === 'string' &&
    (s.published === null || typeof s.published === 'string') && typeof s.source === 'string' && (s.url === null || typeof s.url === 'string') &&
    typeof s.summary === 'string' && Array.isArray(s.techniques) && s.techniques.every((t) => !!t && typeof t.id === 'string' && typeof t.name === 'string' && Array.isArray(t.tactics)) &&
    typeof s.iocCount === 'number' && typeof s.iocText === 'string' && typeof s.phaseCount === 'number' && typeof s.huntCount === 'number' &&
    Array.isArray(s.actors) && Array.isArray(s.malware);
}
