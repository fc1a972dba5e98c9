import { strict as assert } from 'node:assert';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Briefing } from '../../../src/engine/model';
import { BriefingStore, isPristine, StoreError, stampMarkdown } from '../../../src/engine/store/store';
import { nodeStoreFs } from '../../../src/engine/store/nodeFs';
import { slugify } from '../../../src/engine/store/slug';

function briefing(over: Partial<Briefing> = {}): Briefing {
  return {
    schemaVersion: 1, id: 'tb-0123456789abcdef', title: 'Operation Test: a “quoted” title & more', source: 'Example',
    published: '2026-11-02', url: 'https://blog.example.org/post/1', severity: 'HIGH', summary: 's', iocs: [], techniques: [],
    phases: [], hunts: [], entities: { actors: [], malware: [], cves: [] }, rationale: [],
    generator: { name: 'threat-briefings', version: '0.0.0' }, ...over,
  };
}

describe('store', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tb-store-'));
  });
  afterEach(() => {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes <date>/<slug>.md and .json and lists them back', async () => {
    const store = new BriefingStore(nodeStoreFs(dir));
    const r = await store.write(briefing(), '# md\n', '{"x":1}\n', { today: '2026-11-24' });
    assert.equal(r.status, 'written');
    assert.ok(r.status === 'written' && r.markdownPath === '2026-11-02/operation-test-a-quoted-title-and-more.md');
    assert.deepEqual(readdirSync(path.join(dir, '2026-11-02')).sort(), ['operation-test-a-quoted-title-and-more.json', 'operation-test-a-quoted-title-and-more.md']);
    await store.write(briefing({ id: 'tb-2', url: 'https://other.example.org/x', title: 'Second', published: undefined }), '# two\n', JSON.stringify(briefing({ id: 'tb-2', title: 'Second' })), { today: '2026-11-24' });
    writeFileSync(path.join(dir, '2026-11-02', 'operation-test-a-quoted-title-and-more.json'), JSON.stringify(briefing()));
    const { briefings, broken } = await store.list();
    assert.equal(broken.length, 0);
    assert.deepEqual(briefings.map((b) => b.jsonPath), ['2026-11-02/operation-test-a-quoted-title-and-more.json', 'undated/second.json']);
  });

  it('detects an already-briefed URL (scheme, case and trailing slash ignored)', async () => {
    const store = new BriefingStore(nodeStoreFs(dir));
    const b = briefing();
    await store.write(b, '# md', JSON.stringify(b), { today: '2026-11-24' });
    const again = await store.write(briefing({ url: 'http://BLOG.example.org/post/1/' }), '# md2', '{}', { today: '2026-11-24' });
    assert.equal(again.status, 'duplicate');
    const replaced = await store.write(briefing(), '# md3', JSON.stringify(b), { today: '2026-11-24', replace: true });
    assert.ok(replaced.status === 'written' && replaced.replaced);
    assert.match(readFileSync(path.join(dir, '2026-11-02', 'operation-test-a-quoted-title-and-more.md'), 'utf8'), /^# md3/);
  });

  it('never silently overwrites a briefing the user edited', async () => {
    const store = new BriefingStore(nodeStoreFs(dir));
    const b = briefing();
    await store.write(b, '# original\n', JSON.stringify(b), { today: '2026-11-24' });
    const md = path.join(dir, '2026-11-02', 'operation-test-a-quoted-title-and-more.md');
    writeFileSync(md, readFileSync(md, 'utf8').replace('original', 'my notes'));
    const r = await store.write(b, '# regenerated\n', JSON.stringify(b), { today: '2026-11-24', replace: true });
    assert.equal(r.status, 'edited');
    assert.match(readFileSync(md, 'utf8'), /my notes/);
    const forced = await store.write(b, '# regenerated\n', JSON.stringify(b), { today: '2026-11-24', replace: true, force: true });
    assert.equal(forced.status, 'written');
    assert.match(readFileSync(md, 'utf8'), /regenerated/);
  });

  it('stamps Markdown so hand edits are recognised', () => {
    const s = stampMarkdown('# title\n\nbody\n', 'tb-1');
    assert.equal(isPristine(s), true);
    assert.equal(isPristine(s.replace('body', 'b0dy')), false);
    assert.equal(isPristine('# no stamp\n'), false);
  });

  it('reports a hand-broken JSON file instead of dropping it', async () => {
    mkdirSync(path.join(dir, '2026-01-01'));
    writeFileSync(path.join(dir, '2026-01-01', 'bad.json'), '{ "id": "x", oops');
    writeFileSync(path.join(dir, '2026-01-01', 'other.json'), '{"hello": 1}');
    const { briefings, broken } = await new BriefingStore(nodeStoreFs(dir)).list();
    assert.equal(briefings.length, 0);
    assert.deepEqual(broken.map((b) => b.jsonPath), ['2026-01-01/bad.json', '2026-01-01/other.json']);
    assert.match(broken[1].error, /not a briefing/);
    assert.equal(readFileSync(path.join(dir, '2026-01-01', 'bad.json'), 'utf8'), '{ "id": "x", oops');
  });

  it('gives a clear error for a read-only folder and leaves no temp files', async function () {
    if (process.getuid?.() === 0) {
      // root ignores permission bits; simulate with a file where the day folder should be
      writeFileSync(path.join(dir, '2026-11-02'), 'not a folder');
    } else {
      chmodSync(dir, 0o555);
    }
    const store = new BriefingStore(nodeStoreFs(dir));
    await assert.rejects(store.write(briefing(), '# md', '{}', { today: '2026-11-24' }), (e: unknown) => e instanceof StoreError && /Could not write the briefing into '2026-11-02'/.test((e as Error).message));
    assert.ok(!readdirSync(dir).some((f) => f.endsWith('.tmp')));
  });

  it('makes file-name-safe slugs', () => {
    assert.equal(slugify('Ünïcode — Ransomware: “LockBit” 3.0!'), 'unicode-ransomware-lockbit-3-0');
    assert.equal(slugify('***'), 'briefing');
    assert.ok(slugify('word '.repeat(40)).length <= 72);
    assert.ok(!slugify('word '.repeat(40)).endsWith('-'));
  });
});
