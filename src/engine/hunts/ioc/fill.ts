// IOC hunts: the templates filled with the briefing's own IOCs. Every kept IOC of a hunted type is in a query; long
// lists are split into chunks (CHUNK values per literal) rather than cut.
import type { Confidence, Hunt, Ioc, IocType } from '../../model';
import { plural } from '../../text/plural';
import { Sentence, sentenceIndexAt } from '../../text/sentences';
import { chunks, kqlString, literalList, splString } from './literals';
import { IOC_TEMPLATES, IocList, IocTemplate } from './templates';

export const CHUNK = 200;

const KQL_LIST = /\{\{(\w+)\}\}/g;
const SPL_MATCH = /\{\{MATCH (\w+:[\w.]+(?: \w+:[\w.]+){0,19}) ?\}\}/g;

/** The query values of each list, in IOC order, without duplicates. */
export function listValues(t: IocTemplate, iocs: readonly Ioc[], lang: 'kql' | 'spl'): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const l of t.lists) out.set(l.name, valuesOf(l, iocs, lang));
  return out;
}

function valuesOf(l: IocList, iocs: readonly Ioc[], lang: 'kql' | 'spl'): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const shape = lang === 'spl' ? l.splShape ?? l.shape : l.shape;
  for (const i of iocs) {
    if (!l.types.includes(i.type)) continue;
    for (const v of shape(i.value)) {
      const k = v.toLowerCase();
      if (!v || seen.has(k)) continue;
      seen.add(k);
      out.push(v);
    }
  }
  return out;
}

/** A KQL dynamic array literal, in chunks of CHUNK joined by array_concat. */
export function kqlDynamic(values: string[]): string {
  const parts = chunks(values, CHUNK).map((c) => `dynamic([${literalList(c.map(kqlString), '    ')}])`);
  if (!parts.length) return 'dynamic([])';
  return parts.length === 1 ? parts[0] : `array_concat(\n  ${parts.join(',\n  ')})`;
}

/** `field IN (...)` clauses for the values, one per chunk of CHUNK. */
export function splIn(field: string, values: string[]): string[] {
  return chunks(values, CHUNK).map((c) => `${field} IN (${literalList(c.map(splString), '      ')})`);
}

function splMatch(spec: string, values: Map<string, string[]>): string {
  const parts: string[] = [];
  for (const pair of spec.trim().split(/\s+/)) {
    const [list, field] = pair.split(':');
    parts.push(...splIn(field, values.get(list) ?? []));
  }
  // A template is filled only when one of its lists has values; an all-empty match would read everything.
  if (!parts.length) throw new Error(`no values for ${spec}`);
  return parts.length === 1 ? parts[0] : `(${parts.join('\n    OR ')})`;
}

export function fillKql(t: IocTemplate, iocs: readonly Ioc[]): string {
  const values = listValues(t, iocs, 'kql');
  return t.kql.replace(KQL_LIST, (_, name: string) => kqlDynamic(values.get(name) ?? []));
}

export function fillSpl(t: IocTemplate, iocs: readonly Ioc[]): string {
  const values = listValues(t, iocs, 'spl');
  return t.spl.replace(SPL_MATCH, (_, spec: string) => splMatch(spec, values));
}

const TYPE_WORDS: Record<IocType, string> = {
  ipv4: 'IPv4 address', ipv6: 'IPv6 address', domain: 'domain', url: 'URL', email: 'sender address', md5: 'MD5 hash',
  sha1: 'SHA1 hash', sha256: 'SHA256 hash', sha512: 'SHA512 hash', cve: 'CVE', file_name: 'file name', file_path: 'file path',
  registry_key: 'registry key', crypto_wallet: 'wallet',
};
const RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

/** The sentence an IOC was first found in, else its stored context. */
function evidenceOf(i: Ioc, sentences: readonly Sentence[]): string {
  const at = i.offsets[0]?.[0];
  const k = at === undefined ? -1 : sentenceIndexAt(sentences as Sentence[], at);
  const s = k >= 0 ? sentences[k].text : i.context;
  return s.replace(/\s+/g, ' ').trim();
}

/** One IOC hunt per template whose IOC types the briefing has; `sentences` are all the article's sentences. */
export function iocHunts(iocs: readonly Ioc[], sentences: readonly Sentence[] = []): Hunt[] {
  const out: Hunt[] = [];
  for (const t of IOC_TEMPLATES) {
    const used = iocs.filter((i) => t.types.includes(i.type));
    if (!used.length) continue;
    const counts = t.types.map((ty) => [ty, used.filter((i) => i.type === ty).length] as const).filter(([, n]) => n > 0);
    const what = counts.map(([ty, n]) => plural(n, TYPE_WORDS[ty], TYPE_WORDS[ty] + (/[sh]$/.test(TYPE_WORDS[ty]) ? 'es' : 's'))).join(', ');
    const best = used.reduce((a, i) => (RANK[i.confidence] > RANK[a] ? i.confidence : a), 'low' as Confidence);
    out.push({
      id: t.id,
      kind: 'ioc',
      title: t.title,
      description: t.description,
      phase: t.phase,
      confidence: best === 'high' ? 'high' : 'medium',
      techniques: [...t.techniques],
      reason: `The article presents ${what} as ${used.length === 1 ? 'an indicator' : 'indicators'} of compromise.`,
      evidence: [...new Set(used.slice(0, 10).map((i) => evidenceOf(i, sentences)).filter(Boolean))].slice(0, 3),
      telemetry: { splunk: [...t.telemetry.splunk], defender: [...t.telemetry.defender] },
      spl: fillSpl(t, used),
      kql: fillKql(t, used),
      falsePositives: [...t.falsePositives],
      iocs: used.map((i) => i.value),
    });
  }
  return out;
}
