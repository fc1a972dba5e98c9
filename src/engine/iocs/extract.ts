// IOC extraction: refang → scan candidates → place each in its context → keep what the article presents as
// malicious → one entry per (type, value) with every kept offset. Deterministic and linear in the text size.
import { IOC_TYPES, type Ioc, type IocProvenance, type IocType } from '../model';
import { buildLines, isBoilerplateLine, isListLike, sentenceAround, Section, type LineModel } from './context';
import { SPOOF_RE } from './cues';
import {
  decideCve,
  decideFileName,
  decideFilePath,
  decideHash,
  decideNetwork,
  decideRegistry,
  decideWallet,
  isPlatformHost,
  lineFactsOf,
  stripUrl,
  type LineFacts,
  type Occurrence,
  type Publisher,
  type Verdict,
} from './decide';
import { isSpaceCode } from '../text/chars';
import { displayOf } from '../text/defang';
import { OffsetMap, refangWithMap } from '../text/refang';
import { inSpans, scanCandidates, type Cand } from './scan';
import { registrableDomain, type HostInfo } from './validate';
import { cellsOf, roleIn, tableRole } from './roles';

export { refang } from '../text/refang';

export interface ExtractOptions {
  /** The article's URL: its registrable domain (and the publisher's other domains) are never IOCs. */
  articleUrl?: string;
  /** Extra domains that belong to the publisher. */
  publisherDomains?: string[];
}

const PROV_RANK: Record<IocProvenance, number> = { 'ioc-section': 0, 'ioc-table': 1, defanged: 2, labelled: 3, narrative: 4 };
const TYPE_RANK = new Map<IocType, number>(IOC_TYPES.map((t, i) => [t, i]));
const FAMILY: Partial<Record<IocType, string>> = {
  ipv4: 'net', ipv6: 'net', domain: 'net', url: 'net', email: 'net',
  md5: 'hash', sha1: 'hash', sha256: 'hash', sha512: 'hash',
  file_name: 'file', file_path: 'file',
};
// Case-insensitive types. Domains, e-mails and hashes are lower-cased by the scanner already; the others keep the
// case they were written in, so only they are folded for the key.
const FOLDED_FOR_KEY: ReadonlySet<IocType> = new Set(['file_name', 'file_path', 'registry_key']);

interface Kept {
  type: IocType;
  value: string;
  offsets: Array<[number, number]>;
  best: Verdict;
  /** Every kept occurrence was in a strong IOC section. */
  inStrongSection: boolean;
  role?: string;
  /** An occurrence named its role in the words right before or after it (not only a table or heading). */
  statedRole: boolean;
}

/** A table row: its cells (absolute offsets), their text, and which cells hold no indicator. */
interface Row {
  /** Absolute end offset of each cell (a row is kept for the whole pass, so no span objects per cell). */
  ends: number[];
  texts: string[];
  free: boolean[];
}

/** Extract the indicators the article presents as malicious. Never throws. */
export function extractIocs(text: string, opts?: ExtractOptions): Ioc[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  try {
    return extract(text, opts ?? {});
  } catch {
    // A bug must not take the whole briefing down; an empty IOC list is the safe answer.
    return [];
  }
}

function publisherOf(opts: ExtractOptions): Publisher {
  const domains = new Set<string>();
  let articleUrl: string | undefined;
  if (opts.articleUrl) {
    articleUrl = stripUrl(opts.articleUrl);
    const d = registrableDomain(opts.articleUrl);
    // A post on a shared platform (x.com, github.com, medium.com) does not make the platform the publisher;
    // the platform rule already covers its hosts.
    if (d && !isPlatformDomain(d)) domains.add(d);
  }
  for (const p of opts.publisherDomains ?? []) {
    const d = registrableDomain(p.toLowerCase());
    if (d) domains.add(d);
    domains.add(p.toLowerCase());
  }
  return { domains, articleUrl };
}

