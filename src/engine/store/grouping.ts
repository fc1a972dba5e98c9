// How the Briefings tree groups, filters and describes briefings, from the index's summaries alone (./summary.ts).
// Pure, with no editor import, so the extension's tree and `threat-briefings bench` run the same code and it is
// unit-tested in plain Node.
import { SEVERITIES, Severity } from '../model';
import { plural } from '../text/plural';
import { BriefingSummary, IndexedBriefing } from './summary';

export type GroupBy = 'date' | 'severity' | 'source' | 'tactic' | 'technique';
export const GROUP_BYS: readonly GroupBy[] = ['date', 'severity', 'source', 'tactic', 'technique'];

export const UNDATED = 'Undated';
export const NO_TECHNIQUES = 'No techniques';

export interface Group {
  label: string;
  /** Shown beside the label (e.g. a technique's name). */
  detail?: string;
  items: IndexedBriefing[];
}

export interface TreeFilter {
  /** Case-insensitive words that must all occur in the title, source, summary, an IOC value, a technique, an actor or malware. */
  text?: string;
  minSeverity?: Severity;
}

const rank = (s: string) => SEVERITIES.indexOf(s as Severity);

/** The lower-cased text a filter searches besides the IOC values (already lower-cased), built once per summary object. */
const haystacks = new WeakMap<BriefingSummary, string>();
function haystack(s: BriefingSummary): string {
  let h = haystacks.get(s);
  if (h === undefined) {
    h = [s.title, s.source, s.summary, ...s.techniques.map((t) => `${t.id} ${t.name}`), ...s.actors, ...s.malware].join('\n').toLowerCase();
    haystacks.set(s, h);
  }
  return h;
}

/** Briefings that pass the filter, in their original order. */
export function filterBriefings(items: IndexedBriefing[], f: TreeFilter): IndexedBriefing[] {
  const words = (f.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const min = f.minSeverity ? rank(f.minSeverity) : -1;
  if (!words.length && min < 0) return items;
  return items.filter(({ summary: s }) => {
    if (rank(s.severity) < min) return false;
    if (!words.length) return true;
    const hay = haystack(s);
    // Words hold no line break, so searching the two texts apart finds what searching them joined would.
    return words.every((w) => hay.includes(w) || s.iocText.includes(w));
  });
}

/** Newest first, then title: the order inside every group. */
function byDateThenTitle(a: IndexedBriefing, b: IndexedBriefing): number {
  const da = a.summary.published ?? '';
  const db = b.summary.published ?? '';
  return da === db ? a.summary.title.localeCompare(b.summary.title) : db.localeCompare(da);
}

/**
 * Groups in display order. Date groups use the article's published day; undated articles get their own group at the
 * end, never the day they were briefed. Tactic groups follow `tacticOrder` (kill-chain order) and a briefing appears
 * under each tactic its techniques belong to.
 */
export function groupBriefings(items: IndexedBriefing[], by: GroupBy, tacticOrder: readonly string[] = []): Group[] {
  const map = new Map<string, IndexedBriefing[]>();
  const names = new Map<string, string>();
  const put = (k: string, s: IndexedBriefing) => {
    const list = map.get(k);
    if (list) {
      if (list[list.length - 1] !== s) list.push(s);
    } else map.set(k, [s]);
  };
  for (const s of items) {
    const b = s.summary;
    if (by === 'severity') put(b.severity, s);
    else if (by === 'source') put(b.source || 'Unknown source', s);
    else if (by === 'date') put(b.published ?? UNDATED, s);
    else if (by === 'tactic') {
      const tactics = [...new Set(b.techniques.flatMap((t) => t.tactics))];
      if (!tactics.length) put(NO_TECHNIQUES, s);
      for (const t of tactics) put(t, s);
    } else {
      if (!b.techniques.length) put(NO_TECHNIQUES, s);
      for (const t of b.techniques) {
        put(t.id, s);
        names.set(t.id, t.name);
      }
    }
  }
  const keys = [...map.keys()];
  const last = (k: string) => (k === UNDATED || k === NO_TECHNIQUES ? 1 : 0);
  const tacticRank = new Map(tacticOrder.map((t, i) => [t, i]));
  const tr = (t: string) => tacticRank.get(t) ?? tacticOrder.length;
  const order: Record<GroupBy, (a: string, b: string) => number> = {
    severity: (a, b) => rank(b) - rank(a),
    date: (a, b) => last(a) - last(b) || b.localeCompare(a),
    source: (a, b) => a.localeCompare(b),
    tactic: (a, b) => last(a) - last(b) || tr(a) - tr(b) || a.localeCompare(b),
    technique: (a, b) => last(a) - last(b) || a.localeCompare(b, 'en', { numeric: true }),
  };
  keys.sort(order[by]);
  return keys.map((label) => ({ label, ...(names.has(label) ? { detail: names.get(label) } : {}), items: map.get(label)!.sort(byDateThenTitle) }));
}

/** The tree's first level: the groups of the briefings that pass the filter. */
export function firstLevel(items: IndexedBriefing[], by: GroupBy, filter: TreeFilter, tacticOrder: readonly string[] = []): Group[] {
  return groupBriefings(filterBriefings(items, filter), by, tacticOrder);
}

/** "2026-11-02 · Example Security Blog" — no empty parts, no dangling separators. */
export function briefingDescription(b: { published?: string | null; source?: string }): string {
  return [b.published, b.source].filter((x): x is string => !!x && !!x.trim()).join(' · ');
}

/** The counts line of a briefing's tooltip, correctly pluralised. */
export function countsLine(s: Pick<BriefingSummary, 'iocCount' | 'techniques' | 'huntCount'>): string {
  return [plural(s.iocCount, 'IOC'), plural(s.techniques.length, 'technique'), plural(s.huntCount, 'hunt')].join(' · ');
}
