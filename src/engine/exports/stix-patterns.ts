// STIX 2.1 patterns for each IOC type. Pattern string literals are single-quoted; `\` and `'` are escaped with `\`.
import type { Ioc } from '../model';

export function stixString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

const HASH: Record<string, string> = { md5: 'MD5', sha1: "'SHA-1'", sha256: "'SHA-256'", sha512: "'SHA-512'" };
// STIX wants the hive written out in full (HKEY_LOCAL_MACHINE, not HKLM).
const HIVES: Record<string, string> = { HKLM: 'HKEY_LOCAL_MACHINE', HKCU: 'HKEY_CURRENT_USER', HKU: 'HKEY_USERS', HKCR: 'HKEY_CLASSES_ROOT', HKCC: 'HKEY_CURRENT_CONFIG' };

export function fullRegistryKey(key: string): string {
  return key.replace(/^(?:HKLM|HKCU|HKU|HKCR|HKCC)(?=\\|$)/i, (h) => HIVES[h.toUpperCase()]);
}

/** The pattern for an IOC, or undefined for types STIX cyber-observables do not describe (CVEs, wallets). */
export function stixPattern(ioc: Pick<Ioc, 'type' | 'value'>): string | undefined {
  const v = ioc.value;
  switch (ioc.type) {
    case 'ipv4': return `[ipv4-addr:value = ${stixString(v)}]`;
    case 'ipv6': return `[ipv6-addr:value = ${stixString(v)}]`;
    case 'domain': return `[domain-name:value = ${stixString(v)}]`;
    case 'url': return `[url:value = ${stixString(v)}]`;
    case 'email': return `[email-addr:value = ${stixString(v)}]`;
    case 'md5': case 'sha1': case 'sha256': case 'sha512': return `[file:hashes.${HASH[ioc.type]} = ${stixString(v.toLowerCase())}]`;
    case 'file_name': return `[file:name = ${stixString(v)}]`;
    case 'file_path': {
      const cut = Math.max(v.lastIndexOf('\\'), v.lastIndexOf('/'));
      if (cut <= 0 || cut === v.length - 1) return `[directory:path = ${stixString(v)}]`;
      return `[file:name = ${stixString(v.slice(cut + 1))} AND file:parent_directory_ref.path = ${stixString(v.slice(0, cut))}]`;
    }
    case 'registry_key': return `[windows-registry-key:key = ${stixString(fullRegistryKey(v))}]`;
    default: return undefined;
  }
}
