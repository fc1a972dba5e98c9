// The article's own narrative, as the hunts read it: its sentences minus reference lists ("References", "Sources",
// "Further reading" and the citation lines under them). Page chrome is already gone (the article step keeps the main
// content only); advice and negation are judged per phrase match (trigger.ts).
import { scanSentences, Sentence } from '../text/sentences';

const REFS_HEADING = /^\W{0,4}(?:original |additional |external |further )?(?:references?|sources?|further reading|reading|links|see also|citations?|bibliography|footnotes|related (?:links|articles|posts|reading|content|research)|read more|learn more|resources)\W{0,4}$/i;
// A line that belongs to a reference list: a citation marker, a bullet, a URL or a short title.
const REF_ENTRY = /^\s*(?:\[\d{1,3}\]|\d{1,3}[.)]|[-*•–^])|https?:\/\/|\bwww\./i;
const PROSE_WORDS = 14;

function words(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** Line spans [start, end) of the text that sit in a reference list. */
function referenceSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let inRefs = false;
  let from = 0;
  for (const m of text.matchAll(/[^\n]*/g)) {
    const line = m[0];
    const at = m.index;
    if (REFS_HEADING.test(line.trim())) {
      if (!inRefs) from = at;
      inRefs = true;
      continue;
    }
    if (!inRefs || !line.trim()) continue;
    // A prose line (long, no link; a bullet too) or a new heading ("INFECTION CHAIN:") ends the list.
    const link = /https?:\/\/|\bwww\./i.test(line);
    const heading = !REF_ENTRY.test(line) && /:\s*$|^[^a-z]{3,60}$/.test(line.trim()) && words(line) <= 8;
    if (heading || (!link && words(line) >= PROSE_WORDS)) {
      spans.push([from, at]);
      inRefs = false;
    }
  }
  if (inRefs) spans.push([from, text.length]);
  return spans;
}

const recent: { text?: string; sentences?: Sentence[] } = {};

/** The narrative sentences (offsets into the text); the last result is kept, the pipeline asks once per article. */
export function narrativeSentences(text: string): Sentence[] {
  if (recent.text === text && recent.sentences) return recent.sentences;
  const spans = referenceSpans(text);
  const all = scanSentences(text).sentences;
  const kept = spans.length ? all.filter((s) => !spans.some(([a, b]) => s.start >= a && s.start < b)) : all;
  recent.text = text;
  recent.sentences = kept;
  return kept;
}
