// The start index may only skip places where a phrase cannot start: checked on hand-made sources, and on every hunt
// and technique phrase against its own examples and mutated copies of them (case, inserted and deleted characters).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { BEHAVIOUR_PHRASES } from '../../../src/engine/attack/phrases';
import { catalogue } from '../../../src/engine/hunts/catalogue';
import { boundedPhrase } from '../../../src/engine/hunts/trigger';
import { MatchStarts, matchPrefixes } from '../../../src/engine/text/match-starts';
import { phraseScan, PhraseScanner } from '../../../src/engine/text/phrase-scan';

interface Case { re: RegExp; text: string }

/** Every phrase with its examples, as the scanners compile it (word-bounded, case folded as they fold it). */
const CASES: Case[] = [
  ...catalogue().flatMap((h) => (h.trigger.phrases ?? []).flatMap((p) => h.examples.fire.map((text) => ({ re: boundedPhrase(p), text })))),
  ...BEHAVIOUR_PHRASES.flatMap((p) => p.examples.map((text) => ({ re: new RegExp(`(?<![\\w])(?:${p.re.source})`, 'i'), text }))),
];

function innerSource(re: RegExp): string {
  return re.source.replace(/^\(\?<!\[[^\]]*\]\)\(\?:/, '(?:');
}

/** Every start of a match of `re` in `text` (each position tried), against what the scanner offers. */
function missed(c: Case, text: string): number | undefined {
  const sticky = new RegExp(c.re.source, c.re.flags.replace(/[gy]/g, '') + 'y');
  const scanner = new PhraseScanner(text, [{ start: 0, end: text.length }]);
  const offered = new Set(scanner.candidates(phraseScan(innerSource(c.re), c.re.flags.includes('i') ? 'i' : '')));
  for (let at = 0; at < text.length; at++) {
    sticky.lastIndex = at;
    if (sticky.test(text) && !offered.has(at)) return at;
  }
  return undefined;
}

