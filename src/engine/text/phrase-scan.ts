// Finding where hundreds of word-bounded phrases can match in one document without running each over all of it.
// Per phrase, once: the literals every match needs and the characters it starts with. Per document, once: a
// trigram bitmap (is a literal there at all?) and an index of word starts by their first characters. A phrase is
// then tried only at the starts its prefixes name; one whose prefixes cannot be read is searched natively, inside
// the sentences that hold one of its literals (a phrase matches inside one sentence). Candidates only: the caller
// confirms each with the phrase's own bounded, sticky form.
import { MatchStarts, matchPrefixes, StartsNear } from './match-starts';
import { Literals, mayMatch, requiredLiterals, Trigrams } from './required-literals';

export interface PhraseScan {
  literals: Literals;
  prefixes: string[] | null;
  /** The phrase itself, global, for native searching where nothing else is known. */
  search: RegExp;
}

/** Compiled once per phrase. `flags` are the phrase's case flags ('' or 'i'). */
export function phraseScan(source: string, flags: string): PhraseScan {
  const literals = requiredLiterals(source);
  const prefixes = matchPrefixes(source);
  return { literals, prefixes, search: new RegExp(source, flags.replace(/[gy]/g, '') + 'g') };
}

export interface Range { start: number; end: number }

/**
 * For every position of a text of `length`, the index of the last sentence starting at or before it (-1 before the
 * first): a position's sentence in one lookup instead of a binary search per candidate.
 */
export function sentenceIndex(sentences: readonly Range[], length: number): Int32Array {
  const out = new Int32Array(length).fill(-1);
  sentences.forEach((s, i) => out.fill(i, s.start, sentences[i + 1]?.start ?? length));
  return out;
}

/** A text the scanner reads as another with some spans blanked to spaces (offsets unchanged). */
export interface Blanked {
  base: string;
  /** Ascending, not overlapping. */
  spans: ReadonlyArray<readonly [number, number]>;
}

/**
 * The text-wide indexes of the last text scanned, shared by every scanner over it: inference and the hunts read the
 * same masked text one after the other, and inference's blanked copy of it reads its index plus what blanking adds.
 */
let shared: { text: string; grams?: Trigrams; starts?: MatchStarts } | undefined;
function indexesOf(text: string): { text: string; grams?: Trigrams; starts?: MatchStarts } {
  if (shared?.text !== text) shared = { text };
  return shared;
}

export class PhraseScanner {
  private grams?: Trigrams;
  private near?: StartsNear;
  private bySentence?: Int32Array;

  /**
   * `sentences`: the text's sentence spans, in order (offsets into `text`). `blanked`: `text` is `blanked.base` with
   * those spans blanked, so the base's indexes serve it (a superset of its own), with the starts blanking adds.
   */
  constructor(readonly text: string, private readonly sentences: readonly Range[], private readonly blanked?: Blanked) {
    if (blanked && !blanked.spans.length) this.blanked = undefined;
  }

  /** Calls `fn` with each position where the phrase may start a match, in no particular order (cheaper), maybe twice. */
  eachCandidate(scan: PhraseScan, fn: (p: number) => void): void {
    if (scan.prefixes) {
      if (!mayMatch(scan.literals, this.trigrams())) return;
      this.starts().each(scan.prefixes, fn);
      this.startsNear()?.each(scan.prefixes, fn);
      return;
    }
    for (const p of this.candidates(scan)) fn(p);
  }

  private starts(): MatchStarts {
    const ix = indexesOf(this.blanked?.base ?? this.text);
    return (ix.starts ??= new MatchStarts(ix.text));
  }

  private startsNear(): StartsNear | undefined {
    return this.blanked && (this.near ??= new StartsNear(this.text, this.blanked.spans));
  }

  /** Ascending indexes of the sentences holding one of the phrase's literals; null when it has none. */
  private literalSentences(scan: PhraseScan): number[] | null {
    if (!scan.literals) return null;
    const grams = this.trigrams();
    const present = scan.literals.filter((l) => grams.mayContain(l));
    if (!present.length) return [];
    // One case-insensitive search for all of them (the i flag never folds a non-ASCII character into ASCII, so it
    // finds at least every place a folded copy would), without building a lower-cased copy of the text.
    const re = new RegExp(present.map(escapeLiteral).join('|'), 'gi');
    const bySentence = this.sentenceIndex();
    const out = new Set<number>();
    for (let m = re.exec(this.text); m; m = re.exec(this.text)) {
      const i = bySentence[m.index];
      if (i >= 0) out.add(i);
      re.lastIndex = m.index + 1;
    }
    return [...out].sort((a, b) => a - b);
  }

  /** The sentence index of every position of the text (see sentenceIndex). */
  sentenceIndex(): Int32Array {
    return (this.bySentence ??= sentenceIndex(this.sentences, this.text.length));
  }

  private trigrams(): Trigrams {
    if (!this.grams) {
      const ix = indexesOf(this.blanked?.base ?? this.text);
      const base = (ix.grams ??= new Trigrams(ix.text));
      this.grams = this.blanked ? base.plus(this.text, this.blanked.spans) : base;
    }
    return this.grams;
  }

  /** Ascending positions where the phrase may start a match (none when one of its needed literals is absent). */
  candidates(scan: PhraseScan): Int32Array | readonly number[] {
    if (!mayMatch(scan.literals, this.trigrams())) return [];
    if (scan.prefixes) {
      const own = this.starts().positions(scan.prefixes);
      const near = this.startsNear();
      if (!near) return own;
      const all = new Set<number>(own);
      near.each(scan.prefixes, (p) => all.add(p));
      return [...all].sort((a, b) => a - b);
    }
    const spans = this.literalSentences(scan)?.map((i) => this.sentences[i]) ?? [{ start: 0, end: this.text.length }];
    const out: number[] = [];
    for (const { start, end } of spans) {
      const slice = this.text.slice(start, end);
      const re = scan.search;
      re.lastIndex = 0;
      for (let m = re.exec(slice); m; m = re.exec(slice)) {
        out.push(start + m.index);
        re.lastIndex = m.index + 1;
      }
    }
    return out;
  }

}

function escapeLiteral(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
