// Where a word-bounded phrase can start. Each phrase's possible first one to six characters are read off its
// source ("cre", "ins", "reg" for `(?:creat|install|register)\w*`); a document's word starts are indexed once by their
// first characters; a phrase is then tried (sticky) only at the starts its prefixes name, instead of at every
// position. Sound by construction: a source this reader does not understand gives `null` ("try it everywhere"), so
// the index changes speed, never results. Prefixes are lower-cased ASCII; the text's ASCII letters are folded the
// same way (the `i` flag folds ASCII only, so a non-ASCII character never equals an ASCII prefix).
import { foldCode, isSpaceCode, isWordCode } from './chars';
import { alternatives, classEnd, closeOf, ESCAPE_CLASS, quantifier } from './regex-source';

const K = 6;
/** Above this many prefixes a phrase's set is cut back to first characters. */
const MAX_SET = 48;
const MAX_CLASS = 16;

interface Pre { s: string; open: boolean }

/** One pattern character folded as the `i` flag folds it; undefined when not ASCII. */
function fold(c: string): string | undefined {
  const k = c.charCodeAt(0);
  return k >= 128 ? undefined : String.fromCharCode(foldCode(k));
}

/** The folded code of the text's character at `p`. */
function code(text: string, p: number): number {
  return foldCode(text.charCodeAt(p));
}

/** The characters a class can match, folded; undefined when negated, open-ended (\w) or large. */
function classChars(body: string): string[] | undefined {
  if (body.startsWith('^')) return undefined;
  const out = new Set<string>();
  for (let i = 0; i < body.length; i++) {
    let c = body[i];
    if (c === '\\') {
      const n = body[i + 1];
      if (!n || ESCAPE_CLASS.test(n)) return undefined;
      c = n;
      i++;
    }
    if (body[i + 1] === '-' && i + 2 < body.length && body[i + 2] !== '\\') {
      const a = c.charCodeAt(0);
      const b = body.charCodeAt(i + 2);
      if (b - a > MAX_CLASS) return undefined;
      for (let k = a; k <= b; k++) out.add(String.fromCharCode(k));
      i += 2;
    } else out.add(c);
  }
  const folded = new Set<string>();
  for (const c of out) {
    const f = fold(c);
    if (f === undefined) return undefined;
    folded.add(f);
  }
  return folded.size <= MAX_CLASS ? [...folded] : undefined;
}

