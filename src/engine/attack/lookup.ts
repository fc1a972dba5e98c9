// The loaded MITRE ATT&CK® index: lookup by ID, name or alias, revocation mapping, search. Loaded lazily and cached.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildIndex, buildIndexFromFile } from './build-index';
import { attackIdKind, AttackIdKind, attackUrl, normalizeAttackId, parentTechniqueId } from './ids';
import { defaultStixPath, findStixBundle, indexCandidates } from './paths';
import { parseStixBundle } from './stix';
import {
  AttackDataError, AttackIndexData, DetectionStrategyEntry, INDEX_FORMAT, INDEX_FORMAT_VERSION, MitigationEntry, NamedEntry,
  RetiredEntry, TacticEntry, TechniqueEntry,
} from './types';

export * from './types';
export { attackIdKind, attackUrl, findAttackIds, normalizeAttackId, parentTechniqueId } from './ids';

export type AttackEntry =
  | { kind: 'technique'; entry: TechniqueEntry }
  | { kind: 'tactic'; entry: TacticEntry }
  | { kind: 'group' | 'software' | 'campaign'; entry: NamedEntry }
  | { kind: 'mitigation'; entry: MitigationEntry };

export type LookupResult =
  | { status: 'current'; id: string; kind: AttackIdKind; name: string; found: AttackEntry }
  | { status: 'revoked' | 'deprecated'; id: string; kind: AttackIdKind; name: string; retired: RetiredEntry; replacedBy: string[]; message: string }
  | { status: 'unknown'; id: string; kind?: AttackIdKind; message: string };

export class AttackIndex {
  readonly attackVersion: string;
  readonly copyright: string;
  private readonly byId = new Map<string, AttackEntry>();
  private readonly retiredById = new Map<string, RetiredEntry>();
  private readonly tacticByShortname = new Map<string, TacticEntry>();
  private readonly strategies = new Map<string, DetectionStrategyEntry>();
  private readonly subs = new Map<string, string[]>();
  private readonly byName = new Map<string, string[]>();

  constructor(readonly data: AttackIndexData) {
    this.attackVersion = data.attackVersion;
    this.copyright = data.copyright;
    for (const t of data.tactics) {
      this.byId.set(t.id, { kind: 'tactic', entry: t });
      this.tacticByShortname.set(t.shortname, t);
    }
    for (const t of data.techniques) {
      this.byId.set(t.id, { kind: 'technique', entry: t });
      const parent = parentTechniqueId(t.id);
      if (parent) this.subs.set(parent, [...(this.subs.get(parent) ?? []), t.id]);
    }
    for (const g of data.groups) this.byId.set(g.id, { kind: 'group', entry: g });
    for (const s of data.software) this.byId.set(s.id, { kind: 'software', entry: s });
    for (const c of data.campaigns) this.byId.set(c.id, { kind: 'campaign', entry: c });
    for (const m of data.mitigations) this.byId.set(m.id, { kind: 'mitigation', entry: m });
    for (const r of data.retired) if (!this.byId.has(r.id)) this.retiredById.set(r.id, r);
    for (const d of data.detectionStrategies) this.strategies.set(d.id, d);
    for (const [id, e] of this.byId) {
      const names = e.kind === 'technique' ? [e.entry.name, this.fullName(id)] : [e.entry.name, ...('aliases' in e.entry ? e.entry.aliases : [])];
      for (const n of new Set(names.map((x) => x.toLowerCase()))) this.byName.set(n, [...(this.byName.get(n) ?? []), id]);
    }
  }

  get techniques(): readonly TechniqueEntry[] {
    return this.data.techniques;
  }

  get tactics(): readonly TacticEntry[] {
    return this.data.tactics;
  }

  /** The current object with this ID (any of T/TA/G/S/M/C, Sigma tag form accepted). */
  get(id: string): AttackEntry | undefined {
    return this.byId.get(normalizeAttackId(id));
  }

  technique(id: string): TechniqueEntry | undefined {
    const e = this.get(id);
    return e?.kind === 'technique' ? e.entry : undefined;
  }

  tactic(shortnameOrId: string): TacticEntry | undefined {
    const e = this.get(shortnameOrId);
    return e?.kind === 'tactic' ? e.entry : this.tacticByShortname.get(shortnameOrId);
  }

  /** Tactic display names of a technique, in matrix order. */
  tacticNames(techniqueId: string): string[] {
    return (this.technique(techniqueId)?.tactics ?? []).map((s) => this.tacticByShortname.get(s)?.name ?? s);
  }

  /** "Command and Scripting Interpreter: PowerShell" for sub-techniques, the plain name otherwise. */
  fullName(id: string): string {
    const t = this.technique(id);
    if (!t) return this.get(id)?.entry.name ?? this.retired(id)?.name ?? id;
    const parent = parentTechniqueId(t.id);
    const p = parent ? this.technique(parent) : undefined;
    return p ? `${p.name}: ${t.name}` : t.name;
  }

  subTechniques(id: string): string[] {
    return this.subs.get(normalizeAttackId(id)) ?? [];
  }

  detectionStrategy(id: string): DetectionStrategyEntry | undefined {
    return this.strategies.get(id);
  }

  retired(id: string): RetiredEntry | undefined {
    return this.retiredById.get(normalizeAttackId(id));
  }

  /** The current ID for `id`: itself when current, its replacement when revoked (single replacement only). */
  resolve(id: string): string | undefined {
    const n = normalizeAttackId(id);
    if (this.byId.has(n)) return n;
    const r = this.retiredById.get(n);
    return r && r.replacedBy.length === 1 ? r.replacedBy[0] : undefined;
  }

