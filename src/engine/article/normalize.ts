// Small text helpers shared by the HTML, text and feed readers.
import { load } from 'cheerio';
import { isSpaceCode } from '../text/chars';

// Invisible characters that break token matching (IOCs split by a zero-width space, soft hyphens in hashes): soft
// hyphen, zero-width space/non-joiner/joiner, word joiner, byte-order mark. One list for the regex and the counter;
// the class is built from escapes, so a zero-width joiner in it is never read as a joined sequence.
const INVISIBLE = [0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff];
const INVISIBLE_SET = new Set(INVISIBLE);
const INVISIBLE_RE = new RegExp(`[${INVISIBLE.map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}]`, 'g');

/** Collapses all whitespace (incl. NBSP and other Unicode spaces) to single spaces and trims. */
export function collapseWhitespace(s: string): string {
  return removeInvisible(s).replace(/\s+/g, ' ').trim();
}

function isInvisibleCode(c: number): boolean {
  return INVISIBLE_SET.has(c);
}

/**
 * A text node's visible length as the DOM scorer counts it: collapseWhitespace(s).length, plus one when the node
 * starts or ends with white space; 0 for a node of white space only. Counted without building any string.
 */
export function textNodeLength(s: string): number {
  let n = 0;
  let nonSpace = false;
  let started = false;
  let gap = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space = isSpaceCode(c);
    if (!space) nonSpace = true;
    if (isInvisibleCode(c)) continue;
    if (space) {
      if (started) gap = true;
      continue;
    }
    if (gap) n++;
    gap = false;
    started = true;
    n++;
  }
  if (!nonSpace) return 0;
  return n + (isSpaceCode(s.charCodeAt(0)) || isSpaceCode(s.charCodeAt(s.length - 1)) ? 1 : 0);
}

export function removeInvisible(s: string): string {
  return s.replace(INVISIBLE_RE, '');
}

/** Line-structured text: \r\n → \n, trailing spaces dropped, runs of blank lines collapsed to one. */
export function normalizeLines(s: string): string {
  const t = s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
  // One pass over the lines, one copy at the end: each line's trailing spaces, tabs and no-break spaces cut by
  // character code (linear however long the run), at most one empty line kept between two others, none at the ends.
  const parts: string[] = [];
  let breaks = 0;
  let started = false;
  let length = 0;
  for (let a = 0; a <= t.length; ) {
    let b = t.indexOf('\n', a);
    if (b < 0) b = t.length;
    let e = b;
    while (e > a && isTrailingBlank(t.charCodeAt(e - 1))) e--;
    if (e > a) {
      if (started) {
        parts.push(breaks >= 2 ? '\n\n' : '\n');
        length += breaks >= 2 ? 2 : 1;
      }
      parts.push(t.slice(a, e));
      length += e - a;
      started = true;
      breaks = 0;
    }
    breaks++;
    a = b + 1;
  }
  // The result only ever drops characters of t, so a result as long as the input is the input: an article already
  // normalised (pasted text, a stored article) is returned as it is, without a copy (a 100 KB copy is ~1 ms here,
  // most of it the fresh pages of a large string).
  if (t === s && length === s.length) return s;
  return parts.join('');
}

function isTrailingBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0;
}

const ENTITY_RE = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;

/**
 * Decodes HTML entities in a plain-text value (feed titles, meta content that was escaped twice).
 * Parsed as RCDATA inside <textarea>, so entities are decoded but nothing is read as a tag.
 */
export function decodeEntities(s: string): string {
  if (!ENTITY_RE.test(s)) return s;
  const $ = load(`<textarea>${s.replace(/<\/textarea/gi, '&lt;/textarea')}</textarea>`);
  // The parser drops one leading newline inside <textarea>; values here are single-line, so that is harmless.
  return $('textarea').text();
}

// Entities left in text after parsing (pages that escaped them twice: "&amp;#8220;"). Only the ones that are
// unambiguous in prose; &lt;/&gt; stay literal because articles about markup write them on purpose.
const RESIDUAL_RE = /&(?:#\d{2,7}|#x[0-9a-f]{2,6}|amp|quot|apos|nbsp|[lr]squo|[lr]dquo|[nm]dash|hellip);/gi;

export function decodeResidualEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(RESIDUAL_RE, (all) => {
    const d = decodeEntities(all);
    return d === '\u00a0' ? ' ' : d;
  });
}
