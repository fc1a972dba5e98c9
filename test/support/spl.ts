// Splunk SPL has no public parser, so generated searches are checked for what breaks them in practice: balanced
// quotes, brackets and subsearches; `datamodel=` targets that exist in CIM; and every `Dataset.field` reference a
// field that the CIM data model declares (../shared/schemas/splunk-cim.json).
import { readFileSync } from 'node:fs';
import { sharedPath } from './shared';

interface CimField { qualified_name: string }
interface CimDataset { lineage: string; fields: Record<string, CimField> }
interface Cim { models: Record<string, { datasets: Record<string, CimDataset> }> }

let cim: { targets: Set<string>; fields: Set<string>; roots: Set<string> } | undefined;

function loadCim() {
  const data = JSON.parse(readFileSync(sharedPath('schemas', 'splunk-cim.json'), 'utf8')) as Cim;
  const targets = new Set<string>();
  const fields = new Set<string>();
  const roots = new Set<string>();
  for (const [model, m] of Object.entries(data.models)) {
    for (const ds of Object.values(m.datasets)) {
      targets.add(`${model}.${ds.lineage}`);
      targets.add(model);
      roots.add(ds.lineage.split('.')[0]);
      for (const f of Object.values(ds.fields)) fields.add(f.qualified_name);
    }
  }
  return { targets, fields, roots };
}

/** Problems that would stop the search from running or make it return nothing; [] when none. */
export function splProblems(spl: string): string[] {
  cim ??= loadCim();
  const problems: string[] = [];
  // Quotes: an unescaped " opens or closes a string; brackets outside strings must balance.
  const stack: string[] = [];
  let inString = false;
  for (let i = 0; i < spl.length; i++) {
    const c = spl[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '(' || c === '[') stack.push(c);
    else if (c === ')' || c === ']') {
      const open = stack.pop();
      if (open !== (c === ')' ? '(' : '[')) problems.push(`unbalanced '${c}' at ${i}`);
    }
  }
  if (inString) problems.push('unterminated string');
  if (stack.length) problems.push(`unclosed '${stack.join('')}'`);
  const outsideStrings = spl.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  for (const m of outsideStrings.matchAll(/\bdatamodel\s*=\s*"?([A-Za-z_]+(?:\.[A-Za-z_]+)*)/g)) {
    if (!cim.targets.has(m[1])) problems.push(`unknown data model target '${m[1]}'`);
  }
  const withoutTargets = outsideStrings.replace(/\b(?:datamodel|nodename)\s*=\s*"?[\w.]+/g, ' ');
  for (const m of withoutTargets.matchAll(/(?<![\w.$`])([A-Z][A-Za-z_]*)((?:\.[A-Za-z_][\w]*)+)/g)) {
    if (!cim.roots.has(m[1])) continue;
    const ref = m[1] + m[2];
    if (!cim.fields.has(ref)) problems.push(`'${ref}' is not a CIM field`);
  }
  return problems;
}

/** The CIM `Model.Dataset` targets a search reads. */
export function splTargets(spl: string): string[] {
  return [...spl.matchAll(/\bdatamodel\s*=\s*"?([A-Za-z_]+(?:\.[A-Za-z_]+)*)/g)].map((m) => m[1]);
}
