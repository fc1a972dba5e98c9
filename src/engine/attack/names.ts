// Which official technique names are safe to look for in prose. Multi-word names are distinctive enough
// ("Process Injection"); single words and everyday phrases ("Malware", "Web Services", "Scheduled Task"
// in a sysadmin tutorial) are not, so they are matched only through the phrase table or not at all.
import type { AttackIndex } from './lookup';

/** Multi-word names that are ordinary English or ambiguous in prose: never matched as names. */
export const GENERIC_NAMES = new Set([
  'local account', 'local accounts', 'domain account', 'domain accounts', 'default accounts', 'cloud accounts', 'cloud account', 'email accounts',
  'email account', 'social media accounts', 'web services', 'cloud services', 'web protocols', 'remote services', 'malicious file', 'malicious link',
  'malicious image', 'malicious library', 'malicious copy and paste', 'service stop', 'system checks', 'proc memory', 'code signing', 'private keys',
  'shell history', 'control panel', 'scheduled transfer', 'junk data', 'internal proxy', 'external proxy', 'native api', 'network devices',
  'virtual private server', 'dns server', 'data staged', 'digital certificates', 'code repositories', 'messaging applications', 'cloud groups',
  'local groups', 'domain groups', 'email addresses', 'employee names', 'ip addresses', 'network topology', 'business relationships', 'identify roles',
  'search engines', 'social media', 'standard encoding', 'symmetric cryptography', 'asymmetric cryptography', 'container service', 'login items',
  'startup items', 'print processors', 'time providers', 'port monitors', 'installer packages', 'ide extensions', 'data manipulation',
  'cloud api', 'unix shell', 'visual basic', 'software discovery', 'system services', 'user execution', 'data destruction', 'compromise accounts',
  'establish accounts', 'acquire infrastructure', 'compromise infrastructure', 'develop capabilities', 'obtain capabilities', 'stage capabilities',
  'upload malware', 'upload tool', 'link target', 'create account', 'account manipulation', 'valid accounts', 'remote access hardware',
  'cloud service discovery', 'impair defenses', 'hide artifacts', 'data from local system', 'data obfuscation', 'data encoding', 'local data staging',
  'exclusive control', 'selective exclusion', 'delay execution', 'content injection', 'compression', 'bidirectional communication',
  'one-way communication', 'application layer protocol', 'encrypted channel', 'hardware additions', 'trusted relationship', 'wi-fi networks',
  'network share discovery', 'clear persistence', 'relocate malware', 'input injection', 'steganography', 'financial theft', 'remote desktop software',
  'break process trees', 'browser fingerprint', 'system language discovery', 'system location discovery', 'server software component',
  // Defender advice ("conduct regular vulnerability scanning"); attacker scanning is a phrase-table entry.
  'vulnerability scanning',
]);

/** Single-word names distinctive enough to match (tool names and jargon). */
export const SINGLE_WORD_NAMES = new Set([
  'powershell', 'rundll32', 'regsvr32', 'mshta', 'msiexec', 'installutil', 'cmstp', 'odbcconf', 'regsvcs/regasm', 'verclsid', 'mavinject', 'msbuild',
  'kerberoasting', 'dcsync', 'timestomp', 'keylogging', 'rootkit', 'bootkit', 'launchctl', 'systemctl', 'applescript', 'rommonkit', 'listplanting',
]);

/** Names shared by several techniques, and the one prose usually means. */
export const PREFERRED_DUPLICATES: Record<string, string> = {
  'spearphishing attachment': 'T1566.001', 'spearphishing link': 'T1566.002', 'spearphishing voice': 'T1566.004',
};

export interface NamePattern {
  id: string;
  /** Lower-case name as written in ATT&CK. */
  name: string;
  /** "Parent: Sub" full names are unambiguous and high-confidence. */
  full: boolean;
  re: RegExp;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');

const cache = new WeakMap<AttackIndex, NamePattern[]>();

/** Name patterns for the loaded index, built once per index. */
export function namePatterns(index: AttackIndex): NamePattern[] {
  const hit = cache.get(index);
  if (hit) return hit;
  const count = new Map<string, number>();
  for (const t of index.techniques) count.set(t.name.toLowerCase(), (count.get(t.name.toLowerCase()) ?? 0) + 1);
  const out: NamePattern[] = [];
  for (const t of index.techniques) {
    const lower = t.name.toLowerCase();
    const full = index.fullName(t.id);
    if (full !== t.name) out.push({ id: t.id, name: full.toLowerCase(), full: true, re: new RegExp(`(?<![\\w-])${escapeRe(full)}(?![\\w-])`, 'gi') });
    const words = lower.split(/[\s-]+/).filter(Boolean);
    const preferred = PREFERRED_DUPLICATES[lower];
    const unique = count.get(lower) === 1 ? !preferred : preferred === t.id;
    const ok = unique && !GENERIC_NAMES.has(lower) && (words.length >= 2 || SINGLE_WORD_NAMES.has(lower));
    if (ok) out.push({ id: t.id, name: lower, full: false, re: new RegExp(`(?<![\\w-])${escapeRe(t.name)}(?:\\.exe)?(?![\\w-])`, 'gi') });
  }
  // Longest first, so "Spearphishing Attachment" wins over a shorter overlapping name.
  out.sort((a, b) => b.name.length - a.name.length);
  cache.set(index, out);
  return out;
}
