import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { coverageOf, headerComment, scanFile } from '../../../src/engine/exports/coverage';
import { scanRepository } from '../../../src/engine/exports/coverage-walk';
import { exportHunt } from '../../../src/engine/exports/export';
import { BEHAVIOUR, BEHAVIOUR_SPEC, briefing, TACTICS } from './fixtures';

describe('coverage', () => {
  it('reads technique IDs the way each format writes them', () => {
    assert.deepEqual(scanFile('a.yml', 'title: t\nlogsource: {category: x}\ndetection: {s: {a: 1}, condition: s}\ntags: [attack.execution, attack.T1059.001, attack.g0016, detection.emerging-threats]\n'),
      { rule: { file: 'a.yml', format: 'sigma', techniques: ['T1059.001'] } });
    assert.deepEqual(scanFile('b.yaml', 'name: x\ntags:\n  mitre_attack_id: [T1003.001, t1003]\n'), { rule: { file: 'b.yaml', format: 'security_content', techniques: ['T1003', 'T1003.001'] } });
    assert.deepEqual(scanFile('c.yaml', 'id: 1\nrelevantTechniques: [T1078]\n'), { rule: { file: 'c.yaml', format: 'sentinel', techniques: ['T1078'] } });
    assert.deepEqual(scanFile('d.yml', 'steps: [a]\n'), { none: true });
    assert.ok('problem' in scanFile('e.yml', 'a: [\n'));
    assert.deepEqual(scanFile('f.txt', 'T1059'), { none: true });
    assert.equal(headerComment('\ufeff// T1059\n\n// T1105\nquery // T1003\n', 'kql'), ' T1059\n T1105');
    assert.equal(headerComment('```a T1059```\n```b```\n| search x ```T1003```', 'spl'), 'a T1059\nb');
  });

  it('finds what this product exports: Sigma, security_content, Sentinel, .spl and .kql all count', () => {
    const b = briefing();
    for (const f of ['sigma', 'security_content', 'sentinel', 'spl', 'kql'] as const) {
      const r = exportHunt(f, BEHAVIOUR, b, { sigma: BEHAVIOUR_SPEC, tactics: TACTICS });
      assert.ok(r.ok);
      const s = scanFile(r.fileName, r.text);
      assert.ok('rule' in s, f);
      assert.ok(s.rule.techniques.includes('T1059.005'), f);
    }
  });

  it('parent rules cover nothing more specific; sub-technique rules make the parent partial', () => {
    const c = coverageOf(['T1059', 'T1059.001', 'T1566.002', 'T1105', 'bogus'], [
      { file: 'a.yml', format: 'sigma', techniques: ['T1059.003'] },
      { file: 'b.yml', format: 'sigma', techniques: ['T1566'] },
      { file: 'c.kql', format: 'kql', techniques: ['T1105'] },
    ]);
    assert.deepEqual(c.covered, ['T1105']);
    assert.deepEqual(c.partial, ['T1059']);
    assert.deepEqual(c.partialVia, { T1059: ['T1059.003'] });
    assert.deepEqual(c.uncovered, ['T1059.001', 'T1566.002']);
    assert.deepEqual(c.parentOnly, { 'T1566.002': ['b.yml'] });
  });

  it('the walk is bounded in files and depth and skips node_modules and dot folders', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tb-walk-'));
    try {
      let deep = dir;
      for (let i = 0; i < 6; i++) {
        deep = path.join(deep, `d${i}`);
        mkdirSync(deep);
        writeFileSync(path.join(deep, `r${i}.kql`), `// T100${i}\nx\n`);
      }
      mkdirSync(path.join(dir, 'node_modules'));
      writeFileSync(path.join(dir, 'node_modules', 'x.kql'), '// T1111\n');
      mkdirSync(path.join(dir, '.github'));
      writeFileSync(path.join(dir, '.github', 'x.kql'), '// T1112\n');
      const all = scanRepository(dir);
      assert.equal(all.rules.length, 6);
      assert.ok(!all.truncated);
      const shallow = scanRepository(dir, { maxDepth: 3 });
      assert.equal(shallow.rules.length, 3);
      assert.match(shallow.truncated ?? '', /deeper than 3/);
      const few = scanRepository(dir, { maxFiles: 2 });
      assert.equal(few.rules.length, 2);
      assert.match(few.truncated ?? '', /after 2 files/);
      writeFileSync(path.join(dir, 'big.kql'), '// T1113\n' + 'x'.repeat(2000));
      assert.ok(scanRepository(dir, { maxBytes: 1000 }).problems.some((p) => p.file === 'big.kql'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
