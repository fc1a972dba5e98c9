// Threat Profile: an extractive lead of the article's own narrative — its first 2–4 prose sentences about the threat.
// Headings, labels, tables, indicator dumps, links, and text about the publisher rather than the threat (programme
// notes, marketing, newsletter and cookie lines) are skipped. List items count as prose only when the article has
// too little prose outside lists (bulletin-style posts).
import { ADVICE_IMPERATIVE } from '../text/advice';
import { isBoilerplateSentence } from '../text/boilerplate';
import { splitSentences } from '../text/sentences';

const MAX_CHARS = 700;
const MAX_SENTENCES = 4;
const MIN_SENTENCES = 2;

const URLISH = /\b(?:h[tx]{2}ps?|fxp|ftp)(?:\[?:\]?|\[:\/\/\])\/\/|\bwww\d?\.|\]\(|\[[^\]]{1,80}\\?\]\\?\(/i;

type LineKind = 'prose' | 'list' | 'other';

function lineKind(line: string): LineKind {
  const item = /^(?:[-*•]|\d+[.)])\s+/.exec(line);
  const body = item ? line.slice(item[0].length) : line;
  if (body.length < 40) return 'other'; // headings, labels, table cells
  if (body.includes(' | ') || /^\|/.test(body)) return 'other'; // table rows
  if (/^(?:title|url|references?|source|published|category|affected|date|from|to|subject|received)\s*:/i.test(body)) return 'other';
  const words = body.split(/\s+/);
  const letters = words.filter((w) => /^[("“']?[A-Za-z][a-z'’-]+[,.;:)"”']?$/.test(w)).length;
  if (words.length < 6 || letters / words.length < 0.5) return 'other'; // hashes, paths, indicator lists
  if (!/[.!?”"')]$/.test(body) && body.length <= 150) return 'other'; // a heading without closing punctuation
  return item ? 'list' : 'prose';
}

/** A sentence fit for the lead: a whole statement, no link, not about the publisher. */
function usable(s: string, title: string): boolean {
  if (s.length < 25 || s.toLowerCase() === title) return false;
  if (!/^["“‘'(]?[A-Z0-9]/.test(s)) return false; // a fragment cut out of a longer line
  if (/:$/.test(s)) return false; // an introduction to a list or table
  if (URLISH.test(s)) return false;
  if (ADVICE_IMPERATIVE.test(s)) return false; // the lead says what happened, not what to do
  return !isBoilerplateSentence(s);
}

/** Markdown link syntax keeps its text: "[the report](/blog/x)" → "the report". */
function unlink(s: string): string {
  return s.replace(/!?\[([^\]]{0,200})\]\([^)\s]{0,500}\)/g, '$1');
}

export function summarise(text: string, title = ''): string {
  const t = title.trim().toLowerCase();
  const prose: string[] = [];
  const listed: string[] = [];
  let lineStart = -1;
  let kind: LineKind = 'other';
  for (const { start, text: raw } of splitSentences(text)) {
    const ls = text.lastIndexOf('\n', start - 1) + 1;
    if (ls !== lineStart) {
      const le = text.indexOf('\n', start);
      lineStart = ls;
      kind = lineKind(text.slice(ls, le < 0 ? text.length : le).trim());
    }
    if (kind === 'other') continue;
    const s = unlink(raw).replace(/^(?:[-*•]|\d+[.)])\s+/, '');
    if (!usable(s, t)) continue;
    (kind === 'prose' ? prose : listed).push(s);
    if (prose.length >= MAX_SENTENCES) break;
  }
  // Bulletin-style posts state their facts as list items: use them when the prose alone is too thin.
  const picked = prose.length >= MIN_SENTENCES ? prose : [...prose, ...listed];
  let out = '';
  for (const s of picked.slice(0, MAX_SENTENCES)) {
    if (out.length + s.length + 1 > MAX_CHARS) {
      if (!out) out = s.slice(0, MAX_CHARS - 1) + '…';
      break;
    }
    out += (out ? ' ' : '') + s;
  }
  return out || 'The source gives no narrative text to summarise.';
}
