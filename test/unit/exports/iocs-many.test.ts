// The IOCs of a selection of briefings as one file: one CSV header, one valid STIX bundle, same bytes every time.
import * as assert from 'node:assert/strict';
import { exportIocsOfBriefings } from '../../../src/engine/exports/iocs-many';
import { schemaErrors } from '../../support/formats';
import { briefing, ioc } from './fixtures';

describe('IOC export of several briefings', () => {
  const a = briefing({ id: 'tb-aaaa', title: 'First report', iocs: [ioc('ipv4', '203.0.113.10'), ioc('domain', 'first-c2.example')] });
  const b = briefing({ id: 'tb-bbbb', title: 'Second report', iocs: [ioc('ipv4', '203.0.113.10'), ioc('sha256', 'c'.repeat(64))] });

  it('writes one CSV with one header and every row of every briefing', () => {
    const r = exportIocsOfBriefings('csv', [b, a]);
    assert.ok(r.ok);
    const lines = r.text.trim().split(/\r?\n/);
    assert.equal(lines.filter((l) => l.startsWith('type,')).length, 1);
    assert.equal(lines.length, 1 + 4);
    assert.ok(lines.some((l) => l.includes('tb-aaaa')) && lines.some((l) => l.includes('tb-bbbb')));
  });

  it('writes one valid STIX 2.1 bundle with each object once, deterministically', () => {
    const r = exportIocsOfBriefings('stix', [a, b]);
    assert.ok(r.ok);
    const doc = JSON.parse(r.text) as { objects: Array<{ id: string; type: string }> };
    assert.deepEqual(schemaErrors('stix', doc), []);
    assert.equal(new Set(doc.objects.map((o) => o.id)).size, doc.objects.length);
    assert.equal(doc.objects.filter((o) => o.type === 'report').length, 2);
    const again = exportIocsOfBriefings('stix', [b, a]);
    assert.ok(again.ok && again.text === r.text);
  });

  it('says so when no selected briefing has IOCs', () => {
    const r = exportIocsOfBriefings('csv', [briefing({ id: 'tb-1', iocs: [] }), briefing({ id: 'tb-2', iocs: [] })]);
    assert.ok(!r.ok && /no IOCs|none of the selected/.test(r.reason));
  });
});
