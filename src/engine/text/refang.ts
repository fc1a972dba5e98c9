// Refanging: turn defanged indicators (hxxp, [.], (dot), [at] …) back into their real form.
// The scanner works on the refanged copy of the article, so every replacement is recorded: offsets are
// mapped back to the original text, and a value that contains a replacement was marked dangerous by the author.

/** One replacement made while refanging. Positions are in the refanged text (r*) and the original (o*). */
export interface RefangEdit {
  rStart: number;
  rLen: number;
  oStart: number;
  oLen: number;
  /** Weak defangs (" dot ", spaced dots) are also ordinary prose, so they do not prove intent on their own. */
  weak: boolean;
}

export interface Refanged {
  text: string;
  /** Sorted by position; empty when nothing was defanged (the common case, and the fast path). */
  edits: RefangEdit[];
}

// One pass, one regex. Alternatives are ordered so the more specific forms win; every alternative is
// anchored on a bracket, a backslash, a scheme letter or a space, and bounded, so matching is linear.
const BR_OPEN = '[\\[({]';
const BR_CLOSE = '[\\])}]';
const DEFANG_RE = new RegExp(
  [
    // 1: hxxp / hXXps / fxp, only in front of a (possibly bracketed) scheme separator. A scrape can glue "hxxp://" to
    // the previous URL ("…/x.exehxxp://…"): after a letter or digit only the full "hxxp://" form counts.
    `(?:(?<![A-Za-z])|(?=[hH][xX]{2}[pP][sS]?(?:${BR_OPEN}:\\/\\/${BR_CLOSE}|:\\/\\/)))(?:[hH][xX]{2}[pP]|[fF][xX][pP])([sS]?)(?=${BR_OPEN}?:)`,
    // 2: a bracketed last octet: 1.2.3.[4] and 1.2.3[.4]
    `(?<=(?<![\\d.])\\d{1,3}\\.\\d{1,3}\\.\\d{1,3})(?:\\.\\[(\\d{1,3})\\]|\\[\\.(\\d{1,3})\\])(?![\\d.])`,
    // 3: [://]
    `${BR_OPEN}:\\/\\/${BR_CLOSE}`,
    // 4: [:]
    `${BR_OPEN}:${BR_CLOSE}`,
    // 5: [/]
    `${BR_OPEN}\\/${BR_CLOSE}`,
    // 6: [.] (.) {.} [dot] (dot) — with an optional space inside or around, and swallowing a doubled real dot (5.253.[.]84)
    `(?<=[A-Za-z0-9_\\-])[ \\t]?\\.?${BR_OPEN}[ \\t]?(?:\\.|[dD][oO][tT])[ \\t]?${BR_CLOSE}\\.?[ \\t]?(?=[A-Za-z0-9])`,
    // 7: [@] [at] (at)
    `(?<=[A-Za-z0-9_.\\-])[ \\t]?${BR_OPEN}[ \\t]?(?:@|[aA][tT])[ \\t]?${BR_CLOSE}[ \\t]?(?=[A-Za-z0-9])`,
    // 8: evil\.com
    `(?<=[A-Za-z0-9])\\\\\\.(?=[A-Za-z0-9])`,
    // 9 (weak): evil dot com
    `(?<=[A-Za-z0-9]) (?:dot|DOT) (?=[A-Za-z0-9])`,
    // 10 (weak): spaced dots inside an IOC list: 1.1.1 . 1, evil . com
    `(?<=[A-Za-z0-9]) \\. (?=[A-Za-z0-9])`,
    // 11: a half-bracketed dot: evil[.com, evil.]com, 1.1.1[.1 (after the full forms above, which win)
    `(?<=[A-Za-z0-9_\\-])(?:\\[\\.|\\.\\])(?=[A-Za-z0-9])`,
    // 12: a scheme whose "://" became "__" (http__evil.com/x, hxxps__…)
    `(?<![A-Za-z])[hH](?:[tT]{2}|[xX]{2})[pP]([sS]?)__(?=[A-Za-z0-9])`,
  ]
    .map((s) => `(${s})`)
    .join('|'),
  'y',
);

// Where a defang can be: the full regex is only tried (sticky) at these spots, up to two characters before
// (an optional space and a doubled dot precede the bracket). Each trigger is found with indexOf, which keeps
// refanging at memchr speed on ordinary text, except the three weak forms that start with a space: indexOf
// reads every space of the text for each of them, and one regex finds all three in a third of that time.
const TRIGGERS = ['[', '(', '{', '\\', 'xp', 'xP', 'Xp', 'XP', '.]', '__', ' '];
const SPACED = TRIGGERS.length - 1;
const SPACED_RE = / (?:dot|DOT|\.) /g;

