// Threat vocabulary: whether a sentence talks about an attack rather than about software in general.

/** One threat word (case-insensitive, not global): exported for phrase rules that need the threat named in the same sentence. */
export const THREAT_WORD = /\b(?:malware|malicious|malspam|attack(?:s|er|ers)?|threat actors?|actors?|adversar(?:y|ies)|operators?|ransomware|trojan\w*|backdoor\w*|payloads?|implants?|loaders?|droppers?|downloaders?|botnets?|bots?|RATs?|C2|C&C|command[- ]and[- ]control|exploit\w*|compromis\w*|infect\w*|victims?|intrusions?|campaigns?|phishing|spear-?phishing|lures?|hackers?|APT\s?\d*|worms?|wipers?|rootkits?|spyware|webshells?|web shells?|beacons?|stolen|steal\w*|exfiltrat\w*|persistence|evasion|evade\w*|obfuscat\w*|abus\w*|weaponi[sz]\w*|threats?|suspicious|typo-?squat\w*|fake|crypto-?miners?|coinminers?|cybercriminals?|criminals?|espionage|hijack\w*)\b/i;

export function hasThreatWord(s: string): boolean {
  return THREAT_WORD.test(s);
}

const THREAT_WORDS = new RegExp(THREAT_WORD.source, 'gi');

/**
 * Distinct threat words in the whole text (one string, or its sentences), counted up to `cap`: a tutorial or release
 * note has few. Callers compare with a small threshold, so the count stops there instead of reading the whole text.
 */
export function threatScore(masked: string | readonly string[], cap = Infinity): number {
  const seen = new Set<string>();
  for (const part of typeof masked === 'string' ? [masked] : masked) {
    THREAT_WORDS.lastIndex = 0;
    for (let m = THREAT_WORDS.exec(part); m; m = THREAT_WORDS.exec(part)) {
      seen.add(m[0].toLowerCase().replace(/s$/, ''));
      if (seen.size >= cap) return cap;
    }
  }
  return seen.size;
}

const bySentences = new WeakMap<readonly { masked: string }[], Uint8Array>();

/**
 * For each sentence, whether it holds a threat word (1) or not (0); kept per sentence list, since inference and
 * the kill-chain phases read the same split.
 */
export function threatSentences(sentences: readonly { masked: string }[]): Uint8Array {
  let out = bySentences.get(sentences);
  if (!out) {
    out = new Uint8Array(sentences.length);
    for (let i = 0; i < sentences.length; i++) out[i] = hasThreatWord(sentences[i].masked) ? 1 : 0;
    bySentences.set(sentences, out);
  }
  return out;
}