function isPlatformDomain(d: string): boolean {
  const h: HostInfo = { host: d, icannDomain: d, ownerDomain: d, underPrivateSuffix: false, tld: '' };
  return isPlatformHost(h);
}

function extract(text: string, opts: ExtractOptions): Ioc[] {
  const { text: r, edits } = refangWithMap(text);
  const map = new OffsetMap(edits);
  const cands = dropNamesInsidePaths(r, scanCandidates(r));
  const candLine = new Int32Array(cands.length);
  let lineFirst = new Int32Array(0);
  const lines = buildLines(r, (n, starts) => {
    const has = new Uint8Array(n);
    lineFirst = new Int32Array(n + 1).fill(-1);
    let li = 0;
    for (let i = 0; i < cands.length; i++) {
      while (li + 1 < n && starts[li + 1] <= cands[i].start) li++;
      candLine[i] = li;
      if (!has[li]) lineFirst[li] = i;
      has[li] = 1;
    }
    return has;
  });
  const urlSpans: Array<[number, number]> = cands.filter((c) => c.type === 'url').map((c) => [c.start, c.end]);
  urlSpans.sort((a, b) => a[0] - b[0]);
  const pub = publisherOf(opts);

  // Per line: the first candidate index, so a line's values are found without per-line arrays.
  const nLines = lines.starts.length;
  const doc: Doc = {
    r, lm: lines, map, cands, candLine, lineFirst, urlSpans,
    listCache: new Int8Array(nLines), fileNameCache: new Int8Array(nLines), boilerplateCache: new Int8Array(nLines), facts: new Map(), prevIdx: new Int32Array(nLines).fill(-2),
    rowIndex: new Int32Array(nLines), rowList: [], tableTop: new Int32Array(nLines).fill(-2), headingRoles: new Map(), headingTexts: new Map(), headingVerdicts: new Map(),
  };
  // One map per type keyed by the value itself: a joined "type + value" key would be a new string to flatten and
  // hash on every occurrence, while a value's hash is computed once and kept in the string.
  const kept = new Map<IocType, Map<string, Kept>>();
  const keptInOrder: Kept[] = [];
  const keep = (type: IocType, value: string, rStart: number, rEnd: number, v: Verdict, strong: boolean, role?: { role?: string; stated: boolean }): void => {
    let ofType = kept.get(type);
    if (!ofType) kept.set(type, (ofType = new Map()));
    const key = FOLDED_FOR_KEY.has(type) ? value.toLowerCase() : value;
    const off: [number, number] = [map.start(rStart), map.end(rEnd)];
    const k = ofType.get(key);
    if (!k) {
      const fresh: Kept = { type, value, offsets: [off], best: v, inStrongSection: strong, role: role?.role, statedRole: role?.stated ?? false };
      ofType.set(key, fresh);
      keptInOrder.push(fresh);
      return;
    }
    k.role ??= role?.role;
    k.statedRole ||= role?.stated ?? false;
    const last = k.offsets[k.offsets.length - 1];
    if (last[0] !== off[0] || last[1] !== off[1]) k.offsets.push(off);
    if (PROV_RANK[v.provenance] < PROV_RANK[k.best.provenance]) k.best = v;
    k.inStrongSection ||= strong;
  };

  for (let i = 0; i < cands.length; i++) {
    const c = cands[i];
    const li = candLine[i];
    const o = new Occ(doc, i, li);
    const v = decide(o, pub);
    if (!v) continue;
    const strong = lines.strong[li] === 1 && (v.provenance === 'ioc-section');
    const role = o.roleOf(c.type);
    if (c.type === 'url' && c.pathless && c.hostIp) {
      // scheme://1.2.3.4 says nothing more than the IP itself.
      keep('ipv4', c.hostIp, c.hostStart ?? c.start, c.hostEnd ?? c.end, retold(v, 'URL', 'IP address of a URL with no path'), strong, o.roleOf('ipv4'));
      continue;
    }
    keep(c.type, c.value, c.start, c.end, v, strong, role);
    if (c.type === 'url' && c.pathless && c.host) {
      keep('domain', c.host.host, c.hostStart ?? c.start, c.hostEnd ?? c.end, retold(v, 'URL', 'Host of a URL with no path'), strong, o.roleOf('domain'));
    }
    if (c.type === 'email' && c.host && !isPlatformHost(c.host) && !SPOOF_RE.test(o.sentence)) {
      keep('domain', c.host.host, c.hostStart ?? c.start, c.hostEnd ?? c.end, retold(v, 'E-mail address', 'Sender domain of an e-mail address'), strong, o.roleOf('domain'));
    }
  }
  return finish(text, keptInOrder);
}

