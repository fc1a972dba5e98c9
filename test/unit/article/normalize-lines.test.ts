// Line normalisation in one pass: the same text as the chain of replaces it replaced, and linear on long blank runs.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalizeLines } from '../../../src/engine/article/normalize';

/** The former definition, kept here as the reference. */
function reference(s: string): string {
  return s.replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/[ \t\u00a0]+$/, '')).join('\n').replace(/\n{3,}/g, '\n\n').replace(/^\n+|\n+$/g, '');
}

describe('normalizeLines', () => {
  it('equals the reference on texts of lines, blanks and breaks', () => {
    const piece = fc.constantFrom('\n', '\r\n', '\r', ' ', '\t', '\u00a0', '\u2003', 'a', 'word', '\n\n\n', ' \n', '\t\r\n');
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
      const s = parts.join('');
      assert.equal(normalizeLines(s), reference(s));
      // Text already normalised comes back as it is (the path that skips the copy).
      assert.equal(normalizeLines(reference(s)), reference(s));
    }), { numRuns: 1000 });
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => assert.equal(normalizeLines(s), reference(s))), { numRuns: 500 });
  });

  it('cuts a long run of trailing blanks, and keeps an inner one, without trying every start', () => {
    const run = ' '.repeat(200_000);
    assert.equal(normalizeLines(`a${run}\nb`), 'a\nb');
    assert.equal(normalizeLines(`a${run}b`), `a${run}b`);
  });
});
