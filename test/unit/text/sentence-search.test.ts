// One native search over the joined sentences names every sentence where a pattern matches (then confirmed one by
// one): checked against testing each sentence on its own, with patterns that can run across a sentence's edge.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { joinSentences, nextSentenceMatching, searchable, searchInText } from '../../../src/engine/text/sentence-search';
import { splitSentences } from '../../../src/engine/text/sentences';

const word = fc.constantFrom('malware', 'non-malicious', 'code', 'dropped', 'the', 'files', 'were', 'encrypted', 'not', '.', ',', 'x', ' ', '  ', 'Ransomware', '—');
const sentence = fc.array(word, { maxLength: 12 }).map((w) => w.join(' '));
const PATTERNS = [
  /\bmalware\b/i,
  /\bmalware\b.{1,20}\bdropped\b/,
  /(?<!non-)\bmalicious\b/i,
  /\b(?:files|data) (?:\w+ ){0,3}(?:were|was) (?:\w+ ){0,2}encrypted\b/i,
  /dropped[^.]{1,30}files/,
  /\s+code/,
  /(?<![\w])code(?![\w])/,
];

describe('sentence search', () => {
  it('names every sentence where a pattern matches on its own', () => {
    fc.assert(fc.property(fc.array(sentence, { maxLength: 20 }), (texts) => {
      const j = joinSentences(texts);
      for (const re of PATTERNS) {
        assert.ok(searchable(re), re.source);
        const named = new Set<number>();
        for (let i = nextSentenceMatching(j, re, 0); i >= 0; i = nextSentenceMatching(j, re, i + 1)) named.add(i);
        texts.forEach((t, i) => { if (re.test(t)) assert.ok(named.has(i), `${re} in sentence ${i}: ${JSON.stringify(texts)}`); });
      }
    }), { numRuns: 300 });
  });

  it('refuses patterns whose anchors or lookarounds would see past a sentence', () => {
    for (const re of [/^malware/, /code$/, /(?!\s*files)code/, /(?<=\.\s)code/, /(?<![^a])code/, /code/g, /code/y, /code/m]) assert.ok(!searchable(re), re.source);
    for (const re of [/\bcode\b/, /(?<!non-)code/, /(?![\w])code/, /a\$b/]) assert.ok(searchable(re), re.source);
  });
});

describe('sentence search in the article itself', () => {
  const piece = fc.constantFrom('malware', 'dropped', 'non-malicious', 'code', 'files were encrypted', '. ', '.\n', '\n', '  ', '\t', 'The', 'x.Then', ' ', ',', '“code”', 'e.g. code');
  it('names every sentence whose text matches, or lists it to be tried anyway', () => {
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      const sentences = splitSentences(text);
      const { joined, always } = searchInText(text, sentences);
      for (const re of PATTERNS) {
        const named = new Set<number>(always);
        for (let i = nextSentenceMatching(joined, re, 0); i >= 0; i = nextSentenceMatching(joined, re, i + 1)) named.add(i);
        sentences.forEach((s, i) => { if (re.test(s.text)) assert.ok(named.has(i), `${re} in ${JSON.stringify(s.text)} of ${JSON.stringify(text)}`); });
      }
    }), { numRuns: 400 });
  });
});