/**
 * A value derived from another (the domain of an e-mail, the host of a URL) says what it is: the reason of the value
 * it came from must not describe it ("E-mail address listed…" on a domain).
 */
function retold(v: Verdict, from: string, to: string): Verdict {
  const reason = v.reason.startsWith(from) ? to + v.reason.slice(from.length) : `${to}: ${v.reason}`;
  return { ...v, reason };
}

function decide(o: Occurrence, pub: Publisher): Verdict | null {
  switch (o.c.type) {
    case 'ipv4':
    case 'ipv6':
    case 'domain':
    case 'url':
    case 'email':
      return decideNetwork(o, pub);
    case 'md5':
    case 'sha1':
    case 'sha256':
    case 'sha512':
      return decideHash(o);
    case 'cve':
      return decideCve(o);
    case 'file_name':
      return decideFileName(o);
    case 'file_path':
      return decideFilePath(o);
    case 'registry_key':
      return decideRegistry(o);
    case 'crypto_wallet':
      return decideWallet(o);
    default:
      return null;
  }
}

const NO_FACTS: LineFacts = lineFactsOf('');

interface Doc {
  r: string;
  lm: LineModel;
  map: OffsetMap;
  cands: Cand[];
  candLine: Int32Array;
  /** Index of the first candidate on each line, -1 for none. */
  lineFirst: Int32Array;
  urlSpans: Array<[number, number]>;
  /** Per line, 0 unknown, 1 yes, -1 no: list-like, holds a file name, is site boilerplate. */
  listCache: Int8Array;
  fileNameCache: Int8Array;
  boilerplateCache: Int8Array;
  /**
   * Per line, computed on first use: its facts (a Map: few lines hold a value, and a plain array of ~60k lines is
   * heap to trace; measured, an index by line gained nothing here), and the previous non-blank line (-2 not yet known).
   */
  facts: Map<number, LineFacts>;
  prevIdx: Int32Array;
  /**
   * Per line, computed on first use: its table row (rowIndex: 0 unknown, -1 not a row, k: rowList[k - 1]), and the first line
   * of its table (-2 unknown). An index by line, not a Map: the row is asked for every candidate.
   */
  rowIndex: Int32Array;
  rowList: Row[];
  tableTop: Int32Array;
  /** Per heading line and type: the role the heading names (see Occ.headingRole). */
  headingRoles: Map<number, string | undefined>;
  /** Per heading line: its trimmed text, and the verdicts shared by the values under it. */
  headingTexts: Map<number, string>;
  headingVerdicts: Map<number, Map<string, Verdict>>;
}

/**
 * A file name inside a path counts only as that path's whole last segment: "…\\svc host.exe" does not also yield
 * "host.exe". One sweep over the candidates (sorted by start): a name is inside some path that starts before it iff
 * the farthest end of those paths reaches the name's end.
 */
function dropNamesInsidePaths(r: string, scanned: Cand[]): Cand[] {
  if (!scanned.some((c) => c.type === 'file_path')) return scanned;
  const paths = scanned.filter((c) => c.type === 'file_path');
  let pi = 0;
  let reach = -1;
  return scanned.filter((c) => {
    if (c.type !== 'file_name') return true;
    while (pi < paths.length && paths[pi].start < c.start) reach = Math.max(reach, paths[pi++].end);
    return !(reach >= c.end && r[c.start - 1] !== '\\' && r[c.start - 1] !== '/');
  });
}

