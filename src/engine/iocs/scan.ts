// Candidate scan over the refanged text: a handful of linear regexes (every quantifier bounded, every
// repeated group separated by a character its body cannot match) find URLs, dotted tokens (domains, IPs,
// file names), hex runs, e-mails, CVE IDs, paths, registry keys and wallets. Nothing here judges intent;
// that is context.ts and decide.ts. Shape problems (glued table cells, file-like TLDs) are solved here.
import type { IocType } from '../model';
import { isAlnumCode } from '../text/chars';
import { EXT_TLD_COLLISIONS, extOf, FILE_EXTS } from '../text/file-extensions';
import { hashTypeOf, hostInfo, isPublicIpv4, publicIpv6, type HostInfo } from './validate';
import { isBase58CheckBtc, isBech32Btc } from './wallets';

export interface Cand {
  type: IocType;
  /** Canonical value (refanged; lower-cased where the type is case-insensitive). */
  value: string;
  /** Span in the refanged text. */
  start: number;
  end: number;
  /** Host of a URL / e-mail / domain, for platform and publisher checks. */
  host?: HostInfo;
  /** Span of the host inside the refanged text (URLs, e-mails). */
  hostStart?: number;
  hostEnd?: number;
  /** URL written as scheme://host with no path. */
  pathless?: boolean;
  /** URL written without a scheme (`5.253.84.159/x`): only a URL inside an IOC list. */
  schemeless?: boolean;
  /** A domain whose TLD is also a file extension (.zip, .py): a domain only when defanged or in a domain list. */
  extTld?: boolean;
  /** The host IP of a URL whose host is an IP address. */
  hostIp?: string;
}

type CandExtra = Pick<Cand, 'host' | 'hostStart' | 'hostEnd' | 'pathless' | 'schemeless' | 'extTld' | 'hostIp'>;
const NO_EXTRA: CandExtra = {};

/**
 * A candidate. Every one has every field, in the same order: the pass reads hundreds of thousands of them, and one
 * object shape keeps each read of a field a single load instead of a lookup across a shape per type.
 */
function cand(type: IocType, value: string, start: number, end: number, x: CandExtra = NO_EXTRA): Cand {
  return { type, value, start, end, host: x.host, hostStart: x.hostStart, hostEnd: x.hostEnd, pathless: x.pathless, schemeless: x.schemeless, extTld: x.extTld, hostIp: x.hostIp };
}