describe('phrase start index', () => {
  it('reads literal starts, alternatives, optional parts and classes', () => {
    assert.deepEqual(matchPrefixes('kerberoast\\w*'), ['kerber']);
    assert.deepEqual(matchPrefixes('(?:spawn|Launch)\\w* x'), ['launch', 'spawn']);
    assert.deepEqual(matchPrefixes('(?:base64[- ])?encoded'), ['base64', 'encode']);
    assert.deepEqual(matchPrefixes('\\\\?CurrentVersion'), ['\\curre', 'curren']);
    assert.deepEqual(matchPrefixes('a?b'), ['ab', 'b']);
    assert.deepEqual(matchPrefixes('C2|C&C'), ['c&c', 'c2']);
    assert.deepEqual(matchPrefixes('x+yz'), ['x']);
    for (const src of ['\\w+x', '.x', '[^a]x', '(?:a )?\\s', 'x|(?:y)*']) assert.equal(matchPrefixes(src), null, src);
  });

  it('indexes word starts only, folded to lower case', () => {
    const ix = new MatchStarts('Run runs; xRUN -run');
    assert.deepEqual([...ix.positions(['run'])], [0, 4, 16]);
    assert.deepEqual([...ix.positions(['ru', 'x'])], [0, 4, 10, 16], 'several prefixes merge in text order');
    assert.deepEqual([...ix.positions(['r'])], [0, 4, 16]);
    assert.deepEqual([...ix.positions(['-ru'])], [15]);
    assert.deepEqual([...ix.positions(['runs;'])], [4], 'a longer prefix is compared to its end');
    assert.deepEqual([...ix.positions(['run -', 'xrun -'])], [10]);
    const seen: number[] = [];
    ix.each(['r', '-'], (p) => seen.push(p));
    assert.deepEqual(seen.sort((a, b) => a - b), [0, 4, 15, 16]);
  });

  it('offers every start of every example match of every hunt and technique phrase', () => {
    let checked = 0;
    for (const c of CASES) {
      if (!c.re.test(c.text)) continue;
      assert.equal(missed(c, c.text), undefined, `${c.re.source.slice(0, 80)} on "${c.text}"`);
      checked++;
    }
    assert.ok(checked > 400, `${checked} examples checked`);
  });

  it('offers every start on mutated examples', () => {
    const edit = fc.record({ at: fc.nat(), cut: fc.nat({ max: 3 }), put: fc.constantFrom('', ' ', '.', '-', '\\', 'x', 'S', '.exe', ' the ', 'É') });
    let matched = 0;
    fc.assert(fc.property(fc.nat({ max: CASES.length - 1 }), fc.array(edit, { maxLength: 4 }), fc.boolean(), (k, edits, upper) => {
      const c = CASES[k];
      let text = upper ? c.text.toUpperCase() : c.text;
      for (const e of edits) {
        const at = e.at % (text.length + 1);
        text = text.slice(0, at) + e.put + text.slice(at + e.cut);
      }
      if (!c.re.test(text)) return true;
      matched++;
      return missed(c, text) === undefined;
    }), { numRuns: 3000, seed: 11 });
    assert.ok(matched > 300, `${matched} mutated matches`);
  });

  it('offers every start in a blanked copy of a text while reading the original text\'s index', () => {
    // Inference blanks the official names it matched and scans the copy with the masked text's index: blanking may
    // add starts (after a blanked span, a word start) and change a start's first characters (before one).
    // `snap`: the span ends where a word meets punctuation, as a matched name does ("PowerShell" in "PowerShell.bat").
    const span = fc.record({ at: fc.nat(), len: fc.integer({ min: 1, max: 12 }), snap: fc.boolean() });
    let matched = 0;
    fc.assert(fc.property(fc.nat({ max: CASES.length - 1 }), fc.array(span, { maxLength: 3 }), fc.constantFrom('', 'PowerShell.bat file ', 'Shell.vbs script ', 'cmd-w hidden ', 'x/bin/sh ', 'Run\\CurrentVersion '), (k, raw, glue) => {
      const c = CASES[k];
      const base = glue + c.text + ' ' + glue + c.text;
      const spans: Array<[number, number]> = [];
      for (const r of raw) {
        const a = r.at % base.length;
        let b = Math.min(base.length, a + r.len);
        if (r.snap) while (b < base.length && !(/\w/.test(base[b - 1]) && /[^\w\s]/.test(base[b]))) b++;
        if (spans.every(([x, y]) => b <= x || a >= y)) spans.push([a, b]);
      }
      spans.sort((x, y) => x[0] - y[0]);
      const found = missedVia(c, blank(base, spans), { base, spans });
      matched += found.matches;
      return found.missed === undefined;
    }), { numRuns: 3000, seed: 7 });
    assert.ok(matched > 1000, `${matched} matches in blanked copies`);
  });

  it('offers every match start of every example once a glued word before it, or its own spaces, are blanked', () => {
    // The blanked copy matches where the original does not: "xqcmd file" → "  cmd file", "cmdQfile" → "cmd file".
    let checked = 0;
    for (const c of CASES) {
      const m = new RegExp(c.re.source, c.re.flags.replace(/[gy]/g, '')).exec(c.text);
      if (!m) continue;
      const glued = { base: c.text.slice(0, m.index) + 'xq' + c.text.slice(m.index), spans: [[m.index, m.index + 2]] as Array<[number, number]> };
      const spaces = [...m[0].matchAll(/ /g)].map((x) => [m.index + x.index, m.index + x.index + 1] as [number, number]);
      const filled = { base: c.text.slice(0, m.index) + m[0].replace(/ /g, 'Q') + c.text.slice(m.index + m[0].length), spans: spaces };
      for (const v of spaces.length ? [glued, filled] : [glued]) {
        const text = blank(v.base, v.spans);
        assert.equal(missedVia(c, text, v).missed, undefined, `${c.re.source.slice(0, 60)} in ${JSON.stringify(text)}`);
        checked++;
      }
    }
    assert.ok(checked > 600, `${checked} blanked examples checked`);
  });
});

function blank(base: string, spans: ReadonlyArray<readonly [number, number]>): string {
  let text = base;
  for (const [a, b] of spans) text = text.slice(0, a) + ' '.repeat(b - a) + text.slice(b);
  return text;
}

/** Like `missed`, for a blanked copy scanned through the original's index; also how many match starts it holds. */
function missedVia(c: Case, text: string, blanked: { base: string; spans: Array<[number, number]> }): { missed: number | undefined; matches: number } {
  const scan = phraseScan(innerSource(c.re), c.re.flags.includes('i') ? 'i' : '');
  const scanner = new PhraseScanner(text, [{ start: 0, end: text.length }], blanked);
  const each = new Set<number>();
  scanner.eachCandidate(scan, (p) => each.add(p));
  const listed = new Set(scanner.candidates(scan));
  const sticky = new RegExp(c.re.source, c.re.flags.replace(/[gy]/g, '') + 'y');
  let matches = 0;
  for (let at = 0; at < text.length; at++) {
    sticky.lastIndex = at;
    if (!sticky.test(text)) continue;
    matches++;
    if (!each.has(at) || !listed.has(at)) return { missed: at, matches };
  }
  return { missed: undefined, matches };
}
