// Which detection-repository layouts a workspace holds, and where a new rule goes in each. Pure (no vscode): it
// reads only the list of workspace-relative file paths a bounded walk found, so it is unit-tested in plain Node.
import type { HuntFormat } from '../../engine/exports/types';

export interface RepoLayout {
  format: HuntFormat;
  /** Workspace-relative folder the layout starts at ('' for the workspace root), without a trailing slash. */
  root: string;
  /** Shown in the quick pick. */
  label: string;
}

const parentOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');
const join = (...parts: string[]) => parts.filter(Boolean).join('/');
const SC_KINDS = ['endpoint', 'network', 'cloud', 'application', 'web'];

/** Every folder that holds a file, at any depth (the walk lists files only). */
export function foldersOf(files: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const f of files) for (let d = parentOf(f); d && !out.has(d); d = parentOf(d)) out.add(d);
  return out;
}

/**
 * Layouts found in the file list: a SigmaHQ-style `rules/` tree of .yml, a security_content `detections/<kind>/`
 * tree, Sentinel `Hunting Queries/`, and otherwise folders of plain .spl / .kql files. Structured layouts win over
 * the plain query files inside them.
 */
export function detectLayouts(files: readonly string[]): RepoLayout[] {
  const found = new Map<string, RepoLayout>();
  const add = (format: HuntFormat, root: string, label: string) => {
    const key = `${format}:${root}`;
    if (!found.has(key)) found.set(key, { format, root, label });
  };
  for (const f of files) {
    const parts = f.split('/');
    const lower = f.toLowerCase();
    const yml = lower.endsWith('.yml') || lower.endsWith('.yaml');
    for (let i = 0; i < parts.length - 1; i++) {
      const root = parts.slice(0, i).join('/');
      const seg = parts[i];
      if (yml && seg === 'rules' && i < parts.length - 1) add('sigma', root, `Sigma rules in ${join(root, 'rules') }/`);
      if (yml && seg === 'detections' && SC_KINDS.includes(parts[i + 1] ?? '') && i + 2 < parts.length) add('security_content', root, `Splunk security_content in ${join(root, 'detections')}/`);
      if (yml && seg === 'Hunting Queries') add('sentinel', root, `Microsoft Sentinel hunting queries in ${join(root, 'Hunting Queries')}/`);
    }
  }
  const structured = [...found.values()];
  const inside = (f: string) => structured.some((l) => !l.root || f.startsWith(l.root + '/'));
  for (const f of files) {
    const lower = f.toLowerCase();
    const format = lower.endsWith('.spl') ? 'spl' : lower.endsWith('.kql') ? 'kql' : undefined;
    if (!format || (inside(f) && structured.length)) continue;
    const dir = parentOf(f);
    add(format, dir, `${format === 'spl' ? 'Splunk .spl' : 'KQL .kql'} files in ${dir || 'the workspace root'}${dir ? '/' : ''}`);
  }
  return [...found.values()].sort((a, b) => a.root.localeCompare(b.root) || a.format.localeCompare(b.format));
}

/** What the proposal needs to know of a hunt and of its export. */
export interface PlacementInfo {
  /** The file name the export chose. */
  fileName: string;
  /** Sigma: the rule's logsource. */
  logsource?: { product?: string; category?: string; service?: string };
  /** CIM datasets (Endpoint.Processes) and Defender tables (DeviceProcessEvents). */
  telemetry: { splunk: string[]; defender: string[] };
}

/** security_content's top-level detection kind from the hunt's CIM data model or Defender table. */
export function contentKind(t: PlacementInfo['telemetry']): string {
  const model = (t.splunk[0] ?? '').split('.')[0];
  if (model === 'Endpoint') return 'endpoint';
  if (/^(?:Network_|Web|Intrusion_Detection)/.test(model)) return 'network';
  if (/^(?:Authentication|Change|Cloud)/.test(model)) return 'cloud';
  if (model === 'Email') return 'application';
  const table = t.defender[0] ?? '';
  if (/^(?:Cloud|AAD|Identity|Entra|Azure|OfficeActivity)/.test(table)) return 'cloud';
  if (/^(?:DeviceNetwork|Network)/.test(table)) return 'network';
  return 'endpoint';
}

function firstExisting(candidates: string[], folders: ReadonlySet<string>): string | undefined {
  return candidates.find((c) => folders.has(c));
}

/**
 * The proposed workspace-relative path of the new file: Sigma `rules/<product>/<category>/` (the deepest such
 * folder that exists), security_content `detections/<kind>/`, Sentinel `Hunting Queries/<Table>/` (an existing
 * folder of that name in any case), plain query folders themselves.
 */
export function proposePath(layout: RepoLayout, info: PlacementInfo, folders: ReadonlySet<string>): string {
  const r = (...p: string[]) => join(layout.root, ...p);
  switch (layout.format) {
    case 'sigma': {
      const { product, category, service } = info.logsource ?? {};
      const sub = category ?? service;
      const candidates = [product && sub ? r('rules', product, sub) : '', product ? r('rules', product) : '', sub ? r('rules', sub) : ''].filter(Boolean);
      const dir = firstExisting(candidates, folders) ?? candidates[0] ?? r('rules');
      return join(dir, info.fileName);
    }
    case 'security_content':
      return join(r('detections', contentKind(info.telemetry)), info.fileName);
    case 'sentinel': {
      const table = info.telemetry.defender[0] ?? 'General';
      const base = r('Hunting Queries');
      const existing = [...folders].find((f) => parentOf(f) === base && f.slice(base.length + 1).toLowerCase() === table.toLowerCase());
      return join(existing ?? join(base, table), info.fileName);
    }
    default:
      return join(layout.root, info.fileName);
  }
}

/** "name.yml" → "name-2.yml", "name-2.yml" → "name-3.yml": a free name beside a file that exists. */
export function nextFreeName(path: string, taken: (p: string) => boolean): string {
  const dot = path.lastIndexOf('.');
  const slash = path.lastIndexOf('/');
  const [stem, ext] = dot > slash ? [path.slice(0, dot), path.slice(dot)] : [path, ''];
  const m = /^(.*)-(\d+)$/.exec(stem);
  const base = m ? m[1] : stem;
  for (let n = m ? Number(m[2]) + 1 : 2; n < 1000; n++) {
    const p = `${base}-${n}${ext}`;
    if (!taken(p)) return p;
  }
  return `${base}-${Date.now()}${ext}`;
}

/** A typed relative path is safe to write: no absolute path, no `..`, no empty segment. */
export function relativePathProblem(p: string): string | undefined {
  const t = p.trim().replace(/\\/g, '/');
  if (!t) return 'Give a path relative to the workspace folder.';
  if (t.startsWith('/') || /^[a-z]:/i.test(t)) return 'The path must be relative to the workspace folder.';
  if (t.split('/').some((s) => s === '..' || s === '')) return "The path may not contain '..' or empty folder names.";
  if (t.endsWith('/')) return 'The path needs a file name.';
  return undefined;
}
