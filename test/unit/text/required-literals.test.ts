// The literal prefilter may only skip a phrase on a text where it cannot match: checked on hand-made sources, on
// every hunt and technique phrase's own examples, and on random strings built from each phrase's vocabulary.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { catalogue } from '../../../src/engine/hunts/catalogue';
import { boundedPhrase } from '../../../src/engine/hunts/trigger';
import { mayMatch, ofSource, requiredLiterals, Trigrams } from '../../../src/engine/text/required-literals';

describe('required literals of a regular expression', () => {
  it('reads runs, alternatives and mandatory groups, and skips optional parts', () => {
    assert.deepEqual(requiredLiterals('certutil(?:\\.exe)? -urlcache'), [' -urlcache']);
    assert.deepEqual(requiredLiterals('(?:spawn|Launch)\\w* child'), [' child']);
    assert.deepEqual(requiredLiterals('schtasks|scheduled tasks?')?.sort(), ['schtasks', 'scheduled task'].sort());
    assert.deepEqual(requiredLiterals('(?:create|add)\\w* (?:\\w+ ){0,3}Run keys?'), ['run key']);
    assert.deepEqual(requiredLiterals('vssadmin(?:\\.exe)?\\s+delete\\s+shadows'), ['vssadmin']);
    assert.deepEqual(ofSource('ab+c'), ['ab']);
  });

  it('gives up where a match may hold no literal of three characters or more', () => {
    for (const src of ['(?:a )?b', '\\w+x', '.x', 'abc|\\d+', '[abc]{3}', 'C2', '(?:abc)?', 'a(?=bcd)', 'ab(?:cd|e)']) {
      assert.equal(requiredLiterals(src), null, src);
    }
  });

  it('finds a literal present in every example match of every hunt phrase', () => {
    let checked = 0;
    for (const h of catalogue()) {
      for (const p of h.trigger.phrases ?? []) {
        const lits = requiredLiterals(p.source);
        for (const s of h.examples.fire) {
          const m = boundedPhrase(p).exec(s);
          if (!m) continue;
          assert.ok(mayMatch(lits, new Trigrams(m[0])), `${h.id} ${p.source} on "${s}" needs one of ${JSON.stringify(lits)}`);
          checked++;
        }
      }
    }
    assert.ok(checked > 50, `${checked} matches checked`);
  });

  it('is sound on mutated examples: whenever a phrase matches, one of its literals is in the text', () => {
    const cases = catalogue().flatMap((h) => (h.trigger.phrases ?? []).flatMap((p) => h.examples.fire.map((s) => ({ p, s }))));
    const edit = fc.record({ at: fc.nat(), cut: fc.nat({ max: 3 }), put: fc.constantFrom('', ' ', '.', '-', 'x', 'S', '.exe', ' the ') });
    let matched = 0;
    fc.assert(fc.property(fc.nat({ max: cases.length - 1 }), fc.array(edit, { maxLength: 4 }), fc.boolean(), (k, edits, upper) => {
      const { p, s } = cases[k];
      let text = upper ? s.toUpperCase() : s;
      for (const e of edits) {
        const at = e.at % (text.length + 1);
        text = text.slice(0, at) + e.put + text.slice(at + e.cut);
      }
      if (!boundedPhrase(p).test(text)) return true;
      matched++;
      return mayMatch(requiredLiterals(p.source), new Trigrams(text));
    }), { numRuns: 5000, seed: 7 });
    assert.ok(matched > 200, `${matched} mutated matches`);
  });
});
