// The word filter may only say "maybe" for words it holds; its point is saying "no" to most others.
import * as assert from 'node:assert/strict';
import { WordKeys } from '../../../src/engine/text/word-keys';

describe('word keys', () => {
  it('never rules out an added word, in any ASCII case, and rules out most other words', () => {
    const keys = new WordKeys();
    for (const w of ['injection', 'process', 'c2', 'rundll32']) keys.add(w);
    const text = 'Process INJECTION via RunDLL32 and C2 at the end of the report';
    for (const w of ['Process', 'INJECTION', 'RunDLL32', 'C2']) assert.ok(keys.mayHave(text, text.indexOf(w), text.indexOf(w) + w.length), w);
    for (const w of ['via', 'and', 'at', 'the', 'end', 'report']) assert.ok(!keys.mayHave(text, text.indexOf(` ${w}`) + 1, text.indexOf(` ${w}`) + 1 + w.length), w);
  });
});