function findTrigger(text: string, k: number, from: number): number {
  if (k !== SPACED) return text.indexOf(TRIGGERS[k], from);
  SPACED_RE.lastIndex = from;
  return SPACED_RE.exec(text)?.index ?? -1;
}

const lower = (c: number): number => c | 32;

/**
 * Prose is full of "(" and "[" that open no defang: every bracketed form (alternatives 2–7) has, after the bracket
 * and an optional space, a dot, a colon, a slash, an at-sign, "dot", "at" or (for 1.2.3.[4]) a digit. Checking
 * that first keeps the regex off ordinary brackets.
 */
function bracketMayDefang(text: string, at: number): boolean {
  let i = at + 1;
  let c = text.charCodeAt(i);
  if (c === 32 || c === 9) c = text.charCodeAt(++i);
  if (c === 46 || c === 58 || c === 47 || c === 64 || (c >= 48 && c <= 57)) return true;
  const l = lower(c);
  if (l === 100) return lower(text.charCodeAt(i + 1)) === 111 && lower(text.charCodeAt(i + 2)) === 116; // dot
  if (l === 97) return lower(text.charCodeAt(i + 1)) === 116; // at
  return false;
}

/** "xp" in "explore" opens nothing: hxxp/fxp have an h-x or an f before it and a (bracketed) colon after "p" or "ps". */
function schemeMayDefang(text: string, at: number): boolean {
  const b1 = lower(text.charCodeAt(at - 1));
  if (!(b1 === 102 || (b1 === 120 && lower(text.charCodeAt(at - 2)) === 104))) return false;
  let i = at + 2;
  if (lower(text.charCodeAt(i)) === 115) i++;
  const c = text.charCodeAt(i);
  return c === 58 || c === 91 || c === 40 || c === 123;
}

function replacementFor(m: RegExpExecArray): { out: string; weak: boolean } {
  if (m[1] !== undefined) {
    const s = m[2] ?? '';
    const ftp = m[1][0] === 'f' || m[1][0] === 'F';
    return { out: (ftp ? 'ftp' : 'http') + s.toLowerCase(), weak: false };
  }
  if (m[3] !== undefined) return { out: '.' + (m[4] ?? m[5] ?? ''), weak: false };
  if (m[6] !== undefined) return { out: '://', weak: false };
  if (m[7] !== undefined) return { out: ':', weak: false };
  if (m[8] !== undefined) return { out: '/', weak: false };
  if (m[9] !== undefined) return { out: '.', weak: false };
  if (m[10] !== undefined) return { out: '@', weak: false };
  if (m[11] !== undefined) return { out: '.', weak: false };
  if (m[14] !== undefined) return { out: '.', weak: false };
  if (m[15] !== undefined) return { out: `http${(m[16] ?? '').toLowerCase()}://`, weak: false };
  return { out: '.', weak: true };
}

/** Refang `text`, recording every replacement so positions can be mapped back. */
export function refangWithMap(text: string): Refanged {
  const edits: RefangEdit[] = [];
  const parts: string[] = [];
  let last = 0;
  let shift = 0; // refanged length minus original length so far
  const next = TRIGGERS.map((_, k) => findTrigger(text, k, 0));
  for (;;) {
    let k = -1;
    for (let i = 0; i < next.length; i++) if (next[i] >= 0 && (k < 0 || next[i] < next[k])) k = i;
    if (k < 0) break;
    // "hxxp"/"fxp" start up to three characters before their "xp" trigger; brackets up to two before.
    const at = next[k];
    if ((k < 3 && !bracketMayDefang(text, at)) || (k >= 4 && k <= 7 && !schemeMayDefang(text, at))) {
      next[k] = findTrigger(text, k, at + 1);
      continue;
    }
    // "__" ends a scheme of up to five letters ("https__").
    const from = TRIGGERS[k] === '__' ? at - 5 : TRIGGERS[k].length === 2 ? at - 3 : at - 2;
    let m: RegExpExecArray | null = null;
    for (let p = Math.max(last, from); p <= at && !m; p++) {
      DEFANG_RE.lastIndex = p;
      m = DEFANG_RE.exec(text);
      if (m && m[0].length === 0) m = null;
    }
    const resume = m ? m.index + m[0].length : next[k] + 1;
    for (let i = 0; i < next.length; i++) if (next[i] >= 0 && next[i] < resume) next[i] = findTrigger(text, i, resume);
    if (!m) continue;
    const { out, weak } = replacementFor(m);
    parts.push(text.slice(last, m.index), out);
    edits.push({ rStart: m.index + shift, rLen: out.length, oStart: m.index, oLen: m[0].length, weak });
    shift += out.length - m[0].length;
    last = m.index + m[0].length;
  }
  if (edits.length === 0) return { text, edits };
  parts.push(text.slice(last));
  return { text: joinParts(parts, text.length + shift, text), edits };
}

