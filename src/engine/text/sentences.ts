// Sentence spans over an article's text, with URLs and domains masked (no technique inside a link). Every step reads
// the same split: inference, kill-chain phases, severity and the summary. Offsets always refer to the original text.
import { maskLinks } from './links';

export interface Sentence {
  start: number;
  end: number;
  /** Masked text of the sentence (same length as the original slice). */
  masked: string;
  /** Original text, whitespace collapsed, for evidence. */
  text: string;
}

/**
 * Sentence spans: every line is its own unit (lists, tables, headings), and lines split at sentence ends.
 * Glued TRAM text ("…Zip file.The victim…") also splits at ".X" when the next word is capitalised.
 */
export function splitSentences(text: string): Sentence[] {
  return scanSentences(text).sentences;
}

/**
 * The sentences of `${head}\n${text}`, offsets into that string: lines are split one by one and no masked link
 * crosses a line, so they are the head's sentences and then the text's (its cached split) shifted past the head.
 */
export function splitSentencesAfter(head: string, text: string): Sentence[] {
  const shift = head.length + 1;
  const own = splitSentences(text).map((s) => ({ ...s, start: s.start + shift, end: s.end + shift }));
  return [...splitSentences(head), ...own];
}

const recent: Array<{ text: string; result: { masked: string; sentences: Sentence[] } }> = [];
const RECENT = 4;

/**
 * Sentences plus the whole masked text (offsets equal to the original's), for scanning patterns once. The last few
 * results are kept: inference, kill-chain phases, severity and the summary read the same article one after another.
 */
export function scanSentences(text: string): { masked: string; sentences: Sentence[] } {
  const hit = recent.find((r) => r.text === text);
  if (hit) return hit.result;
  const result = scanSentencesUncached(text);
  recent.unshift({ text, result });
  recent.length = Math.min(recent.length, RECENT);
  return result;
}

function scanSentencesUncached(text: string): { masked: string; sentences: Sentence[] } {
  const masked = maskLinks(text);
  const out: Sentence[] = [];
  const re = /[^\n]+/g;
  for (const line of masked.matchAll(re)) {
    const ls = line.index;
    const boundaries = [0];
    for (const m of line[0].matchAll(/[.!?]["”’)]?(?:\s+|(?=[A-Z][a-z]))(?=["“([]?[A-Z0-9])/g)) {
      const prev = line[0].slice(Math.max(0, m.index - 4), m.index);
      if (/\b(?:e\.g|i\.e|etc|vs|Fig|No|Inc|Ltd|Mr|Dr|St)$/i.test(prev) || /\d$/.test(prev) && /^\.\d/.test(line[0].slice(m.index))) continue;
      boundaries.push(m.index + m[0].length);
    }
    boundaries.push(line[0].length);
    for (let i = 0; i + 1 < boundaries.length; i++) {
      const start = ls + boundaries[i];
      const end = ls + boundaries[i + 1];
      const raw = text.slice(start, end);
      if (!raw.trim()) continue;
      out.push({ start, end, masked: masked.slice(start, end), text: raw.replace(/\s+/g, ' ').trim() });
    }
  }
  return { masked, sentences: out };
}

/** Index of the sentence containing offset `pos` (sentences sorted by start), or -1. */
export function sentenceIndexAt(sentences: Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end <= pos) lo = mid + 1;
    else if (sentences[mid].start > pos) hi = mid - 1;
    else return mid;
  }
  return -1;
}

