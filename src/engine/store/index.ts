// The index of the briefings folder, kept in .threat-briefings/index.json: for each briefing JSON, which article
// URL it holds (so a feed of thousands of entries does not re-read every stored briefing per write) and the summary
// the Briefings tree lists (./summary.ts), with the file's modification time and size when it was read. It is a
// cache: checked against the folder when opened (a listing and a stat per file, no file reads) and completed from
// the files that are new or changed (a git pull, a CI job, a hand edit), pruned of those that are gone.
import { StoreFs } from './fs';
import { BriefingSummary, isSummary } from './summary';

export const META_DIR = '.threat-briefings';
export const INDEX_PATH = `${META_DIR}/index.json`;
const VERSION = 2;

export interface IndexEntry {
  /** The briefing's ID; absent when the JSON could not be read. */
  id?: string;
  /** urlKey of the briefing's URL, when it has one. */
  url?: string;
  /** The JSON file's modification time (ms) and size when it was read: a different stat means it changed. */
  mtime?: number;
  size?: number;
  summary?: BriefingSummary;
  /** Why the JSON could not be read (reported by the tree, never counted as briefed). */
  error?: string;
}

export interface IndexFile {
  version: typeof VERSION;
  /** JSON path → what it holds. */
  files: Record<string, IndexEntry>;
}

function validEntry(e: unknown): e is IndexEntry {
  const x = e as IndexEntry | null;
  if (!x || typeof x !== 'object' || typeof x.mtime !== 'number' || typeof x.size !== 'number') return false;
  if (typeof x.error === 'string') return x.id === undefined;
  return typeof x.id === 'string' && (x.url === undefined || typeof x.url === 'string') && isSummary(x.summary);
}

/** The index, or undefined when it is missing, damaged or of another version. Malformed entries are dropped (read again). */
export async function readIndex(fs: StoreFs): Promise<Map<string, IndexEntry> | undefined> {
  try {
    const parsed = JSON.parse(Buffer.from(await fs.readFile(INDEX_PATH)).toString('utf8')) as Partial<IndexFile>;
    if (parsed.version !== VERSION || !parsed.files || typeof parsed.files !== 'object') return undefined;
    return new Map(Object.entries(parsed.files).filter(([, e]) => validEntry(e)));
  } catch {
    return undefined; // missing or damaged: rebuilt from the files
  }
}

export async function writeIndex(fs: StoreFs, files: Map<string, IndexEntry>): Promise<void> {
  const sorted = [...files.keys()].sort();
  const body: IndexFile = { version: VERSION, files: Object.fromEntries(sorted.map((k) => [k, files.get(k) as IndexEntry])) };
  await fs.mkdirp(META_DIR);
  const tmp = `${INDEX_PATH}.${process.pid}.${Date.now().toString(36)}.tmp`;
  await fs.writeFile(tmp, Buffer.from(JSON.stringify(body) + '\n', 'utf8'));
  await fs.rename(tmp, INDEX_PATH);
}
