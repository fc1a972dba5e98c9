// The briefing as a STIX 2.1 bundle: the producer's identity, one indicator per IOC with a STIX pattern, the CVEs as
// vulnerabilities, the named malware and actors, ATT&CK techniques as attack patterns, `indicates` relationships and
// a report that refers to all of them. IDs are v5 UUIDs of the content and timestamps come from the briefing's date,
// so the same briefing always gives the same bundle.
import type { Briefing, Confidence, Ioc } from '../model';
import { articleUrl, exportAuthor, exportDate, NO_DATE } from './common';
import { oneLine, snakeCase } from './names';
import { stixPattern } from './stix-patterns';
import type { ExportOptions, ExportResult } from './types';
import { stableUuid } from './uuid';

type StixObject = Record<string, unknown> & { type: string; id: string };

const CONFIDENCE: Record<Confidence, number> = { high: 85, medium: 60, low: 30 };
// The producer's identity has one ID in every bundle, so it has one fixed version too: STIX forbids two objects with
// the same ID and different `created` times.
const IDENTITY_TIME = '2026-01-01T00:00:00.000Z';

function sid(type: string, ...parts: string[]): string {
  return `${type}--${stableUuid('stix', type, ...parts)}`;
}

function articleReference(briefing: Briefing): Record<string, string> {
  const raw = articleUrl(briefing);
  let url: string | undefined;
  try {
    url = raw ? new URL(raw).href : undefined; // percent-encoded: STIX checks the URL against RFC 3986
  } catch {
    url = undefined;
  }
  return { source_name: oneLine(briefing.source) || 'article', ...(url ? { url } : { description: oneLine(briefing.title) || 'the article' }) };
}

export function exportStix(briefing: Briefing, opts: ExportOptions = {}, iocs: Ioc[] = briefing.iocs): ExportResult {
  const date = exportDate(briefing, opts);
  if (!date) return { ok: false, reason: NO_DATE };
  const ts = `${date}T00:00:00.000Z`;
  const author = exportAuthor(opts);
  const identity: StixObject = {
    type: 'identity', spec_version: '2.1', id: sid('identity', author), created: IDENTITY_TIME, modified: IDENTITY_TIME, name: author,
    identity_class: opts.author ? 'individual' : 'system',
  };
  const common = (type: string, ...key: string[]) => ({ type, spec_version: '2.1', id: sid(type, briefing.id, ...key), created_by_ref: identity.id, created: ts, modified: ts });
  const ref = articleReference(briefing);

  const malware: StixObject[] = [...new Set(briefing.entities?.malware ?? [])].map((name) => ({ ...common('malware', name), name, is_family: true }));
  const actors: StixObject[] = [...new Set(briefing.entities?.actors ?? [])].map((name) => ({ ...common('threat-actor', name), name }));
  const patterns: StixObject[] = (briefing.techniques ?? []).filter((t) => /^T\d{4}(?:\.\d{3})?$/.test(t.id)).map((t) => ({
    ...common('attack-pattern', t.id), name: t.name || t.id,
    external_references: [{ source_name: 'mitre-attack', external_id: t.id, url: `https://attack.mitre.org/techniques/${t.id.replace('.', '/')}/` }],
  }));
  const indicators: StixObject[] = [];
  const vulnerabilities: StixObject[] = [];
  const wallets: string[] = [];
  const seen = new Set<string>();
  for (const ioc of iocs) {
    const key = `${ioc.type}:${ioc.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (ioc.type === 'cve') {
      const cve = ioc.value.toUpperCase();
      const cveRef = /^CVE-\d{4}-(?:0\d{3}|[1-9]\d{3,})$/.test(cve) ? [{ source_name: 'cve', external_id: cve }] : [];
      vulnerabilities.push({ ...common('vulnerability', cve), name: cve, external_references: [...cveRef, ref] });
      continue;
    }
    const pattern = stixPattern(ioc);
    if (!pattern) {
      if (ioc.type === 'crypto_wallet') wallets.push(ioc.value);
      continue;
    }
    indicators.push({
      ...common('indicator', ioc.type, ioc.value), name: `${ioc.type} ${ioc.display || ioc.value}`,
      ...(ioc.reason ? { description: oneLine(ioc.reason) } : {}),
      indicator_types: ['malicious-activity'], pattern, pattern_type: 'stix', pattern_version: '2.1', valid_from: ts,
      confidence: CONFIDENCE[ioc.confidence] ?? 50, external_references: [ref],
    });
  }
  // An indicator indicates the malware the article names; with no malware named, the actors.
  const targets = malware.length ? malware : actors;
  const relationships: StixObject[] = [];
  for (const i of indicators) {
    for (const t of targets) relationships.push({ ...common('relationship', i.id, t.id), relationship_type: 'indicates', source_ref: i.id, target_ref: t.id });
  }
  for (const a of actors) {
    for (const m of malware) relationships.push({ ...common('relationship', a.id, m.id), relationship_type: 'uses', source_ref: a.id, target_ref: m.id });
  }
  const content = [...indicators, ...vulnerabilities, ...malware, ...actors, ...patterns, ...relationships];
  const report: StixObject = {
    ...common('report'), name: oneLine(briefing.title) || briefing.id, ...(briefing.summary ? { description: briefing.summary } : {}),
    report_types: ['threat-report'], published: ts, object_refs: content.length ? content.map((o) => o.id) : [identity.id],
    external_references: [ref],
    ...(wallets.length ? { x_threat_briefings_crypto_wallets: wallets } : {}),
  };
  const bundle = { type: 'bundle', id: `bundle--${stableUuid('stix', 'bundle', briefing.id)}`, objects: [identity, report, ...content] };
  return { ok: true, fileName: `${snakeCase(briefing.title) || briefing.id}.stix.json`, text: JSON.stringify(bundle, null, 2) + '\n' };
}
