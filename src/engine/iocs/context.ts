// The context model: where in the article a value sits. Lines are classified once (headings, label lines,
// prose), then one pass assigns each line a section: an IOC section (under "Indicators of Compromise" or a
// heading that names malicious infrastructure), an IOC table (after a label line such as "SHA256" or
// "Domains"), references, checksum blocks (SHASUMS, PGP-signed lists), or plain narrative.
import { isAlnumCode, isSpaceCode } from '../text/chars';
import { doubled, lastAtOrBefore } from '../text/sorted';

export enum Section {
  None = 0,
  Ioc = 1,
  IocTable = 2,
  Refs = 3,
  Checksums = 4,
}

export interface LineModel {
  starts: Int32Array;
  ends: Int32Array;
  section: Uint8Array;
  /** Index of the heading line that opened the section, or -1. */
  heading: Int32Array;
  /** True when the opening heading is an explicit IOC heading ("Indicators of Compromise", "IOCs"). */
  strong: Uint8Array;
}

const STRONG_IOC_HEADING_RE =
  /^(?:appendix [a-z0-9]{1,3} )?(?:indicators? of (?:compromise|attack)|iocs?|io cs|indicators|network indicators|host indicators|file indicators|host based indicators|observables|ioc list|technical indicators)\b/;
const IOCISH_WORD_RE =
  /\b(?:indicators?|iocs?|malicious|infected|c2|c c|cnc|command and control|traffic|hashes|samples|payloads?|domains|urls?|ip addresses|ips|infrastructure|artifacts|artefacts|files|network)\b/;
const REFS_HEADING_RE =
  /^(?:original |additional |external |further )?(?:references?|sources?|reading|links|see also|citations?|bibliography|footnotes|related (?:links|articles|posts|reading|content|research)|read more|learn more|resources)$/;
const OTHER_HEADING_RE =
  /^(?:summary|executive summary|conclusions?|recommendations?|mitigations?|remediation|about(?: the authors?| us)?|acknowledge?ments?|detections?|detection (?:opportunities|guidance|rules)|protections?|[a-z]+ (?:solutions|protections?|coverage)|how .{0,40} protect.*|subscribe|get updates.*|share|tags|timeline|background|overview|introduction|analysis|key (?:findings|takeaways)|disclaimer|credits|notes|details|infection chain|contact(?: us)?|mitre att ck.*|att ck.*|tactics.*|techniques.*|ttps|yara rules?|sigma rules?|appendix [a-z0-9]{1,3} (?:mitre|att ck|tactics|techniques|yara|sigma).*)$/;
const CHECKSUM_HEADING_RE = /\b(?:shasums?|sha\d{1,3}sums?|checksums?|hashes of (?:the )?release|integrity|verify(?:ing)? (?:the )?(?:download|release|signature))\b/;
const LABEL_LINE_RE =
  /sha-?(?:1|256|512)|md5|hash(?:es)?|domains?|urls?|\bips?\b|ip address(?:es)?|ipv[46]|\bc2s?\b|c&c|\bcnc\b|indicators?|\biocs?\b|e-?mails?|file ?names?/i;
const BOILERPLATE_RE =
  /\b(?:subscribe|newsletter|unsubscribe|privacy policy|cookie|all rights reserved|terms of (?:use|service)|follow us|sign up|share this|get updates)\b|©|\(c\) \d{4}/i;
const BULLET_RE = /^(?:[-*•–—>]+|\d{1,3}[.)]|[a-z][.)])\s+/i;

/** Footer and sign-up text ("Subscribe", "© 2025"): values on such a line are the site's, not the attacker's. */
export function isBoilerplateLine(line: string): boolean {
  return line.length < 400 && BOILERPLATE_RE.test(line);
}

/** Can BULLET_RE match `t`? Its first two characters say so, which spares most lines the regex. */
function mayBeBullet(t: string): boolean {
  const c = t.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 45 || c === 42 || c === 62 || c === 0x2022 || c === 0x2013 || c === 0x2014) return true;
  const d = t.charCodeAt(1);
  return (d === 46 || d === 41) && ((c | 32) >= 97 && (c | 32) <= 122);
}

