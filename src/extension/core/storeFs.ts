import * as vscode from 'vscode';
import { StoreFs } from '../../engine/store/fs';

/** StoreFs over vscode.workspace.fs, rooted at a folder URI (works for remote workspaces too). */
export function workspaceStoreFs(root: vscode.Uri): StoreFs {
  const uri = (rel: string) => (rel ? vscode.Uri.joinPath(root, ...rel.split('/')) : root);
  const fs = vscode.workspace.fs;
  return {
    readFile: async (rel) => fs.readFile(uri(rel)),
    writeFile: async (rel, data) => fs.writeFile(uri(rel), data),
    rename: async (a, b) => fs.rename(uri(a), uri(b), { overwrite: true }),
    delete: async (rel) => {
      try {
        await fs.delete(uri(rel), { useTrash: false });
      } catch (e) {
        if (!(e instanceof vscode.FileSystemError && e.code === 'FileNotFound')) throw e;
      }
    },
    mkdirp: async (rel) => fs.createDirectory(uri(rel)),
    readDir: async (rel) => {
      try {
        const entries = await fs.readDirectory(uri(rel));
        return entries.map(([name, type]) => ({ name, dir: (type & vscode.FileType.Directory) !== 0 }));
      } catch (e) {
        if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return [];
        throw e;
      }
    },
    createExclusive: async (rel, data) => {
      const taken = await Promise.resolve(fs.stat(uri(rel))).then(() => true, () => false);
      if (taken) return false;
      await fs.writeFile(uri(rel), data);
      return true;
    },
    stat: async (rel) =>
      Promise.resolve(fs.stat(uri(rel))).then(
        (st) => ({ mtime: st.mtime, size: st.size }),
        () => undefined,
      ),
    exists: async (rel) =>
      Promise.resolve(fs.stat(uri(rel))).then(
        () => true,
        () => false,
      ),
  };
}
