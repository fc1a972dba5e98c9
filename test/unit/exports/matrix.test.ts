import { strict as assert } from 'node:assert';
import { buildMatrix, citedIds, MatrixCell, MatrixInput, MatrixModel } from '../../../src/engine/exports/matrix';
import { cleanFilter, describeFilter, passesFilter } from '../../../src/engine/exports/matrixFilter';
import { ATTACK, briefing, hit } from './matrixHelpers';

const inputs: MatrixInput[] = [
  { key: '2026-11-02/lantern.md', briefing: briefing('Lantern', { severity: 'HIGH', published: '2026-11-02', techniques: [hit('T1566.001', ['Initial Access']), hit('T1059.001'), hit('T1053.005', ['Execution', 'Persistence', 'Privilege Escalation'])] }) },
  { key: '2026-10-01/quiet.md', briefing: briefing('Quiet', { severity: 'LOW', published: '2026-10-01', techniques: [hit('T1566.002', ['Initial Access']), hit('T1059')] }) },
  { key: '2026-12-01/undated.md', briefing: briefing('Undated', { severity: 'CRIT', published: undefined, techniques: [hit('T1566.001', ['Initial Access']), hit('T9999')] }) },
];

function find(model: MatrixModel, tactic: string, id: string): MatrixCell {
  const col = model.columns.find((c) => c.tactic.shortname === tactic)!;
  for (const t of col.techniques) {
    if (t.id === id) return t;
    const s = t.subs.find((x) => x.id === id);
    if (s) return s;
  }
  throw new Error(`${id} not in ${tactic}`);
}

describe('ATT&CK matrix model', () => {
  it('puts tactics in the given (kill-chain) order and each technique under every tactic it has', () => {
    const m = buildMatrix(inputs, ATTACK);
    assert.deepEqual(m.columns.map((c) => c.tactic.shortname), ['initial-access', 'execution', 'persistence', 'privilege-escalation']);
    assert.deepEqual(m.columns[1].techniques.map((t) => t.id), ['T1059', 'T1053', 'T1204'], 'by name within a column');
    for (const tactic of ['execution', 'persistence', 'privilege-escalation']) assert.equal(find(m, tactic, 'T1053').count, 1);
  });

  it('counts briefings, rolls sub-techniques up into the parent once per briefing, and shades relative to the busiest cell', () => {
    const m = buildMatrix(inputs, ATTACK);
    const phishing = find(m, 'initial-access', 'T1566');
    assert.equal(phishing.count, 3, 'three briefings cite a phishing sub-technique');
    assert.equal(phishing.own, 0);
    assert.deepEqual(phishing.subs.map((s) => [s.id, s.count]), [['T1566.001', 2], ['T1566.002', 1]]);
    const interp = find(m, 'execution', 'T1059');
    assert.equal(interp.count, 2);
    assert.equal(interp.own, 1);
    assert.equal(m.maxCount, 3);
    assert.equal(phishing.level, 5);
    assert.equal(find(m, 'execution', 'T1204').level, 0);
    assert.equal(find(m, 'execution', 'T1059.001').level, 2);
    assert.deepEqual(citedIds(m), ['T1053.005', 'T1059', 'T1059.001', 'T1566.001', 'T1566.002']);
  });

  it('lists the citing briefings newest first, undated last, and keeps unknown IDs aside', () => {
    const m = buildMatrix(inputs, ATTACK);
    assert.deepEqual(m.briefings.map((b) => b.title), ['Lantern', 'Quiet', 'Undated']);
    assert.deepEqual(find(m, 'initial-access', 'T1566').refs.map((i) => m.briefings[i].key), ['2026-11-02/lantern.md', '2026-10-01/quiet.md', '2026-12-01/undated.md']);
    assert.deepEqual(m.unknown, [{ id: 'T9999', count: 1, refs: [2] }]);
    assert.equal(m.undated, 1);
    assert.equal(m.undatedExcluded, false);
  });

  it('filters by minimum severity', () => {
    const m = buildMatrix(inputs, ATTACK, { filter: { minSeverity: 'HIGH' } });
    assert.deepEqual(m.briefings.map((b) => b.title), ['Lantern', 'Undated']);
    assert.equal(find(m, 'initial-access', 'T1566.002').count, 0);
    assert.equal(m.total, 3);
  });

  it('a date range keeps dated briefings inside it and leaves undated ones out (counted)', () => {
    const m = buildMatrix(inputs, ATTACK, { filter: { from: '2026-10-15', to: '2026-12-31' } });
    assert.deepEqual(m.briefings.map((b) => b.title), ['Lantern']);
    assert.equal(m.undated, 1);
    assert.equal(m.undatedExcluded, true);
    assert.equal(buildMatrix(inputs, ATTACK, { filter: { to: '2026-10-01' } }).briefings.length, 1, 'bounds are inclusive');
  });

  it('marks covered techniques when a coverage set is given', () => {
    const m = buildMatrix(inputs, ATTACK, { covered: new Set(['T1059.001']) });
    assert.equal(m.coverage, true);
    assert.equal(find(m, 'execution', 'T1059.001').covered, true);
    assert.equal(find(m, 'execution', 'T1059').covered, undefined);
    assert.equal(buildMatrix(inputs, ATTACK).coverage, false);
  });

  it('survives hand-edited briefings: bad IDs, missing techniques, odd dates', () => {
    const odd = [
      { key: 'a', briefing: { ...briefing('Odd'), published: 'last week', techniques: [{ id: 'not an id' }, { id: 't1059.001 ' }, null] } },
      { key: 'b', briefing: { ...briefing('No techniques'), techniques: undefined } },
    ] as unknown as MatrixInput[];
    const m = buildMatrix(odd, ATTACK);
    assert.deepEqual(citedIds(m), ['T1059.001']);
    assert.equal(m.undated, 1, "'last week' is not a date");
  });

  it('is deterministic: the same input gives the same model', () => {
    assert.deepEqual(JSON.stringify(buildMatrix(inputs, ATTACK)), JSON.stringify(buildMatrix([...inputs].reverse(), ATTACK)));
  });
});

describe('briefing filter', () => {
  it('cleans untrusted filters and describes them', () => {
    assert.deepEqual(cleanFilter({ minSeverity: 'BAD', from: '2026-13-45', to: '2026-11-30', extra: 1 }), { to: '2026-11-30' });
    assert.deepEqual(cleanFilter('nonsense'), {});
    assert.equal(describeFilter({ minSeverity: 'MED', from: '2026-11-01' }), 'severity MED or above, published on or after 2026-11-01');
    assert.equal(describeFilter({}), 'all briefings');
    assert.equal(passesFilter({ severity: 'CRIT', published: undefined }, { minSeverity: 'HIGH' }), true);
  });
});
