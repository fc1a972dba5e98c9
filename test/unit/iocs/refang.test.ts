import * as assert from 'node:assert/strict';
import { refang } from '../../../src/engine/iocs/extract';
import { OffsetMap, refangWithMap } from '../../../src/engine/text/refang';

describe('iocs/refang', () => {
  const cases: Array<[string, string]> = [
    ['hxxp://evil.test/a', 'http://evil.test/a'],
    ['hXXps://evil.test', 'https://evil.test'],
    ['fxp://files.evil.test', 'ftp://files.evil.test'],
    ['evil[.]com', 'evil.com'],
    ['evil(.)com', 'evil.com'],
    ['evil{.}com', 'evil.com'],
    ['evil[dot]com', 'evil.com'],
    ['evil(dot)com', 'evil.com'],
    ['evil dot com', 'evil.com'],
    ['hxxp[:]//evil.com', 'http://evil.com'],
    ['hxxp[://]evil.com', 'http://evil.com'],
    ['http://evil.com[/]path', 'http://evil.com/path'],
    ['bob[@]evil.com', 'bob@evil.com'],
    ['bob[at]evil.com', 'bob@evil.com'],
    ['bob(at)evil.com', 'bob@evil.com'],
    ['evil\\.com', 'evil.com'],
    ['10.20.30[.]40', '10.20.30.40'],
    ['10.20.30.[40]', '10.20.30.40'],
    ['10.20.30[.40]', '10.20.30.40'],
    ['5.253.[.]84[.]159', '5.253.84.159'],
    ['1.1.1 . 1', '1.1.1.1'],
  ];
  for (const [input, want] of cases) {
    it(`refangs ${input}`, () => assert.equal(refang(input), want));
  }

  it('leaves ordinary prose alone', () => {
    const s = 'We (the authors) met at noon [see note] and read {braces} in C:\\Temp\\x.';
    assert.equal(refang(s), s);
  });

  it('maps refanged offsets back to the original text', () => {
    const src = 'C2: hxxps://bad[.]example-host[.]net/x and more';
    const { text, edits } = refangWithMap(src);
    const map = new OffsetMap(edits);
    const a = text.indexOf('https://');
    const b = text.indexOf(' and');
    assert.equal(src.slice(map.start(a), map.end(b)), 'hxxps://bad[.]example-host[.]net/x');
    assert.equal(map.defangLevel(a, b), 2);
    assert.equal(map.defangLevel(b, text.length), 0);
  });

  // Large articles are assembled in a Buffer instead of joined (see joinParts): the result must be the same string,
  // for one-byte text and for text with wide characters (curly quotes, CJK, an astral emoji's surrogate pair).
  for (const [name, filler] of [['one-byte', 'plain prose, café; '], ['two-byte', '\u201cquoted\u201d 日本語 \u{1F600} ']] as const) {
    it(`refangs a large ${name} article exactly as a small one, piece by piece`, () => {
      const unit = `${filler}C2 hxxps://bad[.]example[.]net/p and 10.20.30[.]40 ok\n`;
      const big = unit.repeat(Math.ceil((2 << 20) / unit.length));
      assert.ok(refang(unit).length * (big.length / unit.length) > 1 << 20);
      const { text, edits } = refangWithMap(big);
      assert.equal(text, refang(unit).repeat(big.length / unit.length));
      assert.equal(edits.length, (big.length / unit.length) * 4);
    });
  }
});
