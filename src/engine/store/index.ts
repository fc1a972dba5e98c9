// The index of the briefings folder, kept in .threat-briefings/index.json: for each briefing JSON, which article
// URL it holds (so a feed of thousands of entries does not re-read every stored briefing per write) and the summary
// the Briefings tree lists (./summary.ts), with the file's modification time and size when it was read. It is a
// cache: checked against the folder when opened (a listing and a stat per file, no file reads) and completed from
// the files that are new or changed (a git pull, a CI job, a hand edit), pruned of those that are gone.
import { StoreFs, tempPathFor } from './fs';
import { BriefingSummary, isSummary, SummaryTechnique } from './summary';

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

/** On disk a summary's techniques are positions in the file's table of distinct techniques: thousands of briefings cite the same few hundred. */
type DiskEntry = Omit<IndexEntry, 'summary'> & { summary?: Omit<BriefingSummary, 'techniques' | 'iocText'> & { techniques: number[] } };

export interface IndexFile {
  version: typeof VERSION;
  techniques: SummaryTechnique[];
  /** JSON path → what it holds. */
  files: Record<string, DiskEntry>;
}

function decode(e: DiskEntry, table: SummaryTechnique[]): IndexEntry | undefined {
  if (!e || typeof e !== 'object' || !e.summary) return e as IndexEntry;
  const ts = (e.summary as { techniques?: unknown }).techniques;
  if (!Array.isArray(ts) || !ts.every((i) => Number.isInteger(i) && i >= 0 && i < table.length)) return undefined;
  // iocText is filled in after validation (lazily, see readIndex).
  return { ...e, summary: { ...e.summary, techniques: ts.map((i: number) => table[i]), iocText: '' } };
}

function validEntry(e: unknown): e is IndexEntry {
  const x = e as IndexEntry | null;
  if (!x || typeof x !== 'object' || typeof x.mtime !== 'number' || typeof x.size !== 'number') return false;
  if (typeof x.error === 'string') return x.id === undefined;
  return typeof x.id === 'string' && (x.url === undefined || typeof x.url === 'string') && isSummary(x.summary);
}

/**
 * The index, or undefined when it is missing, damaged or of another version. Malformed entries are dropped (read
 * again). The file is two JSON lines: the summaries, then each briefing's IOC text (the bulk of the file, which only
 * a text filter reads): the second line is parsed the first time a summary's `iocText` is read.
 */
export async function readIndex(fs: StoreFs): Promise<Map<string, IndexEntry> | undefined> {
  try {
    const bytes = await fs.readFile(INDEX_PATH);
    const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength); // no copy
    const nl = buf.indexOf(10);
    if (nl < 0) return undefined;
    const parsed = JSON.parse(buf.subarray(0, nl).toString('utf8')) as Partial<IndexFile>;
    const tail = buf.subarray(nl + 1);
    let texts: Record<string, unknown> | undefined;
    const iocTextOf = (p: string): string => {
      if (!texts) {
        try {
          texts = JSON.parse(tail.toString('utf8')) as Record<string, unknown>;
        } catch {
          texts = {};
        }
      }
      const t = texts[p];
      return typeof t === 'string' ? t : '';
    };
    if (parsed.version !== VERSION || !parsed.files || typeof parsed.files !== 'object' || !Array.isArray(parsed.techniques)) return undefined;
    const table = parsed.techniques;
    const out = new Map<string, IndexEntry>();
    for (const [p, e] of Object.entries(parsed.files)) {
      const d = decode(e, table);
      if (!validEntry(d)) continue;
      if (d.summary) Object.defineProperty(d.summary, 'iocText', { get: () => iocTextOf(p), enumerable: true, configurable: true });
      out.set(p, d);
    }
    return out;
  } catch {
    return undefined; // missing or damaged: rebuilt from the files
  }
}

export async function writeIndex(fs: StoreFs, files: Map<string, IndexEntry>): Promise<void> {
  const table: SummaryTechnique[] = [];
  const at = new Map<string, number>();
  const position = (t: SummaryTechnique) => {
    const key = JSON.stringify([t.id, t.name, t.tactics, t.replaces]);
    let i = at.get(key);
    if (i === undefined) {
      i = table.push(t) - 1;
      at.set(key, i);
    }
    return i;
  };
  const encoded: Record<string, DiskEntry> = {};
  const texts: Record<string, string> = {};
  for (const k of [...files.keys()].sort()) {
    const e = files.get(k) as IndexEntry;
    if (e.summary) {
      const { iocText, techniques, ...rest } = e.summary;
      encoded[k] = { ...e, summary: { ...rest, techniques: techniques.map(position) } };
      if (iocText) texts[k] = iocText;
    } else encoded[k] = e as DiskEntry;
  }
  const body: IndexFile = { version: VERSION, techniques: table, files: encoded };
  await fs.mkdirp(META_DIR);
  const tmp = tempPathFor(INDEX_PATH);
  // JSON.stringify writes no raw line break: the first one ends the summaries.
  await fs.writeFile(tmp, Buffer.from(`${JSON.stringify(body)}\n${JSON.stringify(texts)}\n`, 'utf8'));
  try {
    await fs.rename(tmp, INDEX_PATH);
  } catch (e) {
    await fs.delete(tmp).catch(() => undefined);
    throw e;
  }
}