// Full-width and CJK punctuation (U+3001–U+303F, U+FF01–U+FF0F, U+FF1A–U+FF20, U+FF3B–U+FF40, U+FF5B–U+FF65:
// "＞", "」", "）", "、") ends a URL: no host or path needs it, and East Asian text puts it right after links.
const URL_RE =
  /(?<![A-Z0-9])(?:https?|ftps?|sftp|wss?):\/\/[^\s<>"'`|\u2013\u2014\u201c\u201d\u2018\u2019\u00ab\u00bb[\]{}\\^\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]{1,2048}/gi;
/** A scheme glued to the end of the previous URL by a scrape ("…/x.exehttp://…"): a letter or digit right before it. */
const GLUED_SCHEME_RE = /[A-Z0-9](?:https?|ftps?|sftp|wss?):\/\//i;
// Any dash (ASCII, U+2010–U+2015, minus, small and full-width hyphen-minus) between the parts, or a space after "CVE".
const CVE_RE = /(?<![A-Z0-9])CVE[-\u2010-\u2015\u2212\ufe63\uff0d \u00a0](\d{4})[-\u2010-\u2015\u2212\ufe63\uff0d](\d{4,7})(?!\d)/gi;
// Windows paths: inner segments may hold spaces ("Program Files (x86)"), the last one may not, so prose after
// the path is not swallowed. The lookahead keeps each segment's end unambiguous.
const WIN_PATH_RE =
  /(?<![A-Z0-9])(?:[A-Z]:\\|%[A-Z_()]{2,40}%\\|\\\\[\w.$-]{1,64}\\)(?:[^\\\r\n\t"<>|*?:]{1,128}\\(?!\\)){0,32}[^\\\s"<>|*?:,;()'`]{0,128}/iy;
const UNIX_PATH_RE =
  /(?<![\w./:~-])(?:~|\/(?:tmp|var|etc|usr|home|opt|dev|bin|sbin|lib|lib64|root|Users|Library|Applications|System|private|proc|run|srv|mnt|media|Volumes|boot))(?:\/[\w.@%+=~-]{1,128}){1,32}\/?/y;
// Sandbox reports write the hive in angle brackets: "<HKCU>\\Software\\…".
const REG_RE =
  /(?<![A-Za-z0-9])<?(?:HKEY_[A-Z_]{4,30}|HKLM|HKCU|HKCR|HKU|HKCC)>?:?(?:\\(?:[^\\\r\n\t"<>|]{1,128}(?=\\)|[^\\\s"<>|,;()'`]{1,128})){1,32}/g;
// Wallets are scanned where the text talks about money, or has an IOC appendix (a wallet listed there needs no money word).
/** Another hive starting after a space or punctuation inside a registry match. */
const NEXT_HIVE_RE = /[\s,;(]<?(?:HKEY_[A-Z_]{4,30}|HKLM|HKCU|HKCR|HKU|HKCC)>?\\/;
/** The same key grammar as REG_RE, anchored, for re-reading a match cut before a second hive. */
const REG_KEY_HEAD_RE = new RegExp(`^${REG_RE.source.slice('(?<![A-Za-z0-9])'.length)}`);
const WALLET_CUE_RE = /bitcoin|\bbtc\b|wallet|monero|\bxmr\b|ethereum|\beth\b|ransom|crypto|usdt|indicators? of compromise|\biocs?\b/i;
// One pass for every wallet form (BTC base58 and bech32, ETH, XMR): each is a whole run of ASCII letters and digits.
const WALLET_RE =
  /(?<![A-Za-z0-9])(?:(?<btc>[13][1-9A-HJ-NP-Za-km-z]{25,34}|bc1[02-9ac-hj-np-z]{11,71})|(?<eth>0x[0-9a-fA-F]{40})|[48][1-9A-HJ-NP-Za-km-z]{94})(?![A-Za-z0-9])/g;

const TRAIL_PUNCT = new Set(['.', ',', ';', ':', '!', '?', '*', "'", '"', '>', '\u2026']);

/**
 * Trim sentence punctuation and unbalanced closing brackets from the end of a URL. The brackets are counted once
 * and the counts kept as the end moves, so a URL ending in a long run of ")" costs its length, not its square.
 */
function trimUrlEnd(s: string): string {
  let end = s.length;
  let open = -1;
  let close = 0;
  while (end > 0) {
    const c = s[end - 1];
    if (TRAIL_PUNCT.has(c)) {
      end--;
      continue;
    }
    if (c !== ')') break;
    if (open < 0) {
      open = 0;
      for (let i = 0; i < end; i++) {
        const k = s.charCodeAt(i);
        if (k === 40) open++;
        else if (k === 41) close++;
      }
    }
    if (close <= open) break;
    end--;
    close--;
  }
  return s.slice(0, end);
}

/** Scan everything; returns candidates sorted by start. */
export function scanCandidates(r: string): Cand[] {
  const out: Cand[] = [];
  const urlSpans: Array<[number, number]> = [];
  scanUrls(r, out, urlSpans);
  const emailSpans: Array<[number, number]> = [];
  scanEmails(r, out, emailSpans, urlSpans);
  const hexSpans: Array<[number, number]> = [];
  scanHex(r, out, hexSpans);
  scanTokens(r, out, urlSpans, emailSpans, hexSpans);
  scanCves(r, out);
  if (r.includes('\\')) scanWinPaths(r, out);
  if (r.includes('/')) scanUnixPaths(r, out, urlSpans);
  if (r.includes(':')) scanIpv6(r, out, urlSpans);
  if (WALLET_CUE_RE.test(r)) scanWallets(r, out);
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  return out;
}

/** Binary search: is [a, b) inside one of the sorted spans? */
export function inSpans(spans: Array<[number, number]>, a: number, b: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = spans[mid];
    if (e <= a) lo = mid + 1;
    else if (s >= b) hi = mid - 1;
    else return s <= a && b <= e;
  }
  return false;
}

function scanUrls(r: string, out: Cand[], spans: Array<[number, number]>): void {
  URL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = URL_RE.exec(r)) !== null) {
    // Split at every scheme glued on by a scrape; each piece is its own URL.
    let piece = m[0];
    let at = m.index;
    for (;;) {
      const g = GLUED_SCHEME_RE.exec(piece.slice(piece.indexOf('://') + 3));
      if (!g) break;
      const cut = piece.indexOf('://') + 3 + g.index + 1;
      scanOneUrl(piece.slice(0, cut), at, out, spans);
      piece = piece.slice(cut);
      at += cut;
    }
    scanOneUrl(piece, at, out, spans);
  }
}

function scanOneUrl(piece: string, start: number, out: Cand[], spans: Array<[number, number]>): void {
  {
    const raw = trimUrlEnd(piece);
    const sep = raw.indexOf('://');
    const scheme = raw.slice(0, sep).toLowerCase();
    let rest = raw.slice(sep + 3);
    let hostOff = start + sep + 3;
    const at = rest.search(/[/?#]/);
    const authority = at < 0 ? rest : rest.slice(0, at);
    const userAt = authority.lastIndexOf('@');
    if (userAt >= 0) {
      rest = rest.slice(userAt + 1);
      hostOff += userAt + 1;
    }
    const hostEndRel = rest.search(/[/?#:]/);
    const hostRaw = hostEndRel < 0 ? rest : rest.slice(0, hostEndRel);
    const tail = hostEndRel < 0 ? '' : rest.slice(hostEndRel);
    const end = start + raw.length;
    spans.push([start, end]);
    const hostLower = hostRaw.toLowerCase();
    let host: HostInfo | undefined;
    let hostIp: string | undefined;
    if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(hostLower)) {
      if (!isPublicIpv4(hostLower)) return;
      hostIp = hostLower;
    } else {
      const h = hostInfo(hostLower);
      if (!h) return;
      host = h;
    }
    const path = tail.replace(/^:\d{1,5}/, '');
    out.push(cand('url', `${scheme}://${hostLower}${tail}`, start, end, {
      host,
      hostIp,
      hostStart: hostOff,
      hostEnd: hostOff + hostRaw.length,
      pathless: path === '' || path === '/',
    }));
  }
}

const LOCAL_CH = /[\w.%+-]/;
const DOMAIN_CH = /[A-Z0-9.-]/i;

function scanEmails(r: string, out: Cand[], spans: Array<[number, number]>, urlSpans: Array<[number, number]>): void {
  let i = r.indexOf('@');
  while (i >= 0) {
    let a = i;
    while (a > 0 && i - a < 64 && LOCAL_CH.test(r[a - 1])) a--;
    let b = i + 1;
    while (b < r.length && b - i < 254 && DOMAIN_CH.test(r[b])) b++;
    while (b > i + 1 && (r[b - 1] === '.' || r[b - 1] === '-')) b--;
    while (a < i && r[a] === '.') a++;
    const local = r.slice(a, i);
    const dom = r.slice(i + 1, b).toLowerCase();
    const next = b > i + 1 ? b : i + 1;
    if (local.length > 0 && !local.endsWith('.') && dom.length > 0 && !inSpans(urlSpans, a, b)) {
      const h = hostInfo(dom);
      if (h) {
        out.push(cand('email', `${local.toLowerCase()}@${dom}`, a, b, { host: h, hostStart: i + 1, hostEnd: b }));
        spans.push([a, b]);
      }
    }
    i = r.indexOf('@', next);
  }
}

// Hex runs: any run of 32+ hex characters covers a multiple of 32, so only every 32nd character is read
// in ordinary text; a hit is widened to its maximal run, which is then never re-read.
function scanHex(r: string, out: Cand[], spans: Array<[number, number]>): void {
  const n = r.length;
  let p = 0;
  let lastEnd = 0;
  while (p < n) {
    if (!isHexCode(r.charCodeAt(p))) {
      p += 32;
      continue;
    }
    let i = p;
    while (i > lastEnd && isHexCode(r.charCodeAt(i - 1))) i--;
    let j = p + 1;
    while (j < n && isHexCode(r.charCodeAt(j))) j++;
    lastEnd = j;
    p = (j & ~31) + 32;
    const runLen = j - i;
    if (runLen < 32 || runLen > 512) continue;
    const start = i;
    if (start >= 2 && r[start - 1] === 'x' && r[start - 2] === '0') continue; // 0x… constants, ETH addresses
    // pwdump / secretsdump lines ("user:500:<LM>:<NT>:::"): 32-hex password hashes between colons, not MD5 file hashes.
    if (runLen === 32 && r[start - 1] === ':' && r[j] === ':') continue;
    const s = r.slice(start, j);
    let len = runLen;
    if (!hashTypeOf(len)) len = gluedHashLength(s);
    const t = hashTypeOf(len);
    if (!t) continue;
    const hex = s.slice(0, len);
    out.push(cand(t, HEX_UPPER_RE.test(hex) ? hex.toLowerCase() : hex, start, start + len));
    spans.push([start, start + len]);
  }
}

const HEX_UPPER_RE = /[A-F]/;

function isHexCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/**
 * Flattened tables glue a cell to the next one: "…38C1dominoduck2098.duckdns.org". When an upper-case hash of
 * exact length is followed by lower-case letters, the hash ends where the case changes.
 */
function gluedHashLength(s: string): number {
  for (const h of [128, 64, 40, 32]) {
    if (s.length <= h) continue;
    const head = s.slice(0, h);
    if (/[a-f]/.test(head) || !/[A-F]/.test(head)) continue;
    if (/[a-f]/.test(s[h])) return h;
  }
  return 0;
}

function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
}

const MAX_TOKEN = 2048;

/**
 * Dotted tokens (labels of [A-Za-z0-9_-] joined by single dots) found from each dot outwards: prose has few
 * dots between word characters, so this touches little of the text and never re-scans a token.
 */
function scanTokens(
  r: string,
  out: Cand[],
  urlSpans: Array<[number, number]>,
  emailSpans: Array<[number, number]>,
  hexSpans: Array<[number, number]>,
): void {
  const n = r.length;
  let hexIdx = 0;
  // Tokens come in text order and URL spans are sorted and disjoint, so one cursor answers "inside a URL?".
  let urlIdx = 0;
  let d = r.indexOf('.');
  while (d >= 0) {
    if (d === 0 || d + 1 >= n || !isWordCode(r.charCodeAt(d - 1)) || !isWordCode(r.charCodeAt(d + 1))) {
      d = r.indexOf('.', d + 1);
      continue;
    }
    let a = d - 1;
    while (a > 0 && d - a < MAX_TOKEN) {
      const c = r.charCodeAt(a - 1);
      if (isWordCode(c)) a--;
      else if (c === 46 && a >= 2 && isWordCode(r.charCodeAt(a - 2))) a--;
      else break;
    }
    let b = d + 1;
    while (b < n && b - a < MAX_TOKEN) {
      const c = r.charCodeAt(b);
      if (isWordCode(c)) b++;
      else if (c === 46 && b + 1 < n && isWordCode(r.charCodeAt(b + 1))) b++;
      else break;
    }
    if (b - a >= MAX_TOKEN) {
      // Hostile input: no real value is this long. Skip the whole run so it is walked only once.
      while (b < n && (isWordCode(r.charCodeAt(b)) || r.charCodeAt(b) === 46)) b++;
      d = r.indexOf('.', b);
      continue;
    }
    d = r.indexOf('.', b);
    if (a > 0 && r.charCodeAt(a - 1) === 64) continue; // the domain part of an e-mail
    while (urlIdx < urlSpans.length && urlSpans[urlIdx][1] <= a) urlIdx++;
    if (urlIdx < urlSpans.length && urlSpans[urlIdx][0] <= a && b <= urlSpans[urlIdx][1]) continue;
    if (inSpans(emailSpans, a, b)) continue;
    let start = a;
    let tok = r.slice(a, b);
    // A hash glued in front of the token (flattened table): the token starts where the hash ends.
    while (hexIdx < hexSpans.length && hexSpans[hexIdx][1] <= start) hexIdx++;
    if (hexIdx < hexSpans.length && hexSpans[hexIdx][0] <= start && hexSpans[hexIdx][1] > start) {
      const cut = hexSpans[hexIdx][1];
      if (cut >= b) continue;
      tok = r.slice(cut, b);
      start = cut;
    }
    // Leading hyphens/underscores are punctuation ("--evil.com"), not part of the name.
    const lead = /^[-_]+/.exec(tok);
    if (lead) {
      tok = tok.slice(lead[0].length);
      start += lead[0].length;
    }
    if (tok.indexOf('.') > 0) classifyToken(r, tok, start, out);
  }
}

const CIDR_TAIL_RE = /^\/(\d{1,2})(?![\w./-])/;

/** Is s[a, b) one to three ASCII digits? */
function isOctetText(s: string, a: number, b: number): boolean {
  if (b - a < 1 || b - a > 3) return false;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Labels are read by their dot positions: splitting every dotted token of the text cost more than the rest. */
function classifyToken(r: string, tok: string, start: number, out: Cand[]): void {
  const d1 = tok.indexOf('.');
  const d2 = tok.indexOf('.', d1 + 1);
  const d3 = d2 < 0 ? -1 : tok.indexOf('.', d2 + 1);
  // IPv4, possibly glued to a following word ("94.142.138.61IP").
  if (d2 > 0 && isOctetText(tok, 0, d1) && isOctetText(tok, d1 + 1, d2) && isOctetText(tok, d2 + 1, d3 < 0 ? tok.length : d3)) {
    if (d3 < 0 || tok.indexOf('.', d3 + 1) >= 0) return; // versions, section numbers, dates: 1.2.3 / 1.2.3.4.5
    let last = tok.slice(d3 + 1);
    const glued = /^(\d{1,3})[A-Z]/i.exec(last);
    if (glued && !/^\d+$/.test(last)) last = glued[1];
    else if (!/^\d{1,3}$/.test(last)) return;
    const ip = tok.slice(0, d3 + 1) + last;
    if (!isPublicIpv4(ip)) return;
    const end = start + ip.length;
    // A CIDR range ("1.2.3.0/24") is an IP range, not a scheme-less URL: kept as ipv4 with its prefix.
    const cidr = CIDR_TAIL_RE.exec(r.slice(end, end + 4));
    if (cidr && Number(cidr[1]) <= 32) {
      out.push(cand('ipv4', `${ip}/${cidr[1]}`, start, end + cidr[0].length));
      return;
    }
    pushHostOrUrl(r, out, cand('ipv4', ip, start, end), end);
    return;
  }
  if (d1 <= 0 || tok.endsWith('.') || tok.includes('..')) return; // an empty label
  const lastDot = tok.lastIndexOf('.');
  const lastLabel = tok.slice(lastDot + 1);
  const ext = lastLabel.toLowerCase();
  let firstHasAlnum = false;
  for (let i = 0; i < d1 && !firstHasAlnum; i++) firstHasAlnum = isAlnumCode(tok.charCodeAt(i));
  let host = hostInfo(tok); // lower-cases and caches by the lower-cased name
  let end = start + tok.length;
  if (!host) {
    // A TLD glued to the next word ("evil.comIPs"): cut where lower case turns upper case.
    const g = /^([a-z]{2,24})[A-Z]/.exec(lastLabel);
    if (g) {
      const cutTok = tok.slice(0, tok.length - lastLabel.length + g[1].length);
      const h2 = hostInfo(cutTok);
      if (h2) {
        host = h2;
        end = start + cutTok.length;
        tok = cutTok;
      }
    }
  }
  if (host) {
    const tldRaw = tok.slice(tok.lastIndexOf('.') + 1);
    // "figure.In addition": an upper-case TLD after lower-case labels is a sentence glued to the previous one.
    const glueSentence = /^[A-Z]/.test(tldRaw) && tok !== tok.toUpperCase();
    if (!glueSentence) {
      const extTld = EXT_TLD_COLLISIONS.has(host.tld) && !host.host.startsWith('www.');
      const c = cand('domain', host.host, start, end, { host, extTld });
      pushHostOrUrl(r, out, c, end);
      if (!extTld) return;
    } else if (!FILE_EXTS.has(ext)) return;
  }
  // File names: name.ext, name-1.0.tar.gz, pkg-1.2-py3-none-any.whl
  if (FILE_EXTS.has(ext) && firstHasAlnum) {
    out.push(cand('file_name', tok, start, start + tok.length));
  }
}

/** A host followed by "/path" is a scheme-less URL; emit both, the decision keeps one. */
function pushHostOrUrl(r: string, out: Cand[], c: Cand, end: number): void {
  out.push(c);
  if (r[end] === ':' && /\d/.test(r[end + 1] ?? '')) {
    // port: skip it for the host, keep it for a URL
    let p = end + 1;
    while (p < r.length && p - end < 7 && /\d/.test(r[p])) p++;
    if (r[p] !== '/') return;
    end = p;
  }
  if (r[end] !== '/' || r[end + 1] === '/') return;
  let e = end;
  while (e < r.length && e - end < 2048 && /[^\s<>"'`|\u2013\u2014\u201c\u201d[\]{}\\^]/.test(r[e])) e++;
  const raw = trimUrlEnd(r.slice(c.start, e));
  if (raw.length <= end - c.start + 1) return;
  out.push(cand('url', c.value + raw.slice(c.end - c.start), c.start, c.start + raw.length, {
    host: c.host,
    hostIp: c.type === 'ipv4' ? c.value : undefined,
    hostStart: c.start,
    hostEnd: c.end,
    schemeless: true,
  }));
}

function scanCves(r: string, out: Cand[]): void {
  CVE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CVE_RE.exec(r)) !== null) {
    out.push(cand('cve', `CVE-${m[1]}-${m[2]}`, m.index, m.index + m[0].length));
  }
}

// A last segment with spaces ("…\\Update Service\\svc host.exe") is only taken when, within two more words, it
// reaches a known file extension; otherwise the path ends at the first space and the prose after it stays out.
const SPACED_TAIL_RE = /^(?: [^\s\\"<>|*?:,;()'`]{1,40}){1,2}/;
function extendLastSegment(r: string, start: number, matched: string): string {
  if (matched.endsWith('\\') || r[start + matched.length] !== ' ') return matched;
  const tail = SPACED_TAIL_RE.exec(r.slice(start + matched.length, start + matched.length + 90));
  if (!tail) return matched;
  const words = tail[0].split(' ').slice(1);
  for (let k = words.length; k >= 1; k--) {
    const candidate = ' ' + words.slice(0, k).join(' ');
    if (FILE_EXTS.has(extOf(candidate.replace(/[.,;:]+$/, '')))) return matched + candidate;
  }
  return matched;
}

const QUOTES: Record<string, string> = { '"': '"', "'": "'", '`': '`', '\u201c': '\u201d', '\u2018': '\u2019' };

/**
 * A path the author quoted or put in backticks is whole up to the closing quote, spaces and all
 * ("`/Library/Application Support/Foo/bar`"). Returns the end of the quoted text, or -1.
 */
function quotedEnd(r: string, start: number, matchedEnd: number): number {
  const close = QUOTES[r[start - 1] ?? ''];
  if (!close || r[matchedEnd] !== ' ') return -1;
  const q = r.indexOf(close, matchedEnd);
  if (q < 0 || q - start > 260) return -1;
  const inner = r.slice(matchedEnd, q);
  if (/[\n\r\t"'`<>|*?\u201c\u201d]/.test(inner) || /\s$/.test(inner)) return -1;
  return q;
}

// Windows paths start at "X:\\", "%VAR%\\" or "\\\\server\\": found from each backslash, then matched sticky.
function scanWinPaths(r: string, out: Cand[]): void {
  let p = r.indexOf('\\');
  let lastEnd = 0;
  while (p >= 0) {
    let start = -1;
    if (p >= 2 && r[p - 1] === ':' && /[A-Z]/i.test(r[p - 2])) start = p - 2;
    else if (p >= 1 && r[p - 1] === '%') {
      const q = r.lastIndexOf('%', p - 2);
      if (q >= 0 && p - q <= 42) start = q;
    } else if (r[p + 1] === '\\') start = p;
    if (start >= lastEnd && start >= 0) {
      WIN_PATH_RE.lastIndex = start;
      const m = WIN_PATH_RE.exec(r);
      if (m) {
        const q = quotedEnd(r, start, start + m[0].length);
        const v = (q > 0 ? r.slice(start, q) : extendLastSegment(r, start, m[0])).replace(/[.\s]+$/, '');
        if (v.length >= 4) out.push(cand('file_path', v, start, start + v.length));
        lastEnd = start + m[0].length;
        p = r.indexOf('\\', Math.max(lastEnd, p + 1));
        continue;
      }
    }
    p = r.indexOf('\\', p + 1);
  }
  if (!/HK(?:EY_|LM|CU|CR|U\b|CC)/.test(r)) return;
  REG_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = REG_RE.exec(r)) !== null) {
    let raw = m[0];
    // A second hive inside the match ("HKCU\\A and HKLM\\B"): the first key ends before it, the scan resumes there.
    const next = NEXT_HIVE_RE.exec(raw.slice(4));
    if (next) {
      const cut = 4 + next.index + 1;
      raw = REG_KEY_HEAD_RE.exec(raw.slice(0, cut))?.[0] ?? raw.slice(0, cut);
      REG_RE.lastIndex = m.index + cut;
    }
    const v = raw.replace(/[.\s]+$/, '');
    const value = v.replace(/^<([A-Z_]{2,30})>/, '$1');
    out.push(cand('registry_key', value, m.index, m.index + v.length));
  }
}

// Spaced segments ("/Library/Application Support/Foo/bar.plist") continue a path only when the rest reaches a file
// name with a known extension; a quoted path is whole up to its closing quote.
const SPACED_UNIX_TAIL_RE = /(?: [\w.@%+=~-]{1,64}){1,3}(?:\/[\w.@%+=~-]{1,128}){1,32}/y;
function spacedUnixPath(r: string, start: number, matched: string): string {
  const end = start + matched.length;
  if (r[end] !== ' ') return matched;
  const q = quotedEnd(r, start, end);
  if (q > 0) return r.slice(start, q);
  SPACED_UNIX_TAIL_RE.lastIndex = end;
  const t = SPACED_UNIX_TAIL_RE.exec(r);
  if (!t) return matched;
  const tail = t[0].replace(/\.+$/, '');
  return FILE_EXTS.has(extOf(tail.slice(tail.lastIndexOf('/') + 1))) ? matched + tail : matched;
}

// Unix paths start with "/" or "~/" at a word boundary: found from each slash, then matched sticky.
function scanUnixPaths(r: string, out: Cand[], urlSpans: Array<[number, number]>): void {
  let p = r.indexOf('/');
  while (p >= 0) {
    const start = p > 0 && r[p - 1] === '~' ? p - 1 : p;
    UNIX_PATH_RE.lastIndex = start;
    const m = UNIX_PATH_RE.exec(r);
    if (m) {
      const v = spacedUnixPath(r, start, m[0]).replace(/\.+$/, '');
      if (!inSpans(urlSpans, start, start + v.length)) out.push(cand('file_path', v, start, start + v.length));
      p = r.indexOf('/', start + Math.max(m[0].length, v.length));
    } else p = r.indexOf('/', p + 1);
  }
}

function isV6Code(c: number): boolean {
  return isHexCode(c) || c === 58;
}

// IPv6 from each colon outwards over [0-9A-Fa-f:]; most colons in prose fail at once.
function scanIpv6(r: string, out: Cand[], urlSpans: Array<[number, number]>): void {
  const n = r.length;
  let p = r.indexOf(':');
  while (p >= 0) {
    let a = p;
    while (a > 0 && p - a < 40 && isV6Code(r.charCodeAt(a - 1))) a--;
    let b = p + 1;
    while (b < n && b - a < 40 && isV6Code(r.charCodeAt(b))) b++;
    p = r.indexOf(':', b);
    const len = b - a;
    if (len < 6 || len > 39) continue;
    const before = a > 0 ? r.charCodeAt(a - 1) : 32;
    const after = b < n ? r.charCodeAt(b) : 32;
    if (isAlnumCode(before) || before === 46 || isAlnumCode(after)) continue;
    let s = r.slice(a, b);
    if (s.endsWith(':') && !s.endsWith('::')) s = s.slice(0, -1);
    let colons = 0;
    for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 58) colons++;
    if (colons < 2) continue;
    const v = publicIpv6(s);
    if (!v || inSpans(urlSpans, a, a + s.length)) continue;
    out.push(cand('ipv6', v, a, a + s.length));
  }
}

function scanWallets(r: string, out: Cand[]): void {
  let m: RegExpExecArray | null;
  WALLET_RE.lastIndex = 0;
  while ((m = WALLET_RE.exec(r)) !== null) {
    const s = m[0];
    const g = m.groups!;
    if (g.btc !== undefined) {
      if (s.startsWith('bc1') ? isBech32Btc(s) : isBase58CheckBtc(s)) out.push(cand('crypto_wallet', s, m.index, m.index + s.length));
    } else out.push(cand('crypto_wallet', g.eth !== undefined ? s.toLowerCase() : s, m.index, m.index + s.length));
  }
}
