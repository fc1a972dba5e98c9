// Which behaviour hunts fire, and why: only with evidence in the article's own narrative (a technique inferred at
// medium confidence or above, or the hunt's own phrase), never on substrings, advice, negations or reference lists.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Ioc, TechniqueHit } from '../../../src/engine/model';
import { orderHunts, selectHunts } from '../../../src/engine/hunts/select';
import { narrativeSentences } from '../../../src/engine/hunts/narrative';
import type { CatalogueHunt } from '../../../src/engine/hunts/types';
import { generateBriefing } from '../../../src/engine/brief';
import { articleFromContent } from '../../../src/engine/article/load';
import { attackKnowledge } from '../../../src/engine/attack/knowledge';
import { AttackIndex } from '../../../src/engine/attack/lookup';
import { beforeRealIndex } from '../attack/helpers';

function entry(id: string, trigger: CatalogueHunt['trigger'], phase: CatalogueHunt['phase'] = 'c2'): CatalogueHunt {
  return {
    id, title: `${id} title`, description: 'A synthetic hunt for the firing rules, long enough to be a paragraph of description text.', phase,
    techniques: trigger.techniques ?? ['T1071'], telemetry: { splunk: ['Endpoint.Processes'], defender: ['DeviceProcessEvents'] }, trigger,
    spl: '| tstats count from datamodel=Endpoint.Processes', kql: 'DeviceProcessEvents | take 1', falsePositives: ['none'], examples: { fire: [], quiet: [] },
  };
}
// Synthetic stand-ins for hunts the other families own, with the seed pipeline's trigger words.
const BEACONING = entry('UC_TEST_BEACONING', { phrases: [/C2/, /beacon(?:s|ing)?/] });
const RMM = entry('UC_TEST_RMM', { phrases: [/atera/, /AnyDesk/] }, 'actions');
const PS = entry('UC_TEST_PS', { techniques: ['T1059'] }, 'install');
const SUB = entry('UC_TEST_SUB', { techniques: ['T1059.001'] }, 'exploit');
const CAT = [BEACONING, RMM, PS, SUB];

const hit = (id: string, confidence: TechniqueHit['confidence'], evidence = ['It ran the payload.']): TechniqueHit =>
  ({ id, name: id, tactics: [], confidence, evidence, method: 'phrase' });
const ioc: Ioc = { type: 'ipv4', value: '203.0.113.9', display: '203.0.113[.]9', offsets: [[0, 11]], context: '203.0.113.9', provenance: 'ioc-section', reason: 'listed', confidence: 'high' };

function run(text: string, techniques: TechniqueHit[] = [], iocs: Ioc[] = [ioc]) {
  return selectHunts({ briefingId: 'tb-test', text, iocs, techniques, catalogue: CAT }).filter((h) => h.kind === 'behaviour');
}
const ids = (hs: Array<{ id: string }>) => hs.map((h) => h.id);

