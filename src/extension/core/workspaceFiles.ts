// A bounded walk of the first workspace folder with workspace.fs, for detection content (rules, queries): skips
// dependency and VCS folders and the briefings folder, stops at a file count so a huge monorepo cannot stall it.
import * as vscode from 'vscode';
import { briefingsFolderUri } from './briefingsFolder';

const SKIP = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test', '.vscode-test-tools', 'dist', 'out', '.venv', 'venv', '__pycache__']);
export const MAX_FILES = 20000;
const MAX_DEPTH = 12;

export interface WorkspaceFiles {
  root: vscode.Uri;
  /** Workspace-relative paths with `/`, of files whose name matches `accept`. */
  files: string[];
  /** True when MAX_FILES was reached and the walk stopped early. */
  truncated: boolean;
}

export async function listWorkspaceFiles(accept: (name: string) => boolean): Promise<WorkspaceFiles | undefined> {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!root) return undefined;
  const briefings = briefingsFolderUri()?.toString();
  const files: string[] = [];
  let seen = 0;
  const queue: Array<{ rel: string; depth: number }> = [{ rel: '', depth: 0 }];
  while (queue.length) {
    const { rel, depth } = queue.shift()!;
    const dir = rel ? vscode.Uri.joinPath(root, ...rel.split('/')) : root;
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(dir);
    } catch {
      continue; // unreadable folder: skipped, the rest still counts
    }
    entries.sort((a, b) => a[0].localeCompare(b[0]));
    for (const [name, type] of entries) {
      const child = rel ? `${rel}/${name}` : name;
      if (type & vscode.FileType.Directory) {
        if (SKIP.has(name) || depth >= MAX_DEPTH) continue;
        if (vscode.Uri.joinPath(root, ...child.split('/')).toString() === briefings) continue;
        queue.push({ rel: child, depth: depth + 1 });
      } else if (type & vscode.FileType.File) {
        if (++seen > MAX_FILES) return { root, files, truncated: true };
        if (accept(name)) files.push(child);
      }
    }
  }
  return { root, files, truncated: false };
}

export function workspaceUri(root: vscode.Uri, rel: string): vscode.Uri {
  return vscode.Uri.joinPath(root, ...rel.split('/'));
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