/**
 * The context of one occurrence. Every field is computed on first use: most candidates are decided by their
 * section alone, and on a 10 MB article the strings a rule never reads are never built.
 */
class Occ implements Occurrence {
  readonly c: Cand;
  readonly section: Section;
  readonly strongSection: boolean;
  private sent?: { start: number; end: number };
  private prevCache?: string;
  private defangCache?: 0 | 1 | 2;

  constructor(
    private readonly d: Doc,
    private readonly idx: number,
    private readonly li: number,
  ) {
    this.c = d.cands[idx];
    this.section = d.lm.section[li] as Section;
    this.strongSection = d.lm.strong[li] === 1;
  }

  /** Line li as a table row (cells split at "|"), computed once per line; null when it has no pipe. */
  private rowAt(li: number): Row | null {
    const { r, lm, rowIndex, rowList, cands, candLine, lineFirst } = this.d;
    const known = rowIndex[li];
    if (known !== 0) return known < 0 ? null : rowList[known - 1];
    const ls = lm.starts[li];
    const line = r.slice(ls, lm.ends[li]);
    if (!line.includes('|')) {
      rowIndex[li] = -1;
      return null;
    }
    const cells = cellsOf(line);
    const ends = cells.map(([, b]) => ls + b);
    const free = cells.map(() => true);
    for (let i = lineFirst[li], ci = 0; i >= 0 && i < cands.length && candLine[i] === li; i++) {
      while (ci < ends.length - 1 && ends[ci] <= cands[i].start) ci++;
      free[ci] = false;
    }
    const row: Row = { ends, texts: cells.map(([a, b]) => line.slice(a, b)), free };
    rowIndex[li] = rowList.push(row);
    return row;
  }

  /** The first line of the table holding line li (consecutive rows), filled for every row walked. */
  private tableTopOf(li: number): number {
    const top = this.d.tableTop;
    if (top[li] !== -2) return top[li];
    let j = li;
    while (j > 0 && top[j] === -2 && this.rowAt(j - 1)) j--;
    const t = top[j] !== -2 ? top[j] : j;
    for (let k = li; k >= j; k--) top[k] = t;
    return t;
  }

  /** The role the article gives this value, read as type `t`; `stated` when the words around it say so. */
  roleOf(t: IocType): { role?: string; stated: boolean } {
    const { r, lm, cands, candLine } = this.d;
    const c = this.c;
    const row = this.rowAt(this.li);
    if (row && row.ends.length > 1) {
      let col = 0;
      while (col < row.ends.length - 1 && row.ends[col] <= c.start) col++;
      const top = this.tableTopOf(this.li);
      const head = top !== this.li ? this.rowAt(top) : null;
      const header = head && head.free.every((f) => f) ? head.texts : null;
      const fromTable = tableRole(t, row.texts, row.free, col, header);
      if (fromTable) return { role: fromTable, stated: false };
    }
    // The words right before the value, back to the previous value on the line: "the C2 server at …".
    const prev = this.idx > 0 && candLine[this.idx - 1] === this.li ? cands[this.idx - 1].end : -1;
    const from = Math.max(lm.starts[this.li], c.start - 80, prev);
    const before = roleIn(from < c.start ? r.slice(from, c.start) : '', t);
    if (before) return { role: before, stated: true };
    const parenEnd = Math.min(lm.ends[this.li], c.end + 40);
    const paren = opensParen(r, c.end, parenEnd) ? PAREN_ROLE_RE.exec(r.slice(c.end, parenEnd)) : null;
    const after = paren ? roleIn(paren[1], t) : undefined;
    if (after) return { role: after, stated: true };
    const fromHeading = this.headingRole(t);
    return fromHeading ? { role: fromHeading, stated: false } : NO_ROLE;
  }

