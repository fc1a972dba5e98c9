// Threat vocabulary: whether a sentence talks about an attack rather than about software in general.

/** One threat word (case-insensitive, not global): exported for phrase rules that need the threat named in the same sentence. */
export const THREAT_WORD = /\b(?:malware|malicious|malspam|attack(?:s|er|ers)?|threat actors?|actors?|adversar(?:y|ies)|operators?|ransomware|trojan\w*|backdoor\w*|payloads?|implants?|loaders?|droppers?|downloaders?|botnets?|bots?|RATs?|C2|C&C|command[- ]and[- ]control|exploit\w*|compromis\w*|infect\w*|victims?|intrusions?|campaigns?|phishing|spear-?phishing|lures?|hackers?|APT\s?\d*|worms?|wipers?|rootkits?|spyware|webshells?|web shells?|beacons?|stolen|steal\w*|exfiltrat\w*|persistence|evasion|evade\w*|obfuscat\w*|abus\w*|weaponi[sz]\w*|threats?|suspicious|typo-?squat\w*|fake|crypto-?miners?|coinminers?|cybercriminals?|criminals?|espionage|hijack\w*)\b/i;

export function hasThreatWord(s: string): boolean {
  return THREAT_WORD.test(s);
}

/** Distinct threat words in the whole text: a tutorial or release note has few. */
export function threatScore(masked: string): number {
  const seen = new Set<string>();
  for (const m of masked.matchAll(new RegExp(THREAT_WORD.source, 'gi'))) seen.add(m[0].toLowerCase().replace(/s$/, ''));
  return seen.size;
}

