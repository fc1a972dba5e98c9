// Counting a sentence's words without splitting it gives the split's answer.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { wordsAtMost } from '../../../src/engine/text/headings';

describe('wordsAtMost', () => {
  it('agrees with trim and split on white space', () => {
    const piece = fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\ufeff', 'a', 'word', 'Title', '.', '');
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), fc.integer({ min: 0, max: 14 }), (parts, k) => {
      const t = parts.join('');
      assert.equal(wordsAtMost(t, k), t.trim().split(/\s+/).length <= k, JSON.stringify(t));
    }), { numRuns: 2000 });
  });
});
