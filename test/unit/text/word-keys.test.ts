// The word filter may only say "maybe" for words it holds; its point is saying "no" to most others.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { WordIds, WordKeys } from '../../../src/engine/text/word-keys';

describe('word keys', () => {
  it('never rules out an added word, in any ASCII case, and rules out most other words', () => {
    const keys = new WordKeys();
    for (const w of ['injection', 'process', 'c2', 'rundll32']) keys.add(w);
    const text = 'Process INJECTION via RunDLL32 and C2 at the end of the report';
    for (const w of ['Process', 'INJECTION', 'RunDLL32', 'C2']) assert.ok(keys.mayHave(text, text.indexOf(w), text.indexOf(w) + w.length), w);
    for (const w of ['via', 'and', 'at', 'the', 'end', 'report']) assert.ok(!keys.mayHave(text, text.indexOf(` ${w}`) + 1, text.indexOf(` ${w}`) + 1 + w.length), w);
  });

  it('numbers words and finds them in a text in any ASCII case, and only them', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{1,12}$/), { maxLength: 300 }), fc.stringMatching(/^[A-Za-z0-9]{1,12}$/), (words, probe) => {
      const ids = new WordIds();
      words.forEach((w, i) => assert.equal(ids.add(w), i));
      assert.equal(ids.size, words.length);
      words.forEach((w, i) => {
        const text = `(${w.toUpperCase()})`;
        assert.equal(ids.idOf(text, 1, 1 + w.length), i);
      });
      assert.equal(ids.idOf(probe, 0, probe.length), words.indexOf(probe.toLowerCase()));
    }), { numRuns: 200 });
  });
});
