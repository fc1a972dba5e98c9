// STIX bundle → compact index (AttackIndexData). Pure apart from reading the bundle; run by `attack build-index`.
import { basename } from 'node:path';
import { cleanStixText, shortText } from './clean-text';
import { releaseForDate } from './releases';
import { attackIdOf, readStixBundle, StixBundle, StixObject } from './stix';
import {
  AnalyticEntry, AttackIndexData, DetectionStrategyEntry, INDEX_FORMAT, INDEX_FORMAT_VERSION, MitigationEntry, NamedEntry,
  RetiredEntry, RetiredKind, TacticEntry, TechniqueEntry,
} from './types';

export interface BuildOptions {
  /** Name of the bundle file, recorded in the index and used to read a version from names like enterprise-attack-18.1.json. */
  fileName?: string;
  /** Overrides the detected ATT&CK version. */
  attackVersion?: string;
}

const RETIRED_KIND: Record<string, RetiredKind> = {
  'attack-pattern': 'technique', 'x-mitre-tactic': 'tactic', 'intrusion-set': 'group', malware: 'software', tool: 'software',
  campaign: 'campaign', 'course-of-action': 'mitigation',
};

const isRetired = (o: StixObject): boolean => o.revoked === true || o.x_mitre_deprecated === true;
const uniq = <T>(xs: T[]): T[] => [...new Set(xs)];

export function buildIndexFromFile(path: string, opts: BuildOptions = {}): AttackIndexData {
  return buildIndex(readStixBundle(path), { fileName: basename(path), ...opts });
}

