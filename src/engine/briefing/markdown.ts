// Markdown rendering of a briefing, in the section layout users of the seed format know. Article text is
// untrusted: it is escaped for Markdown, and URLs inside it are defanged so nothing in a briefing is clickable
// by accident.
import { defangUrlsInText } from '../text/defang';
import { fenced } from '../text/fence';
import { Briefing, Hunt, Ioc, IocType, IOC_TYPES } from '../model';

const TYPE_LABEL: Record<IocType, string> = {
  ipv4: 'IPv4 addresses', ipv6: 'IPv6 addresses', domain: 'Domains', url: 'URLs', email: 'Email addresses',
  md5: 'MD5 hashes', sha1: 'SHA1 hashes', sha256: 'SHA256 hashes', sha512: 'SHA512 hashes', cve: 'CVEs',
  file_name: 'File names', file_path: 'File paths', registry_key: 'Registry keys', crypto_wallet: 'Crypto wallets',
};

/**
 * Escapes untrusted text for Markdown: raw HTML, emphasis, code spans, link syntax and table pipes. Only what can
 * change the rendering is escaped, once, so values stay readable in the raw file ("Invoice_2026.iso", "evil[.]com",
 * "C:\Users\Public", "-->"). Not for code spans: their content is literal (see code()).
 */
export function escapeMarkdown(s: string): string {
  // A briefing quotes the same sentences many times (each technique and hunt that cites them): escaped once each.
  let out = escaped.get(s);
  if (out === undefined) {
    if (escaped.size >= ESCAPED_MAX) escaped.clear();
    escaped.set(s, (out = escapeMarkdownText(defangUrlsInText(s))));
  }
  return out;
}
const escaped = new Map<string, string>();
const ESCAPED_MAX = 4096;