  /** The role the section heading names for type t: one answer per heading and type, shared by its values. */
  private headingRole(t: IocType): string | undefined {
    const h = this.d.lm.heading[this.li];
    if (h < 0) return undefined;
    const key = h * IOC_TYPES.length + (TYPE_RANK.get(t) ?? 0);
    const roles = this.d.headingRoles;
    if (roles.has(key)) return roles.get(key);
    const role = roleIn(this.headingText.slice(0, 80), t);
    roles.set(key, role);
    return role;
  }

  get defang(): 0 | 1 | 2 {
    return (this.defangCache ??= this.d.map.defangLevel(this.c.start, this.c.end));
  }
  get line(): string {
    return this.d.r.slice(this.d.lm.starts[this.li], this.d.lm.ends[this.li]);
  }
  get pre(): string {
    return this.d.r.slice(Math.max(this.d.lm.starts[this.li], this.c.start - 120), this.c.start);
  }
  get post(): string {
    return this.d.r.slice(this.c.end, Math.min(this.d.lm.ends[this.li], this.c.end + 120));
  }
  get headingText(): string {
    const h = this.d.lm.heading[this.li];
    if (h < 0) return '';
    let t = this.d.headingTexts.get(h);
    if (t === undefined) this.d.headingTexts.set(h, (t = this.d.r.slice(this.d.lm.starts[h], this.d.lm.ends[h]).trim()));
    return t;
  }
  get headingVerdicts(): Map<string, Verdict> {
    const h = this.d.lm.heading[this.li];
    let m = this.d.headingVerdicts.get(h);
    if (!m) this.d.headingVerdicts.set(h, (m = new Map()));
    return m;
  }
  private lineCands(): Cand[] {
    const { cands, candLine, lineFirst } = this.d;
    const a = lineFirst[this.li];
    let b = a;
    while (b < cands.length && candLine[b] === this.li) b++;
    return cands.slice(a, b);
  }
  get listLike(): boolean {
    const cached = this.d.listCache[this.li];
    if (cached !== 0) return cached === 1;
    const ls = this.d.lm.starts[this.li];
    const spans = this.lineCands().map((x): [number, number] => [x.start - ls, x.end - ls]);
    const v = isListLike(this.line, spans);
    this.d.listCache[this.li] = v ? 1 : -1;
    return v;
  }
  get boilerplate(): boolean {
    const cached = this.d.boilerplateCache[this.li];
    if (cached !== 0) return cached === 1;
    const v = isBoilerplateLine(this.line);
    this.d.boilerplateCache[this.li] = v ? 1 : -1;
    return v;
  }
  get lineHasFileName(): boolean {
    const cached = this.d.fileNameCache[this.li];
    if (cached !== 0) return cached === 1;
    const v = this.lineCands().some((x) => x.type === 'file_name');
    this.d.fileNameCache[this.li] = v ? 1 : -1;
    return v;
  }
  private factsOf(li: number): LineFacts {
    const { r, lm, facts } = this.d;
    let f = facts.get(li);
    if (!f) facts.set(li, (f = lineFactsOf(r.slice(lm.starts[li], lm.ends[li]))));
    return f;
  }
  get lineFacts(): LineFacts {
    return this.factsOf(this.li);
  }
  get prevLineFacts(): LineFacts {
    const j = this.prevLineIndex();
    return j < 0 ? NO_FACTS : this.factsOf(j);
  }
  /** The previous non-blank line within four lines, or -1. */
  private prevLineIndex(): number {
    const { r, lm, prevIdx } = this.d;
    if (prevIdx[this.li] !== -2) return prevIdx[this.li];
    let found = -1;
    for (let j = this.li - 1; j >= 0 && j >= this.li - 4 && found < 0; j--) {
      if (r.slice(lm.starts[j], lm.ends[j]).trim()) found = j;
    }
    return (prevIdx[this.li] = found);
  }
  get insideUrl(): boolean {
    return this.c.type !== 'url' && inSpans(this.d.urlSpans, this.c.start, this.c.end);
  }
  get prevLine(): string {
    if (this.prevCache !== undefined) return this.prevCache;
    const j = this.prevLineIndex();
    return (this.prevCache = j < 0 ? '' : this.d.r.slice(this.d.lm.starts[j], this.d.lm.ends[j]).trim());
  }
  private sentenceSpan(): { start: number; end: number } {
    return (this.sent ??= sentenceAround(this.d.r, this.c.start, this.c.end));
  }
  get preSentence(): string {
    return this.d.r.slice(this.sentenceSpan().start, this.c.start);
  }
  get sentence(): string {
    const s = this.sentenceSpan();
    return this.d.r.slice(s.start, s.end);
  }
}

