// Coverage words and the Coverage Gaps report: pure functions of the briefings and the rules a workspace scan
// found (engine/exports/coverage.ts decides what covers what). Unit-tested in plain Node.
import { coverageOf, type Coverage, type RuleFile } from '../../engine/exports/coverage';

/** Technique IDs with a rule, and parents only partly covered through sub-technique rules. */
export function coverageMarks(rules: readonly RuleFile[]): { covered: Set<string>; partial: Set<string> } {
  const covered = new Set(rules.flatMap((r) => r.techniques));
  const partial = new Set([...covered].filter((t) => t.includes('.')).map((t) => t.split('.')[0]).filter((p) => !covered.has(p)));
  return { covered, partial };
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
const list = (files: string[], max = 5) => files.slice(0, max).map((f) => `\`${f}\``).join(', ') + (files.length > max ? `, and ${files.length - max} more` : '');

/** One line for the technique hover. */
export function coverageNote(id: string, rules: readonly RuleFile[]): string {
  const c = coverageOf([id], [...rules]);
  if (c.covered.length) return `Covered by ${plural(c.rules[id].length, 'rule')} in this workspace: ${list(c.rules[id])}`;
  if (c.partial.length) return `Partly covered in this workspace: rules for ${c.partialVia[id].join(', ')} (${list(c.rules[id])}), none for ${id} itself`;
  const parent = c.parentOnly[id];
  return parent ? `Not covered by any rule in this workspace (rules for the parent technique only: ${list(parent)})` : 'Not covered by any rule in this workspace';
}

export interface ReportBriefing {
  title: string;
  /** Workspace-relative path of its Markdown, for the link. */
  path: string;
  techniques: Array<{ id: string; name: string }>;
}

function section(label: string, ids: string[], c: Coverage, names: Map<string, string>, withRules: boolean): string[] {
  if (!ids.length) return [];
  return [`**${label} (${ids.length})**`, '', ...ids.map((id) => {
    const files = withRules ? c.rules[id] ?? [] : c.parentOnly[id] ?? [];
    const via = c.partialVia[id] ? ` — via ${c.partialVia[id].join(', ')}` : '';
    const tail = files.length ? `${via}: ${list(files, 8)}` : via;
    return `- ${id} ${names.get(id) ?? ''}${withRules ? tail : files.length ? ` — parent-only rules: ${list(files, 8)}` : ''}`;
  }), ''];
}

export function gapsReport(briefings: readonly ReportBriefing[], rules: readonly RuleFile[], scanned: { files: number; truncated: boolean; problems: number }): string {
  const out = ['# Coverage gaps', '', `Detection content scanned in this workspace: ${plural(rules.length, 'rule file')} citing MITRE ATT&CK® techniques` +
    ` (${plural(scanned.files, 'file')} read${scanned.problems ? `, ${scanned.problems} unreadable` : ''}${scanned.truncated ? ', walk stopped at the file limit' : ''}).`, ''];
  if (!briefings.length) out.push('_No briefings in the briefings folder._', '');
  const totals = { covered: 0, partial: 0, uncovered: 0 };
  for (const b of briefings) {
    const names = new Map(b.techniques.map((t) => [t.id, t.name]));
    const c = coverageOf(b.techniques.map((t) => t.id), [...rules]);
    totals.covered += c.covered.length;
    totals.partial += c.partial.length;
    totals.uncovered += c.uncovered.length;
    out.push(`## ${b.title.replace(/[#\n]/g, ' ')}`, '', `\`${b.path}\` · ${c.covered.length} covered, ${c.partial.length} partly, ${c.uncovered.length} not covered`, '');
    if (!b.techniques.length) out.push('_No techniques._', '');
    out.push(...section('Not covered', c.uncovered, c, names, false), ...section('Partly covered', c.partial, c, names, true), ...section('Covered', c.covered, c, names, true));
  }
  out.splice(4, 0, `Across ${plural(briefings.length, 'briefing')}: ${totals.uncovered} not covered, ${totals.partial} partly covered, ${totals.covered} covered.`, '');
  return out.join('\n');
}
