// Heading-like lines: section titles, labels and table captions that name a topic without stating anything
// ("Remote Desktop Protocol (RDP).", "Command and control", "Lateral Movement:"). Evidence must be narrative.
import { isSpaceCode } from './chars';
import type { Sentence } from './sentences';

/** At most this many words: a longer line reads as a sentence even without a verb. */
const MAX_WORDS = 12;
const AUX = /\b(?:is|are|was|were|be|been|being|has|have|had|does|did|can|could|will|would|may|might|must|should|shall)\b/i;
/** A word that can be a finite or participle verb form: -ed, -ing, or a lower-case -s ("uses", "drops"). */
const VERBISH = /^(?:[A-Za-z]{2,}(?:ed|ing)|[a-z]{2,}[^s\W]s)$/;
const TERMINAL = /[.!?]["”’)\]]?$/;
/** Words a title leaves in lower case. */
const MINOR = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'via', 'vs', 'with']);

/** Every word but the minor ones starts with a capital or a digit ("Remote Desktop Protocol (RDP)"). */
function titleCase(words: string[]): boolean {
  const major = words.map((w) => w.replace(/^[^a-z0-9]+|[^a-z0-9]+$/gi, '')).filter((w) => w && !MINOR.has(w));
  return major.length > 0 && major.every((w) => /^[A-Z0-9]/.test(w));
}

/** "Figure 3:", "Table 2.", "Figures 5 to 13.": a caption label ("Figure 4 shows…" is narrative). */
const CAPTION = /^(?:Figures?|Figs?\.|Tables?|Images?|Screenshots?|Listings?)\s*\d{1,3}(?:\.\d{1,2})?(?:\s*(?:to|and|-|–)\s*\d{1,3})?\s*[:.–—-]/i;
/** A list item ("- …", "• …", "1. …"): a fragment with a verb ("- Takes screenshots") is narrative. */
const ITEM = /^\s*(?:[-*•]|\d{1,2}[.)])\s+/;

/**
 * Whether one line (or sentence) reads as a heading, label or caption rather than a statement: short (at most 12
 * words) and either ending in a colon, a figure caption, without sentence punctuation (a list item only when it
 * also has no verb), or in title case with no auxiliary verb ("Remote Desktop Protocol (RDP).").
 */
export function isHeadingLike(line: string): boolean {
  const item = ITEM.test(line);
  const t = line.trim().replace(/^(?:#{1,6}|[-*•]|\d{1,2}(?:\.\d{1,2}){0,3}[.)]?)\s+/, '');
  if (!t) return true;
  if (!wordsAtMost(t, MAX_WORDS)) return false;
  const words = t.split(/\s+/);
  if (/:$/.test(t) || CAPTION.test(t)) return true;
  const hasAux = AUX.test(t);
  const bare = words.map((w) => w.replace(/^[^a-z]+|[^a-z]+$/gi, '')).filter(Boolean);
  if (!TERMINAL.test(t)) return !item || !(hasAux || bare.some((w, k) => VERBISH.test(k === 0 ? w.toLowerCase() : w)));
  return !hasAux && titleCase(words);
}

/** Title case with no auxiliary verb, at most 8 words: a run-in heading ("Remote Desktop Protocol (RDP). The actors…"). */
function isRunInHeading(t: string): boolean {
  if (!wordsAtMost(t, 8) || AUX.test(t)) return false;
  return titleCase(t.trim().split(/\s+/));
}

/**
 * Whether `t.trim().split(/\s+/)` has at most `k` parts, counted without splitting: most sentences are long and
 * are settled after k + 1 words.
 */
export function wordsAtMost(t: string, k: number): boolean {
  let parts = 1;
  if (parts > k) return false;
  let i = 0;
  while (i < t.length && isSpaceCode(t.charCodeAt(i))) i++;
  for (; i < t.length; i++) {
    if (!isSpaceCode(t.charCodeAt(i))) continue;
    let j = i + 1;
    while (j < t.length && isSpaceCode(t.charCodeAt(j))) j++;
    if (j < t.length && ++parts > k) return false;
    i = j;
  }
  return true;
}

/**
 * Whether a sentence of `text` reads as a heading: a whole line that is heading-like, a run-in heading opening its
 * line, or any part of a figure or table caption line. A sentence inside a paragraph never is.
 */
export function isHeadingSentence(text: string, s: Sentence): boolean {
  const lineStart = text.lastIndexOf('\n', s.start - 1) + 1;
  const nl = text.indexOf('\n', s.end);
  const lineEnd = nl < 0 ? text.length : nl;
  const line = text.slice(lineStart, lineEnd).trim();
  if (CAPTION.test(line)) return true;
  const opens = !text.slice(lineStart, s.start).replace(/^\s*(?:[-*•]|#{1,6})?\s*/, '');
  if (!opens) return false;
  if (!text.slice(s.end, lineEnd).trim()) return isHeadingLike(s.text);
  return isRunInHeading(s.text);
}
