// Decisions: is this occurrence presented as malicious? Each rule returns a provenance and a reason, or a
// rejection. Rules read only the occurrence's context (section, line, sentence, neighbours), never a list of
// known article values, so they carry over to articles nobody has seen.
import type { Confidence, IocProvenance } from '../model';
import { BENIGN_DOMAINS, BENIGN_IPS, EXAMPLE_DOMAINS, isSharedInfraIp, SHARED_INFRA_DOMAINS } from './benign-domains';
import { Section } from './context';
import {
  BENIGN_AFTER_RE,
  BENIGN_BEFORE_RE,
  CHECKSUM_RE,
  CITATION_BEFORE_RE,
  CITATION_PATH_RE,
  DIGEST_RE,
  GIT_RE,
  HASH_LABEL_RE,
  MALICIOUS_FILE_RE,
  MALICIOUS_NET_RE,
  MESSAGE_ID_RE,
  PASSWORD_HASH_BEFORE_RE,
  CREDENTIAL_DUMP_RE,
  PATH_ACTION_RE,
  REDACTED_BEFORE_RE,
  VERSION_BEFORE_RE,
  WALLET_CUE_RE,
} from './cues';
import { GENERIC_FILE_NAMES, isSystemBinary, isTechName } from './filenames';
import { extOf, WEAK_EXTS } from '../text/file-extensions';
import type { Cand } from './scan';
import { isExampleHash, type HostInfo } from './validate';

/** Everything a rule may look at for one occurrence. */
export interface Occurrence {
  c: Cand;
  section: Section;
  /** The section was opened by an explicit IOC heading. */
  strongSection: boolean;
  headingText: string;
  /** Verdicts that depend only on the section heading, shared by every value under that heading (see listed). */
  headingVerdicts: Map<string, Verdict>;
  boilerplate: boolean;
  listLike: boolean;
  /** 2 strong defang, 1 weak defang, 0 plain. */
  defang: 0 | 1 | 2;
  line: string;
  /** Text of the line before the value / after it. */
  pre: string;
  post: string;
  /** Text of the sentence before the value (may span wrapped lines) and the whole sentence. */
  preSentence: string;
  sentence: string;
  /** Previous non-blank line. */
  prevLine: string;
  insideUrl: boolean;
  lineHasFileName: boolean;
  /** Facts of the whole line and of the previous non-blank line, computed once per line: one line can hold 40,000 values. */
  lineFacts: LineFacts;
  prevLineFacts: LineFacts;
}

/** What a rule asks of a whole line; the answer is the same for every value on it. */
export interface LineFacts {
  digest: boolean;
  git: boolean;
  checksum: boolean;
  namesDomain: boolean;
  /** First wallet cue word in the line, or ''. */
  walletCue: string;
  fileNameLine: boolean;
  /** The line reads as credential-dumping output or talks about password hashes (NTLM, secretsdump, mimikatz). */
  credentialDump: boolean;
  /** The line names MD5 explicitly. */
  namesMd5: boolean;
}

export function lineFactsOf(line: string): LineFacts {
  return {
    digest: DIGEST_RE.test(line),
    git: GIT_RE.test(line),
    checksum: CHECKSUM_RE.test(line),
    namesDomain: /\bdomains?\b/i.test(line),
    walletCue: cueWord(WALLET_CUE_RE, line),
    fileNameLine: /^\s*(?:[-*•]\s*)?file ?name\s*:/i.test(line),
    credentialDump: CREDENTIAL_DUMP_RE.test(line),
    namesMd5: /\bmd5\b/i.test(line),
  };
}

export interface Verdict {
  provenance: IocProvenance;
  reason: string;
  confidence: Confidence;
  sharedInfrastructure?: boolean;
}

const SHARED_CAVEAT =
  '; shared infrastructure (CDN, cloud, resolver, file-sharing or vendor service): blocking it also hits legitimate traffic';

function shared(v: Verdict): Verdict {
  return { ...v, reason: v.reason + SHARED_CAVEAT, confidence: 'low', sharedInfrastructure: true };
}

function isSharedHost(h: HostInfo): boolean {
  return !h.underPrivateSuffix && (SHARED_INFRA_DOMAINS.has(h.icannDomain) || SHARED_INFRA_DOMAINS.has(h.host));
}

