// The literal text a regular expression's every match must contain, read off its source: "certutil", or one of
// "schtasks" / "scheduled task". A phrase whose literals are all absent from a document cannot match it, so a scanner
// can skip it after a few bitmap lookups per literal (Trigrams) instead of running it over the whole text. Sound by construction:
// anything this reader does not understand gives `null` ("may match anywhere"), so the prefilter changes speed, never
// results. Literals are lower-cased ASCII (the `i` flag folds ASCII only).
import { foldCode } from './chars';
import { alternatives, classEnd, closeOf, ESCAPE_CLASS, quantifier } from './regex-source';

/** Any match contains (case-insensitively) at least one of these; null when nothing can be said. */
export type Literals = string[] | null;

const MIN_USEFUL = 3;

function score(l: string[]): number {
  return Math.min(...l.map((s) => s.length));
}

function ofSequence(seq: string): Literals {
  const candidates: string[][] = [];
  let run = '';
  const flush = () => {
    if (run) candidates.push([run.toLowerCase()]);
    run = '';
  };
  for (let i = 0; i < seq.length;) {
    const c = seq[i];
    if (c === '(') {
      const end = closeOf(seq, i);
      if (end < 0) return null;
      flush();
      const lookaround = /^\(\?<?[=!]/.test(seq.slice(i, i + 4));
      const q = quantifier(seq, end + 1);
      if (!lookaround && !q.optional) {
        const head = seq.startsWith('(?:', i) ? 3 : seq.startsWith('(?<', i) ? seq.indexOf('>', i) + 1 - i : 1;
        const inner = ofSource(seq.slice(i + head, end));
        if (inner) candidates.push(inner);
      }
      i = end + 1 + q.len;
      continue;
    }
    let literal: string | undefined;
    let next = i + 1;
    if (c === '\\') {
      const n = seq[i + 1];
      if (n === undefined) return null;
      next = i + 2;
      if (!ESCAPE_CLASS.test(n)) literal = n;
    } else if (c === '[') next = classEnd(seq, i) + 1;
    else if (!'^$.|)?*+{}'.includes(c)) literal = c;
    const q = quantifier(seq, next);
    // Only ASCII: the `i` flag and toLowerCase agree there.
    if (literal !== undefined && literal.charCodeAt(0) < 128 && !q.optional) {
      run += literal;
      if (q.len) flush(); // a repeated character: the run cannot continue past it
    } else flush();
    i = next + q.len;
  }
  flush();
  const useful = candidates.filter((l) => l.length && l.every((s) => s.length > 0));
  if (!useful.length) return null;
  return useful.reduce((best, l) => (score(l) > score(best) || (score(l) === score(best) && l.length < best.length) ? l : best));
}

/** Literals any match of `source` must contain (one of them), or null. Weak sets (a literal under 3 characters) are null. */
export function ofSource(source: string): Literals {
  const out = new Set<string>();
  for (const alt of alternatives(source)) {
    const l = ofSequence(alt);
    if (!l) return null;
    for (const s of l) out.add(s);
  }
  return out.size ? [...out] : null;
}

export function requiredLiterals(source: string): Literals {
  const l = ofSource(source);
  return l && score(l) >= MIN_USEFUL ? l : null;
}

/**
 * Which three-character sequences (ASCII folded to lower case) a text holds, as a bitmap: a literal can occur in the
 * text only if all its trigrams do. Built in one pass, so testing hundreds of literals costs a few lookups each
 * instead of a scan of the text each.
 */
export class Trigrams {
  private readonly bits = new Uint8Array(1 << 18);

  constructor(text: string) {
    if (!text) return;
    let a = 0;
    let b = 0;
    for (let p = 0; p < text.length; p++) {
      const c = foldCode(text.charCodeAt(p));
      if (p >= 2) this.set((a << 14) | (b << 7) | c);
      a = b;
      b = c;
    }
  }

  /**
   * These trigrams plus those of `text` that hold a character of one of the spans: the bitmap of a copy of the
   * indexed text with those spans changed (blanked), a superset of its own, without reading the rest again.
   */
  plus(text: string, spans: ReadonlyArray<readonly [number, number]>): Trigrams {
    const out = new Trigrams('');
    out.bits.set(this.bits);
    const n = text.length;
    for (const [a, b] of spans) {
      for (let p = Math.max(2, a); p <= Math.min(n - 1, b + 1); p++) {
        out.set((foldCode(text.charCodeAt(p - 2)) << 14) | (foldCode(text.charCodeAt(p - 1)) << 7) | foldCode(text.charCodeAt(p)));
      }
    }
    return out;
  }

  private set(k: number): void {
    this.bits[k >> 3] |= 1 << (k & 7);
  }

  private has(k: number): boolean {
    return (this.bits[k >> 3] & (1 << (k & 7))) !== 0;
  }

  /** False only when the (lower-case ASCII) literal certainly does not occur. */
  mayContain(literal: string): boolean {
    for (let i = 0; i + 2 < literal.length; i++) {
      if (!this.has((foldCode(literal.charCodeAt(i)) << 14) | (foldCode(literal.charCodeAt(i + 1)) << 7) | foldCode(literal.charCodeAt(i + 2)))) return false;
    }
    return true;
  }
}

/** Whether a text may hold a match: some literal may occur in it, or none is known. */
export function mayMatch(literals: Literals, grams: Trigrams): boolean {
  return !literals || literals.some((l) => grams.mayContain(l));
}
