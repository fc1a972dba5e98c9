import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { StoreFs } from './fs';

/** StoreFs over Node's fs, rooted at `root`. */
export function nodeStoreFs(root: string): StoreFs {
  const abs = (rel: string) => path.join(root, ...rel.split('/'));
  return {
    readFile: async (rel) => fsp.readFile(abs(rel)),
    writeFile: async (rel, data) => fsp.writeFile(abs(rel), data),
    rename: async (a, b) => fsp.rename(abs(a), abs(b)),
    delete: async (rel) => fsp.rm(abs(rel), { force: true }),
    mkdirp: async (rel) => {
      await fsp.mkdir(abs(rel), { recursive: true });
    },
    readDir: async (rel) => {
      try {
        const entries = await fsp.readdir(abs(rel), { withFileTypes: true });
        return entries.map((e) => ({ name: e.name, dir: e.isDirectory() }));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw e;
      }
    },
    createExclusive: async (rel, data) => {
      try {
        await fsp.writeFile(abs(rel), data, { flag: 'wx' });
        return true;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw e;
      }
    },
    stat: async (rel) =>
      fsp.stat(abs(rel)).then(
        (st) => ({ mtime: st.mtimeMs, size: st.size }),
        () => undefined,
      ),
    exists: async (rel) =>
      fsp.stat(abs(rel)).then(
        () => true,
        () => false,
      ),
  };
}
