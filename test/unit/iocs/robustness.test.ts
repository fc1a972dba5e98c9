import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { extractIocs, refang } from '../../../src/engine/iocs/extract';

// Hostile inputs: the regexes are all linear, so these finish well inside mocha's timeout. Time is never
// asserted; work is bounded by the input size instead (a quadratic scan would not finish).
describe('iocs/robustness', function () {
  this.timeout(60_000);

  const pieces = ['.', '[.]', '(', ')', '[', ']', '{.}', 'a', 'f', '0', '9', ':', '::', '/', '\\', '@', ' ', '\n', 'hxxp', '://', '-', 'x', 'dot', 'CVE-', '|', '%'];

  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (s) => {
      assert.ok(Array.isArray(extractIocs(s)));
      assert.equal(typeof refang(s), 'string');
    }), { numRuns: 300 });
  });

  it('never throws on strings made of defang and IOC fragments, and offsets stay inside the text', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 300 }), (arr) => {
      const s = arr.join('');
      for (const i of extractIocs(s, { articleUrl: 'https://blog.vendor-site.com/x' })) {
        for (const [a, b] of i.offsets) assert.ok(a >= 0 && a <= b && b <= s.length);
      }
    }), { numRuns: 300 });
  });

  const big = (unit: string, size = 2_000_000) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  const hostile: Array<[string, string]> = [
    ['dots', big('.')],
    ['brackets', big('[.]')],
    ['hex', big('0123456789abcdef')],
    ['nested parentheses', big('((((((((((') + big('))))))))))', 100_000)],
    ['label chains', big('a.')],
    ['colons', big('a:b:')],
    ['backslashes', big('C:\\a b\\')],
    ['slashes', big('/tmp/a')],
    ['at signs', big('a@b.')],
    ['url soup', big('http://a.b/(')],
    ['hex with dashes', big('deadbeef-')],
  ];
  for (const [name, s] of hostile) {
    it(`handles 2 MB of ${name}`, () => {
      assert.ok(Array.isArray(extractIocs(s)));
    });
  }

  it('handles 10 MB of article-like text and still finds the indicator at the end', () => {
    const para = 'The team reviewed logs (see figure 3.1) and found nothing unusual in version 2.4.1 of the app. ';
    const s = big(para, 10_000_000) + '\nIndicators of Compromise\nlast-host[.]com\n';
    const got = extractIocs(s);
    assert.deepEqual(got.map((i) => i.value), ['last-host.com']);
    assert.equal(s.slice(got[0].offsets[0][0], got[0].offsets[0][1]), 'last-host[.]com');
  });
});