/** Below this many characters V8's own join is as fast; Node keeps decoded strings under about 1 MB on its heap too. */
const ASSEMBLE_MIN = 1 << 20;
// Any character above U+00FF (the class spans U+0100–U+FFFF, so surrogate halves count too).
const WIDE_CHAR = /[\u0100-\uffff]/;

/**
 * The refanged copy of a large article. V8 gives a string this size fresh large-object pages every time, and on these
 * VMs a fresh page costs ~15–20 µs to fault in: ~2,000 pages for a 4 MB two-byte article. Node decodes a large Buffer
 * into an external string in malloc'd memory, which the allocator can hand back from an earlier pass (not always: the
 * payload is freed only when V8 collects the string), so the parts are written into a Buffer and decoded once. Same
 * characters; in a loop of refangs alone ≈ 100–400 faults instead of ≈ 2,000. One-byte text stays one-byte (latin1),
 * the rest is UTF-16.
 */
function joinParts(parts: string[], length: number, source: string): string {
  if (length < ASSEMBLE_MIN) return parts.join('');
  // V8 answers this at once for a one-byte string; a two-byte one stops at its first wide character.
  const wide = WIDE_CHAR.test(source);
  const enc = wide ? 'utf16le' : 'latin1';
  const buf = Buffer.allocUnsafe(wide ? length * 2 : length);
  let at = 0;
  for (const p of parts) at += buf.write(p, at, enc);
  return buf.toString(enc, 0, at);
}

/** Refang a string: `hxxps://evil[.]com` → `https://evil.com`. */
export function refang(s: string): string {
  return refangWithMap(s).text;
}

/** Maps positions in the refanged text back to the original, and says whether a span was defanged. */
export class OffsetMap {
  /** The last answer of find: extraction asks in nearly ascending order, so the next answer is usually here or next. */
  private hint = -1;

  constructor(private readonly edits: RefangEdit[]) {}

  /** Index of the last edit starting at or before refanged position r, or -1. */
  private find(r: number): number {
    const e = this.edits;
    if (e.length === 0 || e[0].rStart > r) return -1;
    for (let h = this.hint; h >= 0 && h < e.length && h <= this.hint + 1; h++) {
      if (e[h].rStart <= r && (h + 1 === e.length || e[h + 1].rStart > r)) return (this.hint = h);
    }
    this.hint = this.search(r);
    return this.hint;
  }

  private search(r: number): number {
    const e = this.edits;
    let lo = 0;
    let hi = e.length - 1;
    let ans = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (e[mid].rStart <= r) {
        ans = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return ans;
  }

  /** Original position of the character at refanged position r. */
  start(r: number): number {
    const i = this.find(r);
    if (i < 0) return r;
    const e = this.edits[i];
    if (r < e.rStart + e.rLen) return e.oStart;
    return e.oStart + e.oLen + (r - e.rStart - e.rLen);
  }

  /** Original position just after the character at refanged position r - 1 (an exclusive end). */
  end(r: number): number {
    if (r <= 0) return 0;
    const i = this.find(r - 1);
    if (i < 0) return r;
    const e = this.edits[i];
    if (r - 1 < e.rStart + e.rLen) return e.oStart + e.oLen;
    return e.oStart + e.oLen + (r - e.rStart - e.rLen);
  }

  /** 2 = a strong defang inside [a, b), 1 = only weak ones, 0 = written plainly. */
  defangLevel(a: number, b: number): 0 | 1 | 2 {
    if (this.edits.length === 0) return 0;
    let i = this.find(b - 1);
    let level: 0 | 1 | 2 = 0;
    for (; i >= 0; i--) {
      const e = this.edits[i];
      if (e.rStart + e.rLen <= a) break;
      if (!e.weak) return 2;
      level = 1;
    }
    return level;
  }
}
