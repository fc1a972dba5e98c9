import { strict as assert } from 'node:assert';
import { findAttackIds } from '../../../src/engine/attack/lookup';
import { renderHoverMarkdown } from '../../../src/engine/attack/hover';
import { miniIndex } from './helpers';

describe('attack: findAttackIds', () => {
  it('finds every ID shape with word boundaries', () => {
    const line = 'T1059 T1059.001 TA0002 G0032 S0154 M1038 C0001 XT1059 G00321 T1059.0012 tags: attack.t1059.001 ATTACK.G0032';
    assert.deepEqual(findAttackIds(line).map((m) => [m.id, m.form]), [
      ['T1059', 'plain'], ['T1059.001', 'plain'], ['TA0002', 'plain'], ['G0032', 'plain'], ['S0154', 'plain'], ['M1038', 'plain'], ['C0001', 'plain'],
      ['T1059.001', 'sigma'], ['G0032', 'sigma'],
    ]);
    const m = findAttackIds('  - attack.t1086')[0];
    assert.equal('  - attack.t1086'.slice(m.start, m.end), 't1086');
  });
});

describe('attack: hover markdown', () => {
  it('renders a technique with tactics, platforms, detection, sub-techniques, link and citing briefings', () => {
    const md = renderHoverMarkdown('T1059', miniIndex(), [{ title: 'Operation [X]', path: '/b/x.md' }])!;
    assert.match(md, /\*\*T1059\*\* — Command and Scripting Interpreter/);
    assert.match(md, /\*\*Tactics:\*\* Execution/);
    assert.match(md, /\*\*Platforms:\*\* Windows, Linux/);
    assert.match(md, /Monitor command-line arguments/);
    assert.match(md, /Sub-techniques:\*\* T1059\.001 PowerShell/);
    assert.match(md, /https:\/\/attack\.mitre\.org\/techniques\/T1059\//);
    assert.match(md, /\[Operation \\\[X\\\]\]\(\/b\/x\.md\)/);
    assert.match(md, /MITRE ATT&CK® v17\.1/);
  });

  it('flags revoked and deprecated IDs with their replacement; accepts the Sigma tag form', () => {
    assert.match(renderHoverMarkdown('attack.t1086', miniIndex())!, /revoked[\s\S]*Replaced by \*\*T1059\.001\*\*/);
    assert.match(renderHoverMarkdown('T1064', miniIndex())!, /deprecated[\s\S]*T1059/);
  });

  it('renders groups, software and mitigations, and explains unknown IDs', () => {
    assert.match(renderHoverMarkdown('G9001', miniIndex())!, /Example Panda \(Group\)[\s\S]*Sample Team/);
    assert.match(renderHoverMarkdown('S9001', miniIndex())!, /ExampleRAT \(Software, malware\)/);
    assert.match(renderHoverMarkdown('T1685.001', miniIndex())!, /not in MITRE ATT&CK® v17\.1/);
    assert.equal(renderHoverMarkdown('hello', miniIndex()), undefined);
  });
});
