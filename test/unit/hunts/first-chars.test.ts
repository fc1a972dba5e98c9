// The phrase prefilter may only skip positions where a phrase cannot start: checked against every catalogue phrase's
// own examples and against hand-made sources.
import * as assert from 'node:assert/strict';
import { catalogue } from '../../../src/engine/hunts/catalogue';
import { firstChars } from '../../../src/engine/hunts/first-chars';
import { boundedPhrase } from '../../../src/engine/hunts/trigger';

describe('hunt phrase first characters', () => {
  it('reads literal starts, alternatives, classes and groups, and gives up on anything optional', () => {
    assert.deepEqual([...firstChars('kerberoast\\w*')!], ['k']);
    assert.deepEqual([...firstChars('(?:spawn|Launch)\\w* x')!].sort(), ['l', 's']);
    assert.deepEqual([...firstChars('[A-C]x|\\-enc')!].sort(), ['-', 'a', 'b', 'c']);
    for (const src of ['(?:a )?b', 'a?b', '\\w+x', '.x', '(?=a)a', '[^a]x', 'x|(?:y)*z']) assert.equal(firstChars(src), null, src);
  });

  it('never excludes the first character of a real match of any catalogue phrase', () => {
    let checked = 0;
    for (const h of catalogue()) {
      for (const p of h.trigger.phrases ?? []) {
        const chars = firstChars(p.source);
        for (const s of h.examples.fire) {
          const m = boundedPhrase(p).exec(s);
          if (!m || !chars) continue;
          assert.ok(chars.has(m[0][0].toLowerCase()), `${h.id} ${p.source} on "${s}"`);
          checked++;
        }
      }
    }
    assert.ok(checked > 50, `${checked} matches checked`);
  });
});
