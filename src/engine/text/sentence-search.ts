// Finding the sentences where a pattern matches with one native search instead of one per sentence. The search
// runs over a text holding the sentences verbatim, in order: their texts joined by line breaks, or the article itself
// for sentences that are slices of it. A match inside a sentence is also a match there at the same place (what
// surrounds a sentence is a line break, white space or punctuation, which read like a sentence's edge to \b and to
// lookarounds on word characters), so each sentence that holds a match also holds the start of one the search finds,
// as long as it resumes at the next sentence after each one it names (a match running on past a sentence then hides
// nothing). Callers confirm each sentence named with their own per-sentence test: the search only narrows which
// sentences are tried.

import type { Sentence } from './sentences';
import { lastAtOrBefore } from './sorted';

export interface JoinedSentences {
  text: string;
  /** Where each sentence starts in `text`, ascending. */
  starts: number[];
}

export function joinSentences(texts: readonly string[]): JoinedSentences {
  const starts: number[] = [];
  let at = 0;
  for (const t of texts) {
    starts.push(at);
    at += t.length + 1;
  }
  return { text: texts.join('\n'), starts };
}

// Inside a lookaround, what can match a line break (and so see past a sentence's edge in the joined text).
const SEES_A_LINE_BREAK = /\\[sSWDBn]|\[\^|\./;

/**
 * Whether the search is sound for this pattern: ^ and $ see the joined text's edges, not a sentence's, a lookaround
 * that can match a line break sees the next or previous sentence, and a global or sticky pattern's own searches
 * carry state from sentence to sentence.
 */
export function searchable(re: RegExp): boolean {
  if (/[$^]/.test(re.source.replace(/\\[$^]|\[\^/g, '')) || re.multiline || re.global || re.sticky) return false;
  const src = re.source;
  for (let at = src.indexOf('(?'); at >= 0; at = src.indexOf('(?', at + 2)) {
    const look = /^\(\?<?[=!]/.test(src.slice(at, at + 4));
    if (!look) continue;
    let depth = 0;
    let end = at;
    for (; end < src.length; end++) {
      const c = src[end];
      if (c === '\\') end++;
      else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) break;
    }
    if (SEES_A_LINE_BREAK.test(src.slice(at, end + 1))) return false;
  }
  return true;
}

const globalForms = new WeakMap<RegExp, RegExp>();

/** The first sentence at or after `from` where `re` (a searchable pattern) may match, or -1. */
export function nextSentenceMatching(j: JoinedSentences, re: RegExp, from: number): number {
  if (from >= j.starts.length) return -1;
  let g = globalForms.get(re);
  if (!g) globalForms.set(re, (g = new RegExp(re.source, re.flags.replace(/[gy]/g, '') + 'g')));
  g.lastIndex = j.starts[from];
  const m = g.exec(j.text);
  return m ? lastAtOrBefore(j.starts, m.index) : -1;
}

/** Ascending indexes of the sentences where `re` may match: every sentence when the search is not sound for it. */
export function sentencesToTry(j: JoinedSentences, re: RegExp): number[] {
  const out: number[] = [];
  if (!searchable(re)) for (let i = 0; i < j.starts.length; i++) out.push(i);
  else for (let i = nextSentenceMatching(j, re, 0); i >= 0; i = nextSentenceMatching(j, re, i + 1)) out.push(i);
  return out;
}

/**
 * The article itself as the search text for its sentences (splitSentences), and the sentences it cannot stand for:
 * those whose collapsed text is not a verbatim slice of it (runs of white space, tabs), to be tried anyway.
 */
export function searchInText(text: string, sentences: readonly Sentence[]): { joined: JoinedSentences; always: number[] } {
  const always: number[] = [];
  sentences.forEach((s, i) => {
    let p = s.start;
    while (p < s.end && /\s/.test(text[p])) p++;
    if (!text.startsWith(s.text, p)) always.push(i);
  });
  return { joined: { text, starts: sentences.map((s) => s.start) }, always };
}