// Shared by every value with no role: never written to.
const NO_ROLE: { readonly role?: string; readonly stated: boolean } = { stated: false };
/** "(C2 server)" right after a value: the words in brackets may name its role. */
const PAREN_ROLE_RE = /^\s?\(([^()\n]{1,36})\)/;

/** Does PAREN_ROLE_RE's "(" (after at most one space) start at p, before end? Spares most values the slice. */
function opensParen(r: string, p: number, end: number): boolean {
  if (p < end && r.charCodeAt(p) === 40) return true;
  return p + 1 < end && isSpaceCode(r.charCodeAt(p)) && r.charCodeAt(p + 1) === 40;
}

function finish(text: string, all: Kept[]): Ioc[] {
  // When the article has an explicit IOC section for a family (network, hashes, files), values of that family
  // seen only in the narrative are context (earlier campaigns, related research), not this article's indicators.
  const covered = new Set<string>();
  const sectionValues = new Set<string>();
  for (const k of all) {
    const fam = FAMILY[k.type];
    if (fam && k.inStrongSection) {
      covered.add(fam);
      sectionValues.add(k.value.toLowerCase());
      if (k.type === 'url') {
        const host = /^(?:[a-z]+:\/\/)?([^/:?#]+)/i.exec(k.value)?.[1];
        if (host) sectionValues.add(host.toLowerCase());
      }
    }
  }
  const out: Ioc[] = [];
  for (const k of all) {
    const fam = FAMILY[k.type];
    if (fam && covered.has(fam) && !k.inStrongSection && !sectionValues.has(k.value.toLowerCase())) {
      // …unless the article itself labels it: a hash next to its "SHA-1:" label, or a value whose role the sentence
      // states ("the payload was downloaded from …").
      const labelledHash = fam === 'hash' && k.best.provenance === 'labelled' && k.best.confidence === 'high';
      const stated = k.statedRole && (k.best.provenance === 'defanged' || k.best.provenance === 'labelled');
      if (k.best.provenance !== 'ioc-section' && k.best.provenance !== 'ioc-table' && !labelledHash && !stated) continue;
    }
    // With an explicit IOC section, a file name only mentioned in passing (no label, no list) is not one of them.
    if (fam === 'file' && covered.size > 0 && k.best.provenance === 'narrative' && !sectionValues.has(k.value.toLowerCase())) continue;
    k.offsets.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const [s, e] = k.offsets[0];
    out.push({
      type: k.type,
      value: k.value,
      display: displayOf(k.type, k.value),
      offsets: k.offsets,
      context: snippet(text, s, e),
      provenance: k.best.provenance,
      reason: k.best.reason,
      confidence: k.best.confidence,
      ...(k.role ? { role: k.role } : {}),
      ...(k.best.sharedInfrastructure ? { sharedInfrastructure: true } : {}),
    });
  }
  out.sort(
    (a, b) =>
      (TYPE_RANK.get(a.type) ?? 99) - (TYPE_RANK.get(b.type) ?? 99) ||
      a.offsets[0][0] - b.offsets[0][0] ||
      (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
  );
  return out;
}

function snippet(text: string, s: number, e: number): string {
  const a = Math.max(0, s - 60);
  const b = Math.min(text.length, e + 60);
  return (a > 0 ? '…' : '') + text.slice(a, b).replace(/\s+/g, ' ').trim() + (b < text.length ? '…' : '');
}
