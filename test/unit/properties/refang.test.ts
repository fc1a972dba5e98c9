import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { IocType } from '../../../src/engine/model';
import { displayOf } from '../../../src/engine/text/defang';
import { OffsetMap, refang, refangWithMap } from '../../../src/engine/text/refang';

// Round trips: what the briefing displays defanged, refanging gives back; offsets map back into the original.
const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
const domain = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom('com', 'net', 'org', 'io', 'ru', 'co.uk')).map(([ls, t]) => [...ls, t].join('.'));
const octet = fc.integer({ min: 0, max: 255 });
const ipv4 = fc.tuple(octet, octet, octet, octet).map((a) => a.join('.'));
const local = fc.stringMatching(/^[a-z0-9](?:[a-z0-9._+-]{0,10}[a-z0-9])?$/).filter((s) => !s.includes('..'));
const email = fc.tuple(local, domain).map(([l, d]) => `${l}@${d}`);
const path = fc.array(fc.stringMatching(/^[a-zA-Z0-9_-]{1,8}$/), { maxLength: 3 }).map((p) => (p.length ? '/' + p.join('/') : ''));
const url = fc.tuple(fc.constantFrom('http', 'https', 'ftp'), domain, path).map(([s, d, p]) => `${s}://${d}${p}`);

describe('properties/refang: defanged display forms round-trip', () => {
  const cases: Array<[IocType, fc.Arbitrary<string>]> = [['domain', domain], ['ipv4', ipv4], ['email', email], ['url', url]];
  for (const [type, arb] of cases) {
    it(`refang(displayOf('${type}', v)) === v`, () => {
      fc.assert(fc.property(arb, (v) => {
        const shown = displayOf(type, v);
        assert.notEqual(shown, v, 'the display form is defanged');
        assert.equal(refang(shown), v);
      }), { numRuns: 300 });
    });
  }

  // Every trigger refang.ts looks for is excluded: brackets, a backslash, "xp", "dot", " . ", the half-bracketed
  // dot ("evil.]com") and a scheme's "__" ("http__evil.com").
  it('refanging plain text without defang triggers changes nothing', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }).filter((s) => !/[[({\\]|xp|dot|DOT| \. |\.\]|__/i.test(s)), (s) => {
      assert.equal(refang(s), s);
    }), { numRuns: 300 });
  });

  it('maps every refanged position back into the original text, in order', () => {
    const pieces = fc.constantFrom('evil', '[.]', '(.)', '{.}', '[dot]', ' dot ', '[@]', '[at]', 'hxxp', 'hXXps', '[://]', '[:]', '1.2.3.[4]', '\\.', ' . ', 'com', ' ', 'a', '[', ')');
    fc.assert(fc.property(fc.array(pieces, { maxLength: 60 }).map((a) => a.join('')), (s) => {
      const { text, edits } = refangWithMap(s);
      const map = new OffsetMap(edits);
      let prev = 0;
      for (let r = 0; r < text.length; r++) {
        const o = map.start(r);
        assert.ok(o >= prev && o < s.length, `position ${r} → ${o}`);
        prev = o;
      }
      assert.equal(map.end(text.length), s.length);
    }), { numRuns: 500 });
  });

  it('is idempotent on display forms', () => {
    fc.assert(fc.property(url, (v) => {
      const once = refang(displayOf('url', v));
      assert.equal(refang(once), once);
    }), { numRuns: 200 });
  });
});