  lookup(raw: string): LookupResult {
    const id = normalizeAttackId(raw);
    const kind = attackIdKind(id);
    const found = this.byId.get(id);
    if (found && kind) return { status: 'current', id, kind, name: kind === 'technique' ? this.fullName(id) : found.entry.name, found };
    const r = this.retiredById.get(id);
    if (r && kind) {
      const repl = r.replacedBy.map((x) => `${x} (${this.fullName(x)})`).join(', ');
      const message = `${id} (${r.name}) is ${r.status} in MITRE ATT&CK® v${this.attackVersion}` + (repl ? `; use ${repl}.` : '; it has no replacement.');
      return { status: r.status, id, kind, name: r.name, retired: r, replacedBy: r.replacedBy, message };
    }
    if (!kind) return { status: 'unknown', id, message: `'${raw}' is not a MITRE ATT&CK® ID (expected T1059, T1059.001, TA0002, G0032, S0154, M1038 or C0001).` };
    return { status: 'unknown', id, kind, message: `${id} is not in the loaded MITRE ATT&CK® version (v${this.attackVersion}); it may come from a newer release. Load a newer bundle with "Load ATT&CK Data…" or --stix.` };
  }

  /** IDs whose official name or alias equals `name` (case-insensitive). */
  findByName(name: string): string[] {
    return this.byName.get(name.trim().toLowerCase()) ?? [];
  }

  /** Ranked matches for a quick pick: ID prefix, then name/alias prefix, then substring. */
  search(query: string, limit = 50): Array<{ id: string; kind: AttackIdKind; name: string; detail: string }> {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const scored: Array<[number, string]> = [];
    for (const [id, e] of this.byId) {
      const names = [e.kind === 'technique' ? this.fullName(id) : e.entry.name, ...('aliases' in e.entry ? e.entry.aliases : [])].map((n) => n.toLowerCase());
      let score = 0;
      const lid = id.toLowerCase();
      if (lid === q) score = 100;
      else if (lid.startsWith(q)) score = 80;
      else if (names.some((n) => n === q)) score = 70;
      else if (names.some((n) => n.startsWith(q))) score = 50;
      else if (names.some((n) => n.split(/[\s:/-]+/).some((w) => w.startsWith(q)))) score = 40;
      else if (names.some((n) => n.includes(q))) score = 20;
      if (score) scored.push([score - (e.kind === 'technique' ? 0 : 5), id]);
    }
    scored.sort((a, b) => b[0] - a[0] || a[1].localeCompare(b[1]));
    return scored.slice(0, limit).map(([, id]) => {
      const e = this.byId.get(id)!;
      const detail = e.kind === 'technique' ? this.tacticNames(id).join(', ') : e.kind;
      return { id, kind: e.kind, name: e.kind === 'technique' ? this.fullName(id) : e.entry.name, detail };
    });
  }

  url(id: string): string | undefined {
    return attackUrl(id);
  }
}

export function indexFromData(json: unknown, label: string): AttackIndex {
  const d = json as Partial<AttackIndexData> | null;
  if (!d || d.format !== INDEX_FORMAT) throw new AttackDataError(`${label}: not a Threat Briefings ATT&CK index.`);
  if (d.formatVersion !== INDEX_FORMAT_VERSION) {
    throw new AttackDataError(`${label}: index format ${d.formatVersion} is not supported (expected ${INDEX_FORMAT_VERSION}); rebuild it with 'threat-briefings attack build-index'.`);
  }
  return new AttackIndex(d as AttackIndexData);
}

/**
 * Reads an index file, or a STIX bundle (.json / .json.gz) which is converted in memory: this is how a user's
 * newer ATT&CK release (e.g. v19) is loaded without rebuilding the extension.
 */
export function readAttackIndex(path: string): AttackIndex {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new AttackDataError(`cannot read MITRE ATT&CK® data ${path}: ${(e as Error).message}`);
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return new AttackIndex(buildIndex(parseStixBundle(bytes, path), { fileName: path }));
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new AttackDataError(`${path}: not valid JSON (${(e as Error).message}).`);
  }
  if ((json as { type?: string })?.type === 'bundle') return new AttackIndex(buildIndex(parseStixBundle(bytes, path), { fileName: path }));
  return indexFromData(json, path);
}

const cache = new Map<string, AttackIndex>();

/**
 * The ATT&CK index, loaded once per path. Without a path: the built index next to the code (dist/attack-index.json,
 * or $THREAT_BRIEFINGS_ATTACK_INDEX), else — for development and tests — built in memory from the STIX bundle.
 */
export function loadAttackIndex(path?: string): AttackIndex {
  const key = path ? resolve(path) : '<default>';
  const hit = cache.get(key);
  if (hit) return hit;
  let index: AttackIndex;
  if (path) index = readAttackIndex(path);
  else {
    const found = indexCandidates().find((p) => existsSync(p));
    if (found) index = readAttackIndex(found);
    else {
      const stix = findStixBundle();
      if (!stix) {
        throw new AttackDataError(`No MITRE ATT&CK® index found (looked in ${indexCandidates().join(', ')}) and no STIX bundle at ${defaultStixPath()}. Run 'threat-briefings attack build-index' or set THREAT_BRIEFINGS_ATTACK_STIX.`);
      }
      index = new AttackIndex(buildIndexFromFile(stix));
    }
  }
  cache.set(key, index);
  return index;
}

/** Forget cached indexes (after the user loads new ATT&CK data). */
export function clearAttackIndexCache(): void {
  cache.clear();
}
