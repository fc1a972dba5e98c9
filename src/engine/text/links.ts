// Masking of URLs, e-mail addresses and domain names in prose (offsets kept), so that words inside a link are not
// read as narrative. File names stay visible.
//
// Domains and e-mails are found by small hand-written scanners rather than one regex each: as regexes, every label of
// `a[.]a[.]a…` (or every dot of `a.a.a…` before a missing `@`) was a new match start that re-read the rest of the
// run, which is quadratic. The scanners read each character a bounded number of times and give the same matches.
import { FILE_EXTS } from './file-extensions';

const URL_TOKEN = /\b(?:h[tx]{2}ps?|fxp|ftps?|sftp|wss?)(?:\[?:\]?|\[:\/\/\])\/\/[^\s<>"'`)\]]+|\bwww\d?\.[^\s<>"'`)\]]+/gi;
const NOT_FILE = /^(?:e\.g|i\.e|etc)\b/i;

function isWord(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
/** Characters after which a domain cannot start: word characters, `@`, `\`, `/`, `.`, `-`. */
function blocksStart(c: number): boolean {
  return isWord(c) || c === 64 || c === 92 || c === 47 || c === 46 || c === 45;
}
/** Length of a dot written plainly or defanged (`.`, `[.]`, `(.)`) at i, or 0. */
function dotAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === 46) return 1;
  if ((c === 91 && s.charCodeAt(i + 1) === 46 && s.charCodeAt(i + 2) === 93) || (c === 40 && s.charCodeAt(i + 1) === 46 && s.charCodeAt(i + 2) === 41)) return 3;
  return 0;
}
/** Length of an at-sign written plainly or defanged (`@`, `[@]`, `[at]`, any case) at i, or 0. */
function atAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === 64) return 1;
  if (c !== 91) return 0;
  if (s.charCodeAt(i + 1) === 64 && s.charCodeAt(i + 2) === 93) return 3;
  if ((s.charCodeAt(i + 1) | 32) === 97 && (s.charCodeAt(i + 2) | 32) === 116 && s.charCodeAt(i + 3) === 93) return 4;
  return 0;
}
/** End of a URL path starting at i (`/` then anything up to whitespace or a closing delimiter). */
function pathEnd(s: string, i: number): number {
  let j = i + 1;
  while (j < s.length && !/[\s<>"'`)\]]/.test(s[j])) j++;
  return j;
}

/**
 * Domain-shaped tokens: labels (alphanumeric, inner hyphens) joined by plain or defanged dots, ending in a 2–12
 * letter TLD that no word character or hyphen follows, optionally with a path. Calls `hit(start, end, tld)` for each.
 * The TLD is the last label after a dot that qualifies; when none does, no later start in the same run can either
 * (its candidates are a subset), so the whole run is skipped.
 */
function scanDomains(s: string, hit: (start: number, end: number, tld: string) => void): void {
  const n = s.length;
  let p = 0;
  while (p < n) {
    if (!isAlnum(s.charCodeAt(p)) || (p > 0 && blocksStart(s.charCodeAt(p - 1)))) {
      p++;
      continue;
    }
    let best = -1; // end of the best match so far
    let bestTld = '';
    let q = p; // start of the current label
    let stop = p + 1;
    for (;;) {
      let r = q;
      while (r < n && (isAlnum(s.charCodeAt(r)) || s.charCodeAt(r) === 45)) r++;
      stop = Math.max(stop, r);
      // A label starts and ends with a letter or digit and is followed by a dot.
      const d = r > q && isAlnum(s.charCodeAt(q)) && isAlnum(s.charCodeAt(r - 1)) ? dotAt(s, r) : 0;
      if (!d) break;
      const t = r + d; // TLD candidate: the letters right after this dot
      let u = t;
      while (u < n && isLetter(s.charCodeAt(u))) u++;
      const next = u < n ? s.charCodeAt(u) : -1;
      if (u - t >= 2 && u - t <= 12 && next !== 45 && (next < 0 || !isWord(next))) {
        best = next === 47 ? pathEnd(s, u) : u;
        bestTld = s.slice(t, u);
      }
      stop = Math.max(stop, u);
      q = t;
    }
    if (best >= 0) {
      hit(p, best, bestTld);
      p = best;
    } else p = stop;
  }
}

/**
 * E-mail-shaped tokens: `local@domain.tld` with plain or defanged at-signs and dots. The local part is the run of
 * `[\w.+-]` before the at-sign, from its first word boundary at or after `from`.
 */
function scanEmails(s: string, hit: (start: number, end: number) => void): void {
  const n = s.length;
  let lastEnd = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c !== 64 && c !== 91) continue;
    const a = atAt(s, i);
    if (!a) continue;
    // Local part: back over [\w.+-] (never past the previous match), then forward to the first \b.
    let s0 = i;
    while (s0 > lastEnd && (isWord(s.charCodeAt(s0 - 1)) || s.charCodeAt(s0 - 1) === 46 || s.charCodeAt(s0 - 1) === 43 || s.charCodeAt(s0 - 1) === 45)) s0--;
    let start = -1;
    for (let k = s0; k < i; k++) {
      if ((k > 0 && isWord(s.charCodeAt(k - 1))) !== isWord(s.charCodeAt(k))) {
        start = k;
        break;
      }
    }
    // Domain: [\w-]+ then one or more (dot [\w-]+).
    let e = i + a;
    const wordRun = (j: number): number => {
      while (j < n && (isWord(s.charCodeAt(j)) || s.charCodeAt(j) === 45)) j++;
      return j;
    };
    let end = -1;
    let j = wordRun(e);
    if (j > e) {
      for (;;) {
        const d = dotAt(s, j);
        if (!d) break;
        const k = wordRun(j + d);
        if (k === j + d) break;
        end = j = k;
      }
    }
    if (start >= 0 && end >= 0) {
      hit(start, end);
      lastEnd = end;
      i = end - 1;
    } else if (end < 0) {
      e = j;
      i = Math.max(i, e - 1);
    }
  }
}

function blankSpans(text: string, spans: Array<[number, number]>): string {
  if (!spans.length) return text;
  const parts: string[] = [];
  let at = 0;
  for (const [a, b] of spans) {
    parts.push(text.slice(at, a), ' '.repeat(b - a));
    at = b;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Replaces URLs, e-mail addresses and domain names by spaces (keeping offsets); file names stay. */
export function maskLinks(text: string): string {
  const blank = (s: string): string => ' '.repeat(s.length);
  const urlsMasked = text.replace(URL_TOKEN, blank);
  const emails: Array<[number, number]> = [];
  scanEmails(urlsMasked, (a, b) => emails.push([a, b]));
  const emailsMasked = blankSpans(urlsMasked, emails);
  const domains: Array<[number, number]> = [];
  scanDomains(emailsMasked, (a, b, tld) => {
    if (!FILE_EXTS.has(tld.toLowerCase()) && !NOT_FILE.test(emailsMasked.slice(a, Math.min(b, a + 5)))) domains.push([a, b]);
  });
  return blankSpans(emailsMasked, domains);
}
