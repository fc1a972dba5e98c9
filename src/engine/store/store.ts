// The briefings folder on disk: <dir>/<YYYY-MM-DD>/<slug>.md plus <slug>.json, written atomically.
// A briefing's Markdown ends with a stamp holding the hash of what we wrote, so a briefing the user edited is
// recognised and never silently overwritten.
import { createHash } from 'node:crypto';
import { Briefing } from '../model';
import { urlKey } from '../text/hosts';
import { StoreFs } from './fs';
import { slugify } from './slug';

const STAMP_RE = /\n<!-- threat-briefings id=[\w-]+ sha256=([0-9a-f]{64}) -->\n?$/;
const DATE_DIR_RE = /^\d{4}-\d{2}-\d{2}$/;

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

/** Appends the stamp that lets the store notice later hand edits. */
export function stampMarkdown(markdown: string, id: string): string {
  const body = markdown.endsWith('\n') ? markdown : markdown + '\n';
  return `${body}\n<!-- threat-briefings id=${id} sha256=${sha256(body)} -->\n`;
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

export class BriefingStore {
  constructor(private readonly fs: StoreFs) {}

  /** Every briefing in the folder, newest day first; unreadable JSON files are reported, not dropped silently. */
  async list(): Promise<{ briefings: StoredBriefing[]; broken: BrokenBriefing[] }> {
    const briefings: StoredBriefing[] = [];
    const broken: BrokenBriefing[] = [];
    const days = (await this.fs.readDir('')).filter((e) => e.dir && DATE_DIR_RE.test(e.name)).map((e) => e.name);
    days.sort().reverse();
    for (const day of days) {
      const files = (await this.fs.readDir(day)).filter((e) => !e.dir && e.name.endsWith('.json')).map((e) => e.name);
      files.sort();
      for (const f of files) {
        const jsonPath = `${day}/${f}`;
        try {
          const parsed: unknown = JSON.parse(Buffer.from(await this.fs.readFile(jsonPath)).toString('utf8'));
          if (!looksLikeBriefing(parsed)) throw new Error('not a briefing (missing id, title, severity, iocs or techniques)');
          briefings.push({ jsonPath, markdownPath: jsonPath.replace(/\.json$/, '.md'), briefing: parsed });
        } catch (e) {
          broken.push({ jsonPath, error: (e as Error).message });
        }
      }
    }
    return { briefings, broken };
  }

  async findByUrl(url: string): Promise<StoredBriefing | undefined> {
    const key = urlKey(url);
    const { briefings } = await this.list();
    return briefings.find((b) => b.briefing.url && urlKey(b.briefing.url) === key);
  }

  /** Where a briefing goes: the published day (else `today`) and a slug of its title. */
  static pathFor(briefing: Briefing, today: string): { markdownPath: string; jsonPath: string } {
    const day = briefing.published && DATE_DIR_RE.test(briefing.published) ? briefing.published : today;
    const base = `${day}/${slugify(briefing.title)}`;
    return { markdownPath: `${base}.md`, jsonPath: `${base}.json` };
  }

  /**
   * Writes a briefing. An already-briefed URL gives 'duplicate' unless `replace` is set; a Markdown file the user
   * edited is never overwritten ('edited') unless `force` is set.
   */
  async write(
    briefing: Briefing,
    markdown: string,
    json: string,
    opts: { today: string; replace?: boolean; force?: boolean },
  ): Promise<WriteResult> {
    let target = BriefingStore.pathFor(briefing, opts.today);
    let replaced = false;
    if (briefing.url) {
      const existing = await this.findByUrl(briefing.url);
      if (existing) {
        if (!opts.replace) return { status: 'duplicate', existing };
        target = { markdownPath: existing.markdownPath, jsonPath: existing.jsonPath };
      }
    }
    if (await this.fs.exists(target.markdownPath)) {
      const current = Buffer.from(await this.fs.readFile(target.markdownPath)).toString('utf8');
      if (!isPristine(current) && !opts.force) return { status: 'edited', markdownPath: target.markdownPath };
      replaced = true;
    }
    const dir = target.markdownPath.slice(0, target.markdownPath.lastIndexOf('/'));
    try {
      await this.fs.mkdirp(dir);
      await this.atomicWrite(target.jsonPath, json);
      await this.atomicWrite(target.markdownPath, stampMarkdown(markdown, briefing.id));
    } catch (e) {
      throw new StoreError(`Could not write the briefing into '${dir}': ${describeFsError(e)}`, e);
    }
    return { status: 'written', ...target, replaced };
  }

  async delete(stored: { markdownPath: string; jsonPath: string }): Promise<void> {
    await this.fs.delete(stored.markdownPath);
    await this.fs.delete(stored.jsonPath);
  }

  private async atomicWrite(rel: string, content: string): Promise<void> {
    // Write beside the target, then rename over it: a crash leaves the old file or the new one, never half of one.
    const tmp = `${rel}.${process.pid}.${Date.now().toString(36)}.tmp`;
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
