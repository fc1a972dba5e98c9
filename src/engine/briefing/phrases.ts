// Sentence splitting and phrase matching over article text, shared by severity and summary.

const MAX_SENTENCE = 400;

/** Splits text into sentences (and list/table lines), trimmed; long runs are cut so evidence stays readable. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  for (const block of text.split(/\n+/)) {
    const line = block.trim();
    if (!line) continue;
    // A sentence ends at . ! ? followed by space and an upper-case letter, digit or quote; abbreviations like
    // "e.g. the" stay joined because the next word is lower-case.
    const parts = line.split(/(?<=[.!?])\s+(?=[A-Z0-9“"(])/);
    for (const p of parts) {
      const s = p.trim();
      if (s) out.push(s.length > MAX_SENTENCE ? s.slice(0, MAX_SENTENCE - 1) + '…' : s);
    }
  }
  return out;
}

const NEGATION_BEFORE = /\b(?:not|no|never|without|nor|neither|isn't|aren't|wasn't|weren't|hasn't|haven't|no evidence of|unlikely to be)\b[^.;:]{0,30}$/i;

/** True when the pattern matches the sentence and is not negated just before ("is not being actively exploited"). */
export function affirms(sentence: string, pattern: RegExp): boolean {
  const m = pattern.exec(sentence);
  return !!m && !NEGATION_BEFORE.test(sentence.slice(0, m.index));
}

/** The first `limit` sentences that affirm any of the patterns. */
export function sentencesMatching(text: string, patterns: RegExp[], limit: number): string[] {
  const out: string[] = [];
  for (const s of sentences(text)) {
    if (patterns.some((p) => affirms(s, p))) {
      out.push(s);
      if (out.length >= limit) break;
    }
  }
  return out;
}

export function hasPhrase(text: string, patterns: RegExp[]): boolean {
  return patterns.some((p) => p.test(text));
}
