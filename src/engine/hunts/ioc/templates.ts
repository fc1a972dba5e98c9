// The IOC hunt templates: one definition each, data. A briefing fills them with its own IOCs (fill.ts) and
// `threat-briefings hunts templates` prints them unfilled (../templates-doc.ts); nothing else holds a copy.
//
// Placeholders: in KQL, `{{list}}` becomes a `dynamic([...])` literal (several, joined by array_concat, when the list
// is long); in SPL, `{{MATCH list:Field list2:Field2}}` becomes `Field IN (...)` chunks OR-ed together, for every
// list that has values.
import type { HuntTelemetry, IocType, KillChainPhase } from '../../model';
import { CTIME, TSTATS } from '../spl-parts';

export interface IocList {
  name: string;
  /** Which of the briefing's IOC types feed this list. */
  types: IocType[];
  /** How one IOC value is matched in KQL: the value(s) written into the query. */
  shape: (value: string) => string[];
  /** The same for SPL when it differs (SPL matches with wildcards, written only where the hunt means them). */
  splShape?: (value: string) => string[];
  /** What the placeholder stands for, for the templates document. */
  about: string;
}

export interface IocTemplate {
  id: string;
  title: string;
  description: string;
  phase: KillChainPhase;
  techniques: string[];
  telemetry: HuntTelemetry;
  falsePositives: string[];
  /** The IOC types this hunt takes (the hunt is in a briefing when one of them is). */
  types: IocType[];
  lists: IocList[];
  spl: string;
  kql: string;
}

const same = (v: string): string[] => [v];
// A range written in CIDR form ("203.0.113.0/24") is matched as a range: KQL has range functions, exact `in` does not
// match it; Splunk's search compares an IP field with a CIDR value as a range, so SPL keeps it in the same list.
const isRange = (v: string): boolean => v.includes('/');
const address = (v: string): string[] => (isRange(v) ? [] : [v]);
const range = (v: string): string[] => (isRange(v) ? [v] : []);
const lower = (v: string): string[] => [v.toLowerCase()];
const stripScheme = (v: string): string => v.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');

// Placeholders users write in paths ("C:\Users\[username]\…", "%APPDATA%\…", "<user>") stand for any value: the
// hunt matches the specific tail after the last one.
const PATH_VARIABLE = /%[A-Z_]{1,30}%|\$\{?[A-Z_]{1,30}\}?|\[[^\]\\/]{1,30}\]|<[^>\\/]{1,30}>|\{[^}\\/]{1,30}\}/gi;
export function pathTail(p: string): { tail: string; anchored: boolean } {
  let last = -1;
  for (const m of p.matchAll(PATH_VARIABLE)) last = m.index + m[0].length;
  return last < 0 ? { tail: p, anchored: true } : { tail: p.slice(last), anchored: false };
}

// Registry hives are written many ways (HKCU, HKEY_CURRENT_USER, HKU\<SID>, Computer\HKLM); telemetry writes its own.
const HIVE = /^(?:Computer\\)?HK(?:EY_)?(?:LM|CU|CR|U|CC|LOCAL_MACHINE|CURRENT_USER|CLASSES_ROOT|USERS|CURRENT_CONFIG)(?:\\S-1-[\d-]+(?:_Classes)?)?\\/i;
export function registryTail(k: string): string {
  return k.replace(HIVE, '\\');
}


