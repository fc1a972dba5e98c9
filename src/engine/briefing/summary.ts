// Threat Profile: an extractive summary of the article's own narrative: its lead sentences, skipping headings,
// list/table lines and indicator dumps, so the summary reads as prose.
import { splitSentences } from '../text/sentences';

const MAX_CHARS = 700;

function isProse(line: string): boolean {
  if (line.length < 40) return false; // headings, labels, table cells
  if (/^(?:[-*•]|\d+[.)])\s/.test(line)) return false; // list items
  if (line.includes(' | ')) return false; // table rows
  if (/^(?:title|url|references?|source|published|category)\s*:/i.test(line)) return false;
  const words = line.split(/\s+/);
  const letters = words.filter((w) => /^[A-Za-z][a-z'’-]+[,.;:]?$/.test(w)).length;
  return words.length >= 6 && letters / words.length >= 0.5; // mostly words, not hashes or paths
}

export function summarise(text: string, title = ''): string {
  const t = title.trim().toLowerCase();
  // Headings (no closing punctuation) and the title itself are not summary sentences.
  const keepLine = (l: string) => isProse(l) && l.toLowerCase() !== t && (/[.!?:”"')]$/.test(l) || l.length > 150);
  // The article's sentences are already split (and cached) for inference; each lies within one line.
  let lineStart = -1;
  let lineOk = false;
  let out = '';
  for (const { start, text: s } of splitSentences(text)) {
    if (start > lineStart) {
      const ls = text.lastIndexOf('\n', start - 1) + 1;
      if (ls !== lineStart) {
        const le = text.indexOf('\n', start);
        lineStart = ls;
        lineOk = keepLine(text.slice(ls, le < 0 ? text.length : le).trim());
      }
    }
    if (!lineOk) continue;
    if (out.length + s.length + 1 > MAX_CHARS) {
      if (!out) out = s.slice(0, MAX_CHARS - 1) + '…';
      break;
    }
    out += (out ? ' ' : '') + s;
  }
  return out || 'The source gives no narrative text to summarise.';
}
