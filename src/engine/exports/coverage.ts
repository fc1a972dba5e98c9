// Which of a briefing's MITRE ATT&CK® techniques a detection repository already covers. Rules cite techniques in
// their own formats: Sigma `tags: attack.t1059.001`, security_content `tags.mitre_attack_id`, Sentinel
// `relevantTechniques`, and IDs in the header comment of plain .spl/.kql files. A rule for a parent technique
// (T1059) covers nothing more specific; rules for its sub-techniques make the parent partly covered.
import { parseAllDocuments } from 'yaml';

export type RuleFormat = 'sigma' | 'security_content' | 'sentinel' | 'spl' | 'kql';

export interface RuleFile {
  /** Path relative to the repository root, with `/` separators. */
  file: string;
  format: RuleFormat;
  techniques: string[];
}

export type FileScan = { rule: RuleFile } | { problem: string } | { none: true };

const ID = /\bT\d{4}(?:\.\d{3})?\b/g;
const SIGMA_TAG = /^attack\.(t\d{4}(?:\.\d{3})?)$/i;

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function ids(values: unknown): string[] {
  if (!Array.isArray(values)) return [];
  return values.filter((v): v is string => typeof v === 'string').map((v) => v.trim().toUpperCase()).filter((v) => /^T\d{4}(?:\.\d{3})?$/.test(v));
}

function uniqSorted(xs: string[]): string[] {
  return [...new Set(xs)].sort();
}

function yamlDoc(doc: unknown): { format: RuleFormat; techniques: string[] } | undefined {
  if (!isObject(doc)) return undefined;
  if (isObject(doc.detection) || isObject(doc.correlation) || isObject(doc.logsource)) {
    const tags = Array.isArray(doc.tags) ? doc.tags : [];
    return { format: 'sigma', techniques: tags.filter((t): t is string => typeof t === 'string').map((t) => SIGMA_TAG.exec(t.trim())?.[1]?.toUpperCase()).filter((t): t is string => !!t) };
  }
  if (isObject(doc.tags) && 'mitre_attack_id' in doc.tags) return { format: 'security_content', techniques: ids(doc.tags.mitre_attack_id) };
  if ('relevantTechniques' in doc) return { format: 'sentinel', techniques: ids(doc.relevantTechniques) };
  return undefined;
}

/** The leading comment block of a query file: `//` lines for KQL, ```…``` blocks for SPL. */
export function headerComment(text: string, format: 'spl' | 'kql'): string {
  if (format === 'kql') {
    const out: string[] = [];
    for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
      const t = line.trim();
      if (t.startsWith('//')) out.push(t.slice(2));
      else if (t) break;
    }
    return out.join('\n');
  }
  let rest = text.replace(/^\uFEFF/, '').trimStart();
  const out: string[] = [];
  while (rest.startsWith('```')) {
    const end = rest.indexOf('```', 3);
    if (end < 0) break;
    out.push(rest.slice(3, end));
    rest = rest.slice(end + 3).trimStart();
  }
  return out.join('\n');
}

/** What one file says about techniques. Pure: the caller reads the file. */
export function scanFile(file: string, text: string): FileScan {
  const lower = file.toLowerCase();
  if (lower.endsWith('.spl') || lower.endsWith('.kql')) {
    const format = lower.endsWith('.spl') ? 'spl' : 'kql';
    return { rule: { file, format, techniques: uniqSorted(headerComment(text, format).match(ID) ?? []) } };
  }
  if (!lower.endsWith('.yml') && !lower.endsWith('.yaml')) return { none: true };
  const docs = parseAllDocuments(text.replace(/^\uFEFF/, ''));
  const list = Array.isArray(docs) ? docs : [docs];
  const broken = list.find((d) => d.errors.length);
  if (broken) return { problem: `not valid YAML: ${broken.errors[0].message.split('\n')[0]}` };
  let rule: RuleFile | undefined;
  for (const d of list) {
    const found = yamlDoc(d.toJS());
    if (!found) continue;
    rule = rule ? { ...rule, techniques: uniqSorted([...rule.techniques, ...found.techniques]) } : { file, format: found.format, techniques: uniqSorted(found.techniques) };
  }
  return rule ? { rule } : { none: true };
}

export interface Coverage {
  covered: string[];
  partial: string[];
  uncovered: string[];
  /** Technique → the rule files that cover it (exactly, or through sub-techniques for a partial one). */
  rules: Record<string, string[]>;
  /** Partial technique → the sub-techniques that have rules. */
  partialVia: Record<string, string[]>;
  /** Uncovered sub-technique → rule files for its parent only (they do not cover it). */
  parentOnly: Record<string, string[]>;
}

/** Coverage of `techniques` by the rules found in a repository. */
export function coverageOf(techniques: string[], rules: RuleFile[]): Coverage {
  const byTechnique = new Map<string, string[]>();
  for (const r of rules) for (const t of r.techniques) byTechnique.set(t, [...(byTechnique.get(t) ?? []), r.file]);
  const out: Coverage = { covered: [], partial: [], uncovered: [], rules: {}, partialVia: {}, parentOnly: {} };
  for (const t of uniqSorted(ids(techniques))) {
    const exact = byTechnique.get(t);
    if (exact) {
      out.covered.push(t);
      out.rules[t] = uniqSorted(exact);
      continue;
    }
    const subs = t.includes('.') ? [] : [...byTechnique.keys()].filter((k) => k.startsWith(t + '.')).sort();
    if (subs.length) {
      out.partial.push(t);
      out.partialVia[t] = subs;
      out.rules[t] = uniqSorted(subs.flatMap((s) => byTechnique.get(s) ?? []));
      continue;
    }
    out.uncovered.push(t);
    const parent = t.includes('.') ? byTechnique.get(t.split('.')[0]) : undefined;
    if (parent) out.parentOnly[t] = uniqSorted(parent);
  }
  return out;
}
