// Threat Profile: an extractive summary of the article's own narrative: its lead sentences, skipping headings,
// list/table lines and indicator dumps, so the summary reads as prose.
import { sentences } from './phrases';

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
  const lines = text.split(/\n+/).map((l) => l.trim()).filter((l) => isProse(l) && l.toLowerCase() !== t && (/[.!?:”"')]$/.test(l) || l.length > 150));
  let out = '';
  for (const s of sentences(lines.join('\n'))) {
    if (out.length + s.length + 1 > MAX_CHARS) {
      if (!out) out = s.slice(0, MAX_CHARS - 1) + '…';
      break;
    }
    out += (out ? ' ' : '') + s;
  }
  return out || 'The source gives no narrative text to summarise.';
}
