// The briefings folder on disk: <dir>/<YYYY-MM-DD>/<slug>.md plus <slug>.json (<dir>/undated/ when the article shows no date).
// - The pair is written as one unit: a manifest holding both files is created first (exclusively: it also
//   reserves the path against a concurrent writer), then each file is written beside its target and renamed
//   over it, then the manifest is deleted. A kill at any point leaves a manifest that the next open re-applies;
//   stale temp files are cleaned.
// - A different article whose slug is taken gets <slug>-2, -3…; nothing is replaced without `replace`.
// - The Markdown ends with a stamp holding the hashes of both files as written, so an edit to either is
//   recognised and never silently overwritten without `force`.
// - Which URL is briefed where is kept in a small index (./index.ts), so a write costs O(1) reads.
import { createHash } from 'node:crypto';
import { Briefing } from '../model';
import { urlKey } from '../text/hosts';
import { StoreFs, TEMP_RE, tempPathFor } from './fs';
import { IndexEntry, META_DIR, readIndex, writeIndex } from './index';
import { slugify } from './slug';
import { IndexedBriefing, summarize } from './summary';

const STAMP_RE = /\n<!-- threat-briefings id=[\w-]+ sha256=([0-9a-f]{64})(?: json=([0-9a-f]{64}))? -->\n?$/;
const PENDING_DIR = `${META_DIR}/pending`;
// Temp files (tempPathFor) older than this belong to a writer that died.
const STALE_TMP_MS = 10 * 60_000;
// A manifest younger than this may belong to a writer still at work: left alone.
const LIVE_MANIFEST_MS = 60_000;
const DATE_DIR_RE = /^\d{4}-\d{2}-\d{2}$/;
const MD_MISSING = 'its Markdown file is missing (generate it again to repair it)';
/** Stats and reads in flight at once when the folder is checked. */
const BATCH = 64;

async function inBatches<T, R>(xs: T[], fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < xs.length; i += BATCH) out.push(...await Promise.all(xs.slice(i, i + BATCH).map(fn)));
  return out;
}

function entryFor(b: Briefing, st: { mtime: number; size: number }): IndexEntry {
  return { id: b.id, ...(b.url ? { url: urlKey(b.url) } : {}), mtime: st.mtime, size: st.size, summary: summarize(b) };
}
/** Folder of briefings whose article shows no date (never the day they were generated: that is not the article's). */
export const UNDATED_DIR = 'undated';

export interface StoredBriefing {
  /** Relative path of the Markdown file, e.g. "2026-11-24/operation-lantern.md". */
  markdownPath: string;
  jsonPath: string;
  briefing: Briefing;
}

export interface BrokenBriefing {
  jsonPath: string;
  error: string;
}

export type WriteResult =
  | { status: 'written'; markdownPath: string; jsonPath: string; replaced: boolean }
  | { status: 'duplicate'; existing: StoredBriefing }
  | { status: 'edited'; markdownPath: string };

export class StoreError extends Error {
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'StoreError';
  }
}

/** Today's date in UTC, YYYY-MM-DD: the folder for a briefing whose article shows no date. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

function sha256(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

/** Appends the stamp that lets the store notice later hand edits (of the Markdown, and of the JSON when given). */
export function stampMarkdown(markdown: string, id: string, json?: string): string {
  const body = markdown.endsWith('\n') ? markdown : markdown + '\n';
  return `${body}\n<!-- threat-briefings id=${id} sha256=${sha256(body)}${json !== undefined ? ` json=${sha256(json)}` : ''} -->\n`;
}

/** True when neither file changed since the store wrote them (older stamps carry no JSON hash: Markdown only). */
export function isPristinePair(markdown: string, json: string | undefined): boolean {
  if (!isPristine(markdown)) return false;
  const jsonHash = (STAMP_RE.exec(markdown) as RegExpExecArray)[2];
  return !jsonHash || (json !== undefined && sha256(json) === jsonHash);
}

interface Manifest {
  version: 1;
  created: number;
  markdownPath: string;
  jsonPath: string;
  markdown: string;
  json: string;
}

