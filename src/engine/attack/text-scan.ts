// Text preparation for inference: sentence spans, masking of URLs/domains (no technique inside a link),
// threat context and negation. Offsets always refer to the original text.

export interface Sentence {
  start: number;
  end: number;
  /** Masked text of the sentence (same length as the original slice). */
  masked: string;
  /** Original text, whitespace collapsed, for evidence. */
  text: string;
}

// File extensions: a "domain-shaped" token ending in one of these is a file name and stays visible.
const FILE_EXT = new Set(('exe dll sys js jse vbs vbe ps1 psm1 bat cmd com scr hta lnk iso img vhd vhdx zip rar 7z gz tar py sh so elf bin dat tmp txt log ' +
  'doc docx docm xls xlsx xlsm ppt pptx pdf rtf one msi msix jar class apk dmg pkg plist php asp aspx jsp html htm xml json yml yaml ini cfg conf sql db ' +
  'lock pdb inf reg wsf chm cpl ocx drv md').split(' '));

const URL_TOKEN = /\b(?:h[tx]{2}ps?|fxp|ftps?|sftp|wss?)(?:\[?:\]?|\[:\/\/\])\/\/[^\s<>"'`)\]]+|\bwww\d?\.[^\s<>"'`)\]]+/gi;
const DOMAINISH = /(?<![\w@\\/.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.|\[\.\]|\(\.\)))+([a-z]{2,12})(?:\/[^\s<>"'`)\]]*)?(?![\w-])/gi;
const EMAIL = /\b[\w.+-]+(?:@|\[@\]|\[at\])[\w-]+(?:(?:\.|\[\.\])[\w-]+)+/gi;

/** Replaces URLs, e-mail addresses and domain names by spaces (keeping offsets); file names stay. */
export function maskLinks(text: string): string {
  const blank = (s: string): string => ' '.repeat(s.length);
  return text
    .replace(URL_TOKEN, blank)
    .replace(EMAIL, blank)
    .replace(DOMAINISH, (m, tld: string) => (FILE_EXT.has(tld.toLowerCase()) || /^(?:e\.g|i\.e|etc)\b/i.test(m) ? m : blank(m)));
}

/**
 * Sentence spans: every line is its own unit (lists, tables, headings), and lines split at sentence ends.
 * Glued TRAM text ("…Zip file.The victim…") also splits at ".X" when the next word is capitalised.
 */
export function splitSentences(text: string): Sentence[] {
  return scanSentences(text).sentences;
}

const recent: Array<{ text: string; result: { masked: string; sentences: Sentence[] } }> = [];
const RECENT = 4;

/**
 * Sentences plus the whole masked text (offsets equal to the original's), for scanning patterns once. The last few
 * results are kept: inference, kill-chain phases, severity and the summary read the same article one after another.
 */
export function scanSentences(text: string): { masked: string; sentences: Sentence[] } {
  const hit = recent.find((r) => r.text === text);
  if (hit) return hit.result;
  const result = scanSentencesUncached(text);
  recent.unshift({ text, result });
  recent.length = Math.min(recent.length, RECENT);
  return result;
}

function scanSentencesUncached(text: string): { masked: string; sentences: Sentence[] } {
  const masked = maskLinks(text);
  const out: Sentence[] = [];
  const re = /[^\n]+/g;
  for (const line of masked.matchAll(re)) {
    const ls = line.index;
    const boundaries = [0];
    for (const m of line[0].matchAll(/[.!?]["”’)]?(?:\s+|(?=[A-Z][a-z]))(?=["“([]?[A-Z0-9])/g)) {
      const prev = line[0].slice(Math.max(0, m.index - 4), m.index);
      if (/\b(?:e\.g|i\.e|etc|vs|Fig|No|Inc|Ltd|Mr|Dr|St)$/i.test(prev) || /\d$/.test(prev) && /^\.\d/.test(line[0].slice(m.index))) continue;
      boundaries.push(m.index + m[0].length);
    }
    boundaries.push(line[0].length);
    for (let i = 0; i + 1 < boundaries.length; i++) {
      const start = ls + boundaries[i];
      const end = ls + boundaries[i + 1];
      const raw = text.slice(start, end);
      if (!raw.trim()) continue;
      out.push({ start, end, masked: masked.slice(start, end), text: raw.replace(/\s+/g, ' ').trim() });
    }
  }
  return { masked, sentences: out };
}

/** Index of the sentence containing offset `pos` (sentences sorted by start), or -1. */
export function sentenceIndexAt(sentences: Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end <= pos) lo = mid + 1;
    else if (sentences[mid].start > pos) hi = mid - 1;
    else return mid;
  }
  return -1;
}

// Words that show the sentence talks about an attack, not about software in general.
const THREAT = /\b(?:malware|malicious|malspam|attack(?:er|ers)?|threat actors?|actors?|adversar(?:y|ies)|operators?|ransomware|trojan\w*|backdoor\w*|payloads?|implants?|stealers?|loaders?|droppers?|downloaders?|botnets?|bots?|RATs?|C2|C&C|command[- ]and[- ]control|exploit\w*|compromis\w*|infect\w*|victims?|intrusions?|campaigns?|phishing|spear-?phishing|lures?|hackers?|APT\s?\d*|worms?|wipers?|rootkits?|webshells?|web shells?|beacons?|stolen|steal\w*|exfiltrat\w*|persistence|evasion|evade\w*|obfuscat\w*|abus\w*|weaponi[sz]\w*|attacks?|threats?|suspicious|typo-?squat\w*|fake|crypto-?miners?|coinminers?|cybercriminals?|criminals?|espionage|hijack\w*)\b/i;

export function hasThreatWord(s: string): boolean {
  return THREAT.test(s);
}

/** Distinct threat words in the whole text: a tutorial or release note has few. */
export function threatScore(masked: string): number {
  const seen = new Set<string>();
  for (const m of masked.matchAll(new RegExp(THREAT.source, 'gi'))) seen.add(m[0].toLowerCase().replace(/s$/, ''));
  return seen.size;
}

// Negation cue shortly before the match, with no clause break in between.
const NEG_BEFORE = /\b(?:no|not|never|without|neither|nor|cannot|can't|didn't|doesn't|don't|isn't|wasn't|weren't|aren't|haven't|hasn't|hadn't|lacks?|lacked|absence of|rather than|instead of|unlike|ruled out)\b/i;
const CLAUSE_BREAK = /[.;:,!?]|\b(?:but|however|whereas|while|although|though)\b/i;
// "… was not observed", "… has not been seen".
const NEG_AFTER = /^[^.;:!?]{0,40}?\b(?:was|were|is|are|has|have|had)?\s*(?:not|never)\s+(?:been\s+)?(?:observed|seen|used|found|detected|present|identified|employed|leveraged)\b/i;
// Hedged statements: "we suspect", "may have", "possibly".
const HEDGE = /\b(?:suspect(?:ed)?|may have|might|could have|possibly|potentially|likely|unclear|unconfirmed|speculat\w*)\b/i;

/** True when the matched span [s, e) of the sentence is negated. Looks within ~60 characters before, ~40 after. */
export function isNegated(sentence: string, s: number, e: number): boolean {
  const clause = sentence.slice(Math.max(0, s - 60), s).split(CLAUSE_BREAK).pop() ?? '';
  if (NEG_BEFORE.test(clause)) return true;
  return NEG_AFTER.test(sentence.slice(e));
}

export function isHedged(sentence: string): boolean {
  return HEDGE.test(sentence);
}