export function buildIndex(bundle: StixBundle, opts: BuildOptions = {}): AttackIndexData {
  const objects = bundle.objects;
  const byRef = new Map<string, StixObject>();
  for (const o of objects) byRef.set(o.id, o);
  const idOf = (ref: string | undefined): string | undefined => (ref ? attackIdOfRef(byRef, ref) : undefined);
  const rels = objects.filter((o) => o.type === 'relationship' && !isRetired(o));

  // Tactics, in matrix order when a matrix lists them.
  const tacticObjs = objects.filter((o) => o.type === 'x-mitre-tactic' && !isRetired(o) && attackIdOf(o));
  const matrix = objects.find((o) => o.type === 'x-mitre-matrix' && !isRetired(o));
  const order = new Map((matrix?.tactic_refs ?? []).map((ref, i) => [ref, i]));
  tacticObjs.sort((a, b) => (order.get(a.id) ?? 99) - (order.get(b.id) ?? 99) || String(attackIdOf(a)).localeCompare(String(attackIdOf(b))));
  const tactics: TacticEntry[] = tacticObjs.map((o) => ({
    id: attackIdOf(o)!, shortname: o.x_mitre_shortname ?? '', name: o.name ?? '', description: shortText(o.description, 300),
  }));
  const tacticRank = new Map(tactics.map((t, i) => [t.shortname, i]));

  // Relationship tallies per technique.
  const uses = new Map<string, { groups: number; software: number; campaigns: number }>();
  const mitigations = new Map<string, string[]>();
  const strategiesOf = new Map<string, string[]>();
  for (const r of rels) {
    const src = r.source_ref ? byRef.get(r.source_ref) : undefined;
    const tgt = r.target_ref ? byRef.get(r.target_ref) : undefined;
    if (!src || !tgt || tgt.type !== 'attack-pattern' || isRetired(src)) continue;
    const key = tgt.id;
    if (r.relationship_type === 'uses') {
      const u = uses.get(key) ?? { groups: 0, software: 0, campaigns: 0 };
      if (src.type === 'intrusion-set') u.groups++;
      else if (src.type === 'malware' || src.type === 'tool') u.software++;
      else if (src.type === 'campaign') u.campaigns++;
      uses.set(key, u);
    } else if (r.relationship_type === 'mitigates' && src.type === 'course-of-action') {
      const m = attackIdOf(src);
      if (m && /^M\d{4}$/.test(m)) mitigations.set(key, [...(mitigations.get(key) ?? []), m]);
    } else if (r.relationship_type === 'detects' && src.type === 'x-mitre-detection-strategy') {
      const d = attackIdOf(src);
      if (d) strategiesOf.set(key, [...(strategiesOf.get(key) ?? []), d]);
    }
  }

  const techniques: TechniqueEntry[] = [];
  for (const o of objects) {
    if (o.type !== 'attack-pattern' || isRetired(o)) continue;
    const id = attackIdOf(o);
    if (!id || !/^T\d{4}(?:\.\d{3})?$/.test(id)) continue;
    const tacticNames = uniq((o.kill_chain_phases ?? []).filter((k) => k.kill_chain_name === 'mitre-attack' && k.phase_name).map((k) => k.phase_name!));
    tacticNames.sort((a, b) => (tacticRank.get(a) ?? 99) - (tacticRank.get(b) ?? 99));
    const u = uses.get(o.id) ?? { groups: 0, software: 0, campaigns: 0 };
    const t: TechniqueEntry = {
      id, name: o.name ?? id, tactics: tacticNames, platforms: o.x_mitre_platforms ?? [], description: shortText(o.description),
      groups: u.groups, software: u.software, campaigns: u.campaigns,
    };
    const detection = shortText(o.x_mitre_detection, 700);
    if (detection) t.detection = detection;
    const det = strategiesOf.get(o.id);
    if (det?.length) t.detectionStrategies = uniq(det).sort();
    const mit = mitigations.get(o.id);
    if (mit?.length) t.mitigations = uniq(mit).sort();
    techniques.push(t);
  }
  techniques.sort((a, b) => a.id.localeCompare(b.id));

  const detectionStrategies: DetectionStrategyEntry[] = objects
    .filter((o) => o.type === 'x-mitre-detection-strategy' && !isRetired(o) && attackIdOf(o))
    .map((o) => ({
      id: attackIdOf(o)!,
      name: o.name ?? '',
      analytics: (o.x_mitre_analytic_refs ?? []).flatMap((ref) => {
        const a = byRef.get(ref);
        if (!a || isRetired(a)) return [];
        const entry: AnalyticEntry = {
          id: attackIdOf(a) ?? '',
          platforms: a.x_mitre_platforms ?? [],
          description: shortText(a.description, 300),
          logSources: uniq((a.x_mitre_log_source_references ?? []).filter((l) => l.name).map((l) => (l.channel ? `${l.name} (${l.channel})` : l.name!))).slice(0, 6),
        };
        return [entry];
      }),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));

  const named = (types: string[]): NamedEntry[] =>
    objects
      .filter((o) => types.includes(o.type) && !isRetired(o) && attackIdOf(o))
      .map((o) => {
        const name = o.name ?? '';
        const aliases = uniq([...(o.aliases ?? []), ...(o.x_mitre_aliases ?? [])]).filter((a) => a && a !== name);
        const e: NamedEntry = { id: attackIdOf(o)!, name, aliases, description: shortText(o.description, 300) };
        if (o.type === 'malware' || o.type === 'tool') e.kind = o.type;
        return e;
      })
      .sort((a, b) => a.id.localeCompare(b.id));

  const mitigationEntries: MitigationEntry[] = objects
    .filter((o) => o.type === 'course-of-action' && !isRetired(o) && /^M\d{4}$/.test(attackIdOf(o) ?? ''))
    .map((o) => ({ id: attackIdOf(o)!, name: o.name ?? '', description: shortText(o.description, 300) }))
    .sort((a, b) => a.id.localeCompare(b.id));

  return {
    format: INDEX_FORMAT,
    formatVersion: INDEX_FORMAT_VERSION,
    ...detectVersion(objects, opts),
    copyright: copyrightOf(objects),
    source: { file: opts.fileName ?? '', sha256: bundle.sha256, objects: objects.length },
    tactics,
    techniques,
    detectionStrategies,
    groups: named(['intrusion-set']),
    software: named(['malware', 'tool']),
    campaigns: named(['campaign']),
    mitigations: mitigationEntries,
    retired: retiredEntries(objects, byRef, rels, new Set(techniques.map((t) => t.id)), idOf),
  };
}

function attackIdOfRef(byRef: Map<string, StixObject>, ref: string): string | undefined {
  const o = byRef.get(ref);
  return o ? attackIdOf(o) : undefined;
}

function retiredEntries(
  objects: StixObject[], byRef: Map<string, StixObject>, rels: StixObject[], currentTechniques: Set<string>,
  idOf: (ref: string | undefined) => string | undefined,
): RetiredEntry[] {
  const revokedBy = new Map<string, string>();
  for (const r of rels) if (r.relationship_type === 'revoked-by' && r.source_ref && r.target_ref) revokedBy.set(r.source_ref, r.target_ref);
  const out = new Map<string, RetiredEntry>();
  for (const o of objects) {
    const kind = RETIRED_KIND[o.type];
    const id = attackIdOf(o);
    if (!kind || !id || !isRetired(o)) continue;
    // A revoked ID can point at an object that was itself revoked later: follow the chain.
    let ref: string | undefined = o.id;
    const seen = new Set<string>();
    while (ref && byRef.get(ref)?.revoked && revokedBy.has(ref) && !seen.has(ref)) {
      seen.add(ref);
      ref = revokedBy.get(ref);
    }
    const end = ref && ref !== o.id ? byRef.get(ref) : undefined;
    let replacedBy = end && !isRetired(end) ? [idOf(end.id)!].filter(Boolean) : [];
    if (!replacedBy.length && o.x_mitre_deprecated && kind === 'technique') {
      // MITRE's deprecation notices say "Please use [Name](https://attack.mitre.org/techniques/T1059/001) …".
      const notice = (o.description ?? '').split('\n')[0];
      replacedBy = uniq([...notice.matchAll(/attack\.mitre\.org\/techniques\/(T\d{4})(?:\/(\d{3}))?/g)].map((m) => (m[2] ? `${m[1]}.${m[2]}` : m[1])))
        .filter((t) => currentTechniques.has(t));
    }
    const e: RetiredEntry = { id, name: o.name ?? id, kind, status: o.revoked ? 'revoked' : 'deprecated', replacedBy };
    const tactics = (o.kill_chain_phases ?? []).filter((k) => k.kill_chain_name === 'mitre-attack' && k.phase_name).map((k) => k.phase_name!);
    if (tactics.length) e.tactics = uniq(tactics);
    // IDs are sometimes reused (old mitigations were T-numbered); a current object with the same ID wins.
    if (kind === 'technique' && currentTechniques.has(id)) continue;
    if (!out.has(id) || e.status === 'revoked') out.set(id, e);
  }
  return [...out.values()].sort((a, b) => a.id.localeCompare(b.id));
}

function copyrightOf(objects: StixObject[]): string {
  const m = objects.find((o) => o.type === 'marking-definition' && o.definition?.statement && /MITRE/i.test(o.definition.statement));
  return cleanStixText(m?.definition?.statement) || '© The MITRE Corporation. MITRE ATT&CK® and ATT&CK® are registered trademarks of The MITRE Corporation.';
}

function detectVersion(objects: StixObject[], opts: BuildOptions): { attackVersion: string; versionSource: string } {
  if (opts.attackVersion) return { attackVersion: opts.attackVersion.replace(/^v/i, ''), versionSource: '--attack-version' };
  const collection = objects.find((o) => o.type === 'x-mitre-collection' && o.x_mitre_version);
  if (collection) return { attackVersion: collection.x_mitre_version!, versionSource: 'x-mitre-collection' };
  const fromName = /attack[-_ ]?v?(\d{1,2}\.\d{1,2})\b/i.exec(opts.fileName ?? '');
  if (fromName) return { attackVersion: fromName[1], versionSource: 'file name' };
  // The matrix's x_mitre_version is the version of the matrix object, not of the release; use object dates.
  let newest = '';
  for (const o of objects) if (o.modified && o.modified > newest) newest = o.modified;
  const inferred = newest ? releaseForDate(newest) : undefined;
  if (inferred) return { attackVersion: inferred, versionSource: `inferred from object dates (newest ${newest.slice(0, 10)})` };
  return { attackVersion: newest ? `newer than 18.1 (objects up to ${newest.slice(0, 10)})` : 'unknown', versionSource: 'unknown' };
}
