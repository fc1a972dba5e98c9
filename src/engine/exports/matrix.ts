// The ATT&CK matrix of a briefings folder: tactics as columns, techniques shaded by how many briefings cite them,
// sub-techniques rolled up into their parent. A pure function of the briefings and an ATT&CK-like structure that the
// caller passes in (engine/exports may not import engine/attack), so the view's numbers are unit-tested.
import { Briefing, Severity } from '../model';
import { BriefingFilter, cleanFilter, hasDateRange, passesFilter, publishedDay } from './matrixFilter';

export interface MatrixTactic {
  id: string;
  /** Kill-chain phase name, e.g. "execution": what technique.tactics hold. */
  shortname: string;
  name: string;
}

export interface MatrixTechniqueDef {
  /** T1059 or T1059.001 */
  id: string;
  /** Own name (a sub-technique's name without its parent's). */
  name: string;
  /** Tactic shortnames. */
  tactics: readonly string[];
}

/** The part of the ATT&CK index the matrix needs; AttackIndex's tactics and techniques fit it as they are. */
export interface MatrixAttack {
  /** In kill-chain order: the column order. */
  tactics: readonly MatrixTactic[];
  techniques: readonly MatrixTechniqueDef[];
}

/** A briefing as the matrix sees it: `key` is how the caller finds it again (its path in the store). */
export interface MatrixInput {
  key: string;
  briefing: Pick<Briefing, 'id' | 'title' | 'severity' | 'published' | 'techniques'>;
}

export interface MatrixBriefingRef {
  key: string;
  title: string;
  severity: Severity;
  published?: string;
}

export interface MatrixCell {
  id: string;
  name: string;
  /** Briefings citing this technique, or for a parent this technique or any of its sub-techniques. */
  count: number;
  /** Briefings citing exactly this ID. */
  own: number;
  /** 0 (none) to 5 (the most-cited technique): the shade, relative to the busiest cell. */
  level: number;
  /** Indexes into MatrixModel.briefings, newest first. */
  refs: number[];
  /** Set when the caller's coverage set holds this ID (a detection exists). */
  covered?: true;
  /** Sub-techniques under a parent, in ID order (empty for sub-techniques). */
  subs: MatrixCell[];
}

export interface MatrixColumn {
  tactic: MatrixTactic;
  techniques: MatrixCell[];
}

export interface MatrixModel {
  columns: MatrixColumn[];
  /** The briefings that passed the filter, newest first; cells refer to them by index. */
  briefings: MatrixBriefingRef[];
  filter: BriefingFilter;
  /** Briefings given, before filtering. */
  total: number;
  /** Undated briefings among those that passed the severity filter. */
  undated: number;
  /** True when a date range is set, so the undated ones are left out. */
  undatedExcluded: boolean;
  /** Highest `count` of any cell (0 when nothing is cited). */
  maxCount: number;
  /** Cited IDs the ATT&CK structure does not hold (newer release, hand edit), with their counts. */
  unknown: Array<{ id: string; count: number; refs: number[] }>;
  /** True when a coverage set was passed, so the view can explain its marks. */
  coverage: boolean;
}

export interface MatrixOptions {
  filter?: BriefingFilter;
  /** Technique IDs a detection repository covers: the hook for coverage marks. */
  covered?: ReadonlySet<string>;
}

const ID_RE = /^T\d{4}(?:\.\d{3})?$/;

function parentOf(id: string): string | undefined {
  const dot = id.indexOf('.');
  return dot > 0 ? id.slice(0, dot) : undefined;
}

/** Newest first, undated last, then by title: the order the view lists briefings in. */
function compareRefs(a: MatrixBriefingRef, b: MatrixBriefingRef): number {
  const da = a.published ?? '', db = b.published ?? '';
  if (da !== db) return da < db ? 1 : -1;
  return a.title.localeCompare(b.title) || a.key.localeCompare(b.key);
}

function levelOf(count: number, max: number): number {
  return count === 0 || max === 0 ? 0 : Math.max(1, Math.ceil((count / max) * 5));
}

