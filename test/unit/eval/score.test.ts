import { strict as assert } from 'node:assert';
import { CorpusCase } from '../../../src/engine/eval/corpus';
import { normaliseValue, scoreCase, summarise } from '../../../src/engine/eval/score';

const c: CorpusCase = {
  name: '01-x', articleFile: 'article.txt', content: '',
  meta: { title: 'A Title', expected_meta: { title: 'A Title', published: '2026-01-02' } },
  expected: {
    iocs: { domain: ['evil.com'], url: ['http://evil.com/a/'], sha256: ['AB'.repeat(32)] },
    ambiguous: { domain: ['cdn.example.net'] },
    techniques: ['T1059.001', 'T1105'],
    techniques_ambiguous: ['T1027'],
    severity: { min: 'HIGH' },
  },
};

describe('eval scoring', () => {
  it('normalises like the corpus README says', () => {
    assert.equal(normaliseValue('url', 'hxxps://Evil[.]com/a/'), 'evil.com/a');
    assert.equal(normaliseValue('domain', 'EVIL(.)COM'), 'evil.com');
  });

  it('counts tp/fp/fn with ambiguous values neutral', () => {
    const s = scoreCase(c, {
      iocs: [{ type: 'domain', value: 'evil.com' }, { type: 'domain', value: 'cdn.example.net' }, { type: 'domain', value: 'blog.example.org' }, { type: 'url', value: 'evil.com/a' }],
      techniques: ['T1059.001', 'T1027', 'T1566'], severity: 'MED', title: 'a title', published: '2026-01-02',
    }, 1);
    assert.deepEqual(s.iocsByType.domain, { tp: 1, fp: 1, fn: 0 });
    assert.deepEqual(s.iocsByType.url, { tp: 1, fp: 0, fn: 0 });
    assert.deepEqual(s.iocsByType.sha256, { tp: 0, fp: 0, fn: 1 });
    assert.deepEqual(s.falsePositives, ['domain:blog.example.org']);
    assert.equal(s.techniques.tp, 1);
    assert.equal(s.techniques.fp, 1);
    assert.equal(s.techniques.fn, 1);
    assert.equal(s.severity.ok, false);
    assert.equal(s.meta.title?.ok, true);
    assert.equal(s.meta.published?.ok, true);
    const sum = summarise([s]);
    assert.equal(sum.iocs.tp, 2);
    assert.equal(sum.iocs.fp, 1);
    assert.equal(sum.iocs.fn, 1);
    assert.equal(sum.severity.ok, 0);
  });

  it('accepts a parent technique leniently but not strictly', () => {
    const s = scoreCase(c, { iocs: [], techniques: ['T1059'], severity: 'HIGH', title: 'x' }, 1);
    assert.equal(s.techniques.tp, 0);
    assert.equal(s.techniques.lenientTp, 1);
  });
});
