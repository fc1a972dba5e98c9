// A title read as the first line of its article: its sentences are the title's, then the article's shifted past it.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitSentences, splitSentencesAfter } from '../../../src/engine/text/sentences';

// Lines, sentence ends, links, e-mails and defanged dots: the places where a split or a mask could cross a line.
const piece = fc.constantFrom('\n', ' ', '. ', 'The Loader', 'evil[.]com', 'a@b.io', 'https://x.io/p', 'e.g. ', 'Stage.Two', 'cmd.exe', '\t', '“Q”', '1.2.3.4', 'x');
const chunk = fc.array(piece, { maxLength: 24 }).map((a) => a.join(''));

describe('splitSentencesAfter', () => {
  it('equals splitting the title and the text joined by a line break', () => {
    fc.assert(fc.property(chunk, chunk, (head, text) => {
      assert.deepEqual(splitSentencesAfter(head, text), splitSentences(`${head}\n${text}`));
    }), { numRuns: 400 });
  });

  it('equals it on any strings too', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 200 }), (head, text) => {
      assert.deepEqual(splitSentencesAfter(head, text), splitSentences(`${head}\n${text}`));
    }), { numRuns: 300 });
  });
});