export function buildMatrix(inputs: readonly MatrixInput[], attack: MatrixAttack, opts: MatrixOptions = {}): MatrixModel {
  const filter = cleanFilter(opts.filter);
  const severityOnly: BriefingFilter = filter.minSeverity ? { minSeverity: filter.minSeverity } : {};
  const undated = inputs.filter((i) => passesFilter(i.briefing, severityOnly) && !publishedDay(i.briefing)).length;

  const kept = inputs.filter((i) => passesFilter(i.briefing, filter));
  const refs: MatrixBriefingRef[] = kept.map(({ key, briefing: b }) => {
    const day = publishedDay(b);
    return { key, title: String(b.title), severity: b.severity, ...(day ? { published: day } : {}) };
  });
  const order = refs.map((_, i) => i).sort((a, b) => compareRefs(refs[a], refs[b]));
  const sortedRefs = order.map((i) => refs[i]);

  // Which briefings cite each ID, directly and rolled up into the parent. Sets: a briefing counts once per cell.
  const own = new Map<string, Set<number>>();
  const rolled = new Map<string, Set<number>>();
  const add = (m: Map<string, Set<number>>, id: string, n: number) => {
    let s = m.get(id);
    if (!s) m.set(id, (s = new Set()));
    s.add(n);
  };
  order.forEach((inputIndex, n) => {
    const techniques = Array.isArray(kept[inputIndex].briefing.techniques) ? kept[inputIndex].briefing.techniques : [];
    for (const t of techniques) {
      const id = typeof t?.id === 'string' ? t.id.trim().toUpperCase() : '';
      if (!ID_RE.test(id)) continue;
      add(own, id, n);
      add(rolled, id, n);
      const parent = parentOf(id);
      if (parent) add(rolled, parent, n);
    }
  });

  const known = new Map(attack.techniques.map((t) => [t.id, t]));
  const subsOf = new Map<string, MatrixTechniqueDef[]>();
  for (const t of attack.techniques) {
    const p = parentOf(t.id);
    if (p && known.has(p)) subsOf.set(p, [...(subsOf.get(p) ?? []), t]);
  }
  const sorted = (s: Set<number> | undefined) => [...(s ?? [])].sort((a, b) => a - b);
  const maxCount = Math.max(0, ...[...rolled.entries()].filter(([id]) => known.has(id)).map(([, s]) => s.size));

  const cell = (t: MatrixTechniqueDef, tactic: string): MatrixCell => {
    const count = rolled.get(t.id)?.size ?? 0;
    const subs = (subsOf.get(t.id) ?? [])
      .filter((s) => s.tactics.length === 0 || s.tactics.includes(tactic))
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((s) => cell(s, tactic));
    return {
      id: t.id, name: t.name, count, own: own.get(t.id)?.size ?? 0, level: levelOf(count, maxCount), refs: sorted(rolled.get(t.id)),
      ...(opts.covered?.has(t.id) ? { covered: true as const } : {}),
      subs,
    };
  };

  // A sub-technique whose parent is missing from the structure still gets a cell of its own.
  const topLevel = attack.techniques.filter((t) => !parentOf(t.id) || !known.has(parentOf(t.id)!));
  const columns = attack.tactics.map((tactic): MatrixColumn => ({
    tactic: { id: tactic.id, shortname: tactic.shortname, name: tactic.name },
    techniques: topLevel
      .filter((t) => t.tactics.includes(tactic.shortname))
      .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1))
      .map((t) => cell(t, tactic.shortname)),
  }));

  const unknown = [...own.entries()]
    .filter(([id]) => !known.has(id))
    .map(([id, s]) => ({ id, count: s.size, refs: sorted(s) }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));

  return {
    columns, briefings: sortedRefs, filter, total: inputs.length, undated, undatedExcluded: hasDateRange(filter), maxCount, unknown,
    coverage: !!opts.covered,
  };
}

/** Every technique ID with at least one citing briefing, in ID order: what a test or a status line compares. */
export function citedIds(model: MatrixModel): string[] {
  const ids = new Set<string>();
  const walk = (c: MatrixCell) => {
    if (c.own > 0) ids.add(c.id);
    c.subs.forEach(walk);
  };
  model.columns.forEach((col) => col.techniques.forEach(walk));
  return [...ids].sort();
}
