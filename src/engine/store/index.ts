// A small index of the briefings folder (which JSON file holds which article URL), kept in
// .threat-briefings/index.json so that a feed of thousands of entries does not re-read every stored briefing per
// write. It is a cache: checked against the folder's file names when opened (a listing, no file reads) and
// completed or pruned from the files whenever they differ.
import { StoreFs } from './fs';

export const META_DIR = '.threat-briefings';
export const INDEX_PATH = `${META_DIR}/index.json`;

export interface IndexEntry {
  /** urlKey of the briefing's URL, when it has one. */
  url?: string;
  id: string;
}

export interface IndexFile {
  version: 1;
  /** JSON path → what it holds. */
  files: Record<string, IndexEntry>;
}

export async function readIndex(fs: StoreFs): Promise<Map<string, IndexEntry> | undefined> {
  try {
    const parsed = JSON.parse(Buffer.from(await fs.readFile(INDEX_PATH)).toString('utf8')) as Partial<IndexFile>;
    if (parsed.version !== 1 || !parsed.files || typeof parsed.files !== 'object') return undefined;
    return new Map(Object.entries(parsed.files));
  } catch {
    return undefined; // missing or damaged: rebuilt from the files
  }
}

export async function writeIndex(fs: StoreFs, files: Map<string, IndexEntry>): Promise<void> {
  const sorted = [...files.keys()].sort();
  const body: IndexFile = { version: 1, files: Object.fromEntries(sorted.map((k) => [k, files.get(k) as IndexEntry])) };
  await fs.mkdirp(META_DIR);
  const tmp = `${INDEX_PATH}.${process.pid}.${Date.now().toString(36)}.tmp`;
  await fs.writeFile(tmp, Buffer.from(JSON.stringify(body) + '\n', 'utf8'));
  await fs.rename(tmp, INDEX_PATH);
}