function manifestPath(base: string): string {
  return `${PENDING_DIR}/${base.replace(/\//g, '__')}.json`;
}

/** True when the Markdown is unchanged since the store wrote it (false if edited or unstamped). */
export function isPristine(markdown: string): boolean {
  const m = STAMP_RE.exec(markdown);
  if (!m) return false;
  const body = markdown.slice(0, m.index);
  return sha256(body) === m[1];
}

function looksLikeBriefing(x: unknown): x is Briefing {
  const b = x as Partial<Briefing> | null;
  return !!b && typeof b === 'object' && typeof b.id === 'string' && typeof b.title === 'string' &&
    typeof b.severity === 'string' && Array.isArray(b.iocs) && Array.isArray(b.techniques);
}

export interface StoreOptions {
  /** Write the index only on flush() and every 200 writes (a feed run); default: after every write. */
  batchIndex?: boolean;
  /**
   * Age after which a pending manifest or temp file belongs to a writer that died (default: 1 minute for
   * manifests, 10 for temp files). Tests set 0.
   */
  recoverAfterMs?: number;
}

export class BriefingStore {
  /** JSON path → what it holds; loaded on first use. */
  private files?: Map<string, IndexEntry>;
  private byUrl = new Map<string, string>();
  private unsaved = 0;
  private syncing: Promise<unknown> = Promise.resolve();

  constructor(private readonly fs: StoreFs, private readonly opts: StoreOptions = {}) {}

  private text = async (rel: string): Promise<string> => Buffer.from(await this.fs.readFile(rel)).toString('utf8');

  private async readBriefing(jsonPath: string): Promise<Briefing> {
    const parsed: unknown = JSON.parse(await this.text(jsonPath));
    if (!looksLikeBriefing(parsed)) throw new Error('not a briefing (missing id, title, severity, iocs or techniques)');
    return parsed;
  }

  /** Day folders and their files, newest day first, after finishing interrupted writes and cleaning temp files. */
  private async scan(): Promise<Array<{ day: string; names: Set<string> }>> {
    await this.recover();
    const top = await this.fs.readDir('');
    const days = top.filter((e) => e.dir && DATE_DIR_RE.test(e.name)).map((e) => e.name);
    days.sort().reverse();
    // Undated briefings last, as the view lists them.
    if (top.some((e) => e.dir && e.name === UNDATED_DIR)) days.push(UNDATED_DIR);
    const out: Array<{ day: string; names: Set<string> }> = [];
    const now = Date.now();
    // The day folders are listed a batch at a time, not one after the other (thousands of days in a large folder).
    const listed = await inBatches(days, (day) => this.fs.readDir(day));
    for (const [i, day] of days.entries()) {
      const names = new Set<string>();
      for (const e of listed[i]) {
        if (e.dir) continue;
        const tmp = TEMP_RE.exec(e.name);
        if (tmp) {
          if (now - parseInt(tmp[1], 36) >= (this.opts.recoverAfterMs ?? STALE_TMP_MS)) await this.fs.delete(`${day}/${e.name}`).catch(() => undefined);
          continue;
        }
        names.add(e.name);
      }
      out.push({ day, names });
    }
    return out;
  }

  /** Re-applies the manifests of writes that were interrupted (a kill between or during the renames). */
  private async recover(): Promise<void> {
    for (const e of await this.fs.readDir(PENDING_DIR)) {
      if (e.dir || !e.name.endsWith('.json')) continue;
      const rel = `${PENDING_DIR}/${e.name}`;
      let m: Manifest;
      try {
        m = JSON.parse(await this.text(rel)) as Manifest;
      } catch {
        // Cut short while being created: nothing of it was applied yet.
        await this.fs.delete(rel).catch(() => undefined);
        continue;
      }
      if (m.version !== 1 || Date.now() - m.created < (this.opts.recoverAfterMs ?? LIVE_MANIFEST_MS)) continue;
      await this.apply(m, rel);
    }
  }

  private async apply(m: Manifest, rel: string): Promise<void> {
    await this.fs.mkdirp(m.jsonPath.slice(0, m.jsonPath.lastIndexOf('/')));
    await this.atomicWrite(m.jsonPath, m.json);
    await this.atomicWrite(m.markdownPath, m.markdown);
    await this.fs.delete(rel);
  }