/** One atom of a sequence: the ways through it (undefined: unknown), or zero width. */
function atomAt(seq: string, i: number): { options?: Pre[]; next: number; zeroWidth?: boolean } {
  const c = seq[i];
  if (c === '(') {
    const end = closeOf(seq, i);
    if (end < 0) return { next: seq.length };
    if (/^\(\?<?[=!]/.test(seq.slice(i, i + 4))) return { next: end + 1, zeroWidth: true };
    const head = seq.startsWith('(?:', i) ? 3 : seq.startsWith('(?<', i) ? seq.indexOf('>', i) + 1 - i : 1;
    return { options: ofAlternation(seq.slice(i + head, end)), next: end + 1 };
  }
  if (c === '\\') {
    const n = seq[i + 1];
    if (n === 'b' || n === 'B') return { next: i + 2, zeroWidth: true };
    if (n === 'd') return { options: [...'0123456789'].map((s) => ({ s, open: true })), next: i + 2 };
    const f = n === undefined || ESCAPE_CLASS.test(n) ? undefined : fold(n);
    return { options: f === undefined ? undefined : [{ s: f, open: true }], next: i + 2 };
  }
  if (c === '[') {
    const end = classEnd(seq, i);
    const chars = classChars(seq.slice(i + 1, end));
    return { options: chars?.map((s) => ({ s, open: true })), next: end + 1 };
  }
  if (c === '^' || c === '$') return { next: i + 1, zeroWidth: true };
  const f = '.|)?*+{}'.includes(c) ? undefined : fold(c);
  return { options: f === undefined ? undefined : [{ s: f, open: true }], next: i + 1 };
}

/** One entry per prefix; a closed one wins (it says less: the matches behind it may go on with anything). */
function dedupe(list: Pre[]): Pre[] {
  const seen = new Map<string, Pre>();
  for (const p of list) {
    const old = seen.get(p.s);
    if (!old || (old.open && !p.open)) seen.set(p.s, p);
  }
  return [...seen.values()];
}

/** Too many prefixes are cut back, to three characters and then to one, until few enough are left. */
function capped(list: Pre[]): Pre[] {
  if (list.length <= MAX_SET) return list;
  const three = dedupe(list.map((p) => (p.s.length > 3 ? { s: p.s.slice(0, 3), open: false } : p)));
  return three.length <= MAX_SET ? three : dedupe(three.map((p) => ({ s: p.s.slice(0, 1), open: false })));
}

function close(list: Pre[]): Pre[] {
  return list.map((p) => (p.open ? { s: p.s, open: false } : p));
}

/** Each open prefix extended by one pass through an atom; a repeated atom ends what can be read after it. */
function extend(cur: Pre[], options: Pre[], repeats: boolean): Pre[] {
  const next: Pre[] = [];
  for (const p of cur) {
    if (!p.open) {
      next.push(p);
      continue;
    }
    for (const o of options) {
      const s = (p.s + o.s).slice(0, K);
      next.push({ s, open: o.open && s.length < K && !repeats });
    }
  }
  const out = dedupe(next);
  return capped(out);
}

/**
 * Prefixes (up to K characters) of the matches of `seq` from `i` on, given the prefixes read so far; `open` ones
 * consumed it all and may be extended. An optional atom branches: the match takes it, or skips it.
 */
function walk(seq: string, i: number, cur: Pre[], depth = 0): Pre[] {
  while (i < seq.length && cur.some((p) => p.open)) {
    const a = atomAt(seq, i);
    const q = quantifier(seq, a.next);
    const after = a.next + q.len;
    if (a.zeroWidth) {
      i = after;
      continue;
    }
    if (q.optional) {
      if (depth > 8) return close(cur);
      const skip = walk(seq, after, cur, depth + 1);
      const once = a.options ? extend(cur, a.options, q.repeats) : close(cur);
      const taken = !q.repeats && a.options ? walk(seq, after, once, depth + 1) : once;
      const both = dedupe([...skip, ...taken]);
      return capped(both);
    }
    if (!a.options) return close(cur);
    cur = extend(cur, a.options, q.repeats);
    i = after;
  }
  return cur;
}

function ofSequence(seq: string): Pre[] {
  return walk(seq, 0, [{ s: '', open: true }]);
}

function ofAlternation(src: string): Pre[] {
  return dedupe(alternatives(src).flatMap(ofSequence));
}

/**
 * The lower-cased strings (one to six characters) that every match of `source` starts with, one of them; null
 * when they cannot be read off it, or a match may start with white space (word starts skip it).
 */
export function matchPrefixes(source: string): string[] | null {
  const all = ofAlternation(source).map((p) => p.s);
  if (!all.length || all.some((s) => !s.length || /^\s/.test(s))) return null;
  // A prefix implied by a shorter one adds nothing: "c" already holds every "cre".
  const sorted = [...new Set(all)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const s of sorted) if (!kept.some((k) => s.startsWith(k))) kept.push(s);
  return kept.sort();
}

const BUCKETS3 = 1 << 14;

/** A hash of three folded codes (each below 128) into BUCKETS3 buckets. */
function bucket3(a: number, b: number, c: number): number {
  const x = (a << 14) | (b << 7) | c;
  return (x ^ (x >>> 9)) & (BUCKETS3 - 1);
}

/** `starts[0, m)` grouped by key, each group in text order (a counting sort); `offsets` receives the group bounds. */
function countingSort(starts: Int32Array, keys: Uint16Array, m: number, offsets: Int32Array): Int32Array {
  for (let i = 0; i < m; i++) offsets[keys[i] + 1]++;
  for (let k = 1; k < offsets.length; k++) offsets[k] += offsets[k - 1];
  const fill = offsets.slice(0, -1);
  const out = new Int32Array(m);
  for (let i = 0; i < m; i++) out[fill[keys[i]]++] = starts[i];
  return out;
}

/** A document's phrase starts (positions not after a word character, not white space), by their first two characters and by a hash of their first three. */
export class MatchStarts {
  /** The starts grouped by their first two folded characters (counting sort, so each group is in text order). */
  private readonly sorted: Int32Array;
  private readonly offsets = new Int32Array(128 * 128 + 1);
  /** The same starts grouped by a hash of their first three folded characters, for prefixes of three or more. */
  private readonly sorted3: Int32Array;
  private readonly offsets3 = new Int32Array(BUCKETS3 + 1);
  private readonly cache = new Map<string, Int32Array>();

  constructor(readonly text: string) {
    const n = text.length;
    const starts = new Int32Array(n);
    const keys = new Uint16Array(n);
    const keys3 = new Uint16Array(n);
    let m = 0;
    // One read per character: the previous one's word-ness and the next one's code are carried along.
    let afterWord = false;
    let c = n > 0 ? text.charCodeAt(0) : 0;
    for (let p = 0; p < n; p++) {
      const next = p + 1 < n ? text.charCodeAt(p + 1) : -1;
      if (!afterWord && !isSpaceCode(c)) {
        const f0 = foldCode(c);
        const f1 = next >= 0 ? foldCode(next) : 0;
        starts[m] = p;
        keys3[m] = bucket3(f0, f1, p + 2 < n ? foldCode(text.charCodeAt(p + 2)) : 0);
        keys[m++] = f0 * 128 + f1;
      }
      afterWord = isWordCode(c);
      c = next;
    }
    this.sorted = countingSort(starts, keys, m, this.offsets);
    this.sorted3 = countingSort(starts, keys3, m, this.offsets3);
  }


  /** Calls `fn` with every position where a match with one of these prefixes can start, in no particular order. */
  each(prefixes: readonly string[], fn: (p: number) => void): void {
    const { text, sorted, offsets } = this;
    // A group is a range of `sorted` (indexes, not subarray views: nothing is allocated per prefix).
    for (const s of prefixes) {
      if (s.length === 1) {
        const c0 = code(s, 0) * 128;
        for (let j = offsets[c0], e = offsets[c0 + 128]; j < e; j++) fn(sorted[j]);
        continue;
      }
      const k2 = code(s, 0) * 128 + code(s, 1);
      const from = offsets[k2];
      const to = offsets[k2 + 1];
      if (s.length === 2) {
        for (let j = from; j < to; j++) fn(sorted[j]);
        continue;
      }
      // Three characters or more: the starts sharing a hash of the first three, each compared character by character
      // (a hash bucket may hold other triples), far cheaper than trying the phrase there.
      const n = s.length;
      const b = bucket3(code(s, 0), code(s, 1), code(s, 2));
      const sorted3 = this.sorted3;
      for (let j = this.offsets3[b], e = this.offsets3[b + 1]; j < e; j++) {
        const p = sorted3[j];
        if (p + n > text.length) continue;
        let k = 0;
        while (k < n && code(text, p + k) === code(s, k)) k++;
        if (k === n) fn(p);
      }
    }
  }

  /** Ascending positions where a match with one of these prefixes can start. */
  positions(prefixes: readonly string[]): Int32Array {
    const key = prefixes.join('\u0000');
    let out = this.cache.get(key);
    if (out) return out;
    // Collected into one typed array (no per-position boxing), then sorted numerically unless it came out in order:
    // a group or a hash bucket is in text order, so one prefix of two characters or more needs no sort.
    let room = 0;
    for (const s of prefixes) {
      const c0 = code(s, 0) * 128;
      if (s.length === 1) room += this.offsets[c0 + 128] - this.offsets[c0];
      else if (s.length === 2) room += this.offsets[c0 + code(s, 1) + 1] - this.offsets[c0 + code(s, 1)];
      else {
        const b = bucket3(code(s, 0), code(s, 1), code(s, 2));
        room += this.offsets3[b + 1] - this.offsets3[b];
      }
    }
    const buf = new Int32Array(room);
    let n = 0;
    this.each(prefixes, (p) => {
      buf[n++] = p;
    });
    const sorted = buf.subarray(0, n);
    if (prefixes.length > 1 || prefixes[0].length === 1) sorted.sort();
    out = sorted;
    this.cache.set(key, out);
    return out;
  }
}

/**
 * The starts that blanking spans of an indexed text to spaces may add: a position up to K characters before a span
 * (its first characters change) and the one right after it (it now follows a space), each checked on the blanked text
 * itself. A scanner over the blanked text asks the original's index and these, so the index is built once per text.
 */
export class StartsNear {
  /** The positions, by their first folded character. */
  private readonly groups = new Map<number, number[]>();

  constructor(readonly text: string, spans: ReadonlyArray<readonly [number, number]>) {
    const n = text.length;
    const add = (p: number) => {
      if (p < 0 || p >= n || isSpaceCode(text.charCodeAt(p)) || (p > 0 && isWordCode(text.charCodeAt(p - 1)))) return;
      const c = code(text, p);
      const list = this.groups.get(c);
      if (!list) this.groups.set(c, [p]);
      else if (list[list.length - 1] !== p) list.push(p);
    };
    for (const [a, b] of spans) {
      for (let p = a - K; p < a; p++) add(p);
      add(b);
    }
  }

  /** Calls `fn` with each of these positions where one of the prefixes starts (a position may come twice). */
  each(prefixes: readonly string[], fn: (p: number) => void): void {
    const text = this.text;
    for (const s of prefixes) {
      for (const p of this.groups.get(code(s, 0)) ?? []) {
        if (p + s.length > text.length) continue;
        let k = 1;
        while (k < s.length && code(text, p + k) === code(s, k)) k++;
        if (k === s.length) fn(p);
      }
    }
  }
}

