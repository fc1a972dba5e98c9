// Severity from real factors. Each factor that applies is listed in "Why this matters" with its weight, so the
// rating can be checked by a reader. Words are matched with boundaries: "rce" is not in "source", "apt" not in "laptop".
import { Ioc, PhaseHit, Severity, SeverityFactor, TechniqueHit } from '../model';
import { isNegated } from '../text/negation';
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
const RANSOMWARE = [/\bransomware\b/i, /\bwiper\b/i];
const MALICIOUS_CODE = [
  /\bmalicious\s+(?:package|packages|code|version|versions|dependency|update|library)\b/i,
  /\bsupply[- ]chain\s+(?:attack|compromise)\b/i,
  /\bbackdoor(?:ed)?\s+(?:package|version|library|dependency)\b/i,
  /\bprotestware\b/i,
];
// Malware the article itself describes (whatever its name): with published IOCs it is an active threat to hunt.
const MALWARE_WORDS = [
  /\b(?:backdoor|ransomware|trojan|loader|downloader|dropper|(?:info)?stealer|botnet|wiper|implant|web ?shell|keylogger|spyware|rootkit|worm|RAT|remote access trojan|cryptominer|coinminer)s?\b/,
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

/** The first sentence that affirms any of the patterns (not negated: "is not being actively exploited"), clipped. */
function firstAffirming(sentences: Sentence[], patterns: RegExp[]): string | undefined {
  for (const s of sentences) {
    for (const p of patterns) {
      const m = p.exec(s.text);
      if (m && !isNegated(s.text, m.index, m.index + m[0].length)) {
        return s.text.length > MAX_QUOTE ? s.text.slice(0, MAX_QUOTE - 1) + '…' : s.text;
      }
    }
  }
  return undefined;
}

export function rateSeverity(input: SeverityInput): { severity: Severity; factors: SeverityFactor[] } {
  const { text } = input;
  // Split once; every factor below reads the same sentences.
  const sentences = [...splitSentences(input.title ?? ''), ...splitSentences(text)];
  const quote = (patterns: RegExp[]) => firstAffirming(sentences, patterns);
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
  const severity = THRESHOLDS.find(([, min]) => score >= min)?.[0] ?? 'LOW';
  if (!factors.length) {
    factors.push({ id: 'no-threat-factors', weight: 0, text: 'No indicators, attacker techniques, exploitation or named threats were found: informational.' });
  }
  return { severity, factors };
}
