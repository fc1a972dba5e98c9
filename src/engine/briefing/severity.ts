// Severity from real factors. Each factor that applies is listed in "Why this matters" with its weight, so the
// rating can be checked by a reader. Words are matched with boundaries: "rce" is not in "source", "apt" not in "laptop".
import { Ioc, PhaseHit, Severity, SEVERITIES, SeverityFactor, TechniqueHit } from '../model';
import { isBoilerplateSentence } from '../text/boilerplate';
import { isNegated } from '../text/negation';
import { JoinedSentences, nextSentenceMatching, searchable, searchInText } from '../text/sentence-search';
import { Sentence, splitSentences } from '../text/sentences';

export interface SeverityInput {
  /** The article's title; read with the text. */
  title?: string;
  text: string;
  iocs: Ioc[];
  techniques: TechniqueHit[];
  phases: PhaseHit[];
  actors: string[];
  malware: string[];
}

const THRESHOLDS: Array<[Severity, number]> = [
  ['CRIT', 7],
  ['HIGH', 4.5],
  ['MED', 2],
];

const EXPLOITED = [
  /\b(?:actively|being|been|widely|in-the-wild)\s+exploited\b/i,
  /\bexploited\s+in\s+the\s+wild\b/i,
  /\bexploitation\s+in\s+the\s+wild\b/i,
  /\bactive(?:ly)?\s+exploit(?:ation|ed|ing)\b/i,
  /\bexploits?\s+(?:are|is|were|was)\s+(?:\w+,?\s+){0,3}in[- ]the[- ]wild\b/i,
  /\bunder\s+active\s+exploitation\b/i,
  // A CVE put on CISA's KEV list; the bare phrase is usually advice ("prioritize known exploited vulnerabilities").
  /\b(?:added|adds|adding|listed|included)\b[^.]{1,80}\b(?:known\s+exploited\s+vulnerabilities|KEV)\b/i,
  // eslint-disable-next-line regexp/no-dupe-disjunctions -- the matched words are quoted as evidence: 'exploitation' is kept whole
  /\bzero[- ]day\s+(?:attack|exploit|exploitation|vulnerabilit)/i,
];
// Each pattern states the fact, not just the word: "ransomware" in a list of what a toolkit could build does not say
// ransomware was used here; "malicious code" injected into a process is not a poisoned package.
const RANSOMWARE = [
  /\b(?:deploy\w*|execut\w*|launch\w*|drop\w*|spread\w*|install\w*|detonat\w*|push\w*|distribut\w*)\b.{1,60}\b(?:ransomware|wiper)s?\b/i,
  /\b(?:ransomware|wiper)\b.{1,60}\b(?:encrypt(?:s|ed|ing)|wipe[sd]?|wiping|destroy\w*|overwr\w*|was (?:deployed|executed|launched)|infect\w*|hit|crippl\w*|demand\w*)\b/i,
  /\bransom (?:notes?|demands?|payments?)\b/i,
  /\b(?:files|data|systems|servers|hosts|networks?) (?:\w+ ){0,3}(?:were|was|are|got) (?:\w+ ){0,2}(?:encrypted|wiped|destroyed)\b/i,
];
const MALICIOUS_CODE = [
  /\bmalicious\s+(?:package|packages|version|versions|dependency|dependencies|update|updates|library|libraries|release|releases|module|modules|extension|extensions)\b/i,
  /\bsupply[- ]chain\s+(?:attack|compromise)\b/i,
  /\bbackdoor(?:ed)?\s+(?:package|version|library|dependency|release|update)\b/i,
  /\bprotestware\b/i,
  /(?<!non-)\bmalicious code\b.{1,80}\b(?:package|npm|PyPI|RubyGems|crate|NuGet|maintainer|dependency|release|version \d|update|installer)\b/i,
  /\b(?:package|npm|PyPI|maintainer|dependency|release|installer)\b.{1,80}(?<!non-)\bmalicious code\b/i,
];
// Malware the article itself describes acting (whatever its name): with published IOCs it is an active threat to hunt.
const MALWARE_CLASS = String.raw`(?:backdoor|ransomware|trojan|loader|downloader|dropper|(?:info)?stealer|botnet|wiper|implant|web ?shell|keylogger|spyware|rootkit|worm|RAT|remote access trojan|cryptominer|coinminer|malware|payload)s?`;
const MALWARE_WORDS = [
  new RegExp(String.raw`\b${MALWARE_CLASS}\b.{1,80}\b(?:uses|used|connects?|drops?|dropped|downloads?|steals?|stole|executes?|installs?|communicates?|targets?|targeted|encrypts?|spreads?|loads?|injects?|collects?|exfiltrates?|beacons?|contacts?|persists?|(?:is|was|were) (?:delivered|deployed|installed|dropped|executed|distributed|hosted))\b`),
  new RegExp(String.raw`\b(?:deploy\w*|drop\w*|install\w*|deliver\w*|execut\w*|load\w*|distribut\w*|host\w*)\b.{1,40}\b${MALWARE_CLASS}\b`),
];
const BREACH = [/\bdata\s+breach\b/i, /\b(?:records|customers|users)\s+(?:were\s+)?(?:exposed|stolen|leaked)\b/i];
// A score, not a vector: \"CVSS:3.1/AV:N…\" names the version, so a number followed by '/' is skipped.
const CVSS_SCORE = /\bCVSS(?:\s*v?[234](?:\.\d)?)?(?:\s+(?:base\s+)?score)?\s*(?:(?:of|:|=|is)\s*)?(\d{1,2}\.\d)\b(?![\d/])/gi;
const SEVERITY_WORD = /\b(?:severity\s*(?:(?::|of)\s*)?(critical|high)|(critical|high)[- ]severity)\b/i;