export const IOC_TEMPLATES: readonly IocTemplate[] = [
  {
    id: 'UC_IOC_IP',
    title: 'Traffic to or from the reported IP addresses',
    description: 'Network connections between your hosts and the IP addresses the article presents as attacker infrastructure ' +
      '(C2 servers, download servers, scanners). A hit shows which host talked to them, when, on which port and, in Defender, ' +
      'from which process.',
    phase: 'c2',
    techniques: ['T1071'],
    telemetry: { splunk: ['Network_Traffic.All_Traffic'], defender: ['DeviceNetworkEvents'] },
    falsePositives: ['Shared hosting and cloud IPs change hands; check the connection time against the article\'s dates.'],
    types: ['ipv4', 'ipv6'],
    lists: [
      { name: 'ioc_ips', types: ['ipv4', 'ipv6'], shape: address, splShape: same, about: 'the IPv4 and IPv6 addresses (SPL: CIDR ranges too, which Splunk matches as ranges)' },
      { name: 'ioc_ranges4', types: ['ipv4'], shape: range, about: 'the IPv4 ranges in CIDR form (KQL only)' },
      { name: 'ioc_ranges6', types: ['ipv6'], shape: range, about: 'the IPv6 ranges in CIDR form (KQL only)' },
    ],
    spl: [
      TSTATS,
      '  from datamodel=Network_Traffic.All_Traffic',
      '  where {{MATCH ioc_ips:All_Traffic.dest ioc_ips:All_Traffic.src}}',
      '  by All_Traffic.src All_Traffic.dest All_Traffic.dest_port All_Traffic.action All_Traffic.app',
      '| `drop_dm_object_name(All_Traffic)`',
      CTIME,
    ].join('\n'),
    kql: [
      'let ioc_ips = {{ioc_ips}};',
      'let ioc_ranges4 = {{ioc_ranges4}};',
      'let ioc_ranges6 = {{ioc_ranges6}};',
      'DeviceNetworkEvents',
      '| where Timestamp > ago(30d)',
      '| where RemoteIP in (ioc_ips) or LocalIP in (ioc_ips)',
      '    or (array_length(ioc_ranges4) > 0 and (ipv4_is_in_any_range(RemoteIP, ioc_ranges4) or ipv4_is_in_any_range(LocalIP, ioc_ranges4)))',
      '    or (array_length(ioc_ranges6) > 0 and (ipv6_is_in_any_range(RemoteIP, ioc_ranges6) or ipv6_is_in_any_range(LocalIP, ioc_ranges6)))',
      '| project Timestamp, DeviceName, ActionType, LocalIP, RemoteIP, RemotePort, RemoteUrl, InitiatingProcessFileName, InitiatingProcessCommandLine',
      '| order by Timestamp desc',
    ].join('\n'),
  },
  {
    id: 'UC_IOC_DOMAIN',
    title: 'DNS lookups and web requests for the reported domains',
    description: 'Resolutions of, and web requests to, the domains the article presents as malicious, subdomains included. DNS ' +
      'shows every host that looked a domain up, even when the connection was blocked afterwards; proxy and endpoint network ' +
      'events show the process and URL.',
    phase: 'c2',
    techniques: ['T1071.001', 'T1071.004'],
    telemetry: { splunk: ['Network_Resolution.DNS', 'Web.Web'], defender: ['DeviceNetworkEvents', 'DeviceEvents'] },
    falsePositives: ['Security tools and sandboxes resolve reported domains while analysing them; exclude their hosts.'],
    types: ['domain'],
    lists: [{ name: 'ioc_domains', types: ['domain'], shape: lower, splShape: (v) => [v.toLowerCase(), '*.' + v.toLowerCase()], about: 'the domains (KQL `has_any` also matches subdomains; SPL adds `*.domain`)' }],
    spl: [
      TSTATS,
      '  from datamodel=Network_Resolution.DNS',
      '  where {{MATCH ioc_domains:DNS.query}}',
      '  by DNS.src DNS.query DNS.answer',
      '| `drop_dm_object_name(DNS)`',
      '| append',
      '    [' + TSTATS,
      '       from datamodel=Web.Web',
      '       where {{MATCH ioc_domains:Web.url_domain ioc_domains:Web.dest}}',
      '       by Web.src Web.user Web.dest Web.url',
      '     | `drop_dm_object_name(Web)`]',
      CTIME,
    ].join('\n'),
    kql: [
      'let ioc_domains = {{ioc_domains}};',
      'union',
      '  (DeviceNetworkEvents',
      '    | where Timestamp > ago(30d)',
      '    | where RemoteUrl has_any (ioc_domains)',
      '    | project Timestamp, DeviceName, Source = "network", Domain = RemoteUrl, RemoteIP, InitiatingProcessFileName, InitiatingProcessCommandLine),',
      '  (DeviceEvents',
      '    | where Timestamp > ago(30d)',
      '    | where ActionType == "DnsQueryResponse"',
      '    | extend Domain = tostring(parse_json(AdditionalFields).DnsQueryString)',
      '    | where Domain has_any (ioc_domains)',
      '    | project Timestamp, DeviceName, Source = "dns", Domain, RemoteIP, InitiatingProcessFileName, InitiatingProcessCommandLine)',
      '| order by Timestamp desc',
    ].join('\n'),
  },
  {
    id: 'UC_IOC_URL',
    title: 'Requests for and clicks on the reported URLs',
    description: 'Web requests, endpoint connections, Safe Links clicks and mail containing the URLs the article presents as ' +
      'malicious (payload downloads, phishing pages, C2 paths). URLs are matched without their scheme, so http and https ' +
      'copies both count.',
    phase: 'delivery',
    techniques: ['T1204.001', 'T1105'],
    telemetry: { splunk: ['Web.Web'], defender: ['DeviceNetworkEvents', 'UrlClickEvents', 'EmailUrlInfo'] },
    falsePositives: ['A URL on a shared platform can be reused legitimately after a takedown; check the time window.'],
    types: ['url'],
    lists: [{ name: 'ioc_urls', types: ['url'], shape: (v) => [stripScheme(v)], splShape: (v) => [`*${stripScheme(v)}*`], about: 'the URLs without scheme (as `*url*` in SPL)' }],
    spl: [
      TSTATS,
      '  from datamodel=Web.Web',
      '  where {{MATCH ioc_urls:Web.url}}',
      '  by Web.src Web.user Web.dest Web.url Web.http_user_agent Web.action',
      '| `drop_dm_object_name(Web)`',
      CTIME,
    ].join('\n'),
    kql: [
      'let ioc_urls = {{ioc_urls}};',
      'union',
      '  (DeviceNetworkEvents | where Timestamp > ago(30d) | where RemoteUrl has_any (ioc_urls)',
      '    | project Timestamp, Source = "endpoint", Who = DeviceName, Url = RemoteUrl, Detail = InitiatingProcessFileName),',
      '  (UrlClickEvents | where Timestamp > ago(30d) | where Url has_any (ioc_urls)',
      '    | project Timestamp, Source = "click", Who = AccountUpn, Url, Detail = ActionType),',
      '  (EmailUrlInfo | where Timestamp > ago(30d) | where Url has_any (ioc_urls)',
      '    | project Timestamp, Source = "mail", Who = NetworkMessageId, Url, Detail = UrlLocation)',
      '| order by Timestamp desc',
    ].join('\n'),
  },
  {
    id: 'UC_IOC_HASH',
    title: 'Files and processes with the reported hashes',
    description: 'Processes, file writes and loaded modules whose MD5, SHA1 or SHA256 matches a sample hash from the article. ' +
      'Defender keeps one column per hash type, so each type is matched against its own column; in Splunk the CIM hash ' +
      'fields often hold several "ALGO=value" pairs, so each hash is matched anywhere in the field.',
    phase: 'install',
    techniques: ['T1204.002'],
    telemetry: { splunk: ['Endpoint.Processes', 'Endpoint.Filesystem'], defender: ['DeviceProcessEvents', 'DeviceFileEvents', 'DeviceImageLoadEvents'] },
    falsePositives: ['A hash of a legitimate tool the attacker abused (e.g. a signed remote-admin binary) also matches its normal use.'],
    types: ['md5', 'sha1', 'sha256', 'sha512'],
    lists: [
      { name: 'ioc_md5', types: ['md5'], shape: lower, about: 'the MD5 hashes' },
      { name: 'ioc_sha1', types: ['sha1'], shape: lower, about: 'the SHA1 hashes' },
      { name: 'ioc_sha256', types: ['sha256'], shape: lower, about: 'the SHA256 hashes' },
      { name: 'ioc_hashes', types: ['md5', 'sha1', 'sha256', 'sha512'], shape: lower, splShape: (v) => [`*${v.toLowerCase()}*`], about: 'every hash of any type, SHA512 included (SPL only, as `*hash*`)' },
    ],
    spl: [
      TSTATS,
      '  from datamodel=Endpoint.Processes',
      '  where {{MATCH ioc_hashes:Processes.process_hash}}',
      '  by Processes.dest Processes.user Processes.process_name Processes.process_path Processes.process_hash',
      '| `drop_dm_object_name(Processes)`',
      '| append',
      '    [' + TSTATS,
      '       from datamodel=Endpoint.Filesystem',
      '       where {{MATCH ioc_hashes:Filesystem.file_hash}}',
      '       by Filesystem.dest Filesystem.user Filesystem.file_name Filesystem.file_path Filesystem.file_hash',
      '     | `drop_dm_object_name(Filesystem)`]',
      CTIME,
    ].join('\n'),
    kql: [
      'let ioc_md5 = {{ioc_md5}};',
      'let ioc_sha1 = {{ioc_sha1}};',
      'let ioc_sha256 = {{ioc_sha256}};',
      'union',
      '  (DeviceProcessEvents | where Timestamp > ago(30d) | extend Source = "process"),',
      '  (DeviceFileEvents | where Timestamp > ago(30d) | extend Source = "file"),',
      '  (DeviceImageLoadEvents | where Timestamp > ago(30d) | extend Source = "image load")',
      '| where MD5 in (ioc_md5) or SHA1 in (ioc_sha1) or SHA256 in (ioc_sha256)',
      '| project Timestamp, DeviceName, Source, ActionType, FileName, FolderPath, MD5, SHA1, SHA256, InitiatingProcessFileName',
      '| order by Timestamp desc',
    ].join('\n'),
  },
  {
    id: 'UC_IOC_CVE',
    title: 'Hosts still exposed to the reported vulnerabilities',
    description: 'Your vulnerability inventory for the CVEs the article names: which devices run the affected software and have ' +
      'not been patched. Exposed internet-facing hosts come first in any response to an exploited vulnerability.',
    phase: 'exploit',
    techniques: ['T1190'],
    telemetry: { splunk: ['Vulnerabilities.Vulnerabilities'], defender: ['DeviceTvmSoftwareVulnerabilities'] },
    falsePositives: ['Scanners report a CVE by product version; back-ported fixes and mitigations may make a listed host safe.'],
    types: ['cve'],
    lists: [{ name: 'ioc_cves', types: ['cve'], shape: (v) => [v.toUpperCase()], about: 'the CVE IDs' }],
    spl: [
      TSTATS,
      '  from datamodel=Vulnerabilities.Vulnerabilities',
      '  where {{MATCH ioc_cves:Vulnerabilities.cve}}',
      '  by Vulnerabilities.dest Vulnerabilities.cve Vulnerabilities.signature Vulnerabilities.severity',
      '| `drop_dm_object_name(Vulnerabilities)`',
      CTIME,
    ].join('\n'),
    kql: [
      'let ioc_cves = {{ioc_cves}};',
      'DeviceTvmSoftwareVulnerabilities',
      '| where CveId in~ (ioc_cves)',
      '| summarize Devices = dcount(DeviceId), DeviceNames = make_set(DeviceName, 50) by CveId, SoftwareVendor, SoftwareName, SoftwareVersion, VulnerabilitySeverityLevel',
      '| order by Devices desc',
    ].join('\n'),
  },
  {
    id: 'UC_IOC_EMAIL',
    title: 'Mail from the reported sender addresses',
    description: 'Messages received from the sender addresses the article presents as the attacker\'s (envelope and header ' +
      'sender both), with recipients and delivery outcome, so delivered lures can be found and purged.',
    phase: 'delivery',
    techniques: ['T1566'],
    telemetry: { splunk: ['Email.All_Email'], defender: ['EmailEvents'] },
    falsePositives: ['Spoofed senders: a hit may be a forged header, not the real mailbox; check authentication results.'],
    types: ['email'],
    lists: [{ name: 'ioc_senders', types: ['email'], shape: lower, about: 'the sender addresses' }],
    spl: [
      TSTATS,
      '  from datamodel=Email.All_Email',
      '  where {{MATCH ioc_senders:All_Email.src_user}}',
      '  by All_Email.src_user All_Email.recipient All_Email.subject All_Email.action',
      '| `drop_dm_object_name(All_Email)`',
      CTIME,
    ].join('\n'),
    kql: [
      'let ioc_senders = {{ioc_senders}};',
      'EmailEvents',
      '| where Timestamp > ago(30d)',
      '| where SenderFromAddress in~ (ioc_senders) or SenderMailFromAddress in~ (ioc_senders)',
      '| project Timestamp, SenderFromAddress, SenderMailFromAddress, RecipientEmailAddress, Subject, DeliveryAction, DeliveryLocation, ThreatTypes',
      '| order by Timestamp desc',
    ].join('\n'),
  },
  {
    id: 'UC_IOC_FILE',
    title: 'Files with the reported names and paths',
    description: 'File creations and changes with the file names the article says the attacker dropped or ran, and at the paths ' +
      'it reports. Placeholders in a reported path (a user name, %APPDATA%) match any value: the specific tail is hunted.',
    phase: 'install',
    techniques: ['T1105'],
    telemetry: { splunk: ['Endpoint.Filesystem'], defender: ['DeviceFileEvents'] },
    falsePositives: ['Common-looking names can collide with legitimate software; confirm with the hash or the folder.'],
    types: ['file_name', 'file_path'],
    lists: [
      { name: 'ioc_file_names', types: ['file_name'], shape: same, about: 'the file names' },
      {
        name: 'ioc_file_paths', types: ['file_path'], shape: (v) => [pathTail(v).tail],
        splShape: (v) => { const t = pathTail(v); return [t.anchored ? t.tail : '*' + t.tail]; },
        about: 'the file paths; after a placeholder only the tail (`*tail` in SPL)',
      },
    ],
    spl: [
      TSTATS,
      '  from datamodel=Endpoint.Filesystem',
      '  where {{MATCH ioc_file_names:Filesystem.file_name ioc_file_paths:Filesystem.file_path}}',
      '  by Filesystem.dest Filesystem.user Filesystem.process_name Filesystem.file_name Filesystem.file_path Filesystem.file_hash',
      '| `drop_dm_object_name(Filesystem)`',
      CTIME,
    ].join('\n'),
    kql: [
      'let ioc_file_names = {{ioc_file_names}};',
      'let ioc_file_paths = {{ioc_file_paths}};',
      'DeviceFileEvents',
      '| where Timestamp > ago(30d)',
      '| where FileName in~ (ioc_file_names) or FolderPath has_any (ioc_file_paths)',
      '| project Timestamp, DeviceName, ActionType, FileName, FolderPath, SHA256, InitiatingProcessFileName, InitiatingProcessCommandLine',
      '| order by Timestamp desc',
    ].join('\n'),
  },
  {
    id: 'UC_IOC_REGISTRY',
    title: 'Changes to the reported registry keys',
    description: 'Registry writes under the keys the article reports (persistence, configuration, staging). The hive prefix is ' +
      'dropped (telemetry writes HKU\\<SID> or HKEY_CURRENT_USER, articles HKCU) and the rest of the key is matched.',
    phase: 'install',
    techniques: ['T1112'],
    telemetry: { splunk: ['Endpoint.Registry'], defender: ['DeviceRegistryEvents'] },
    falsePositives: ['Well-known keys (Run, Services) change for legitimate software too; look at the value name and data.'],
    types: ['registry_key'],
    lists: [
      { name: 'ioc_registry_keys', types: ['registry_key'], shape: (v) => [registryTail(v)], splShape: (v) => [`*${registryTail(v)}*`], about: 'the registry keys without their hive (as `*key*` in SPL)' },
    ],
    spl: [
      TSTATS,
      '  from datamodel=Endpoint.Registry',
      '  where {{MATCH ioc_registry_keys:Registry.registry_path}}',
      '  by Registry.dest Registry.user Registry.process_name Registry.registry_path Registry.registry_value_name Registry.registry_value_data',
      '| `drop_dm_object_name(Registry)`',
      CTIME,
    ].join('\n'),
    kql: [
      'let ioc_registry_keys = {{ioc_registry_keys}};',
      'DeviceRegistryEvents',
      '| where Timestamp > ago(30d)',
      '| where RegistryKey has_any (ioc_registry_keys)',
      '| project Timestamp, DeviceName, ActionType, RegistryKey, RegistryValueName, RegistryValueData, InitiatingProcessFileName, InitiatingProcessCommandLine',
      '| order by Timestamp desc',
    ].join('\n'),
  },
];
