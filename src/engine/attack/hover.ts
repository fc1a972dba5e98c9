// The Markdown shown when hovering an ATT&CK ID (pure: the VS Code glue only wraps it in a MarkdownString).
import type { AttackIndex } from './lookup';
import { attackUrl, normalizeAttackId, parentTechniqueId } from './ids';

export interface CitingBriefing { title: string; path: string }

const MAX_ANALYTICS = 4;

/** Escapes Markdown so names and descriptions from the data cannot inject links or HTML. */
function md(s: string): string {
  return s.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}

/** Markdown text with inline `code` kept (descriptions use backticks for commands). */
function mdText(s: string): string {
  return s.split('`').map((part, i) => (i % 2 ? '`' + part.replace(/`/g, '') + '`' : md(part))).join('');
}

export function renderHoverMarkdown(rawId: string, index: AttackIndex, citing: CitingBriefing[] = []): string | undefined {
  const id = normalizeAttackId(rawId);
  const r = index.lookup(id);
  const lines: string[] = [];
  const link = attackUrl(id);
  if (r.status === 'unknown') {
    if (!r.kind) return undefined;
    lines.push(`**${id}** — not in MITRE ATT&CK® v${md(index.attackVersion)}`, '', md(r.message));
  } else if (r.status !== 'current') {
    lines.push(`**${id}** — ${md(r.name)} ⚠ **${r.status}**`, '');
    if (r.replacedBy.length) lines.push(`Replaced by ${r.replacedBy.map((x) => `**${x}** ${md(index.fullName(x))}`).join(', ')}.`);
    else lines.push('No replacement in this ATT&CK version.');
    if (r.retired.tactics?.length) lines.push('', `_Was:_ ${r.retired.tactics.map((t) => md(index.tactic(t)?.name ?? t)).join(', ')}`);
  } else if (r.found.kind === 'technique') {
    const t = r.found.entry;
    lines.push(`**${id}** — ${md(index.fullName(id))}`, '');
    lines.push(`**Tactics:** ${index.tacticNames(id).map(md).join(', ') || '—'}  `);
    if (t.platforms.length) lines.push(`**Platforms:** ${t.platforms.map(md).join(', ')}  `);
    lines.push(`**Used by:** ${t.groups} groups, ${t.software} software, ${t.campaigns} campaigns`, '');
    if (t.description) lines.push(mdText(t.description), '');
    const det = detection(index, t.detectionStrategies ?? [], t.detection);
    if (det.length) lines.push('**Detection**', '', ...det, '');
    const parent = parentTechniqueId(id);
    if (parent) lines.push(`**Parent:** ${parent} ${md(index.fullName(parent))}`, '');
    const subs = index.subTechniques(id);
    if (subs.length) lines.push(`**Sub-techniques:** ${subs.map((s) => `${s} ${md(index.technique(s)?.name ?? '')}`).join(' · ')}`, '');
    if (t.mitigations?.length) {
      lines.push(`**Mitigations:** ${t.mitigations.map((m) => `${m} ${md(index.get(m)?.entry.name ?? '')}`).join(' · ')}`, '');
    }
  } else {
    const e = r.found.entry;
    const label = { tactic: 'Tactic', group: 'Group', software: 'Software', campaign: 'Campaign', mitigation: 'Mitigation' }[r.found.kind];
    lines.push(`**${id}** — ${md(e.name)} (${label}${'kind' in e && e.kind ? `, ${e.kind}` : ''})`, '');
    if ('aliases' in e && e.aliases.length) lines.push(`**Also known as:** ${e.aliases.map(md).join(', ')}`, '');
    if (e.description) lines.push(mdText(e.description), '');
  }
  if (citing.length) {
    lines.push('**Cited by briefings:**', ...citing.map((c) => `- [${md(c.title)}](${encodeURI(c.path).replace(/\)/g, '%29')})`), '');
  }
  if (link && r.status !== 'unknown') lines.push(`[${id} on attack.mitre.org](${link})`);
  lines.push('', `_MITRE ATT&CK® v${md(index.attackVersion)} · ${md(index.copyright)}_`);
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

function detection(index: AttackIndex, strategies: string[], legacy: string | undefined): string[] {
  const out: string[] = [];
  for (const id of strategies) {
    const d = index.detectionStrategy(id);
    if (!d) continue;
    out.push(`*${id} ${md(d.name)}*`);
    for (const a of d.analytics.slice(0, MAX_ANALYTICS)) {
      const src = a.logSources.length ? ` — log sources: ${a.logSources.slice(0, 3).map((l) => '`' + l.replace(/`/g, '') + '`').join(', ')}` : '';
      out.push(`- ${a.platforms.map(md).join('/') || 'Any'}${src}`);
    }
    if (d.analytics.length > MAX_ANALYTICS) out.push(`- … ${d.analytics.length - MAX_ANALYTICS} more analytics`);
  }
  if (!out.length && legacy) out.push(mdText(legacy));
  return out;
}