/** Highest CVSS base score the article states, if any. */
export function statedCvss(text: string): number | undefined {
  let best: number | undefined;
  for (const m of text.matchAll(CVSS_SCORE)) {
    const v = Number(m[1]);
    if (v >= 0 && v <= 10 && (best === undefined || v > best)) best = v;
  }
  return best;
}

const MAX_QUOTE = 400;
const RCE = /\b(?:remote code execution|RCE|arbitrary code execution|execute arbitrary (?:code|commands))\b/i;
// How an article presents itself as teaching: in its title or its first paragraphs.
const EDUCATIONAL = /\b(?:how to|tutorial|walk-?through|step[- ]by[- ]step|beginner['’]?s guide|a guide to|introduction to|what is an?|explained|explainer|primer|cheat ?sheet|hands-on lab|workshop|course|lesson|let['’]s (?:analy[sz]e|reverse|look at)|in this (?:post|article|blog|tutorial|series),? (?:we|I) (?:will |['’]ll )?(?:show|explain|walk|look|learn|cover|teach|demonstrate))\b/i;
// Words that say something happened to someone: an incident report, not a lesson.
const INCIDENT = /\b(?:victims?|in the wild|campaign|breach(?:ed)?|intrusions?|incident response|we (?:observed|detected|identified|discovered)|(?:actively|widely) exploited|compromised (?:organi[sz]ations|hosts|servers|networks|systems))\b/i;
const rank = (s: Severity) => SEVERITIES.indexOf(s);

/** Whether sentence `s` affirms one of the patterns: its quote, null when it does not. */
function affirms(s: Sentence, patterns: RegExp[], used: Set<Sentence>, boilerplate: Map<Sentence, boolean>): string | null {
  if (used.has(s)) return null;
  for (const p of patterns) {
    const m = p.exec(s.text);
    if (!m || isNegated(s.text, m.index, m.index + m[0].length)) continue;
    // Boilerplate is judged only where a factor matched (most sentences match none), once per sentence.
    let b = boilerplate.get(s);
    if (b === undefined) boilerplate.set(s, (b = isBoilerplateSentence(s.text)));
    if (b) return null;
    used.add(s);
    return s.text.length > MAX_QUOTE ? s.text.slice(0, MAX_QUOTE - 1) + '…' : s.text;
  }
  return null;
}

/**
 * Where the factors' patterns are searched: the article's own text, whose sentences (`first` on in the sentence list)
 * start at `text.starts`. A sentence whose collapsed text is not a verbatim slice of the article (runs of white
 * space, tabs) and the title's sentences are in `always`: tried whatever the search says.
 */
interface SearchDoc {
  text: JoinedSentences;
  first: number;
  always: number[];
}

/**
 * The first sentence that affirms any of the patterns (not negated: "is not being actively exploited"), clipped, and
 * not already quoted for another factor: one quote proves one factor. Only sentences where some pattern matches are
 * judged, walked in order through each pattern's native search over the article (sentence-search.ts), stopping at
 * the first that affirms.
 */
function firstAffirming(sentences: Sentence[], patterns: RegExp[], used: Set<Sentence>, boilerplate: Map<Sentence, boolean>, doc: SearchDoc): string | undefined {
  if (!patterns.every(searchable)) {
    for (const s of sentences) {
      const q = affirms(s, patterns, used, boilerplate);
      if (q !== null) return q;
    }
    return undefined;
  }
  const found = (k: number, from: number): number => {
    const i = nextSentenceMatching(doc.text, patterns[k], from - doc.first);
    return i < 0 ? -1 : i + doc.first;
  };
  const next = patterns.map((_, k) => found(k, doc.first));
  let a = 0;
  for (;;) {
    let i = a < doc.always.length ? doc.always[a] : -1;
    for (const k of next) if (k >= 0 && (i < 0 || k < i)) i = k;
    if (i < 0) return undefined;
    const q = affirms(sentences[i], patterns, used, boilerplate);
    if (q !== null) return q;
    if (doc.always[a] === i) a++;
    for (let k = 0; k < next.length; k++) if (next[k] === i) next[k] = found(k, i + 1);
  }
}

export function rateSeverity(input: SeverityInput): { severity: Severity; factors: SeverityFactor[] } {
  const { text } = input;
  // Split once; every factor below reads the same sentences.
  const head = splitSentences(input.title ?? '');
  const own = splitSentences(text);
  const sentences = [...head, ...own];
  const used = new Set<Sentence>();
  const boilerplate = new Map<Sentence, boolean>();
  const inText = searchInText(text, own);
  const doc: SearchDoc = { text: inText.joined, first: head.length, always: [...head.keys(), ...inText.always.map((i) => i + head.length)] };
  const quote = (patterns: RegExp[]) => firstAffirming(sentences, patterns, used, boilerplate, doc);
  const factors: SeverityFactor[] = [];
  const add = (id: string, weight: number, textOut: string) => factors.push({ id, weight, text: textOut });

  const exploited = quote(EXPLOITED);
  if (exploited) add('exploited-in-the-wild', 3, `Exploitation in the wild is reported: “${exploited}”`);

  const cvss = statedCvss(text);
  const sevWord = SEVERITY_WORD.exec(text);
  const sevLevel = (sevWord?.[1] ?? sevWord?.[2])?.toLowerCase();
  if ((cvss !== undefined && cvss >= 9) || (cvss === undefined && sevLevel === 'critical')) {
    add('critical-severity', 3, cvss !== undefined ? `A CVSS score of ${cvss} is stated.` : 'The source rates the issue critical.');
  } else if ((cvss !== undefined && cvss >= 7) || (cvss === undefined && sevLevel === 'high')) {
    add('high-severity', 2, cvss !== undefined ? `A CVSS score of ${cvss} is stated.` : 'The source rates the issue high severity.');
  }

  const ransom = quote(RANSOMWARE);
  const impact = input.techniques.filter((t) => ['T1486', 'T1485', 'T1490', 'T1561'].includes(t.id.slice(0, 5)));
  if (ransom || impact.length) {
    add('destructive-impact', 2, impact.length
      ? `Destructive impact: ${impact.map((t) => `${t.id} ${t.name}`).join(', ')}.`
      : `Ransomware or destructive malware is involved: “${ransom}”`);
  }

  const malCode = quote(MALICIOUS_CODE);
  if (malCode) add('malicious-code', 2, `Malicious code reached a distributed package or update: “${malCode}”`);

  if (input.actors.length) add('named-actor', 2, `Named threat actor: ${input.actors.join(', ')}.`);
  if (input.malware.length) add('named-malware', 1, `Named malware or tool: ${input.malware.join(', ')}.`);

  const threatIocs = input.iocs.filter((i) => i.type !== 'cve');
  if (threatIocs.length >= 10) add('many-iocs', 3, `${threatIocs.length} high-fidelity indicators of compromise are published.`);
  else if (threatIocs.length) add('iocs', 2, `${threatIocs.length} high-fidelity indicator(s) of compromise are published.`);

  const malwareSentence = threatIocs.length ? quote(MALWARE_WORDS) : undefined;
  if (malwareSentence) add('malware-with-iocs', 1.5, `Malware is described and its indicators are published: “${malwareSentence}”`);

  const cves = input.iocs.filter((i) => i.type === 'cve');
  if (cves.length) add('cves', 1, `Vulnerabilities named: ${cves.slice(0, 6).map((c) => c.value).join(', ')}${cves.length > 6 ? '…' : ''}.`);

  if (input.techniques.length >= 8) add('many-techniques', 1.5, `${input.techniques.length} MITRE ATT&CK® techniques are described.`);
  else if (input.techniques.length >= 3) add('techniques', 1, `${input.techniques.length} MITRE ATT&CK® techniques are described.`);

  if (input.phases.length >= 3) add('kill-chain', 1, `Activity spans ${input.phases.length} kill-chain phases (${input.phases.map((p) => p.phase).join(', ')}).`);

  const breach = quote(BREACH);
  if (breach) add('data-breach', 1, `Data exposure is reported: “${breach}”`);

  const score = factors.reduce((s, f) => s + f.weight, 0);
  let severity: Severity = THRESHOLDS.find(([, min]) => score >= min)?.[0] ?? 'LOW';
  // A critical remote-code-execution advisory is at least HIGH, whatever else the page says.
  const criticalRce = factors.some((f) => f.id === 'critical-severity') && RCE.test(text);
  if (criticalRce && rank(severity) < rank('HIGH')) {
    severity = 'HIGH';
    factors.push({ id: 'critical-rce-floor', weight: 0, text: 'A critical remote-code-execution flaw is at least HIGH.' });
  }
  // Tutorials, explainers and research about a class of attacks teach; they report no incident to act on.
  const teaching = !criticalRce && !factors.some((f) => f.id === 'exploited-in-the-wild' || f.id === 'named-actor') && EDUCATIONAL.test(`${input.title ?? ''}\n${text.slice(0, 1500)}`)
    && !INCIDENT.test(`${input.title ?? ''}\n${text.slice(0, 3000)}`);
  if (teaching && severity !== 'LOW') {
    severity = 'LOW';
    factors.push({ id: 'educational', weight: 0, text: 'The article teaches or explains a technique (a tutorial, explainer or research post) and reports no incident: informational.' });
  }
  if (!factors.length) {
    factors.push({ id: 'no-threat-factors', weight: 0, text: 'No indicators, attacker techniques, exploitation or named threats were found: informational.' });
  }
  return { severity, factors };
}
