// The store's index (.threat-briefings/index.json) stays in step with the folder: writes, replaces and deletes
// update it; files added, changed or broken outside the store (a git pull, a CI job, a hand edit) are picked up by
// a listing and a stat, and only those files are read.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Briefing } from '../../../src/engine/model';
import { StoreFs } from '../../../src/engine/store/fs';
import { filterBriefings } from '../../../src/engine/store/grouping';
import { INDEX_PATH } from '../../../src/engine/store/index';
import { nodeStoreFs } from '../../../src/engine/store/nodeFs';
import { BriefingStore } from '../../../src/engine/store/store';

function briefing(over: Partial<Briefing> = {}): Briefing {
  return {
    schemaVersion: 1, id: 'tb-idx-1', title: 'Loader campaign against payroll staff', source: 'Example Labs',
    published: '2026-10-04', url: 'https://labs.example.org/loader', severity: 'HIGH', summary: 'A loader is mailed to payroll staff.',
    iocs: [{ type: 'domain', value: 'payroll-portal.example-bad.test', display: 'payroll-portal[.]example-bad[.]test', offsets: [], context: '', provenance: 'defanged', reason: 'r', confidence: 'high' }],
    techniques: [{ id: 'T1566.001', name: 'Phishing: Spearphishing Attachment', tactics: ['Initial Access'], confidence: 'high', evidence: [], method: 'explicit-id' }],
    phases: [], hunts: [], entities: { actors: ['Paper Wren'], malware: [], cves: [] }, rationale: [],
    generator: { name: 'threat-briefings', version: '0.0.0' }, ...over,
  };
}
const json = (b: Briefing): string => JSON.stringify(b) + '\n';
const OPTS = { today: '2026-11-24' };

function counting(fs: StoreFs): StoreFs & { reads: string[] } {
  const c = { ...fs, reads: [] as string[] };
  c.readFile = async (rel) => {
    c.reads.push(rel);
    return fs.readFile(rel);
  };
  return c;
}

