import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Briefing } from '../../../src/engine/model';
import { StoreFs } from '../../../src/engine/store/fs';
import { nodeStoreFs } from '../../../src/engine/store/nodeFs';
import { BriefingStore } from '../../../src/engine/store/store';

function briefing(over: Partial<Briefing> = {}): Briefing {
  return {
    schemaVersion: 1, id: 'tb-0123456789abcdef', title: 'Same headline', source: 'Example',
    published: '2026-11-02', url: 'https://blog.example.org/post/1', severity: 'HIGH', summary: 's', iocs: [], techniques: [],
    phases: [], hunts: [], entities: { actors: [], malware: [], cves: [] }, rationale: [],
    generator: { name: 'threat-briefings', version: '0.0.0' }, ...over,
  };
}
const json = (b: Briefing): string => JSON.stringify(b) + '\n';
const OPTS = { today: '2026-11-24' };

/** Counts reads through the store's file-system interface. */
function counting(fs: StoreFs): StoreFs & { reads: number } {
  const c = { ...fs, reads: 0 };
  c.readFile = async (rel) => {
    c.reads++;
    return fs.readFile(rel);
  };
  return c;
}

describe('store reliability', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tb-store-rel-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the briefing even when saving the index fails (another writer renamed its index over it), and saves it later', async () => {
    const fs = nodeStoreFs(dir);
    let failIndex = true;
    const flaky: StoreFs = {
      ...fs,
      rename: async (a, b) => {
        if (failIndex && b.endsWith('index.json')) throw new Error('Unable to delete nonexistent file');
        return fs.rename(a, b);
      },
    };
    const store = new BriefingStore(flaky);
    const r = await store.write(briefing(), '# md\n', json(briefing()), OPTS);
    assert.equal(r.status, 'written');
    assert.ok(existsSync(path.join(dir, '2026-11-02', 'same-headline.md')));
    assert.deepEqual(readdirSync(path.join(dir, '.threat-briefings')).filter((f) => f.endsWith('.tmp')), [], 'no temp index left');
    failIndex = false;
    const second = briefing({ id: 'tb-00000000000000b2', title: 'Other headline', url: 'https://blog.example.org/post/2' });
    await store.write(second, '# md\n', json(second), OPTS);
    const saved = JSON.parse(readFileSync(path.join(dir, '.threat-briefings', 'index.json'), 'utf8').split('\n')[0]) as { files: Record<string, unknown> };
    assert.deepEqual(Object.keys(saved.files).sort(), ['2026-11-02/other-headline.json', '2026-11-02/same-headline.json']);
  });

  it('gives a different article with the same title on the same day its own file, never replacing the first', async () => {
    const store = new BriefingStore(nodeStoreFs(dir));
    const a = briefing();
    const b = briefing({ id: 'tb-b', url: 'https://other.example.org/x' });
    const ra = await store.write(a, '# first\n', json(a), OPTS);
    const rb = await store.write(b, '# second\n', json(b), OPTS);
    assert.ok(ra.status === 'written' && !ra.replaced);
    assert.ok(rb.status === 'written' && !rb.replaced, JSON.stringify(rb));
    assert.equal(rb.status === 'written' && rb.markdownPath, '2026-11-02/same-headline-2.md');
    assert.match(readFileSync(path.join(dir, '2026-11-02/same-headline.md'), 'utf8'), /^# first/);
    const { briefings } = await new BriefingStore(nodeStoreFs(dir)).list();
    assert.equal(briefings.length, 2);
  });

  it('finishes a write killed between the two renames, and cleans its temp files', async () => {
    const real = nodeStoreFs(dir);
    // A writer "killed" when it renames the Markdown into place: that rename never completes.
    const dying: StoreFs = { ...real, rename: async (a, b) => (b.endsWith('.md') ? new Promise<void>(() => undefined) : real.rename(a, b)) };
    const b = briefing();
    void new BriefingStore(dying).write(b, '# md\n', json(b), OPTS);
    for (let i = 0; i < 100 && !existsSync(path.join(dir, '2026-11-02/same-headline.json')); i++) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 20));
    assert.ok(!existsSync(path.join(dir, '2026-11-02/same-headline.md')), 'the Markdown is missing after the kill');
    const next = new BriefingStore(real, { recoverAfterMs: 0 });
    const again = await next.write(b, '# md\n', json(b), OPTS);
    assert.equal(again.status, 'duplicate'); // briefed, and now whole: the pending write was re-applied
    assert.match(readFileSync(path.join(dir, '2026-11-02/same-headline.md'), 'utf8'), /^# md/);
    assert.deepEqual(readdirSync(path.join(dir, '2026-11-02')).filter((f) => f.endsWith('.tmp')), []);
    assert.deepEqual(readdirSync(path.join(dir, '.threat-briefings/pending')), []);
  });

  it('never counts a JSON without its Markdown as briefed: reported, then repaired', async () => {
    mkdirSync(path.join(dir, '2026-11-02'));
    const b = briefing();
    writeFileSync(path.join(dir, '2026-11-02/same-headline.json'), json(b));
    const store = new BriefingStore(nodeStoreFs(dir));
    const { briefings, broken } = await store.list();
    assert.equal(briefings.length, 0);
    assert.match(broken[0].error, /Markdown file is missing/);
    const r = await store.write(b, '# md\n', json(b), OPTS);
    assert.ok(r.status === 'written' && r.markdownPath === '2026-11-02/same-headline.md', JSON.stringify(r));
    assert.ok(existsSync(path.join(dir, '2026-11-02/same-headline.md')));
  });

  it('detects an edit to the JSON alone like an edit to the Markdown', async () => {
    const store = new BriefingStore(nodeStoreFs(dir));
    const b = briefing();
    await store.write(b, '# md\n', json(b), OPTS);
    const p = path.join(dir, '2026-11-02/same-headline.json');
    writeFileSync(p, readFileSync(p, 'utf8').replace('"HIGH"', '"CRIT"'));
    const r = await store.write(b, '# md\n', json(b), { ...OPTS, replace: true });
    assert.equal(r.status, 'edited');
    assert.match(readFileSync(p, 'utf8'), /CRIT/);
  });

  it('two concurrent writers of different articles with one title never lose a briefing', async () => {
    const s1 = new BriefingStore(nodeStoreFs(dir));
    const s2 = new BriefingStore(nodeStoreFs(dir));
    const all = Array.from({ length: 24 }, (_, i) => briefing({ id: `tb-${i}`, url: `https://blog.example.org/p/${i}` }));
    const results = await Promise.all(all.map((b, i) => (i % 2 ? s1 : s2).write(b, `# ${b.id}\n`, json(b), OPTS)));
    assert.ok(results.every((r) => r.status === 'written'));
    const { briefings } = await new BriefingStore(nodeStoreFs(dir)).list();
    assert.deepEqual(briefings.map((s) => s.briefing.id).sort(), all.map((b) => b.id).sort());
  });

  it('reads a constant number of files per write, not the whole folder (linear feed runs)', async () => {
    const n = 300;
    const fs = counting(nodeStoreFs(dir));
    const store = new BriefingStore(fs, { batchIndex: true });
    for (let i = 0; i < n; i++) {
      const b = briefing({ id: `tb-${i}`, title: `Entry ${i}`, url: `https://blog.example.org/p/${i}` });
      await store.write(b, '# md\n', json(b), OPTS);
    }
    await store.flush();
    assert.ok(fs.reads <= 2 * n, `${fs.reads} reads for ${n} writes`); // re-reading the folder per write: ~n²/2
    // A rerun with everything briefed: one index read, then one JSON read per duplicate.
    const fs2 = counting(nodeStoreFs(dir));
    const rerun = new BriefingStore(fs2, { batchIndex: true });
    for (let i = 0; i < n; i++) {
      const b = briefing({ id: `tb-${i}`, title: `Entry ${i}`, url: `https://blog.example.org/p/${i}` });
      assert.equal((await rerun.write(b, '# md\n', json(b), OPTS)).status, 'duplicate');
    }
    assert.ok(fs2.reads <= n + 5, `${fs2.reads} reads for ${n} duplicate writes`);
  });

  it('rebuilds a missing or stale index from the files', async () => {
    const store = new BriefingStore(nodeStoreFs(dir));
    const b = briefing();
    await store.write(b, '# md\n', json(b), OPTS);
    rmSync(path.join(dir, '.threat-briefings'), { recursive: true, force: true });
    assert.equal((await new BriefingStore(nodeStoreFs(dir)).write(b, '# md\n', json(b), OPTS)).status, 'duplicate');
    // A briefing copied in by hand is found although the index does not name it.
    mkdirSync(path.join(dir, '2026-01-01'));
    const c = briefing({ id: 'tb-c', url: 'https://copied.example.org/c', title: 'Copied' });
    writeFileSync(path.join(dir, '2026-01-01/copied.json'), json(c));
    writeFileSync(path.join(dir, '2026-01-01/copied.md'), '# copied\n');
    assert.equal((await new BriefingStore(nodeStoreFs(dir)).write(c, '# md\n', json(c), OPTS)).status, 'duplicate');
  });
});