  /** Loads the index on first use (checked against the folder, see sync()); later writes keep it in step. */
  private async open(): Promise<Map<string, IndexEntry>> {
    if (!this.files) await this.sync();
    return this.files as Map<string, IndexEntry>;
  }

  /**
   * Brings the index in step with the folder: entries of files that are gone are dropped; files that are new, or
   * whose modification time or size differ from what the index recorded (a git pull, a CI job, a hand edit), are
   * read again. Costs a listing and a stat per JSON file, plus a read of each new or changed file only.
   */
  private sync(): Promise<Array<{ day: string; names: Set<string> }>> {
    // One at a time: two overlapping syncs would each edit the index from their own listing, and a listing taken
    // before a write could finish last. Each call scans after the previous one is done.
    const next = this.syncing.then(() => this.syncNow(), () => this.syncNow());
    this.syncing = next.catch(() => undefined);
    return next;
  }

  private async syncNow(): Promise<Array<{ day: string; names: Set<string> }>> {
    const days = await this.scan();
    const index = this.files ?? (await readIndex(this.fs)) ?? new Map<string, IndexEntry>();
    const onDisk: string[] = [];
    for (const { day, names } of days) for (const n of names) if (n.endsWith('.json')) onDisk.push(`${day}/${n}`);
    const present = new Set(onDisk);
    let changed = false;
    for (const p of [...index.keys()]) {
      if (!present.has(p)) {
        index.delete(p);
        changed = true;
      }
    }
    const stats = await inBatches(onDisk, (p) => this.fs.stat(p));
    const stale = onDisk.flatMap((p, i) => {
      const e = index.get(p);
      const st = stats[i];
      return !e || !st || e.mtime !== st.mtime || e.size !== st.size ? [{ p, st: st ?? { mtime: -1, size: -1 } }] : [];
    });
    // The stat is taken before the read: a file that changes after it is seen as changed again next time.
    const read = await inBatches(stale, async ({ p, st }): Promise<IndexEntry> => {
      try {
        return entryFor(await this.readBriefing(p), st);
      } catch (e) {
        return { mtime: st.mtime, size: st.size, error: (e as Error).message };
      }
    });
    stale.forEach(({ p }, i) => index.set(p, read[i]));
    if (stale.length) changed = true;
    this.files = index;
    this.byUrl.clear();
    for (const [p, e] of index) if (e.url) this.byUrl.set(e.url, p);
    if (changed) {
      await writeIndex(this.fs, index).catch(() => undefined);
      this.unsaved = 0;
    }
    return days;
  }

  /**
   * The briefings as the index lists them (summaries, no briefing JSON read unless it is new or changed), newest
   * day first, and the files the tree reports as unreadable: JSON that does not parse or is not a briefing, and
   * JSON whose Markdown is missing. Re-checks the folder each call (see sync()).
   */
  async summaries(): Promise<{ briefings: IndexedBriefing[]; broken: BrokenBriefing[] }> {
    const days = await this.sync();
    const files = this.files as Map<string, IndexEntry>;
    const briefings: IndexedBriefing[] = [];
    const broken: BrokenBriefing[] = [];
    for (const { day, names } of days) {
      for (const f of [...names].filter((n) => n.endsWith('.json')).sort()) {
        const jsonPath = `${day}/${f}`;
        const e = files.get(jsonPath);
        if (!e) continue;
        if (e.error !== undefined || !e.summary) broken.push({ jsonPath, error: e.error ?? 'not a briefing' });
        else if (!names.has(f.replace(/\.json$/, '.md'))) broken.push({ jsonPath, error: MD_MISSING });
        else briefings.push({ jsonPath, markdownPath: jsonPath.replace(/\.json$/, '.md'), summary: e.summary });
      }
    }
    return { briefings, broken };
  }

