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

/** The first `limit` sentences that match any of the patterns. */
export function sentencesMatching(text: string, patterns: RegExp[], limit: number): string[] {
  const out: string[] = [];
  for (const s of sentences(text)) {
    if (patterns.some((p) => p.test(s))) {
      out.push(s);
      if (out.length >= limit) break;
    }
  }
  return out;
}

export function hasPhrase(text: string, patterns: RegExp[]): boolean {
  return patterns.some((p) => p.test(text));
}
