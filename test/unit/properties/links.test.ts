import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { maskLinks } from '../../../src/engine/text/links';
import { FILE_EXTS } from '../../../src/engine/text/file-extensions';
import { growth } from './growth';

// The regex definition masking used to be (quadratic on `a[.]a[.]a…` and on dotted runs with no `@`). It stays
// here as the oracle: the linear scanners must give the same masking on any string short enough to run it on.
const DOT = String.raw`\.|\[\.\]|\(\.\)`;
const AT = String.raw`@|\[@\]|\[at\]`;
const URL_TOKEN = /\b(?:h[tx]{2}ps?|fxp|ftps?|sftp|wss?)(?:\[?:\]?|\[:\/\/\])\/\/[^\s<>"'`)\]]+|\bwww\d?\.[^\s<>"'`)\]]+/gi;
// The old definition, kept verbatim as the oracle (quadratic: test inputs stay short).
const DOMAINISH = new RegExp(String.raw`(?<![\w@\\/.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:${DOT}))+([a-z]{2,12})(?:\/[^\s<>"'${'`'})\]]*)?(?![\w-])`, 'gi');
const EMAIL = new RegExp(String.raw`\b[\w.+-]+(?:${AT})[\w-]+(?:(?:${DOT})[\w-]+)+`, 'gi');
function oracle(text: string): string {
  const blank = (s: string): string => ' '.repeat(s.length);
  return text
    .replace(URL_TOKEN, blank)
    .replace(EMAIL, blank)
    .replace(DOMAINISH, (m, tld: string) => (FILE_EXTS.has(tld.toLowerCase()) || /^(?:e\.g|i\.e|etc)\b/i.test(m) ? m : blank(m)));
}

const PIECES = ['a', 'b', 'Z', '0', '9', '-', '_', '.', '[.]', '(.)', '[', ']', '(', ')', '@', '[@]', '[at]', '[AT]', ' ', '\n', '/', '\\',
  'com', 'exe', 'org', 'e.g', 'etc', 'i.e', 'http://', 'hxxps[://]', 'www.', 'abcdefghijklm', 'x+y', 'zip', "'", '`'];

describe('properties/links: maskLinks', () => {
  it('masks exactly as the regex definition did, on strings of link fragments', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), (arr) => {
      const s = arr.join('');
      assert.equal(maskLinks(s), oracle(s));
    }), { numRuns: 3000 });
  });

  it('masks exactly as the regex definition did, on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => {
      assert.equal(maskLinks(s), oracle(s));
    }), { numRuns: 1000 });
  });

  it('keeps the length (offsets) of any input', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => {
      assert.equal(maskLinks(s).length, s.length);
    }), { numRuns: 500 });
  });

  for (const [name, unit] of [['a[.]a[.]…', 'a[.]'], ['a.a.a… with no @', 'a.'], ['a(.)b(.)…', 'a(.)b'], ['x.y@ chains', 'x.y@']] as const) {
    it(`stays linear on ${name}`, () => {
      assert.ok(growth((n) => maskLinks(unit.repeat(n))) < 3, 'doubling the input must not quadruple the time');
    });
  }
});
