// The entity scanner reads words by character code; it must find exactly the words its regular expression defines.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { wordSpans } from '../../../src/engine/attack/entities';

const WORD = /[A-Z0-9][\w.+-]*[A-Z0-9+]|[A-Z0-9]/gi;
const byRegex = (s: string) => [...s.matchAll(WORD)].map((m) => [m.index, m.index + m[0].length]);
const byScan = (s: string) => {
  const { starts, ends, count } = wordSpans(s);
  return Array.from({ length: count }, (_, i) => [starts[i], ends[i]]);
};

describe('entity word scan', () => {
  it('finds names with inner dots, hyphens and pluses, and cuts trailing punctuation', () => {
    const s = 'Bad-Rabbit and Agent.btz, then C++ loaders... _x_ 7-Zip- end.';
    assert.deepEqual(byScan(s).map(([a, b]) => s.slice(a, b)), ['Bad-Rabbit', 'and', 'Agent.btz', 'then', 'C++', 'loaders', 'x', '7-Zip', 'end']);
  });

  it('agrees with the regular expression on random text of name characters, punctuation and non-ASCII letters', () => {
    const ch = fc.constantFrom(...'aZ9_.+- \n,()ſé\u00a0\u212a\u0130'.split(''));
    fc.assert(fc.property(fc.array(ch, { maxLength: 80 }).map((a) => a.join('')), (s) => {
      assert.deepEqual(byScan(s), byRegex(s));
    }), { numRuns: 2000 });
  });

  it('grows past its first guess of the word count', () => {
    const s = 'a '.repeat(5000);
    assert.equal(wordSpans(s).count, 5000);
  });
});