export interface Publisher {
  domains: Set<string>;
  /** The article's own URL without scheme and trailing slash, lower-cased. */
  articleUrl?: string;
}

const HIGH: Confidence = 'high';

/**
 * A value listed under its section heading: the verdict depends only on the heading, the wording and `what`, so it
 * is built once per heading and shared (an IOC appendix can hold thousands of values).
 */
function listed(o: Occurrence, wording: Wording, what: string): Verdict {
  const key = wording + what;
  let v = o.headingVerdicts.get(key);
  if (!v) {
    const ioc = wording === Wording.UnderHeading;
    const head = o.headingText;
    const h = !head ? '' : ioc ? ` "${head.slice(0, 60)}"` : ` labelled "${head.slice(0, 40)}"`;
    const reason = ioc ? `${what} listed under the IOC heading${h}` : wording === Wording.InList ? `${what} in an indicator list/table${h}` : `${what} in an indicator table${h}`;
    v = { provenance: ioc ? 'ioc-section' : 'ioc-table', reason, confidence: HIGH };
    o.headingVerdicts.set(key, v);
  }
  return v;
}

const enum Wording {
  UnderHeading = 'h',
  InList = 'l',
  InTable = 't',
}

function sectionVerdict(o: Occurrence, what: string): Verdict | null {
  if (o.section === Section.Ioc && o.listLike) return listed(o, Wording.UnderHeading, what);
  if (o.section === Section.IocTable && o.listLike) return listed(o, Wording.InList, what);
  return null;
}

function cueWord(re: RegExp, s: string): string {
  return re.exec(s)?.[0] ?? '';
}

export function isPlatformHost(h: HostInfo): boolean {
  if (h.underPrivateSuffix) return false; // x.blob.core.windows.net, x.duckdns.org: user-controlled names
  return BENIGN_DOMAINS.has(h.icannDomain) || BENIGN_DOMAINS.has(h.host);
}

function isPublisherHost(h: HostInfo, pub: Publisher): boolean {
  return pub.domains.has(h.ownerDomain) || pub.domains.has(h.icannDomain) || pub.domains.has(h.host);
}

