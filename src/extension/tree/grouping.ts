// How the Briefings tree groups, filters and labels briefings. Pure (no vscode import), so it is unit-tested in plain
// Node and stays fast for thousands of briefings.
import { Briefing, Ioc, IOC_TYPES, Severity, SEVERITIES } from '../../engine/model';
import type { StoredBriefing } from '../../engine/store/store';
import type { GroupBy } from '../core/settings';
import { plural } from '../../engine/text/plural';

export const UNDATED = 'Undated';
export const NO_TECHNIQUES = 'No techniques';

export interface Group {
  label: string;
  /** Shown beside the label (e.g. a technique's name). */
  detail?: string;
  items: StoredBriefing[];
}

export interface TreeFilter {
  /** Case-insensitive words that must all occur in the title, source, summary, an IOC value or a technique. */
  text?: string;
  minSeverity?: Severity;
}

export { plural } from '../../engine/text/plural';

const rank = (s: string) => SEVERITIES.indexOf(s as Severity);

/** Briefings that pass the filter, in their original order. */
export function filterBriefings(items: StoredBriefing[], f: TreeFilter): StoredBriefing[] {
  const words = (f.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const min = f.minSeverity ? rank(f.minSeverity) : -1;
  if (!words.length && min < 0) return items;
  return items.filter(({ briefing: b }) => {
    if (rank(b.severity) < min) return false;
    if (!words.length) return true;
    const hay = [b.title, b.source, b.summary, ...b.iocs.map((i) => i.value), ...b.techniques.map((t) => `${t.id} ${t.name}`),
      ...b.entities.actors, ...b.entities.malware].join('\n').toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/** Newest first, then title: the order inside every group. */
function byDateThenTitle(a: StoredBriefing, b: StoredBriefing): number {
  const da = a.briefing.published ?? '';
  const db = b.briefing.published ?? '';
  return da === db ? a.briefing.title.localeCompare(b.briefing.title) : db.localeCompare(da);
}

/**
 * Groups in display order. Date groups use the article's published day; undated articles get their own group at the
 * end, never the day they were briefed. Tactic groups follow `tacticOrder` (kill-chain order) and a briefing appears
 * under each tactic its techniques belong to.
 */
export function groupBriefings(items: StoredBriefing[], by: GroupBy, tacticOrder: readonly string[] = []): Group[] {
  const map = new Map<string, StoredBriefing[]>();
  const names = new Map<string, string>();
  const put = (k: string, s: StoredBriefing) => {
    const list = map.get(k);
    if (list) {
      if (list[list.length - 1] !== s) list.push(s);
    } else map.set(k, [s]);
  };
  for (const s of items) {
    const b = s.briefing;
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
  const order: Record<GroupBy, (a: string, b: string) => number> = {
    severity: (a, b) => rank(b) - rank(a),
    date: (a, b) => last(a) - last(b) || b.localeCompare(a),
    source: (a, b) => a.localeCompare(b),
    tactic: (a, b) => last(a) - last(b) || tacticRank(tacticOrder, a) - tacticRank(tacticOrder, b) || a.localeCompare(b),
    technique: (a, b) => last(a) - last(b) || a.localeCompare(b, 'en', { numeric: true }),
  };
  keys.sort(order[by]);
  return keys.map((label) => ({ label, ...(names.has(label) ? { detail: names.get(label) } : {}), items: map.get(label)!.sort(byDateThenTitle) }));
}

function tacticRank(order: readonly string[], name: string): number {
  const i = order.indexOf(name);
  return i < 0 ? order.length : i;
}

/** "2026-11-02 · Example Security Blog" — no empty parts, no dangling separators. */
export function briefingDescription(b: Pick<Briefing, 'published' | 'source'>): string {
  return [b.published, b.source].filter((x) => x && x.trim()).join(' · ');
}

/** The counts line of a briefing's tooltip, correctly pluralised. */
export function countsLine(b: Pick<Briefing, 'iocs' | 'techniques' | 'hunts'>): string {
  return [plural(b.iocs.length, 'IOC'), plural(b.techniques.length, 'technique'), plural(b.hunts.length, 'hunt')].join(' · ');
}

/** IOCs grouped by type, in the model's type order. */
export function iocsByType(iocs: Ioc[]): Array<{ type: Ioc['type']; iocs: Ioc[] }> {
  return IOC_TYPES.map((type) => ({ type, iocs: iocs.filter((i) => i.type === type) })).filter((g) => g.iocs.length);
}

/** The article's own role for an IOC ("C2", "payload"), when the briefing records one. */
export function iocRole(i: Ioc): string | undefined {
  const role = (i as Ioc & { role?: unknown }).role;
  return typeof role === 'string' && role.trim() ? role.trim() : undefined;
}
