// How the Briefings tree groups, filters and describes briefings (pure functions, no VS Code needed).
import * as assert from 'node:assert/strict';
import { Briefing, Severity } from '../../../src/engine/model';
import { IndexedBriefing, summarize } from '../../../src/engine/store/summary';
import { briefingDescription, countsLine, filterBriefings, groupBriefings, iocsByType, plural, UNDATED } from '../../../src/extension/tree/grouping';

function stored(title: string, o: Partial<Briefing> & { severity: Severity }): IndexedBriefing {
  const b: Briefing = {
    schemaVersion: 1, id: `tb-${title}`, title, source: o.source ?? 'Example Labs', severity: o.severity, summary: o.summary ?? 'A summary.',
    iocs: o.iocs ?? [], techniques: o.techniques ?? [], phases: [], hunts: [], entities: o.entities ?? { actors: [], malware: [], cves: [] }, rationale: [],
    generator: { name: 'threat-briefings', version: 'test' }, ...(o.published ? { published: o.published } : {}),
  };
  return { markdownPath: `x/${title}.md`, jsonPath: `x/${title}.json`, summary: summarize(b) };
}
const tech = (id: string, tactics: string[]) => ({ id, name: id, tactics, confidence: 'high' as const, evidence: [], method: 'explicit-id' as const });

describe('Briefings tree grouping', () => {
  const a = stored('alpha', { severity: 'HIGH', published: '2023-03-02', techniques: [tech('T1059.001', ['Execution']), tech('T1021.001', ['Lateral Movement'])] });
  const b = stored('bravo', { severity: 'LOW', source: '' });
  const c = stored('charlie', { severity: 'CRIT', published: '2026-11-02', techniques: [tech('T1486', ['Impact'])] });

  it('puts undated briefings in their own group after every dated one, never under a generation date', () => {
    const groups = groupBriefings([a, b, c], 'date');
    assert.deepEqual(groups.map((g) => g.label), ['2026-11-02', '2023-03-02', UNDATED]);
    assert.deepEqual(groups[2].items.map((s) => s.summary.title), ['bravo']);
  });

  it('orders severity groups CRIT first and tactic groups in kill-chain order', () => {
    assert.deepEqual(groupBriefings([a, b, c], 'severity').map((g) => g.label), ['CRIT', 'HIGH', 'LOW']);
    const order = ['Initial Access', 'Execution', 'Lateral Movement', 'Impact'];
    const tactics = groupBriefings([c, a, b], 'tactic', order);
    assert.deepEqual(tactics.map((g) => g.label), ['Execution', 'Lateral Movement', 'Impact', 'No techniques']);
    assert.deepEqual(tactics[0].items.map((s) => s.summary.title), ['alpha']);
  });

  it('groups by technique with the technique name as detail', () => {
    const groups = groupBriefings([a, c], 'technique');
    assert.deepEqual(groups.map((g) => g.label), ['T1021.001', 'T1059.001', 'T1486']);
  });

  it('filters on words anywhere in the briefing and on a minimum severity', () => {
    assert.deepEqual(filterBriefings([a, b, c], { minSeverity: 'HIGH' }).map((s) => s.summary.title), ['alpha', 'charlie']);
    assert.deepEqual(filterBriefings([a, b, c], { text: 't1486' }).map((s) => s.summary.title), ['charlie']);
    assert.deepEqual(filterBriefings([a, b, c], { text: 'alpha summary', minSeverity: 'MED' }).map((s) => s.summary.title), ['alpha']);
    assert.equal(filterBriefings([a, b, c], {}).length, 3);
  });

  it('filters on IOC values, actors and malware held in the summary, without the full JSON', () => {
    const ioc = { type: 'domain', value: 'update-check.example-bad.test', display: 'update-check[.]example-bad[.]test' } as never;
    const d = stored('delta', { severity: 'MED', iocs: [ioc], entities: { actors: ['Quiet Heron'], malware: ['LampWick'], cves: [] } });
    assert.deepEqual(filterBriefings([a, d], { text: 'example-bad.test' }).map((s) => s.summary.title), ['delta']);
    assert.deepEqual(filterBriefings([a, d], { text: 'quiet heron' }).map((s) => s.summary.title), ['delta']);
    assert.deepEqual(filterBriefings([a, d], { text: 'lampwick', minSeverity: 'HIGH' }).map((s) => s.summary.title), []);
    assert.equal(d.summary.iocCount, 1);
  });

  it('summarises a hand-edited briefing with odd entries without throwing', () => {
    const odd = stored('echo', { severity: 'LOW', techniques: [null, { id: 'T1105' }, { id: 7 }] as never, entities: { actors: 'x' } as never });
    assert.deepEqual(odd.summary.techniques, [{ id: 'T1105', name: '', tactics: [] }]);
    assert.deepEqual(odd.summary.actors, []);
    assert.deepEqual(groupBriefings([odd], 'tactic').map((g) => g.label), ['No techniques']);
  });

  it('describes a briefing without empty parts and pluralises counts', () => {
    assert.equal(briefingDescription({ published: undefined, source: '' }), '');
    assert.equal(briefingDescription({ published: '2022-12-28', source: '' }), '2022-12-28');
    assert.equal(briefingDescription({ published: '2022-12-28', source: 'cisa.gov' }), '2022-12-28 · cisa.gov');
    assert.equal(plural(1, 'IOC'), '1 IOC');
    assert.equal(plural(2, 'IOC'), '2 IOCs');
    assert.equal(countsLine({ iocCount: 1, techniques: [], huntCount: 2 }), '1 IOC · 0 techniques · 2 hunts');
  });

  it('groups IOCs by type in the model order', () => {
    const iocs = [{ type: 'sha256' }, { type: 'ipv4' }, { type: 'sha256' }] as never;
    assert.deepEqual(iocsByType(iocs).map((g) => [g.type, g.iocs.length]), [['ipv4', 1], ['sha256', 2]]);
  });
});