describe('hunt selection', () => {
  it('gives no hunt to an article with no techniques and no IOCs', () => {
    assert.deepEqual(selectHunts({ briefingId: 'x', text: 'The implant beacons to its C2 every minute.', iocs: [], techniques: [], catalogue: CAT }), []);
  });

  it('matches words, not substrings: "EC2 instances" is no C2, "lateral" holds no "atera"', () => {
    assert.deepEqual(ids(run('The workload runs on EC2 instances behind a load balancer. Lateral movement used SMB.')), []);
    const fired = run('The implant beacons to its C2 server every minute.');
    assert.deepEqual(ids(fired), ['UC_TEST_BEACONING']);
    assert.match(fired[0].reason, /“(?:C2|beacons)”/);
    assert.deepEqual(fired[0].evidence, ['The implant beacons to its C2 server every minute.']);
  });

  it('never fires on advice, negations or a reference list', () => {
    assert.deepEqual(ids(run('Defenders should monitor for beaconing. No C2 traffic was observed.')), []);
    const refs = 'The actor stole data from the file share over several days and weeks of quiet access.\n\nReferences\n' +
      '- Beaconing analysis explained, https://example.org/beacon\n[1] Atera misuse in the wild\n';
    assert.deepEqual(ids(run(refs)), []);
  });

  it('fires on techniques at medium confidence or above; a parent accepts its sub-techniques, a sub-technique needs itself', () => {
    assert.deepEqual(ids(run('Nothing else.', [hit('T1059.001', 'low')])), []);
    assert.deepEqual(ids(run('Nothing else.', [hit('T1059.001', 'medium')])).sort(), ['UC_TEST_PS', 'UC_TEST_SUB']);
    assert.deepEqual(ids(run('Nothing else.', [hit('T1059.003', 'medium')])), ['UC_TEST_PS']);
    assert.deepEqual(ids(run('Nothing else.', [hit('T1059', 'high')])), ['UC_TEST_PS']);
  });

  it('rates confidence: high with technique and phrase, or a high technique; medium otherwise', () => {
    const both = entry('UC_TEST_BOTH', { techniques: ['T1071.001'], phrases: [/beacon(?:s|ing)?/] });
    const go = (text: string, t: TechniqueHit[]) => selectHunts({ briefingId: 'x', text, iocs: [ioc], techniques: t, catalogue: [both] })[0];
    assert.equal(go('The implant beacons home.', [hit('T1071.001', 'medium')]).confidence, 'high');
    assert.equal(go('Nothing here.', [hit('T1071.001', 'high')]).confidence, 'high');
    assert.equal(go('Nothing here.', [hit('T1071.001', 'medium')]).confidence, 'medium');
    assert.equal(go('The implant beacons home.', []).confidence, 'medium');
    assert.match(go('The implant beacons home.', [hit('T1071.001', 'medium', ['It used HTTPS for C2.'])]).reason, /T1071\.001.*beacons/);
  });

  it('orders hunts by kind, kill-chain phase, then ID', () => {
    const fired = run('The implant beacons to its C2. It used AnyDesk for access.', [hit('T1059.001', 'medium')]);
    assert.deepEqual(ids(fired), ['UC_TEST_SUB', 'UC_TEST_PS', 'UC_TEST_BEACONING', 'UC_TEST_RMM']);
    assert.deepEqual(ids(orderHunts([...fired].reverse())), ids(fired));
  });

  describe('with the real catalogue and MITRE ATT&CK index', function () {
    this.timeout(60000);
    let index: AttackIndex;
    beforeRealIndex((i) => (index = i));
    const brief = (text: string, title = 'Post') => generateBriefing(articleFromContent(text, { title }), { attack: attackKnowledge(index) });

    it('a benign tutorial or release note fires nothing', () => {
      const tutorial = brief('How to bisect a regression in Rust\n\nRun cargo bisect-rustc with a start date. The tool downloads nightly builds and ' +
        'tests each one. Deploy the service on EC2 instances and check lateral scaling of the cluster.', 'Bisecting tutorial');
      assert.deepEqual(tutorial.hunts, []);
      const notes = brief('Release 2.4.0\n\nThis release adds a dark theme, faster start-up and fixes a crash when opening large files.', 'Release notes');
      assert.deepEqual(notes.hunts, []);
    });

    it('the demo article gets behaviour, IOC and article hunts, each with its reason, and its severity does not move', () => {
      const html = readFileSync(join(__dirname, '../../../examples/demo-article.html'), 'utf8');
      const b = generateBriefing(articleFromContent(html, { url: 'https://example-security-blog.test/2026/operation-lantern' }), { attack: attackKnowledge(index) });
      const kinds = new Set(b.hunts.map((h) => h.kind));
      assert.deepEqual([...kinds].sort(), ['article', 'behaviour', 'ioc']);
      for (const h of b.hunts) assert.ok(h.reason.length > 10 && h.evidence.length >= 1, `${h.id} says why`);
      assert.ok(b.hunts.some((h) => h.id === 'UC_ENCODED_POWERSHELL' && h.confidence === 'high'));
      assert.ok(b.hunts.some((h) => h.id === 'UC_DISK_IMAGE_LNK_DELIVERY'));
      assert.equal(b.severity, generateBriefing(articleFromContent(html, { url: 'https://example-security-blog.test/2026/operation-lantern' }), { attack: attackKnowledge(index) }).severity);
      const again = generateBriefing(articleFromContent(html, { url: 'https://example-security-blog.test/2026/operation-lantern' }), { attack: attackKnowledge(index) });
      assert.deepEqual(again.hunts, b.hunts, 'deterministic, IDs included');
    });
  });
});

describe('hunt narrative', () => {
  it('drops a reference list but keeps the sections after it', () => {
    const text = 'REFERENCE:\n\n- https://example.org/status/1\n- Beaconing explained\n\nINFECTION CHAIN:\n\n- email --> link --> downloaded zip\n' +
      'NOTES:\n\n- In other cases, the zip contains a Windows shortcut file that the victim runs to start the infection chain.\n';
    const kept = narrativeSentences(text).map((s) => s.text);
    assert.ok(!kept.some((t) => /example\.org|Beaconing explained/.test(t)), kept.join(' | '));
    assert.ok(kept.includes('INFECTION CHAIN:') && kept.some((t) => /Windows shortcut/.test(t)), kept.join(' | '));
  });
});
