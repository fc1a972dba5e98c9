import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildIndexFromFile } from '../../../src/engine/attack/build-index';
import { AttackDataError, AttackIndex, readAttackIndex } from '../../../src/engine/attack/lookup';
import { FIXTURE, miniIndex, realIndex } from './helpers';

describe('attack: index build', () => {
  let real: AttackIndex | undefined;
  before(function () {
    this.timeout(60000);
    real = realIndex();
  });

  it('builds the real v18 bundle: version, copyright, detection strategies, counts', function () {
    if (!real) this.skip();
    const idx = real!;
    assert.equal(idx.attackVersion, '18.1');
    assert.match(idx.copyright, /The MITRE Corporation/);
    const ps = idx.technique('T1059.001')!;
    assert.equal(ps.name, 'PowerShell');
    assert.deepEqual(ps.tactics, ['execution']);
    assert.ok(ps.groups > 10 && ps.software > 10);
    assert.ok(ps.mitigations?.includes('M1038'));
    assert.ok(ps.detectionStrategies?.length, 'v18 detection strategies are linked');
    const det = idx.detectionStrategy(ps.detectionStrategies![0])!;
    assert.ok(det.analytics.some((a) => a.logSources.length > 0));
    assert.doesNotMatch(ps.description, /\(Citation:|\]\(https/);
    assert.ok(idx.subTechniques('T1059').includes('T1059.001'));
    assert.equal(idx.tactic('TA0002')?.shortname, 'execution');
    assert.equal(idx.get('G0032')?.entry.name, 'Lazarus Group');
    assert.equal(idx.get('S0154')?.entry.name, 'Cobalt Strike');
    assert.equal(idx.get('M1038')?.entry.name, 'Execution Prevention');
    assert.ok(idx.get('C0022'));
  });

  it('maps revoked IDs to their replacement (T1086 → T1059.001) and says unknown IDs are not in this version', function () {
    if (!real) this.skip();
    const r = real!.lookup('T1086');
    assert.equal(r.status, 'revoked');
    assert.deepEqual(r.status === 'revoked' ? r.replacedBy : [], ['T1059.001']);
    assert.equal(real!.resolve('T1086'), 'T1059.001');
    const u = real!.lookup('T1685.001');
    assert.equal(u.status, 'unknown');
    assert.match(u.status === 'unknown' ? u.message : '', /not in the loaded MITRE ATT&CK® version \(v18\.1\)/);
    assert.equal(real!.lookup('hello').status, 'unknown');
  });

  it('builds a v17-style bundle: x_mitre_detection text, collection version, deprecated notice, group use counts', () => {
    const idx = miniIndex();
    assert.equal(idx.attackVersion, '17.1');
    assert.equal(idx.data.versionSource, 'x-mitre-collection');
    const t = idx.technique('T1059')!;
    assert.equal(t.detection, 'Monitor command-line arguments for script execution.');
    assert.equal(t.description, 'Adversaries may abuse command and script interpreters. See PowerShell.');
    assert.deepEqual(idx.technique('T1059.001')!.mitigations, ['M1038']);
    assert.equal(idx.technique('T1059.001')!.groups, 1);
    assert.equal(idx.technique('T1059.001')!.software, 1);
    assert.deepEqual(idx.technique('T1053.005')!.tactics, ['execution', 'persistence'], 'matrix order');
    const dep = idx.lookup('T1064');
    assert.equal(dep.status, 'deprecated');
    assert.deepEqual(dep.status === 'deprecated' ? dep.replacedBy : [], ['T1059']);
    assert.deepEqual(idx.lookup('T1086').status === 'revoked' ? idx.resolve('T1086') : '', 'T1059.001');
    assert.deepEqual(idx.findByName('sample team'), ['G9001']);
    assert.deepEqual(idx.findByName('ExRAT'), ['S9001']);
    assert.equal(idx.fullName('T1059.001'), 'Command and Scripting Interpreter: PowerShell');
    assert.equal(idx.search('powersh')[0].id, 'T1059.001');
    assert.equal(idx.search('T1059')[0].id, 'T1059');
  });

  it('reads .json.gz bundles and index files alike', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tb-attack-'));
    const gz = join(dir, 'bundle.json.gz');
    writeFileSync(gz, gzipSync(JSON.stringify(JSON.parse(readFileSync(FIXTURE, 'utf8')))));
    assert.equal(readAttackIndex(gz).technique('T1059.001')?.name, 'PowerShell');
    const out = join(dir, 'index.json');
    writeFileSync(out, JSON.stringify(buildIndexFromFile(FIXTURE)));
    assert.equal(readAttackIndex(out).attackVersion, '17.1');
  });

  it('rejects malformed STIX with a clear AttackDataError', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tb-attack-'));
    const cases: Array<[string, RegExp]> = [
      ['{not json', /not valid JSON/],
      ['[1,2]', /expected a STIX bundle object/],
      ['{"type":"x","objects":[]}', /expected "bundle"/],
      ['{"type":"bundle"}', /no "objects" array/],
      ['{"type":"bundle","objects":[{"id":"x"}]}', /object #0/],
      ['{"type":"bundle","objects":[{"type":"identity","id":"identity--1"}]}', /no attack-pattern/],
    ];
    for (const [text, re] of cases) {
      const f = join(dir, 'bad.json');
      writeFileSync(f, text);
      assert.throws(() => buildIndexFromFile(f), (e: unknown) => e instanceof AttackDataError && re.test((e as Error).message));
    }
    assert.throws(() => buildIndexFromFile(join(dir, 'missing.json')), /not found/);
  });
});
