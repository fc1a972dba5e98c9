import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { renderMarkdown } from '../../../src/engine/briefing/markdown';
import { stampMarkdown } from '../../../src/engine/store/store';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import { navigatorLayerErrors } from '../../support/navigator';
import { briefing, hit } from '../exports/matrixHelpers';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = process.stdout.write;
  const e = process.stderr.write;
  process.stdout.write = ((s: string) => (out.push(String(s)), true)) as typeof o;
  process.stderr.write = ((s: string) => (err.push(String(s)), true)) as typeof e;
  try {
    return { code: await main(args), out: out.join(''), err: err.join('') };
  } finally {
    process.stdout.write = o;
    process.stderr.write = e;
  }
}

describe('cli layer', () => {
  let dir: string;
  let a: string, b: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tb-layer-'));
    mkdirSync(path.join(dir, 'briefings', '2026-11-02'), { recursive: true });
    a = path.join(dir, 'briefings', '2026-11-02', 'lantern.json');
    b = path.join(dir, 'quiet.json');
    const lantern = briefing('Lantern', { techniques: [hit('T1059.001'), hit('T1566.001', ['Initial Access'])] });
    writeFileSync(a, JSON.stringify(lantern));
    // A briefings folder holds Markdown + JSON pairs (a JSON alone is reported as needing repair).
    writeFileSync(a.replace(/\.json$/, '.md'), stampMarkdown(renderMarkdown(lantern), lantern.id, JSON.stringify(lantern)));
    writeFileSync(b, JSON.stringify(briefing('Quiet', { severity: 'LOW', published: undefined, techniques: [hit('T1059.001')] })));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints a valid layer for briefing files, and writes it with --out', async () => {
    const r = await cli(['layer', a, b]);
    assert.equal(r.code, 0, r.err);
    const layer = JSON.parse(r.out) as { techniques: Array<{ techniqueID: string; score: number }> };
    assert.deepEqual(navigatorLayerErrors(layer), []);
    assert.deepEqual(layer.techniques.map((t) => [t.techniqueID, t.score]), [['T1059.001', 2], ['T1566.001', 1]]);
    const out = path.join(dir, 'layer.json');
    const w = await cli(['layer', a, b, '--out', out, '--name', 'Team layer']);
    assert.equal(w.code, 0);
    assert.equal(w.out, '');
    assert.equal(readFileSync(out, 'utf8'), (await cli(['layer', a, b, '--name', 'Team layer'])).out);
    assert.match(w.err, /2 technique entries from 2 of 2 briefing/);
  });

  it('reads a briefings folder and applies the severity and date filters', async () => {
    const r = await cli(['layer', path.join(dir, 'briefings'), b, '--min-severity', 'high']);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual((JSON.parse(r.out) as { techniques: Array<{ score: number }> }).techniques.map((t) => t.score), [1, 1]);
    const dated = await cli(['layer', a, b, '--since', '2026-11-01']);
    assert.match(JSON.parse(dated.out).description, /published on or after 2026-11-01/);
    assert.equal((JSON.parse(dated.out) as { metadata: Array<{ name: string; value: string }> }).metadata.find((m) => m.name === 'briefings')!.value, '1');
  });

  it('fails with one clear line for broken or hand-edited briefing JSON and bad options', async () => {
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{"title": "x",\n "severity": "HIGH" "techniques": []}');
    let r = await cli(['layer', a, broken]);
    assert.equal(r.code, 1);
    assert.match(r.err, /broken\.json is not valid JSON: .*line 2/);
    assert.equal(r.out, '');
    writeFileSync(broken, JSON.stringify({ title: 'x', severity: 'HIGH', techniques: [{ name: 'no id' }] }));
    r = await cli(['layer', broken]);
    assert.match(r.err, /broken\.json is not a briefing: techniques\[0\] has no 'id'/);
    r = await cli(['layer', path.join(dir, 'missing.json')]);
    assert.match(r.err, /no such file or folder/);
    r = await cli(['layer', a, '--min-severity', 'SEVERE']);
    assert.equal(r.code, 2);
    r = await cli(['layer']);
    assert.equal(r.code, 2);
  });
});
