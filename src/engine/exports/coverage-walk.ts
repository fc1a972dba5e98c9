// Reads a detection repository for coverage: an iterative walk (no recursion, bounded in depth, files and bytes) that
// skips node_modules, .git and other dot folders, never follows symbolic links, and reports unreadable or broken
// files instead of stopping.
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { RuleFile, scanFile } from './coverage';

export interface WalkLimits {
  maxFiles?: number;
  maxDepth?: number;
  maxBytes?: number;
}

export interface RepoScan {
  root: string;
  rules: RuleFile[];
  problems: Array<{ file: string; message: string }>;
  /** Candidate files read. */
  filesRead: number;
  /** Set when a limit stopped the walk early. */
  truncated?: string;
}

const SKIP = new Set(['node_modules', '.git']);
const EXTENSIONS = /\.(?:ya?ml|spl|kql)$/i;

export function scanRepository(root: string, limits: WalkLimits = {}): RepoScan {
  const maxFiles = limits.maxFiles ?? 50_000;
  const maxDepth = limits.maxDepth ?? 32;
  const maxBytes = limits.maxBytes ?? 2_000_000;
  const scan: RepoScan = { root, rules: [], problems: [], filesRead: 0 };
  const rel = (p: string) => relative(root, p).split(sep).join('/');
  const stack: Array<{ dir: string; depth: number }> = [{ dir: root, depth: 0 }];
  while (stack.length) {
    const { dir, depth } = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    } catch (e) {
      scan.problems.push({ file: rel(dir) || '.', message: `cannot list: ${(e as Error).message}` });
      continue;
    }
    // pushed in reverse name order so that the walk visits names in order
    for (const ent of entries) {
      const path = join(dir, ent.name);
      if (ent.isSymbolicLink()) continue;
      if (ent.isDirectory()) {
        if (SKIP.has(ent.name) || ent.name.startsWith('.')) continue;
        if (depth + 1 > maxDepth) scan.truncated ??= `folders deeper than ${maxDepth} levels were not read`;
        else stack.push({ dir: path, depth: depth + 1 });
        continue;
      }
      if (!ent.isFile() || !EXTENSIONS.test(ent.name)) continue;
      if (scan.filesRead >= maxFiles) {
        scan.truncated ??= `stopped after ${maxFiles} files`;
        return finish(scan);
      }
      scan.filesRead++;
      try {
        if (lstatSync(path).size > maxBytes) {
          scan.problems.push({ file: rel(path), message: `skipped: larger than ${maxBytes} bytes` });
          continue;
        }
        const r = scanFile(rel(path), readFileSync(path, 'utf8'));
        if ('rule' in r) scan.rules.push(r.rule);
        else if ('problem' in r) scan.problems.push({ file: rel(path), message: r.problem });
      } catch (e) {
        scan.problems.push({ file: rel(path), message: `cannot read: ${(e as Error).message}` });
      }
    }
  }
  return finish(scan);
}

function finish(scan: RepoScan): RepoScan {
  scan.rules.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  scan.problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return scan;
}