function normHeading(t: string): string {
  if (t.charCodeAt(0) === 35 || t.charCodeAt(0) === 61) t = t.replace(/^[#=]+\s*/, '');
  if (mayBeBullet(t)) t = t.replace(BULLET_RE, '');
  return t.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** At least `k` space-separated words? Counted with indexOf, so a long line costs little. */
function hasWords(s: string, k: number): boolean {
  let n = 0;
  for (let i = s.indexOf(' '); i >= 0 && n < k; i = s.indexOf(' ', i + 1)) if (s.charCodeAt(i + 1) > 32) n++;
  return n + 1 >= k;
}

/** Words in `s`, counted up to `max` (callers only compare with smaller numbers). */
function wordCount(s: string, max: number): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length && n < max; i++) {
    const c = s.charCodeAt(i);
    const w = c > 32;
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
}

const enum Kind {
  Blank,
  StrongIoc,
  IocIsh,
  Refs,
  Other,
  Checksum,
  HeadingLike,
  Label,
  Prose,
  Text,
  PgpBegin,
  PgpEnd,
}

/** A list item or a "Label: value" line: part of a list even when it is long. */
function isItem(t: string): boolean {
  return (mayBeBullet(t) && BULLET_RE.test(t)) || /^[\w ()/&-]{1,30}:\s/.test(t) || t.startsWith('|');
}

function classify(raw: string, hasCand: boolean): Kind {
  const t = raw.trim();
  if (t.length === 0) return Kind.Blank;
  const c0 = t.charCodeAt(0);
  if (c0 === 45 && t.startsWith(PGP_BEGIN)) return Kind.PgpBegin;
  if (c0 === 45 && t.startsWith(PGP_END)) return Kind.PgpEnd;
  if (t.length > 100) return !hasCand && hasWords(t, 15) && !isItem(t) ? Kind.Prose : Kind.Text;
  // Value lines are almost never headings; skip the heading analysis unless the line names indicators.
  if (hasCand && !/ndicator|\bio[cC]s?\b|\bIOCs?\b/.test(t)) return Kind.Text;
  const marked = ((c0 === 35 || c0 === 61) && /^(?:#{1,6}|={1,5})\s/.test(t)) || (c0 === 91 && /^\[[A-Z ]{2,30}\]/i.test(t));
  const words = wordCount(t, 15);
  const endsColon = t.endsWith(':');
  // An ASCII lower-case letter settles it without building the upper-cased copy.
  const allCaps = !/[a-z]/.test(t) && /[A-Z]{3}/.test(t) && t === t.toUpperCase();
  const last = t.charCodeAt(t.length - 1);
  const endsPunct = last === 46 || last === 33 || last === 63 || last === 44 || last === 59; // . ! ? , ;
  const headingLike = marked || ((words <= 10 || endsColon || allCaps) && !endsPunct && t.length <= 90);
  if (!headingLike) return words >= 15 && !hasCand && !isItem(t) ? Kind.Prose : Kind.Text;
  const h = normHeading(t);
  if (STRONG_IOC_HEADING_RE.test(h) || (marked && /indicators? of compromise|\biocs?\b/.test(h))) return Kind.StrongIoc;
  if (hasCand) return Kind.Text;
  if (REFS_HEADING_RE.test(h)) return Kind.Refs;
  if (CHECKSUM_HEADING_RE.test(h)) return Kind.Checksum;
  if (OTHER_HEADING_RE.test(h)) return Kind.Other;
  if ((endsColon || allCaps || marked) && IOCISH_WORD_RE.test(h) && !/\b(?:no|not|without)\b/.test(h)) return Kind.IocIsh;
  if (words <= 6 && t.length <= 50 && LABEL_LINE_RE.test(t)) return Kind.Label;
  if (endsColon || allCaps || marked) return Kind.HeadingLike;
  return Kind.Text;
}

function isReferenceEntry(t: string): boolean {
  return BULLET_RE.test(t) || /^\[\d{1,3}\]/.test(t) || /:\/\//.test(t) || /^\d{1,3}\s/.test(t);
}

const PGP_BEGIN = '-----BEGIN PGP SIGNED MESSAGE';
const PGP_END = '-----END PGP SIGNATURE';

/** Line indices whose trimmed text starts with `marker`, found with indexOf. */
function markerLines(r: string, starts: Int32Array, marker: string): number[] {
  const out: number[] = [];
  for (let q = r.indexOf(marker); q >= 0; q = r.indexOf(marker, q + 1)) {
    const li = lastAtOrBefore(starts, q);
    if (r.slice(starts[li], q).trim() === '') out.push(li);
  }
  return out;
}

/** Lines inside PGP-signed blocks (their BEGIN and END lines included), from the marker lines alone. */
function pgpLines(r: string, starts: Int32Array, n: number): Uint8Array {
  const inside = new Uint8Array(n);
  const begins = markerLines(r, starts, PGP_BEGIN);
  if (begins.length === 0) return inside;
  const ends = markerLines(r, starts, PGP_END);
  let e = 0;
  for (let b = 0, from = -1; b < begins.length; b++) {
    if (begins[b] <= from) continue; // a BEGIN line inside an open block is part of it
    while (e < ends.length && ends[e] <= begins[b]) e++;
    const to = e < ends.length ? ends[e] : n - 1;
    inside.fill(1, begins[b], to + 1);
    from = to;
  }
  return inside;
}

/**
 * Does a line of this kind set the section state whatever the state before it? Prose ends any section; a references,
 * checksum or IOC heading opens its own. An IOC heading or another heading written with "#"/"=" depends on the
 * heading it sits under, and a label line on whether an IOC section is open, so those are no reset.
 */
function resets(k: Kind, r: string, lineStart: number, lineEnd: number): boolean {
  if (k === Kind.Prose || k === Kind.Refs || k === Kind.Checksum) return true;
  if (k !== Kind.StrongIoc && k !== Kind.IocIsh && k !== Kind.Other) return false;
  return headingLevel(r.slice(lineStart, lineEnd)) === 0;
}

/** "#"/"=" depth of a marked heading, 0 for any other line. */
function headingLevel(raw: string): number {
  return /^(#{1,6}|={1,5})\s/.exec(raw.trim())?.[1].length ?? 0;
}

/**
 * Which lines the section pass must read. Some lines set the state whatever came before (see resets), so the lines
 * before the last such line that precedes a candidate line cannot change that line's section. Walking back from
 * each candidate line to the first reset (or the previous candidate line) finds them; the kinds read on the way
 * are kept. A PGP-signed block outlives the lines inside it: those are no reset, and every line of a block is read.
 */
function linesToRead(r: string, starts: Int32Array, hasCand: Uint8Array, kindOf: (i: number) => Kind, everyLine: boolean): Uint8Array {
  const n = starts.length;
  const read = pgpLines(r, starts, n);
  if (everyLine) return read.fill(1);
  const pgp = read.slice();
  let prev = -1;
  for (let c = 0; c < n; c++) {
    if (hasCand[c] !== 1) continue;
    read[c] = 1;
    for (let j = c - 1; j > prev; j--) {
      read[j] = 1;
      if (pgp[j] === 0 && resets(kindOf(j), r, starts[j], j + 1 < n ? starts[j + 1] - 1 : r.length)) break;
    }
    prev = c;
  }
  return read;
}

/**
 * Build the line model. `candLines` marks lines holding at least one candidate value, which distinguishes a
 * value list ("Update.exe") from a heading ("Summary"). Section, heading and strength are exact on every line
 * that holds a candidate (the only lines extraction asks about); `everyLine` makes them exact on all lines.
 */
export function buildLines(
  r: string,
  candLines: (lineCount: number, starts: Int32Array) => Uint8Array,
  everyLine = false,
): LineModel {
  // Line starts in a typed array grown by doubling (see doubled).
  let buf = new Int32Array(256);
  let n = 1;
  for (let i = r.indexOf('\n'); i >= 0; i = r.indexOf('\n', i + 1)) {
    if (n === buf.length) buf = doubled(buf);
    buf[n++] = i + 1;
  }
  const starts = buf.subarray(0, n);
  const ends = new Int32Array(n);
  for (let i = 0; i < n; i++) ends[i] = i + 1 < n ? starts[i + 1] - 1 : r.length;
  const hasCand = candLines(n, starts);
  const section = new Uint8Array(n);
  const heading = new Int32Array(n).fill(-1);
  const strong = new Uint8Array(n);
  const kinds = new Int8Array(n).fill(-1);
  const kindOf = (i: number): Kind => {
    if (kinds[i] < 0) kinds[i] = classify(r.slice(starts[i], ends[i]), hasCand[i] === 1);
    return kinds[i] as Kind;
  };
  const read = linesToRead(r, starts, hasCand, kindOf, everyLine);

  let state: Section = Section.None;
  let head = -1;
  let isStrong = 0;
  let headLevel = 0;
  let pgp = false;
  for (let i = 0; i < n; i++) {
    if (read[i] === 0) continue;
    const raw = r.slice(starts[i], ends[i]);
    const k = kindOf(i);
    // Heading depth matters only to heading lines; most lines are not.
    const headingKind = k === Kind.StrongIoc || k === Kind.IocIsh || k === Kind.Other || k === Kind.HeadingLike;
    const level = headingKind ? headingLevel(raw) : 0;
    if (pgp) {
      section[i] = Section.Checksums;
      if (k === Kind.PgpEnd) pgp = false;
      continue;
    }
    switch (k) {
      case Kind.PgpBegin:
        pgp = true;
        section[i] = Section.Checksums;
        continue;
      case Kind.StrongIoc:
      case Kind.IocIsh:
        // A sub-heading of a marked-up IOC section ("=== Network" under "= … IoCs") keeps the section's heading.
        if (state === Section.Ioc && level > 0 && headLevel > 0 && level > headLevel) break;
        state = Section.Ioc;
        head = i;
        isStrong = k === Kind.StrongIoc ? 1 : 0;
        headLevel = level;
        break;
      case Kind.Refs:
        state = Section.Refs;
        head = i;
        isStrong = 0;
        break;
      case Kind.Checksum:
        state = Section.Checksums;
        head = i;
        isStrong = 0;
        break;
      case Kind.Other:
        // A deeper sub-heading inside a marked-up IOC section ("=== Later stages") does not end it.
        if (!(state === Section.Ioc && level > 0 && headLevel > 0 && level > headLevel && !/mitre|att.ck|yara|sigma/i.test(raw))) {
          state = Section.None;
          head = -1;
          isStrong = 0;
        }
        break;
      case Kind.HeadingLike:
        if (state === Section.Refs || state === Section.IocTable || state === Section.Checksums) {
          state = Section.None;
          head = -1;
        } else if (state === Section.Ioc && level > 0 && headLevel > 0 && level <= headLevel) {
          state = Section.None;
          head = -1;
        }
        break;
      case Kind.Label:
        if (state !== Section.Ioc) {
          state = Section.IocTable;
          head = i;
          isStrong = 0;
        }
        break;
      case Kind.Prose:
        state = Section.None;
        head = -1;
        isStrong = 0;
        break;
      case Kind.Text:
        if (state === Section.Refs && !isReferenceEntry(raw.trim())) {
          state = Section.None;
          head = -1;
        } else if (state === Section.IocTable && hasWords(raw, 13) && !isItem(raw.trim())) {
          state = Section.None;
          head = -1;
        }
        break;
      default:
        break;
    }
    section[i] = state;
    heading[i] = head;
    strong[i] = isStrong;
  }
  return { starts, ends, section, heading, strong };
}

/** Index of the line containing refanged position p. */
export function lineOf(lm: LineModel, p: number): number {
  return lastAtOrBefore(lm.starts, p);
}

const SENT_MAX = 320;

/** The sentence around [a, b): bounded by . ! ? + space, blank lines, list items and headings. */
export function sentenceAround(r: string, a: number, b: number): { start: number; end: number } {
  let s = a;
  const minS = Math.max(0, a - SENT_MAX);
  while (s > minS) {
    const c = r[s - 1];
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(r[s] ?? ' ')) break;
    if (c === '\n') {
      const prev = r[s - 2];
      if (prev === undefined || prev === '\n' || prev === '.' || prev === ':' || prev === '!' || prev === '?') break;
      if (BULLET_RE.test(r.slice(s, s + 4)) || r[s] === '|' || r[s] === '#') break;
      const lineStart = r.lastIndexOf('\n', s - 2) + 1;
      // A short previous line is a label or a value, not the same sentence, unless it is wrapped prose
      // continuing in lower case ("…is available\non WeLiveSecurity at\nhttps://…").
      if (s - 1 - lineStart < 40 && !/^[a-z]/.test(r.slice(lineStart, lineStart + 1))) break;
    }
    s--;
  }
  let e = b;
  const maxE = Math.min(r.length, b + SENT_MAX);
  while (e < maxE) {
    const c = r[e];
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(r[e + 1] ?? ' ')) {
      e++;
      break;
    }
    if (c === '\n') {
      const prev = r[e - 1];
      if (prev === '\n' || prev === ':' || r[e + 1] === '\n' || BULLET_RE.test(r.slice(e + 1, e + 5))) break;
      const nextEnd = r.indexOf('\n', e + 1);
      if ((nextEnd < 0 ? r.length : nextEnd) - e < 40) break;
    }
    e++;
  }
  return { start: s, end: e };
}

/** Remaining words in a line once its values, bullets, pipes and a leading "Label:" are removed. */
export function isListLike(line: string, valueSpans: Array<[number, number]>): boolean {
  const pipe = line.indexOf('|');
  if (pipe >= 0 && line.indexOf('|', pipe + 1) >= 0) return true;
  let rest = '';
  let p = 0;
  for (const [a, b] of valueSpans) {
    if (a > p) rest += line.slice(p, a) + ' ';
    p = Math.max(p, b);
  }
  rest += line.slice(p);
  rest = rest
    .replace(BULLET_RE, '')
    .replace(/^\s*[-*•–—]+\s*/, '')
    .replace(/^[-\s\w/&()]{1,40}:\s/, '') // "File name: ", "C2: "
    .replace(/<--.*$/, '')
    .replace(/`/g, ' ');
  // Count only real words (runs between white space holding a letter or digit): dashes and arrows between values
  // are separators.
  return wordsWithAlnum(rest, 8) <= 7;
}

/** Runs of non-space characters in `s` that hold an ASCII letter or digit, counted up to `max`. */
function wordsWithAlnum(s: string, max: number): number {
  let n = 0;
  let counted = false;
  for (let i = 0; i < s.length && n < max; i++) {
    const c = s.charCodeAt(i);
    if (isSpaceCode(c)) counted = false;
    else if (!counted && isAlnumCode(c)) {
      n++;
      counted = true;
    }
  }
  return n;
}
