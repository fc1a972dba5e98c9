// Briefings → an ATT&CK Navigator layer (file format 4.5): each cited technique scored by the number of briefings
// that cite it, with their titles in the comment. Pure and deterministic (no clock, stable order), so the same
// briefings give the same file, byte for byte, and a layer kept in git only changes when the briefings do.
import { Briefing, SEVERITIES } from '../model';
import { BriefingFilter, describeFilter, publishedDay } from './matrixFilter';
import { MatrixAttack } from './matrix';

export const LAYER_FORMAT = '4.5';
/** The Navigator release whose file format is 4.5; the schema wants 4.9 or newer. */
export const NAVIGATOR_VERSION = '5.1.0';
const DEFAULT_ATTACK_MAJOR = '18';
const MAX_TITLES = 25;
const ID_RE = /^T\d{4}(?:\.\d{3})?$/;
const LOW = '#fff3c4';
const HIGH = '#d7301f';

export interface LayerTechnique {
  techniqueID: string;
  tactic?: string;
  score: number;
  comment: string;
  enabled: true;
  showSubtechniques?: boolean;
  metadata: Array<{ name: string; value: string }>;
  links?: Array<{ label: string; url: string }>;
}

export interface NavigatorLayer {
  name: string;
  versions: { attack: string; navigator: string; layer: string };
  domain: 'enterprise-attack';
  description: string;
  sorting: 3;
  layout: { layout: 'side'; showID: boolean; showName: boolean; showAggregateScores: boolean; countUnscored: boolean; aggregateFunction: 'max'; expandedSubtechniques: 'annotated' };
  hideDisabled: false;
  techniques: LayerTechnique[];
  gradient: { colors: string[]; minValue: number; maxValue: number };
  legendItems: Array<{ label: string; color: string }>;
  showTacticRowBackground: false;
  selectTechniquesAcrossTactics: true;
  selectSubtechniquesWithParent: false;
  selectVisibleTechniques: false;
  metadata: Array<{ name: string; value: string }>;
}

export interface LayerOptions {
  name?: string;
  /** The filter the briefings were chosen with, recorded in the description. */
  filter?: BriefingFilter;
  /** ATT&CK major version for `versions.attack`; default: the newest one the briefings were generated with. */
  attackVersion?: string;
  /**
   * The ATT&CK structure, when known: a technique cited for only some of its tactics (a briefing made with older
   * data) is then tagged per tactic instead of colouring every tactic it has.
   */
  attack?: Pick<MatrixAttack, 'techniques'>;
  generator?: string;
}

type LayerBriefing = Pick<Briefing, 'title' | 'severity' | 'published' | 'techniques' | 'url' | 'generator'>;