function isCitationLink(o: Occurrence): boolean {
  return /\]\($/.test(o.pre) || /<a\s[^>]*href=["']?$/i.test(o.pre) || (o.pre.endsWith('<') && o.post.startsWith('>'));
}

/** Runs of white space as one space; a string that has none but single spaces is returned as is, not rebuilt. */
function oneLine(s: string): string {
  return NOT_ONE_LINE_RE.test(s) ? s.replace(/\s+/g, ' ') : s;
}
const NOT_ONE_LINE_RE = /[^\S ]| {2}/;

/** ipv4, ipv6, domain, url, email. */
export function decideNetwork(o: Occurrence, pub: Publisher): Verdict | null {
  const c = o.c;
  if (o.section === Section.Refs || o.section === Section.Checksums) return null;
  const host = c.host;
  const ip = c.type === 'ipv4' ? c.value : c.hostIp;
  if (host) {
    if (isPublisherHost(host, pub)) return null;
    if (EXAMPLE_DOMAINS.has(host.icannDomain) || host.host.startsWith('example.')) return null;
    if (isPlatformHost(host) && c.type !== 'url' && c.type !== 'email') {
      // A shared service the article still lists with its indicators is kept, flagged; any other platform is not.
      const listed = isSharedHost(host) && !o.boilerplate ? sectionVerdict(o, c.type === 'domain' ? 'Domain' : 'IP address') : null;
      return listed ? shared(listed) : null;
    }
  }
  if (ip && BENIGN_IPS.has(ip)) {
    const listed = c.type === 'ipv4' && !o.boilerplate ? sectionVerdict(o, 'IP address') : null;
    return listed ? shared(listed) : null;
  }
  if (c.type === 'url' && pub.articleUrl && stripUrl(c.value) === pub.articleUrl) return null;
  if (REDACTED_BEFORE_RE.test(o.pre)) return null;
  if (BENIGN_BEFORE_RE.test(o.pre) || BENIGN_AFTER_RE.test(o.post)) return null;
  if (c.type === 'email') {
    const local = c.value.slice(0, c.value.lastIndexOf('@'));
    if (MESSAGE_ID_RE.test(o.pre) || /^[0-9a-f]{20,}$/.test(local)) return null;
    if (/^(?:user|username|name|someone|john\.?doe|jane\.?doe|admin|you|your\.?name|email|me)$/.test(local) && o.defang < 2) return null;
  }
  if (c.type === 'ipv4' && o.defang < 2 && (VERSION_BEFORE_RE.test(o.pre) || /^\.\d/.test(o.post))) return null;
  if (o.boilerplate && o.defang < 2) return null;
  // A domain with a file-extension TLD (.zip, .py) is a file unless the author defanged it or listed it as a domain.
  if (c.type === 'domain' && c.extTld && o.defang < 2 && !o.prevLineFacts.namesDomain && !/\bdomains?\b/i.test(o.pre)) return null;
  if (c.type === 'url' && c.schemeless && !(o.listLike && (o.section === Section.Ioc || o.section === Section.IocTable)) && o.defang < 2) {
    return null;
  }
  const what = c.type === 'url' ? 'URL' : c.type === 'email' ? 'E-mail address' : c.type === 'domain' ? 'Domain' : 'IP address';
  let v = sectionVerdict(o, what);
  if (v && o.defang === 0 && c.type === 'url' && CITATION_BEFORE_RE.test(oneLine(o.preSentence))) return null;
  if (!v && o.defang === 2) {
    v = { provenance: 'defanged', reason: `${what} written defanged by the author`, confidence: HIGH };
  }
  if (!v) {
    if (o.defang === 1) return null; // " dot " is also ordinary prose
    if (isCitationLink(o)) return null;
    if ((c.type === 'url' || c.type === 'domain') && CITATION_BEFORE_RE.test(oneLine(o.preSentence))) return null;
    const cue = cueWord(MALICIOUS_NET_RE, o.sentence);
    if (!cue) return null;
    const near = MALICIOUS_NET_RE.test(o.pre.slice(-40));
    v = near
      ? { provenance: 'labelled', reason: `${what} labelled "${cue}" in the same line`, confidence: 'medium' }
      : { provenance: 'narrative', reason: `${what} in a sentence about "${cue}"`, confidence: 'low' };
  }
  if (c.type === 'ipv4' && isSharedInfraIp(c.value)) return shared(v);
  // Legitimate platforms: only a URL with a real, non-citation path can be the indicator.
  if (host && isPlatformHost(host) && c.type === 'url') {
    if (c.pathless || CITATION_PATH_RE.test(c.value)) return null;
    if (v.provenance === 'narrative') return null;
    v = { ...v, reason: `${v.reason}; the host is a legitimate platform, so the URL (not the host) is the indicator`, confidence: 'medium' };
  }
  return v;
}

export function stripUrl(u: string): string {
  return u.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/+$/, '').toLowerCase();
}

/** md5, sha1, sha256, sha512. */
export function decideHash(o: Occurrence): Verdict | null {
  const c = o.c;
  if (o.section === Section.Refs || o.section === Section.Checksums) return null;
  if (isExampleHash(c.value)) return null;
  if (c.type === 'md5' && isPasswordHash(o)) return null;
  const inIoc = o.section === Section.Ioc;
  if (inIoc && o.listLike) return listed(o, Wording.UnderHeading, c.type.toUpperCase());
  if (o.insideUrl) return null;
  // Docker/OCI digests: "sha256:<hex>" glued, "@sha256:", "Digest:" lines.
  if (/sha-?\d{1,3}:$/.test(o.pre) && !inIoc) return null;
  if (o.lineFacts.digest && !inIoc) return null;
  if (o.lineFacts.git && !(inIoc && o.listLike)) return null;
  if (!inIoc && (o.lineFacts.checksum || o.prevLineFacts.checksum)) return null;
  if (/\b(?:example|e\.g\.|placeholder|dummy|sample output)\b/i.test(o.pre)) return null;
  const label = c.type.toUpperCase();
  if (inIoc) return listed(o, Wording.UnderHeading, label);
  if (o.section === Section.IocTable) return listed(o, Wording.InTable, label);
  const near = o.pre.slice(-40);
  if (HASH_LABEL_RE.test(near) || (o.pre.trim() === '' && o.prevLine.length <= 40 && HASH_LABEL_RE.test(o.prevLine))) {
    return { provenance: 'labelled', reason: `${label} next to the label "${cueWord(HASH_LABEL_RE, near || o.prevLine)}"`, confidence: HIGH };
  }
  const cue = cueWord(MALICIOUS_FILE_RE, o.sentence);
  if (cue) return { provenance: 'narrative', reason: `${label} in a sentence about "${cue}"`, confidence: 'medium' };
  if (o.lineHasFileName) return { provenance: 'labelled', reason: `${label} next to a file name`, confidence: 'medium' };
  return null;
}

