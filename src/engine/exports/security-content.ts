// Splunk security_content detection YAML in the contentctl 5.x layout, as a Hunting search (Hunting detections carry
// no rba block). The search is the hunt's SPL plus the `<name>_filter` macro contentctl requires; the file name is
// the snake-case name, as contentctl expects.
import type { Briefing, Hunt } from '../model';
import { articleUrl, describe, exportAuthor, exportDate, huntTechniques, NO_DATE } from './common';
import { huntIocs } from './ioc-types';
import { oneLine, truncate } from './names';
import { withoutCoveredParents } from './tactics';
import type { ExportOptions, ExportResult } from './types';
import { stableUuid } from './uuid';
import { toYaml } from './yaml-out';

const NAME_MAX = 67;

// Data sources named as security_content names them, for the CIM datasets a hunt reads.
const DATA_SOURCES: Record<string, string[]> = {
  'Endpoint.Processes': ['Sysmon EventID 1', 'Windows Event Log Security 4688'],
  'Endpoint.Filesystem': ['Sysmon EventID 11'],
  'Endpoint.Registry': ['Sysmon EventID 13'],
  'Endpoint.Services': ['Windows Event Log System 7045'],
  'Network_Resolution.DNS': ['Sysmon EventID 22'],
  'Network_Traffic.All_Traffic': ['Sysmon EventID 3'],
  'Authentication.Authentication': ['Windows Event Log Security 4624'],
};

/** The detection name: title words only (the filter macro and file name derive from it), at most 67 characters. */
export function contentName(title: string, huntId: string): string {
  const clean = (s: string) => oneLine(s).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\w -]+/g, ' ').replace(/\s+/g, ' ').trim();
  // a title without Latin letters or digits (e.g. all Japanese) falls back to the hunt ID, which is unique in the briefing
  return truncate(clean(title), NAME_MAX) || truncate(clean(huntId.replace(/_/g, ' ')), NAME_MAX) || 'Threat Briefings Hunt';
}

/** contentctl's snake case of a name (space, '-', '.', '/' → '_', lower case). */
export function contentSnake(name: string): string {
  return name.replace(/[ ./-]/g, '_').toLowerCase();
}

function domain(hunt: Hunt): { security_domain: string; asset_type: string } {
  const ds = hunt.telemetry?.splunk ?? [];
  if (ds.some((d) => d.startsWith('Endpoint.'))) return { security_domain: 'endpoint', asset_type: 'Endpoint' };
  if (ds.some((d) => d.startsWith('Authentication.'))) return { security_domain: 'access', asset_type: 'Identity' };
  if (ds.some((d) => d.startsWith('Web.'))) return { security_domain: 'network', asset_type: 'Web Proxy' };
  if (ds.some((d) => /^(?:Network_|Email\.)/.test(d))) return { security_domain: 'network', asset_type: 'Network' };
  return { security_domain: hunt.kind === 'ioc' ? 'threat' : 'endpoint', asset_type: 'Endpoint' };
}

function implement(hunt: Hunt): string {
  const ds = hunt.telemetry?.splunk ?? [];
  const models = ds.length ? `the CIM data model dataset(s) ${ds.join(', ')}, populated and accelerated` : 'the logs the search reads';
  return `Run this hunting search over ${models}. It uses the security_content macros security_content_summariesonly, ` +
    'drop_dm_object_name and security_content_ctime where the search calls them; tune the filter macro for your environment.';
}

export function exportSecurityContent(hunt: Hunt, briefing: Briefing, opts: ExportOptions = {}): ExportResult {
  const date = exportDate(briefing, opts);
  if (!date) return { ok: false, reason: `${hunt.id}: ${NO_DATE}` };
  const spl = (hunt.spl ?? '').trim();
  if (!spl) return { ok: false, reason: `${hunt.id} cannot be exported as a security_content detection: it has no SPL` };
  const name = contentName(hunt.title, hunt.id);
  const snake = contentSnake(name);
  const url = articleUrl(briefing);
  const fps = [...new Set((hunt.falsePositives ?? []).map(oneLine).filter(Boolean))].map((f) => (/[.!?]$/.test(f) ? f : f + '.')).join(' ');
  const dataSources = [...new Set((hunt.telemetry?.splunk ?? []).flatMap((d) => DATA_SOURCES[d] ?? []))];
  const cves = huntIocs(hunt, briefing).filter((i) => i.type === 'cve').map((i) => i.value.toUpperCase()).filter((c) => /^CVE-[12]\d{3}-\d+$/.test(c));
  const stories = (opts.analyticStories?.length ? opts.analyticStories : [briefing.title]).map(oneLine).filter(Boolean);
  const doc = {
    name,
    id: stableUuid('security_content', briefing.id, hunt.id),
    version: 1,
    date,
    author: truncate(exportAuthor(opts), 255),
    status: 'experimental',
    type: 'Hunting',
    description: truncate(describe(hunt, briefing), 10000),
    ...(dataSources.length ? { data_source: dataSources } : {}),
    search: `${spl}\n| \`${snake}_filter\``,
    how_to_implement: implement(hunt),
    known_false_positives: fps.length >= 4 ? fps : 'Unknown; review the results before acting on them.',
    ...(url ? { references: [url] } : {}),
    tags: {
      analytic_story: [...new Set(stories.length ? stories : ['Threat Briefings'])],
      asset_type: domain(hunt).asset_type,
      mitre_attack_id: withoutCoveredParents(huntTechniques(hunt)),
      product: ['Splunk Enterprise', 'Splunk Enterprise Security', 'Splunk Cloud'],
      security_domain: domain(hunt).security_domain,
      ...(cves.length ? { cve: [...new Set(cves)] } : {}),
    },
  };
  return { ok: true, fileName: `${snake}.yml`, text: toYaml(doc, { indent: 2, indentSeq: false }) };
}
