import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { navigatorLayer, navigatorLayerJson, tacticShortname } from '../../../src/engine/exports/navigator';
import { navigatorLayerErrors } from '../../support/navigator';
import { sharedPath } from '../../support/shared';
import { ATTACK, briefing, hit } from './matrixHelpers';

const briefings = [
  briefing('Lantern', { published: '2026-11-02', url: 'https://blog.example.org/lantern', techniques: [hit('T1059.001'), hit('T1053.005', ['Execution', 'Persistence', 'Privilege Escalation'])] }),
  briefing('Quiet', { severity: 'LOW', published: '2026-10-01', techniques: [hit('T1059.001'), hit('T1059')] }),
  briefing('Undated', { severity: 'CRIT', published: undefined, techniques: [hit('T1059.001'), hit('T1059.001')] }),
];

describe('Navigator layer export', () => {
  it('the validator itself accepts the upstream examples and rejects a bad gradient', () => {
    const dir = sharedPath('schemas', 'formats', 'examples', 'navigator');
    for (const f of readdirSync(dir).filter((x) => x.startsWith('layerformat-v4.5'))) {
      assert.deepEqual(navigatorLayerErrors(JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'))), [], f);
    }
    const layer = navigatorLayer(briefings);
    assert.notDeepEqual(navigatorLayerErrors({ ...layer, gradient: { ...layer.gradient, maxValue: layer.gradient.minValue } }), []);
    assert.notDeepEqual(navigatorLayerErrors({ ...layer, versions: { ...layer.versions, layer: '4.4' } }), []);
  });

  it('builds a valid 4.5 layer: one entry per cited technique, score = citing briefings, titles in the comment', () => {
    const layer = navigatorLayer(briefings);
    assert.deepEqual(navigatorLayerErrors(layer), []);
    assert.deepEqual(layer.versions, { attack: '18', navigator: '5.1.0', layer: '4.5' });
    assert.equal(layer.domain, 'enterprise-attack');
    assert.deepEqual(layer.techniques.map((t) => [t.techniqueID, t.score]), [['T1053.005', 1], ['T1059', 1], ['T1059.001', 3]]);
    const ps = layer.techniques.find((t) => t.techniqueID === 'T1059.001')!;
    assert.equal(ps.comment, 'Cited by 3 briefings:\nLantern (HIGH, 2026-11-02)\nQuiet (LOW, 2026-10-01)\nUndated (CRIT, undated)');
    assert.deepEqual(ps.links, [{ label: 'Lantern', url: 'https://blog.example.org/lantern' }]);
    assert.deepEqual(ps.metadata, [{ name: 'highest severity', value: 'CRIT' }]);
    assert.equal(layer.techniques.find((t) => t.techniqueID === 'T1059')!.showSubtechniques, true);
    assert.deepEqual(layer.gradient, { colors: ['#fff3c4', '#d7301f'], minValue: 1, maxValue: 3 });
    assert.equal(layer.legendItems.length, 2);
    assert.ok(layer.metadata.some((m) => m.name === 'published' && m.value === '2026-10-01 to 2026-11-02'));
  });

  it('is deterministic and independent of input order', () => {
    assert.equal(navigatorLayerJson(briefings), navigatorLayerJson([...briefings].reverse()));
    assert.ok(navigatorLayerJson(briefings).endsWith('}\n'));
  });

  it('an empty layer is still valid (gradient keeps a real range)', () => {
    const layer = navigatorLayer([]);
    assert.deepEqual(navigatorLayerErrors(layer), []);
    assert.equal(layer.techniques.length, 0);
    assert.ok(layer.gradient.maxValue > layer.gradient.minValue);
  });

  it('tags tactics only for a technique cited for fewer tactics than ATT&CK gives it', () => {
    const older = [briefing('Old data', { techniques: [hit('T1053.005', ['Execution'])] })];
    const layer = navigatorLayer(older, { attack: ATTACK });
    assert.deepEqual(layer.techniques.map((t) => [t.techniqueID, t.tactic]), [['T1053.005', 'execution']]);
    assert.equal(navigatorLayer(briefings, { attack: ATTACK }).techniques.find((t) => t.techniqueID === 'T1053.005')!.tactic, undefined);
    assert.deepEqual(navigatorLayerErrors(layer), []);
    assert.equal(tacticShortname('Command and Control'), 'command-and-control');
  });

  it('drops IDs the format cannot hold and records the filter and ATT&CK version', () => {
    const odd = [briefing('Odd', { techniques: [hit('T1059.001'), hit('TA0002'), hit('T12'), { ...hit('t1204 '), tactics: 'x' as unknown as string[] }], generator: { name: 'threat-briefings', version: '1', attackVersion: '17.1' } })];
    const layer = navigatorLayer(odd, { filter: { minSeverity: 'HIGH' }, name: 'Mine', generator: 'threat-briefings 0.1.0' });
    assert.deepEqual(layer.techniques.map((t) => t.techniqueID), ['T1059.001', 'T1204']);
    assert.equal(layer.versions.attack, '17');
    assert.equal(layer.name, 'Mine');
    assert.match(layer.description, /severity HIGH or above/);
    assert.deepEqual(navigatorLayerErrors(layer), []);
  });
});