/** An NTLM/LM password hash (labelled so, or on a credential-dumping line that neither names MD5 nor a file). */
function isPasswordHash(o: Occurrence): boolean {
  if (PASSWORD_HASH_BEFORE_RE.test(o.pre.slice(-40).trimEnd())) return true;
  return o.lineFacts.credentialDump && !o.lineFacts.namesMd5 && !o.lineHasFileName;
}

export function decideCve(o: Occurrence): Verdict | null {
  if (o.insideUrl) return null;
  if (o.section === Section.Ioc) return { provenance: 'ioc-section', reason: 'CVE ID listed with the indicators', confidence: HIGH };
  return { provenance: 'narrative', reason: 'CVE ID named in the text', confidence: HIGH };
}

const FILE_LABEL_BEFORE_RE =
  /\b(?:file ?names?|named|called|saved as|renamed(?: (?:to|as))?|dropped as|disguised as|masquerad\w+ as|copied as|self-cop\w+[^.]{0,40}|payload|file)\s*(?:[:"'“‘(]\s*)?$/i;

export function decideFileName(o: Occurrence): Verdict | null {
  const c = o.c;
  if (o.insideUrl) return null;
  if (o.section === Section.Refs || o.section === Section.Checksums) return null;
  const prevCh = o.pre.slice(-1);
  if (prevCh === '/' || prevCh === '\\' || prevCh === '%' || prevCh === '.' || prevCh === '@') return null;
  const name = c.value;
  const lower = name.toLowerCase();
  const ext = extOf(name);
  if (isSystemBinary(name) || isTechName(name) || GENERIC_FILE_NAMES.has(lower) || ext === 'pdb') return null;
  if (/^v?\d+(?:\.\d+)*\.[a-z]+$/i.test(name) && !/^\d{4,}\.[a-z0-9]+$/i.test(name)) return null; // "1.2.js" version-ish
  if (BENIGN_BEFORE_RE.test(o.pre) || BENIGN_AFTER_RE.test(o.post)) return null;
  if (o.boilerplate) return null;
  // "…is recommended.ISO image files…": a sentence glued to the next one, not a file.
  if (/^[A-Z]{2,5}$/.test(ext.toUpperCase()) && /[a-z]/.test(name.slice(0, -ext.length)) && name.endsWith(ext.toUpperCase()) && /^\s+[a-z]/.test(o.post)) {
    return null;
  }
  const v = sectionVerdict(o, 'File name');
  if (v) return v.provenance === 'ioc-section' || v.provenance === 'ioc-table' ? v : null;
  if (WEAK_EXTS.has(ext)) return null;
  if (FILE_LABEL_BEFORE_RE.test(o.pre.slice(-60)) && MALICIOUS_FILE_RE.test(o.sentence + ' ' + o.headingText)) {
    return { provenance: 'labelled', reason: 'File name introduced as the attacker’s file', confidence: 'medium' };
  }
  if (o.lineFacts.fileNameLine) {
    return { provenance: 'labelled', reason: 'File name on a "File name:" line', confidence: 'medium' };
  }
  const cue = cueWord(MALICIOUS_FILE_RE, o.sentence);
  if (cue) return { provenance: 'narrative', reason: `File name in a sentence about "${cue}"`, confidence: 'low' };
  return null;
}

const GENERIC_PATHS_RE =
  /^(?:[a-z]:\\(?:programdata|temp|tmp|windows|users|program files(?: \(x86\))?|windows\\(?:system32|syswow64|temp)|users\\public|perflogs)\\?|%[a-z_]+%\\?|\/(?:tmp|var\/tmp|dev\/shm|etc|usr|bin|home|root|opt)\/?|\/dev\/null|\/dev\/(?:tcp|udp)\/.*|\/etc\/(?:passwd|shadow|hosts|crontab|sudoers|group|resolv\.conf)|\/usr\/bin\/(?:env|python3?|perl|bash|sh)|\/bin\/(?:sh|bash|zsh|ls|cat)|\/proc\/self\/.*)$/i;
const BUILD_PATH_RE = /\.pdb$|\\(?:obj|bin)\\(?:debug|release)\\|\\source\\repos\\|windows kits|visual studio|\\projects\\|\\src\\|\/src\//i;
const SYSTEM_DIR_RE = /\\windows\\(?:system32|syswow64)\\|%systemroot%|%windir%/i;

export function decideFilePath(o: Occurrence): Verdict | null {
  const c = o.c;
  if (o.section === Section.Refs || o.section === Section.Checksums) return null;
  const p = c.value;
  if (GENERIC_PATHS_RE.test(p) || BUILD_PATH_RE.test(p)) return null;
  const base = p.split(/[\\/]/).pop() ?? '';
  if (SYSTEM_DIR_RE.test(p) && (isSystemBinary(base) || !/\./.test(base))) return null;
  const depth = p.split(/[\\/]/).filter((s) => s.length > 0).length;
  const hasFile = /\.[A-Z0-9]{1,5}$/i.test(base);
  if (depth < 3 && !hasFile) return null;
  if (o.boilerplate) return null;
  if (o.section === Section.Ioc || o.section === Section.IocTable) {
    return { provenance: 'ioc-section', reason: 'Path listed with the indicators', confidence: HIGH };
  }
  if (/\b(?:location|path|dropped|written|created|copied|saved)\s*(?:(?:to|in|at)\s*)?(?::\s*)?$/i.test(o.pre)) {
    if (MALICIOUS_FILE_RE.test(o.sentence + ' ' + o.headingText) || PATH_ACTION_RE.test(o.pre)) {
      return { provenance: 'labelled', reason: 'Path labelled as the file’s location', confidence: 'medium' };
    }
  }
  const cue = cueWord(MALICIOUS_FILE_RE, o.sentence);
  if (cue && PATH_ACTION_RE.test(o.sentence)) {
    return { provenance: 'narrative', reason: `Path the attacker's file uses ("${cue}")`, confidence: 'low' };
  }
  return null;
}

const GENERIC_REG_LAST = new Set([
  'run', 'runonce', 'winlogon', 'services', 'currentversion', 'policies', 'software', 'system', 'shell folders',
  'user shell folders', 'image file execution options', 'explorer', 'microsoft', 'windows', 'windows nt',
  'currentcontrolset', 'control', 'classes', 'environment',
]);

export function decideRegistry(o: Occurrence): Verdict | null {
  if (o.section === Section.Refs || o.section === Section.Checksums) return null;
  const segs = o.c.value.split('\\').filter((s) => s.length > 0);
  if (segs.length < 3) return null;
  const last = segs[segs.length - 1].toLowerCase();
  const generic = GENERIC_REG_LAST.has(last);
  if ((o.section === Section.Ioc || o.section === Section.IocTable) && !generic) {
    return { provenance: 'ioc-section', reason: 'Registry key listed with the indicators', confidence: HIGH };
  }
  if (generic) return null;
  const cue = cueWord(MALICIOUS_FILE_RE, o.sentence);
  if (cue && PATH_ACTION_RE.test(o.sentence)) {
    return { provenance: 'narrative', reason: `Registry key the malware creates or sets ("${cue}")`, confidence: 'low' };
  }
  return null;
}

export function decideWallet(o: Occurrence): Verdict | null {
  if (o.section === Section.Refs) return null;
  if (o.section === Section.Ioc && o.listLike) return { provenance: 'ioc-section', reason: 'Wallet listed with the indicators', confidence: HIGH };
  const cue = cueWord(WALLET_CUE_RE, o.sentence) || o.prevLineFacts.walletCue;
  if (!cue) return null;
  return { provenance: 'labelled', reason: `Wallet address in a sentence about "${cue}"`, confidence: 'medium' };
}
