// Briefings and hunts for the export tests, built in code with invented values (documentation IP ranges, .test and
// .example domains, made-up hashes): nothing here comes from a real article.
import type { Briefing, Hunt, Ioc, IocType } from '../../../src/engine/model';
import type { SigmaSpec } from '../../../src/engine/exports/types';

export function ioc(type: IocType, value: string, extra: Partial<Ioc> = {}): Ioc {
  return {
    type, value, display: value.replace(/\./g, '[.]'), offsets: [[0, value.length]], context: `seen: ${value}`,
    provenance: 'ioc-section', reason: 'listed under Indicators of compromise', confidence: 'high', ...extra,
  };
}

export const MD5 = 'd41d8cd98f00b204e9800998ecf8427e'.replace(/^d4/, 'aa');
export const SHA1 = '0123456789abcdef0123456789abcdef01234567';
export const SHA256 = 'f'.repeat(8) + '0123456789abcdef'.repeat(3) + 'a'.repeat(8);
export const SHA512 = 'ab'.repeat(64);

export const IOCS: Ioc[] = [
  ioc('ipv4', '203.0.113.45'),
  ioc('ipv6', '2001:db8::dead:beef'),
  ioc('domain', 'update-cdn-relay.test'),
  ioc('url', 'https://files.example-drop.test/a/b?id=7&x=*'),
  ioc('email', 'billing@invoices-portal.test'),
  ioc('md5', MD5),
  ioc('sha1', SHA1),
  ioc('sha256', SHA256),
  ioc('sha512', SHA512),
  ioc('cve', 'CVE-2026-12345'),
  ioc('file_name', 'svc*host?.exe'),
  ioc('file_path', 'C:\\Users\\Public\\Lantern Tools\\loader.dll'),
  ioc('file_path', '%APPDATA%\\Microsoft\\updater.exe'),
  ioc('file_path', '/tmp/.x/agent'),
  ioc('registry_key', 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\LanternUpd'),
  ioc('crypto_wallet', 'bc1qexampleexampleexampleexample0000'),
];

const IOC_KQL = [
  'let ips = dynamic(["203.0.113.45", "2001:db8::dead:beef"]);',
  'DeviceNetworkEvents',
  '| where Timestamp > ago(30d)',
  '| where RemoteIP in (ips)',
  '| project Timestamp, DeviceName, InitiatingProcessAccountName, InitiatingProcessCommandLine, RemoteIP, RemotePort, RemoteUrl',
].join('\n');

export function iocHunt(values: string[], over: Partial<Hunt> = {}): Hunt {
  return {
    id: 'UC_IOC_MIXED', kind: 'ioc', title: 'Indicators from the article seen in telemetry', description: 'Matches the article\'s indicators against endpoint and network telemetry.',
    phase: 'c2', confidence: 'high', techniques: ['T1071.001', 'T1105'], reason: 'the article lists indicators in an IOC section', evidence: ['The C2 server was 203[.]0.113.45.'],
    telemetry: { splunk: ['Network_Traffic.All_Traffic'], defender: ['DeviceNetworkEvents'] },
    spl: '| tstats `security_content_summariesonly` count from datamodel=Network_Traffic.All_Traffic where All_Traffic.dest IN ("203.0.113.45") by All_Traffic.src All_Traffic.dest\n| `drop_dm_object_name(All_Traffic)`',
    kql: IOC_KQL, falsePositives: ['Shared hosting may reuse an address.'], iocs: values, ...over,
  };
}

export const BEHAVIOUR: Hunt = {
  id: 'UC_HIDDEN_SCRIPT_HOST', kind: 'behaviour', title: 'Script host launched with a hidden window from an Office process',
  description: 'Finds wscript or cscript started by Word or Excel with a hidden window.', phase: 'install', confidence: 'medium',
  techniques: ['T1059', 'T1059.005', 'T1204.002'], reason: 'T1059.005 inferred from "the macro starts wscript"', evidence: ['The macro starts wscript with a hidden window.'],
  telemetry: { splunk: ['Endpoint.Processes'], defender: ['DeviceProcessEvents'] },
  spl: [
    '| tstats `security_content_summariesonly` count min(_time) as firstTime max(_time) as lastTime from datamodel=Endpoint.Processes',
    '  where Processes.parent_process_name IN ("winword.exe", "excel.exe") Processes.process_name IN ("wscript.exe", "cscript.exe")',
    '  by Processes.dest Processes.user Processes.parent_process_name Processes.process_name Processes.process',
    '| `drop_dm_object_name(Processes)`',
  ].join('\n'),
  kql: [
    'DeviceProcessEvents',
    '| where Timestamp > ago(30d)',
    '| where InitiatingProcessFileName in~ ("winword.exe", "excel.exe") and FileName in~ ("wscript.exe", "cscript.exe")',
    '| where ProcessCommandLine has @"C:\\Users\\" or ProcessCommandLine contains "//B"',
    '| project Timestamp, DeviceName, AccountName, AccountDomain, InitiatingProcessFileName, FileName, FolderPath, ProcessCommandLine, ProcessId',
  ].join('\n'),
  falsePositives: ['Document automation add-ins', 'Document automation add-ins'],
};

export const BEHAVIOUR_SPEC: SigmaSpec = {
  logsource: { category: 'process_creation', product: 'windows' },
  detection: {
    selection_parent: { 'ParentImage|endswith': ['\\winword.exe', '\\excel.exe'] },
    selection_child: { 'Image|endswith': ['\\wscript.exe', '\\cscript.exe'] },
    filter_main_signed: { 'CommandLine|contains': 'C:\\Program Files\\Corp Tools\\' },
  },
  condition: 'all of selection_* and not filter_main_signed',
};

export const BEACONING: Hunt = {
  id: 'UC_BEACONING', kind: 'behaviour', title: 'Regular outbound connections to one rare destination', description: 'Hosts that talk to one destination at a steady interval.',
  phase: 'c2', confidence: 'low', techniques: ['T1071.001'], reason: 'the article describes a beacon every 60 seconds', evidence: ['It beacons every 60 seconds.'],
  telemetry: { splunk: ['Network_Traffic.All_Traffic'], defender: ['DeviceNetworkEvents'] },
  spl: '| tstats `security_content_summariesonly` count from datamodel=Network_Traffic.All_Traffic by All_Traffic.src All_Traffic.dest _time span=1m\n| stats count by src dest',
  kql: 'DeviceNetworkEvents\n| where Timestamp > ago(7d)\n| summarize Connections = count(), FirstSeen = min(Timestamp) by DeviceName, RemoteIP\n| where Connections > 100',
  falsePositives: ['Update agents and monitoring tools poll on schedules.'],
};

export function briefing(over: Partial<Briefing> = {}): Briefing {
  return {
    schemaVersion: 1, id: 'tb-0123456789abcdef', title: 'Operation Paper Lantern: loader "LanternDrop" hits finance',
    source: 'Example Research Lab', published: '2026-11-02', url: 'https://research.example/blog/paper-lantern',
    severity: 'HIGH', summary: 'A loader delivered by invoice lures beacons to a relay and installs a backdoor.',
    iocs: IOCS,
    techniques: [
      { id: 'T1059.005', name: 'Command and Scripting Interpreter: Visual Basic', tactics: ['Execution'], confidence: 'high', evidence: ['x'], method: 'phrase' },
      { id: 'T1071.001', name: 'Application Layer Protocol: Web Protocols', tactics: ['Command and Control'], confidence: 'high', evidence: ['x'], method: 'phrase' },
      { id: 'T1204.002', name: 'User Execution: Malicious File', tactics: ['Execution'], confidence: 'medium', evidence: ['x'], method: 'phrase' },
    ],
    phases: [], hunts: [BEHAVIOUR, iocHunt(IOCS.map((i) => i.value)), BEACONING],
    entities: { actors: ['Paper Lantern Group'], malware: ['LanternDrop'], cves: ['CVE-2026-12345'] },
    rationale: [], generator: { name: 'threat-briefings', version: '0.1.0' },
    ...over,
  };
}

/** Tactics for techniques the briefing does not list (what the CLI supplies from the loaded index). */
export const TACTICS = { tacticsOf: (id: string) => (id.startsWith('T1105') ? ['command-and-control'] : id.startsWith('T1059') ? ['execution'] : []) };