/** "Privilege Escalation" → "privilege-escalation": the kill-chain shortname Navigator's `tactic` holds. */
export function tacticShortname(name: string): string {
  return name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function attackMajor(briefings: readonly LayerBriefing[]): string {
  const majors = briefings
    .map((b) => /^(\d+)/.exec(String(b.generator?.attackVersion ?? ''))?.[1])
    .filter((m): m is string => !!m)
    .map(Number);
  return majors.length ? String(Math.max(...majors)) : DEFAULT_ATTACK_MAJOR;
}

function byNewest(a: LayerBriefing, b: LayerBriefing): number {
  const da = publishedDay(a) ?? '', db = publishedDay(b) ?? '';
  if (da !== db) return da < db ? 1 : -1;
  return String(a.title).localeCompare(String(b.title));
}

function comment(cites: readonly LayerBriefing[]): string {
  const lines = cites.slice(0, MAX_TITLES).map((b) => `${b.title} (${b.severity}, ${publishedDay(b) ?? 'undated'})`);
  if (cites.length > MAX_TITLES) lines.push(`… and ${cites.length - MAX_TITLES} more`);
  const head = `Cited by ${cites.length} briefing${cites.length === 1 ? '' : 's'}:`;
  return [head, ...lines].join('\n');
}

function highest(cites: readonly LayerBriefing[]): string {
  return [...SEVERITIES].reverse().find((s) => cites.some((b) => b.severity === s)) ?? String(cites[0]?.severity ?? '');
}

export function navigatorLayer(input: readonly LayerBriefing[], opts: LayerOptions = {}): NavigatorLayer {
  const briefings = [...input].sort(byNewest);
  // technique ID → the briefings citing it, and the tactic shortnames they cite it for.
  const cites = new Map<string, { briefings: LayerBriefing[]; tactics: Set<string> }>();
  for (const b of briefings) {
    const seen = new Set<string>();
    for (const t of Array.isArray(b.techniques) ? b.techniques : []) {
      const id = typeof t?.id === 'string' ? t.id.trim().toUpperCase() : '';
      if (!ID_RE.test(id)) continue;
      let c = cites.get(id);
      if (!c) cites.set(id, (c = { briefings: [], tactics: new Set() }));
      if (!seen.has(id)) c.briefings.push(b);
      seen.add(id);
      for (const name of Array.isArray(t.tactics) ? t.tactics : []) if (typeof name === 'string') c.tactics.add(tacticShortname(name));
    }
  }
  const defs = new Map((opts.attack?.techniques ?? []).map((t) => [t.id, t]));
  const ids = [...cites.keys()].sort();
  const techniques: LayerTechnique[] = [];
  for (const id of ids) {
    const c = cites.get(id)!;
    const links = c.briefings.filter((b) => typeof b.url === 'string' && /^https?:\/\//.test(b.url)).slice(0, MAX_TITLES).map((b) => ({ label: String(b.title), url: b.url! }));
    const base = {
      techniqueID: id,
      score: c.briefings.length,
      comment: comment(c.briefings),
      enabled: true as const,
      ...(!id.includes('.') && ids.some((x) => x.startsWith(`${id}.`)) ? { showSubtechniques: true } : {}),
      metadata: [{ name: 'highest severity', value: highest(c.briefings) }],
      ...(links.length ? { links } : {}),
    };
    // One untagged entry colours the technique under every tactic it has, which is what a citation means; only a
    // technique cited for fewer tactics than ATT&CK gives it is tagged per tactic.
    const all = defs.get(id)?.tactics;
    const cited = [...c.tactics].filter((s) => !all || all.includes(s)).sort();
    if (all && cited.length && cited.length < all.length) for (const tactic of cited) techniques.push({ ...base, tactic });
    else techniques.push(base);
  }
  const maxScore = Math.max(1, ...techniques.map((t) => t.score));
  // Scores start at 1 (a technique nobody cites is not in the layer); maxValue > minValue even when nothing or
  // only one briefing is cited, because the Navigator (and the schema's code check) need a real range.
  const maxValue = Math.max(2, maxScore);
  const filter = describeFilter(opts.filter ?? {});
  const days = briefings.map(publishedDay).filter((d): d is string => !!d).sort();
  const metadata = [
    { name: 'briefings', value: String(briefings.length) },
    { name: 'techniques', value: String(ids.length) },
    { name: 'filter', value: filter },
    ...(days.length ? [{ name: 'published', value: days[0] === days[days.length - 1] ? days[0] : `${days[0]} to ${days[days.length - 1]}` }] : []),
    ...(opts.generator ? [{ name: 'generator', value: opts.generator }] : []),
  ];
  return {
    name: opts.name ?? `Threat Briefings (${briefings.length} briefing${briefings.length === 1 ? '' : 's'})`,
    versions: { attack: opts.attackVersion ?? attackMajor(briefings), navigator: NAVIGATOR_VERSION, layer: LAYER_FORMAT },
    domain: 'enterprise-attack',
    description: `Techniques cited by threat briefings (${filter}); score = number of citing briefings.`,
    sorting: 3,
    layout: { layout: 'side', showID: true, showName: true, showAggregateScores: true, countUnscored: false, aggregateFunction: 'max', expandedSubtechniques: 'annotated' },
    hideDisabled: false,
    techniques,
    gradient: { colors: [LOW, HIGH], minValue: 1, maxValue },
    legendItems: [
      { label: '1 briefing', color: LOW },
      { label: `${maxValue} briefings`, color: HIGH },
    ],
    showTacticRowBackground: false,
    selectTechniquesAcrossTactics: true,
    selectSubtechniquesWithParent: false,
    selectVisibleTechniques: false,
    metadata,
  };
}

/** The layer as a file: two-space JSON with a final newline. */
export function navigatorLayerJson(briefings: readonly LayerBriefing[], opts: LayerOptions = {}): string {
  return JSON.stringify(navigatorLayer(briefings, opts), null, 2) + '\n';
}
