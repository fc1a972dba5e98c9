import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { inferTechniques } from '../../../src/engine/attack/infer';
import { extractIocs } from '../../../src/engine/iocs/extract';
import { HOSTILE_INPUTS } from '../../../src/engine/eval/hostile';
import { miniIndex } from '../attack/helpers';
import { growth, ratioAt } from './growth';

// Each row of the reliability issue, as a growth ratio: doubling the input must not quadruple the work.
// A linear step measures about 2; the quadratic and cubic versions these replace measured 4 and 8.
const text = (name: string) => {
  const h = HOSTILE_INPUTS.find((x) => x.name === name);
  if (!h) throw new Error(name);
  return h;
};

describe('properties/linear: IOC extraction and technique inference', function () {
  this.timeout(120_000);

  it('infers techniques in linear time on a single-line hex dump', () => {
    const idx = miniIndex();
    const hex = text('single-line hex dump');
    assert.ok(growth((n) => inferTechniques(hex.make(n / 1e6), idx)) < 3);
  });

  it('extracts IOCs in linear time from many hashes on one line', () => {
    const h = text('40,000 hashes on one line');
    assert.ok(growth((n) => extractIocs(h.make(n / 40_000)), 500) < 3);
  });

  it('extracts IOCs in linear time from many file names inside paths on one line', () => {
    assert.ok(growth((n) => extractIocs('Files: ' + 'C:\\Users\\Public\\a\\upd.exe '.repeat(n))) < 3);
  });

  it('extracts IOCs in linear time from URLs closed by long runs of brackets', () => {
    // A URL is at most 2,048 characters, so the run length is what doubles here.
    assert.ok(ratioAt((k) => extractIocs(('http://evil-host.com/' + ')'.repeat(k) + ' ').repeat(40)), 1000) < 3);
  });

  const PIECES = ['a', 'f', '0', '9', '.', '[.]', '(.)', '@', '[at]', ':', '/', '\\', '-', '_', ' ', '\n', 'http://', 'hxxps[://]', 'CVE-2024-', 'sha256:', 'C:\\', '%APPDATA%\\', 'HKLM\\', 'exe', 'com'];
  const adversarial = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 40 }).map((a) => a.join(''));

  it('stays linear on random adversarial units repeated', () => {
    fc.assert(fc.property(adversarial, (unit) => {
      // Inputs big enough (≥ 30 ms) that a garbage collection cannot double a reading; a fixed seed so every run
      // checks the same units (the generator's shrinking still explains a real failure).
      const r = growth((n) => extractIocs(unit.repeat(n)), 200, 30, 5);
      assert.ok(r < 3, `unit ${JSON.stringify(unit)} grew ×${r.toFixed(2)} when doubled`);
    }), { numRuns: 12, seed: 20261201 });
  });

  it('never throws: extraction on random and adversarial strings', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 500 }), fc.string({ unit: 'binary', maxLength: 300 }), adversarial), (s) => {
      assert.ok(Array.isArray(extractIocs(s, { articleUrl: 'https://blog.example-vendor.com/x' })));
    }), { numRuns: 400 });
  });

  it('never throws: technique inference on random text', () => {
    const idx = miniIndex();
    const words = fc.constantFrom('the', 'malware', 'attacker', 'injects', 'into', 'process', 'T1059', 'T1566.001', 'not', 'observed', 'PowerShell', '.', '\n', 'firewall', 'disables', 'hxxp://x[.]com', 'e.g.');
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.array(words, { maxLength: 80 }).map((w) => w.join(' '))), (s) => {
      assert.ok(Array.isArray(inferTechniques(s, idx, { minConfidence: 'low' })));
    }), { numRuns: 300 });
  });
});
