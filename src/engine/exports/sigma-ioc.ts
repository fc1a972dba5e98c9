// Sigma detections built from a hunt's IOCs: one log source per kind of IOC, with the fields SigmaHQ rules use for
// that log source (Sysmon-style Windows taxonomy, the generic proxy category). IOC types no log source carries
// (CVEs, e-mail addresses, wallets, SHA-512) are listed as left out rather than forced into a field.
import type { IocType } from '../model';
import type { TypedIoc } from './ioc-types';
import { sigmaLiteral } from './sigma-escape';
import type { SigmaSelection } from './types';

export interface IocRulePart {
  /** Stable key of the log source (part of the rule ID). */
  key: string;
  /** What the part matches, for the title when a hunt needs several rules. */
  label: string;
  logsource: { category: string; product?: string };
  detection: Record<string, SigmaSelection>;
  condition: string;
  count: number;
}

const HASH_LABEL: Partial<Record<IocType, string>> = { md5: 'MD5', sha1: 'SHA1', sha256: 'SHA256' };
const LEFT_OUT: Partial<Record<IocType, string>> = {
  cve: 'CVE IDs (no log source records them)',
  email: 'e-mail addresses (Sigma has no generic e-mail log source)',
  crypto_wallet: 'crypto wallet addresses (no log source records them)',
  sha512: 'SHA-512 hashes (Sysmon and EDR hash fields carry MD5, SHA1 and SHA256)',
};

const HIVE = /^(?:HKEY_LOCAL_MACHINE|HKEY_CURRENT_USER|HKEY_USERS|HKEY_CLASSES_ROOT|HKEY_CURRENT_CONFIG|HKLM|HKCU|HKU|HKCR|HKCC)(?=\\)/i;

function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}

function urlParts(u: string): { host: string; path: string } | undefined {
  try {
    const p = new URL(u);
    return { host: p.hostname, path: p.pathname + p.search };
  } catch {
    return undefined;
  }
}

/** The rule parts for a hunt's IOCs, in a fixed order, and the IOC kinds that no part could hold. */
/** Addresses match exactly; ranges in CIDR form with Sigma's `cidr` modifier. */
function ipDetection(values: string[]): { detection: Record<string, SigmaSelection>; condition: string } {
  const addresses = values.filter((v) => !v.includes('/'));
  const ranges = values.filter((v) => v.includes('/'));
  const detection: Record<string, SigmaSelection> = {};
  if (addresses.length) detection.selection = { DestinationIp: addresses };
  if (ranges.length) detection.selection_range = { 'DestinationIp|cidr': ranges };
  return { detection, condition: addresses.length && ranges.length ? '1 of selection*' : Object.keys(detection)[0] };
}

export function iocRuleParts(iocs: TypedIoc[]): { parts: IocRulePart[]; leftOut: string[] } {
  const of = (...types: IocType[]) => iocs.filter((i) => types.includes(i.type));
  const parts: IocRulePart[] = [];

  const hashes = of('md5', 'sha1', 'sha256');
  if (hashes.length) {
    parts.push({
      key: 'hashes', label: 'file hashes', logsource: { category: 'process_creation', product: 'windows' }, count: hashes.length,
      detection: { selection: { 'Hashes|contains': uniq(hashes.map((h) => `${HASH_LABEL[h.type]}=${h.value.toUpperCase()}`)) } }, condition: 'selection',
    });
  }
  const ips = of('ipv4', 'ipv6');
  if (ips.length) {
    parts.push({
      key: 'ips', label: 'IP addresses', logsource: { category: 'network_connection', product: 'windows' }, count: ips.length,
      ...ipDetection(uniq(ips.map((i) => i.value))),
    });
  }
  const domains = of('domain');
  if (domains.length) {
    const names = uniq(domains.map((d) => sigmaLiteral(d.value.toLowerCase())));
    parts.push({
      key: 'domains', label: 'domains', logsource: { category: 'dns_query', product: 'windows' }, count: domains.length,
      // the domain itself and any subdomain of it
      detection: { selection_domain: { QueryName: names }, selection_subdomain: { 'QueryName|endswith': names.map((n) => '.' + n) } },
      condition: '1 of selection_*',
    });
  }
  const urls = of('url').map((u) => urlParts(u.value)).filter((u): u is { host: string; path: string } => !!u);
  if (urls.length) {
    const maps = urls.map((u): Record<string, string> => (u.path && u.path !== '/'
      ? { 'cs-host': sigmaLiteral(u.host), 'c-uri|contains': sigmaLiteral(u.path) }
      : { 'cs-host': sigmaLiteral(u.host) }));
    const seen = new Set<string>();
    const unique = maps.filter((m) => !seen.has(JSON.stringify(m)) && !!seen.add(JSON.stringify(m)));
    parts.push({ key: 'urls', label: 'URLs', logsource: { category: 'proxy' }, count: urls.length, detection: { selection: unique }, condition: 'selection' });
  }
  const winFiles: string[] = [];
  const winExact: string[] = [];
  const nixFiles: string[] = [];
  for (const f of of('file_name')) winFiles.push(sigmaLiteral('\\' + f.value));
  for (const f of of('file_path')) {
    const env = /^%\w+%(\\.+)$/.exec(f.value);
    if (env) winFiles.push(sigmaLiteral(env[1])); // expanded differently per user and host: match what follows the variable
    else if (f.value.startsWith('/')) nixFiles.push(sigmaLiteral(f.value));
    else winExact.push(sigmaLiteral(f.value));
  }
  if (winFiles.length || winExact.length) {
    const detection: Record<string, SigmaSelection> = {};
    if (winExact.length) detection.selection_path = { TargetFilename: uniq(winExact) };
    if (winFiles.length) detection.selection_name = { 'TargetFilename|endswith': uniq(winFiles) };
    parts.push({
      key: 'files-windows', label: 'files', logsource: { category: 'file_event', product: 'windows' }, count: winFiles.length + winExact.length,
      detection, condition: Object.keys(detection).length > 1 ? '1 of selection_*' : Object.keys(detection)[0],
    });
  }
  if (nixFiles.length) {
    parts.push({
      key: 'files-linux', label: 'Linux files', logsource: { category: 'file_event', product: 'linux' }, count: nixFiles.length,
      detection: { selection: { TargetFilename: uniq(nixFiles) } }, condition: 'selection',
    });
  }
  const keys = of('registry_key');
  if (keys.length) {
    // Sysmon writes HKLM\… and HKU\<SID>\… whatever hive name the article used: match the path below the hive
    const tails = uniq(keys.map((k) => sigmaLiteral(HIVE.test(k.value) ? k.value.replace(HIVE, '') : '\\' + k.value.replace(/^\\+/, ''))));
    parts.push({
      key: 'registry', label: 'registry keys', logsource: { category: 'registry_set', product: 'windows' }, count: keys.length,
      detection: { selection: { 'TargetObject|contains': tails } }, condition: 'selection',
    });
  }
  const leftOut = uniq(iocs.map((i) => LEFT_OUT[i.type]).filter((x): x is string => !!x));
  return { parts, leftOut };
}
