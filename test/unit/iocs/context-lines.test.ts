// The line model reads only the lines that can decide a candidate line's section (a prose line resets the state);
// checked against reading every line, on random documents of headings, labels, lists, prose and PGP blocks.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildLines, isListLike } from '../../../src/engine/iocs/context';

const PROSE = 'The actor then moved laterally and staged the archive on a file server before the encryption began in earnest.';
const LINE = fc.constantFrom(
  '', '   ', PROSE, `  ${PROSE}`, '## Indicators of Compromise', 'Indicators of compromise:', 'IOCs', '=== Network',
  '### Later stages', '# Summary', 'References', 'Sources:', 'SHA256', 'Domains:', 'C2 servers:', 'Checksums',
  'MITRE ATT&CK', 'Conclusion', '- evil.example.net', '* 1.2.3.4', '| hash | file |', '| abc | x.exe |',
  'Update.exe', 'Recommended steps for defenders', 'NETWORK INDICATORS', '[1] https://example.org/post',
  '-----BEGIN PGP SIGNED MESSAGE-----', '-----END PGP SIGNATURE-----', 'Hash: SHA256',
  'a short line of several words without an end', 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen',
);

describe('line model', () => {
  it('gives every candidate line the section, heading and strength of a full read', () => {
    fc.assert(fc.property(fc.array(fc.tuple(LINE, fc.integer({ min: 0, max: 3 }).map((x) => x === 0)), { maxLength: 60 }), (doc) => {
      const text = doc.map(([l]) => l).join('\n');
      const marks = (n: number) => Uint8Array.from({ length: n }, (_, i) => (doc[i]?.[1] ? 1 : 0));
      const lazy = buildLines(text, marks);
      const full = buildLines(text, marks, true);
      doc.forEach(([, cand], i) => {
        if (!cand) return;
        const at = `line ${i} of ${JSON.stringify(text)}`;
        assert.equal(lazy.section[i], full.section[i], at);
        assert.equal(lazy.heading[i], full.heading[i], at);
        assert.equal(lazy.strong[i], full.strong[i], at);
      });
    }), { numRuns: 3000 });
  });

  it('keeps a marked IOC section open across its deeper sub-headings', () => {
    const doc = ['x.exe', '## Indicators of Compromise', '### Later stages', '=== Network', 'evil.example.net', '# Conclusion', 'y.exe'];
    const marks = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i === 0 || i === 4 || i === 6 ? 1 : 0));
    const lm = buildLines(doc.join('\n'), marks);
    assert.equal(lm.section[4], 1);
    assert.equal(lm.heading[4], 1); // the sub-headings keep the section's own heading
    assert.equal(lm.section[6], 0);
  });

  it('does not let prose inside a PGP-signed block end the section around it', () => {
    const doc = ['## Indicators of Compromise', '-----BEGIN PGP SIGNED MESSAGE-----', PROSE, 'abc x.exe', '-----END PGP SIGNATURE-----', 'evil.example.net'];
    const marks = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i === 3 || i === 5 ? 1 : 0));
    const lm = buildLines(doc.join('\n'), marks);
    assert.equal(lm.section[3], 4); // inside the signed block: checksums
    assert.equal(lm.section[5], 1); // after it: still under the IOC heading
    assert.equal(lm.heading[5], 0);
  });
});

/** isListLike as first written (match, split and filter), the reference for the counting version. */
function listLikeReference(line: string, valueSpans: Array<[number, number]>): boolean {
  if ((line.match(/\|/g)?.length ?? 0) >= 2) return true;
  let rest = '';
  let p = 0;
  for (const [a, b] of valueSpans) {
    if (a > p) rest += line.slice(p, a) + ' ';
    p = Math.max(p, b);
  }
  rest += line.slice(p);
  rest = rest
    .replace(/^(?:[-*•–—>]+|\d{1,3}[.)]|[a-z][.)])\s+/i, '')
    .replace(/^\s*[-*•–—]+\s*/, '')
    .replace(/^[-\s\w/&()]{1,40}:\s/, '')
    .replace(/<--.*$/, '')
    .replace(/`/g, ' ');
  return rest.split(/\s+/).filter((w) => /[A-Z0-9]/i.test(w)).length <= 7;
}

describe('list-like lines', () => {
  const ch = fc.constantFrom('a', 'Z', '7', ' ', '  ', '\u00a0', '\u2003', '\t', '|', '-', '–', '•', ':', '`', '<--', '.', ')', 'é', '→', 'word', 'C2');
  it('counts words as splitting at white space and keeping words with a letter or digit does', () => {
    fc.assert(fc.property(fc.array(ch, { maxLength: 40 }), fc.array(fc.nat(40), { maxLength: 4 }), (parts, cuts) => {
      const line = parts.join('');
      const sorted = [...cuts].map((c) => Math.min(c, line.length)).sort((x, y) => x - y);
      const spans: Array<[number, number]> = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) spans.push([sorted[i], sorted[i + 1]]);
      assert.equal(isListLike(line, spans), listLikeReference(line, spans), JSON.stringify({ line, spans }));
    }), { numRuns: 3000 });
  });
});