  /** One briefing's full JSON (when the tree expands it, or a command needs its IOCs or hunts). */
  async read(at: { jsonPath: string; markdownPath: string }): Promise<StoredBriefing> {
    return { jsonPath: at.jsonPath, markdownPath: at.markdownPath, briefing: await this.readBriefing(at.jsonPath) };
  }

  /** Writes the index if writes were batched (see StoreOptions). */
  async flush(): Promise<void> {
    if (this.files && this.unsaved) {
      await writeIndex(this.fs, this.files);
      this.unsaved = 0;
    }
  }

  private async remember(jsonPath: string, b: Briefing): Promise<void> {
    const files = await this.open();
    const old = files.get(jsonPath);
    if (old?.url && this.byUrl.get(old.url) === jsonPath) this.byUrl.delete(old.url);
    const entry = entryFor(b, (await this.fs.stat(jsonPath)) ?? { mtime: -1, size: -1 });
    files.set(jsonPath, entry);
    if (entry.url) this.byUrl.set(entry.url, jsonPath);
    this.unsaved++;
    if (!this.opts.batchIndex || this.unsaved >= 200) await this.saveIndexQuietly();
  }

  /**
   * The index is bookkeeping, rebuilt from the folder when it is missing or stale: failing to save it must not fail
   * a write whose files are in place. Another writer renaming its own index over ours at the same moment does that
   * on workspace.fs ("Unable to delete nonexistent file"). The entries stay unsaved and go out with the next save.
   */
  private async saveIndexQuietly(): Promise<void> {
    await this.flush().catch(() => undefined);
  }

  /**
   * Every briefing in the folder, newest day first. Unreadable JSON files, and JSON files whose Markdown is
   * missing, are reported, not dropped silently.
   */
  async list(): Promise<{ briefings: StoredBriefing[]; broken: BrokenBriefing[] }> {
    const briefings: StoredBriefing[] = [];
    const broken: BrokenBriefing[] = [];
    for (const { day, names } of await this.scan()) {
      for (const f of [...names].filter((n) => n.endsWith('.json')).sort()) {
        const jsonPath = `${day}/${f}`;
        const markdownPath = jsonPath.replace(/\.json$/, '.md');
        try {
          const briefing = await this.readBriefing(jsonPath);
          if (!names.has(f.replace(/\.json$/, '.md'))) throw new Error(MD_MISSING);
          briefings.push({ jsonPath, markdownPath, briefing });
        } catch (e) {
          broken.push({ jsonPath, error: (e as Error).message });
        }
      }
    }
    return { briefings, broken };
  }

  async findByUrl(url: string): Promise<StoredBriefing | undefined> {
    await this.open();
    const jsonPath = this.byUrl.get(urlKey(url));
    if (!jsonPath) return undefined;
    try {
      return { jsonPath, markdownPath: jsonPath.replace(/\.json$/, '.md'), briefing: await this.readBriefing(jsonPath) };
    } catch {
      return undefined;
    }
  }

  /** Where a briefing goes: the published day (else the undated folder) and a slug of its title. */
  static pathFor(briefing: Briefing, _today?: string): { markdownPath: string; jsonPath: string } {
    const day = briefing.published && DATE_DIR_RE.test(briefing.published) ? briefing.published : UNDATED_DIR;
    const base = `${day}/${slugify(briefing.title)}`;
    return { markdownPath: `${base}.md`, jsonPath: `${base}.json` };
  }

