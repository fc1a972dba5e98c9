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
});