describe('store index', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tb-store-idx-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  // Two JSON lines: the summaries, then the IOC text per file.
  const indexFile = () => JSON.parse(readFileSync(path.join(dir, ...INDEX_PATH.split('/')), 'utf8').split('\n')[0]) as { version: number; files: Record<string, { summary?: { title: string; severity: string } }> };
  const titles = async (store = new BriefingStore(nodeStoreFs(dir))) => (await store.summaries()).briefings.map((e) => e.summary.title).sort();

  it('records the summary of every write, and a fresh store lists from the index alone', async () => {
    const b = briefing();
    await new BriefingStore(nodeStoreFs(dir)).write(b, '# md\n', json(b), OPTS);
    const entry = indexFile().files['2026-10-04/loader-campaign-against-payroll-staff.json'];
    assert.equal(entry.summary?.title, b.title);
    const fs = counting(nodeStoreFs(dir));
    const { briefings, broken } = await new BriefingStore(fs).summaries();
    assert.deepEqual(fs.reads, [INDEX_PATH], 'no briefing JSON read when nothing changed');
    assert.equal(broken.length, 0);
    assert.equal(briefings.length, 1);
    const s = briefings[0].summary;
    assert.deepEqual([s.severity, s.published, s.source, s.url, s.iocCount], ['HIGH', '2026-10-04', 'Example Labs', b.url, 1]);
    assert.deepEqual(s.techniques, [{ id: 'T1566.001', name: 'Phishing: Spearphishing Attachment', tactics: ['Initial Access'] }]);
    assert.equal(s.iocText, 'payroll-portal.example-bad.test', 'read from the second line of the index when first asked');
    assert.equal(filterBriefings(briefings, { text: 'PAYROLL-portal.example' }).length, 1);
    assert.equal(filterBriefings(briefings, { text: 'payroll-portal.other' }).length, 0);
    assert.deepEqual(s.actors, ['Paper Wren']);
    assert.equal(briefings[0].markdownPath, '2026-10-04/loader-campaign-against-payroll-staff.md');
    // The full JSON on demand.
    assert.equal((await new BriefingStore(nodeStoreFs(dir)).read(briefings[0])).briefing.iocs[0].display, 'payroll-portal[.]example-bad[.]test');
  });

  it('follows a replace and a delete', async () => {
    const store = new BriefingStore(nodeStoreFs(dir));
    const b = briefing();
    await store.write(b, '# md\n', json(b), OPTS);
    const again = briefing({ severity: 'CRIT', summary: 'Now exploited widely.' });
    const r = await store.write(again, '# md2\n', json(again), { ...OPTS, replace: true });
    assert.equal(r.status, 'written');
    const [e] = (await new BriefingStore(nodeStoreFs(dir)).summaries()).briefings;
    assert.equal(e.summary.severity, 'CRIT');
    assert.equal(e.summary.summary, 'Now exploited widely.');
    await store.delete(e);
    assert.deepEqual(Object.keys(indexFile().files), []);
    assert.deepEqual(await titles(), []);
    assert.deepEqual(await titles(store), []);
  });

  it('picks up a briefing added outside the store and one changed in place, reading only those files', async () => {
    const store = new BriefingStore(nodeStoreFs(dir));
    const b = briefing();
    await store.write(b, '# md\n', json(b), OPTS);
    await store.summaries();
    // Another checkout's briefing arrives (git pull): a new day folder, JSON and Markdown.
    mkdirSync(path.join(dir, '2026-09-30'));
    const c = briefing({ id: 'tb-idx-2', title: 'Pulled from the shared repository', url: 'https://labs.example.org/pulled', severity: 'LOW' });
    writeFileSync(path.join(dir, '2026-09-30/pulled.json'), json(c));
    writeFileSync(path.join(dir, '2026-09-30/pulled.md'), '# pulled\n');
    const fs = counting(nodeStoreFs(dir));
    assert.deepEqual(await titles(new BriefingStore(fs)), [b.title, c.title].sort());
    assert.deepEqual(fs.reads, [INDEX_PATH, '2026-09-30/pulled.json']);
    assert.deepEqual(await titles(store), [b.title, c.title].sort(), 'the same store instance sees it too');
    // The pulled file is edited in place: same name, new content and modification time.
    const edited = { ...c, title: 'Pulled, then retitled by hand' };
    const p = path.join(dir, '2026-09-30/pulled.json');
    writeFileSync(p, json(edited));
    utimesSync(p, new Date(), new Date(Date.now() + 5000));
    assert.deepEqual(await titles(store), [b.title, edited.title].sort());
    // The URL index follows too: the pulled article is a duplicate for a later write.
    assert.equal((await new BriefingStore(nodeStoreFs(dir)).write(c, '# md\n', json(c), OPTS)).status, 'duplicate');
  });

  it('reports broken JSON and a missing Markdown as before, and lists the file again once repaired', async () => {
    const store = new BriefingStore(nodeStoreFs(dir));
    const b = briefing();
    await store.write(b, '# md\n', json(b), OPTS);
    mkdirSync(path.join(dir, '2026-08-01'));
    const bad = path.join(dir, '2026-08-01/hand-edited.json');
    writeFileSync(bad, '{ "id": "tb-x", "title": ');
    writeFileSync(path.join(dir, '2026-08-01/hand-edited.md'), '# x\n');
    const orphan = briefing({ id: 'tb-orphan', title: 'Orphan', url: 'https://labs.example.org/orphan' });
    writeFileSync(path.join(dir, '2026-08-01/orphan.json'), json(orphan));
    let r = await store.summaries();
    assert.deepEqual(r.broken.map((x) => x.jsonPath).sort(), ['2026-08-01/hand-edited.json', '2026-08-01/orphan.json']);
    assert.match(r.broken.find((x) => x.jsonPath.endsWith('orphan.json'))!.error, /Markdown file is missing/);
    assert.match(r.broken.find((x) => x.jsonPath.endsWith('hand-edited.json'))!.error, /JSON|Unexpected|end/i);
    // The same report as list(), which reads every file.
    assert.deepEqual((await store.list()).broken.map((x) => x.jsonPath).sort(), r.broken.map((x) => x.jsonPath).sort());
    // A fresh store reports them from the index without listing them as briefings.
    r = await new BriefingStore(nodeStoreFs(dir)).summaries();
    assert.equal(r.broken.length, 2);
    assert.deepEqual(r.briefings.map((e) => e.summary.title), [b.title]);
    // Repaired by hand: listed again.
    const fixed = briefing({ id: 'tb-x', title: 'Repaired by hand', url: 'https://labs.example.org/fixed' });
    writeFileSync(bad, json(fixed));
    utimesSync(bad, new Date(), new Date(Date.now() + 5000));
    writeFileSync(path.join(dir, '2026-08-01/orphan.md'), '# orphan\n');
    r = await store.summaries();
    assert.equal(r.broken.length, 0);
    assert.deepEqual(r.briefings.map((e) => e.summary.title).sort(), [b.title, 'Orphan', 'Repaired by hand'].sort());
  });

  it('rebuilds a missing, damaged or older index, and drops entries whose summary was tampered with', async () => {
    const b = briefing();
    await new BriefingStore(nodeStoreFs(dir)).write(b, '# md\n', json(b), OPTS);
    const idx = path.join(dir, ...INDEX_PATH.split('/'));
    for (const damage of ['{ not json', JSON.stringify({ version: 1, files: { '2026-10-04/loader-campaign-against-payroll-staff.json': { id: b.id } } })]) {
      writeFileSync(idx, damage);
      assert.deepEqual(await titles(), [b.title]);
      assert.equal(indexFile().version, 2, 'rewritten in the current form');
    }
    const tampered = indexFile();
    (tampered.files['2026-10-04/loader-campaign-against-payroll-staff.json'] as Record<string, unknown>).summary = { title: 5 };
    writeFileSync(idx, JSON.stringify(tampered));
    assert.deepEqual(await titles(), [b.title]);
    rmSync(idx);
    assert.deepEqual(await titles(), [b.title]);
  });
});