/** escapeMarkdown without defanging: for the publisher's name or host, which the JSON carries as written. */
export function escapeMarkdownText(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .trim()
    // A backslash escapes only before ASCII punctuation (and breaks the line at the end): doubled only there, so
    // "C:\Users\Public" stays as written and still renders as written.
    .replace(/\\(?=[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]|$)/g, '\\\\')
    // A character reference ("&lt;", "&#62;") would render as its character: keep the ampersand literal.
    .replace(/&(?=#?\w{1,32};)/g, '&amp;')
    .replace(/[`*|]/g, '\\$&')
    // "<" can open raw HTML or an autolink; ">" only matters opening a line (a block quote): "-->" stays as written.
    .replace(/</g, '&lt;')
    .replace(/^>/, '\\>')
    // Emphasis underscores only at word edges (intraword "_" never emphasises in CommonMark).
    .replace(/(?:^|[^A-Z0-9])_|_(?=$|[^A-Z0-9])/gi, (m) => m.replace('_', '\\_'))
    // Link and image syntax: "](" and "![" are what make brackets active.
    .replace(/\]\(/g, '\\]\\(')
    .replace(/!\[/g, '\\![')
    .replace(/^#/, '\\#');
}

function code(s: string): string {
  // Inline code cannot contain a backtick run of its own length: fence with one more.
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${longest ? ' ' : ''}${s}${longest ? ' ' : ''}${fence}`;
}

/** An autolink only for http(s): any other scheme (javascript:, data:, file:…) is shown as inert code. */
function articleLink(url: string): string {
  if (/^https?:\/\/[^\s<>]+$/i.test(url)) return `<${url}>`;
  if (/^https?:\/\//i.test(url)) return `<${url.replace(/[<>\s]/g, encodeURIComponent)}>`;
  return code(url.replace(/\s+/g, ' '));
}

function iocLine(i: Ioc): string {
  const how = i.provenance.replace('-', ' ');
  const role = i.role ? ` — **${escapeMarkdown(i.role)}**` : '';
  const sharedTag = i.sharedInfrastructure ? ' · ⚠ shared infrastructure, verify before blocking' : '';
  return `- ${code(i.display)}${role} — ${escapeMarkdown(i.reason)} _(${how}, ${i.confidence} confidence)_${sharedTag}`;
}

// Queries longer than this fold into a <details> block, so a 500-IOC hunt does not bury the briefing; the full query
// is in the JSON and in the block.
const LONG_LINES = 40;
const LONG_CHARS = 4000;

function queryBlock(label: string, lang: string, q: string, iocCount: number): string[] {
  const lines = q.split('\n').length;
  if (lines <= LONG_LINES && q.length <= LONG_CHARS) return [`**${label}:**`, fenced(lang, q), ''];
  const what = iocCount ? `${iocCount} values, ${lines} lines` : `${lines} lines`;
  return [`<details><summary>${label} — ${what}</summary>`, '', fenced(lang, q), '', '</details>', ''];
}

function huntBlock(h: Hunt): string[] {
  const out = [`### ${escapeMarkdown(h.title)}`, '', `${code(h.id)} · phase: **${h.phase}** · confidence: **${h.confidence}**` +
    (h.techniques.length ? ` · ${h.techniques.join(', ')}` : ''), ''];
  out.push(`Why: ${escapeMarkdown(h.reason)}`);
  for (const e of h.evidence.slice(0, 2)) out.push(`> ${escapeMarkdown(e)}`);
  out.push('');
  const n = h.iocs?.length ?? 0;
  out.push(...queryBlock('Splunk SPL (CIM)', 'spl', h.spl, n), ...queryBlock('Defender KQL', 'kql', h.kql, n));
  if (h.falsePositives.length) out.push(`_False positives:_ ${escapeMarkdown(h.falsePositives.join(' '))}`, '');
  return out;
}

export function renderMarkdown(b: Briefing): string {
  const out: string[] = [];
  out.push(`# [${b.severity}] ${escapeMarkdown(b.title)}`, '');
  const head = [`**Source:** ${escapeMarkdownText(b.source || 'Unknown')}`, `**Published:** ${b.published ?? 'unknown'}`];
  if (b.url) head.push(`**Article:** ${articleLink(b.url)}`);
  out.push(head.join('   '), '');

  out.push('## Threat Profile', '', escapeMarkdown(b.summary), '');
  const ent: string[] = [];
  if (b.entities.actors.length) ent.push(`**Actors:** ${b.entities.actors.map(escapeMarkdown).join(', ')}`);
  if (b.entities.malware.length) ent.push(`**Malware and tools:** ${b.entities.malware.map(escapeMarkdown).join(', ')}`);
  const unsure = (b.entities.mentions ?? []).filter((m) => m.attribution !== 'stated');
  if (unsure.length) ent.push(`**Named but not attributed:** ${unsure.map((m) => `${escapeMarkdown(m.name)} (${m.attribution === 'denied' ? 'ruled out' : 'suspected'})`).join(', ')}`);
  if (b.entities.cves.length) ent.push(`**CVEs:** ${b.entities.cves.join(', ')}`);
  if (ent.length) out.push(ent.join('  \n'), '');

  const total = b.iocs.length;
  out.push(`## Indicators of Compromise (high-fidelity only)`, '');
  if (!total) out.push('_No indicators that the article presents as malicious._', '');
  for (const t of IOC_TYPES) {
    const list = b.iocs.filter((i) => i.type === t);
    if (!list.length) continue;
    out.push(`### ${TYPE_LABEL[t]} (${list.length})`, '', ...list.map(iocLine), '');
  }

  out.push('## MITRE ATT&CK Techniques', '');
  if (!b.techniques.length) out.push('_No techniques are described in the article._', '');
  for (const t of b.techniques) {
    const tactics = t.tactics.length ? ` (${t.tactics.join(', ')})` : '';
    const replaced = t.replaces ? ` — cited as retired ${t.replaces}` : '';
    out.push(`- **${t.id}** — ${escapeMarkdown(t.name)}${tactics} · ${t.confidence} confidence${replaced}`);
    for (const e of t.evidence.slice(0, 2)) out.push(`  > ${escapeMarkdown(e)}`);
  }
  if (b.techniques.length) out.push('');

  out.push('## Kill chain phases observed', '');
  if (!b.phases.length) out.push('_No kill-chain phase is shown by the article._', '');
  for (const p of b.phases) {
    out.push(`- **${p.phase}** — ${p.techniques.join(', ') || 'narrative'}`);
    for (const e of p.evidence.slice(0, 1)) out.push(`  > ${escapeMarkdown(e)}`);
  }
  if (b.phases.length) out.push('');

  out.push('## Recommended hunts', '');
  if (!b.hunts.length) out.push('_No hunt has evidence in this article._', '');
  for (const h of b.hunts) out.push(...huntBlock(h));

  out.push('## Why this matters', '', `Severity **${b.severity}**, from these factors:`, '');
  for (const f of b.rationale) out.push(`- ${escapeMarkdown(f.text)}${f.weight ? ` _(+${f.weight})_` : ''}`);
  out.push('');
  return out.join('\n');
}