  /**
   * Writes a briefing. An already-briefed article (same URL, or same ID at its path) gives 'duplicate' unless
   * `replace` is set; a briefing whose Markdown or JSON the user edited is never overwritten ('edited') unless
   * `force` is set. A JSON whose Markdown is missing is repaired, not counted as briefed.
   */
  async write(
    briefing: Briefing,
    markdown: string,
    json: string,
    opts: { today: string; replace?: boolean; force?: boolean },
  ): Promise<WriteResult> {
    const first = BriefingStore.pathFor(briefing, opts.today);
    const dir = first.markdownPath.slice(0, first.markdownPath.lastIndexOf('/'));
    try {
      await this.open();
      let target: { markdownPath: string; jsonPath: string } | undefined;
      let reuse = false; // the target holds this same article (replace or repair), not someone else's
      const existing = briefing.url ? await this.findByUrl(briefing.url) : undefined;
      if (existing) {
        const mdExists = await this.fs.exists(existing.markdownPath);
        if (mdExists && !opts.replace) return { status: 'duplicate', existing };
        target = { markdownPath: existing.markdownPath, jsonPath: existing.jsonPath };
        reuse = true;
      }
      for (let n = 1; !target; n++) {
        const base = first.jsonPath.replace(/\.json$/, n === 1 ? '' : `-${n}`);
        const cand = { markdownPath: `${base}.md`, jsonPath: `${base}.json` };
        const held = this.files?.get(cand.jsonPath);
        if (held || await this.fs.exists(cand.markdownPath) || await this.fs.exists(cand.jsonPath) || await this.fs.exists(manifestPath(base))) {
          // The same article without a URL (same content ID) is the same briefing; anything else keeps its file.
          if (held && !briefing.url && held.id === briefing.id) {
            if (!opts.replace && await this.fs.exists(cand.markdownPath)) {
              return { status: 'duplicate', existing: { ...cand, briefing: await this.readBriefing(cand.jsonPath) } };
            }
            target = cand;
            reuse = true;
          }
          continue;
        }
        target = cand;
      }
      let replaced = false;
      if (await this.fs.exists(target.markdownPath)) {
        const current = await this.text(target.markdownPath);
        const currentJson = await this.text(target.jsonPath).catch(() => undefined);
        if (!isPristinePair(current, currentJson) && !opts.force) return { status: 'edited', markdownPath: target.markdownPath };
        replaced = true;
      }
      const base = target.jsonPath.replace(/\.json$/, '');
      const m: Manifest = {
        version: 1, created: Date.now(), ...target, json, markdown: stampMarkdown(markdown, briefing.id, json),
      };
      await this.fs.mkdirp(PENDING_DIR);
      const rel = manifestPath(base);
      if (!await this.fs.createExclusive(rel, Buffer.from(JSON.stringify(m), 'utf8'))) {
        if (reuse) throw new Error(`another process is writing ${target.markdownPath} right now`);
        return await this.write(briefing, markdown, json, opts); // a concurrent writer took the path: next slug
      }
      // A writer that finished (and dropped its manifest) between our check and our reservation: its files stand.
      if (!reuse && (await this.fs.exists(target.markdownPath) || await this.fs.exists(target.jsonPath))) {
        await this.fs.delete(rel);
        return await this.write(briefing, markdown, json, opts);
      }
      try {
        await this.apply(m, rel);
      } catch (e) {
        await this.fs.delete(rel).catch(() => undefined); // failed, not interrupted: nothing to re-apply
        throw e;
      }
      await this.remember(target.jsonPath, briefing);
      return { status: 'written', ...target, replaced };
    } catch (e) {
      throw new StoreError(`Could not write the briefing into '${dir}': ${describeFsError(e)}`, e);
    }
  }

  async delete(stored: { markdownPath: string; jsonPath: string }): Promise<void> {
    await this.fs.delete(stored.markdownPath);
    await this.fs.delete(stored.jsonPath);
    const files = await this.open();
    const e = files.get(stored.jsonPath);
    if (e) {
      files.delete(stored.jsonPath);
      if (e.url && this.byUrl.get(e.url) === stored.jsonPath) this.byUrl.delete(e.url);
      this.unsaved++;
      await this.saveIndexQuietly();
    }
  }

  private async atomicWrite(rel: string, content: string): Promise<void> {
    // Write beside the target, then rename over it: a crash leaves the old file or the new one, never half of one.
    const tmp = tempPathFor(rel);
    await this.fs.writeFile(tmp, Buffer.from(content, 'utf8'));
    try {
      await this.fs.rename(tmp, rel);
    } catch (e) {
      await this.fs.delete(tmp).catch(() => undefined);
      throw e;
    }
  }
}

function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || /NoPermissions/i.test(String((e as Error)?.name))) {
    return 'the folder is read-only or you lack permission';
  }
  if (code === 'ENOSPC') return 'the disk is full';
  return (e as Error)?.message ?? String(e);
}
