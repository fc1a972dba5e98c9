// Credential access: LSASS, Kerberoasting, AS-REP roasting, DCSync, browser credentials, wallets.
import { CTIME, TSTATS } from '../spl-parts';
import type { CatalogueHunt } from '../types';

export function credentialAccessHunts(): CatalogueHunt[] {
  return [
    {
      id: 'UC_LSASS_DUMP_COMMAND',
      title: 'LSASS memory dumped with comsvcs MiniDump, ProcDump or a dump tool',
      description: 'Finds command lines that write a memory dump of lsass.exe: rundll32 calling the comsvcs.dll MiniDump export ' +
        '(by name or ordinal #24), ProcDump or similar dumpers pointed at lsass, PowerSploit Out-Minidump and nanodump, plus ' +
        'dump files named after LSASS appearing on disk. A dump of LSASS gives the attacker every cached NTLM hash, Kerberos ' +
        'ticket and often clear-text credential on the host, offline and out of reach of on-host protections.',
      phase: 'actions',
      techniques: ['T1003.001'],
      telemetry: { splunk: ['Endpoint.Processes'], defender: ['DeviceProcessEvents', 'DeviceFileEvents'] },
      trigger: {
        techniques: ['T1003.001'],
        phrases: [
          /comsvcs(?:\.dll)?[ ,]+(?:#24|MiniDump)/i,
          /procdump(?:64)?(?:\.exe)? (?:-\w+ ){0,3}lsass/i,
          /(?:dump\w*|dumps of|access\w*|read\w*) (?:\w+ ){0,2}LSASS(?:\.exe)?(?: process)? memory/i,
          /LSASS(?:\.exe)? (?:process )?(?:memory )?dumps?/i,
          /dumped (?:the )?LSASS/i,
          /Out-Minidump|nanodump/i,
          /(?:dump\w*|extract\w*|harvest\w*|obtain\w*|steal\w*) (?:\w+ ){0,3}(?:from LSASS )?(?:using|via|with) comsvcs(?:\.dll)?/i,
        ],
      },
      spl: [
        TSTATS,
        '  from datamodel=Endpoint.Processes',
        '  where (Processes.process="*comsvcs*" (Processes.process="*MiniDump*" OR Processes.process="*#24*" OR Processes.process="*#+24*"))',
        '    OR (Processes.process="*lsass*" (Processes.process="* -ma *" OR Processes.process="* /ma *" OR Processes.process="* -mm *" OR Processes.process="*minidump*" OR Processes.process="*.dmp*"))',
        '    OR Processes.process="*Out-Minidump*" OR Processes.process_name="nanodump*.exe"',
        '  by Processes.dest Processes.user Processes.parent_process_name Processes.process_name Processes.process',
        '| `drop_dm_object_name(Processes)`',
        CTIME,
      ].join('\n'),
      kql: [
        'let lookback = 30d;',
        'union',
        '(DeviceProcessEvents',
        '  | where Timestamp > ago(lookback)',
        '  | where (ProcessCommandLine has "comsvcs" and (ProcessCommandLine has "MiniDump" or ProcessCommandLine matches regex @"#\\+?24\\b"))',
        '      or (ProcessCommandLine has "lsass" and ProcessCommandLine matches regex @"(?i)(\\s[-/]m[am]\\s|minidump|\\.dmp\\b)")',
        '      or ProcessCommandLine has_any ("Out-Minidump", "nanodump")',
        '  | project Timestamp, DeviceName, Account = AccountName, Source = "command line", InitiatingProcessFileName, FileName, Detail = ProcessCommandLine),',
        '(DeviceFileEvents',
        '  | where Timestamp > ago(lookback)',
        '  | where ActionType in ("FileCreated", "FileRenamed")',
        '  | where FileName matches regex @"(?i)lsass.*\\.(dmp|bin|zip)$"',
        '  | where not(FolderPath has @"\\Windows\\LiveKernelReports\\")',
        '  | project Timestamp, DeviceName, Account = InitiatingProcessAccountName, Source = "dump file", InitiatingProcessFileName, FileName, Detail = FolderPath)',
        '| order by Timestamp desc',
      ].join('\n'),
      sigma: {
        logsource: { category: 'process_creation', product: 'windows' },
        detection: {
          selection_comsvcs: {
            'CommandLine|contains|all': ['comsvcs'],
            'CommandLine|contains': ['MiniDump', '#24', '#+24'],
          },
          selection_lsass: {
            'CommandLine|contains|all': ['lsass'],
            'CommandLine|contains': [' -ma ', ' /ma ', ' -mm ', ' /mm ', 'minidump', '.dmp'],
          },
          selection_tools: { 'CommandLine|contains': ['Out-Minidump', 'nanodump'] },
        },
        condition: '1 of selection_*',
        note: 'This rule covers command lines; the hunt also looks for lsass dump files (lsass*.dmp, .bin, .zip) written outside LiveKernelReports.',
      },
      falsePositives: ['Support engineers sometimes capture an LSASS dump for Microsoft support with ProcDump; it should be rare, ticketed and from an admin workstation.'],
      examples: {
        fire: [
          'The operator ran rundll32.exe C:\\Windows\\System32\\comsvcs.dll, MiniDump 624 C:\\Temp\\out.dmp full.',
          'Using ProcDump, the actors dumped LSASS memory on the domain controller.',
          'Credentials were obtained from an LSASS dump taken with procdump64 -ma lsass.exe.',
        ],
        quiet: [
          'Enable Credential Guard to protect LSASS memory.',
          'LSASS enforces the local security policy on Windows.',
          'The comsvcs.dll library hosts COM+ services.',
          'No LSASS dumps were observed on the affected servers.',
        ],
      },
    },
    {
      id: 'UC_LSASS_HANDLE_ACCESS',
      title: 'Unexpected process opening LSASS with memory-read access',
      description: 'Finds processes that open lsass.exe with rights that allow reading its memory (PROCESS_VM_READ and the full ' +
        'access masks credential dumpers request), from Defender OpenProcessApiCall events and Sysmon process-access events, ' +
        'outside the system components and security products that legitimately do so. This catches in-memory dumpers ' +
        '(Mimikatz, custom loaders, direct-syscall tools) that never write a command line worth matching.',
      phase: 'actions',
      techniques: ['T1003.001'],
      telemetry: { splunk: ['XmlWinEventLog:Microsoft-Windows-Sysmon/Operational'], defender: ['DeviceEvents'] },
      trigger: {
        techniques: ['T1003.001'],
        phrases: [
          /(?:open\w*|obtain\w*|acquir\w*|request\w*) (?:a |an )?(?:\w+ )?handle (?:to|on) (?:the )?LSASS/i,
          /(?:read|reads|reading) (?:the )?LSASS(?:\.exe)? (?:process )?memory/i,
          /(?:dump\w*|extract\w*|harvest\w*) (?:\w+ ){0,2}credentials from LSASS/i,
        ],
      },
      spl: [
        'index=* source="XmlWinEventLog:Microsoft-Windows-Sysmon/Operational" EventCode=10 TargetImage="*\\\\lsass.exe"',
        '    GrantedAccess IN ("0x10", "0x1010", "0x1410", "0x1438", "0x143a", "0x1fffff", "0x1f3fff", "0x1f1fff", "0x40")',
        '    NOT SourceImage IN ("*:\\\\Windows\\\\System32\\\\svchost.exe", "*:\\\\Windows\\\\System32\\\\wininit.exe", "*:\\\\Windows\\\\System32\\\\csrss.exe", "*:\\\\Windows\\\\System32\\\\lsm.exe", "*:\\\\Windows\\\\System32\\\\wbem\\\\WmiPrvSE.exe", "*\\\\MsMpEng.exe", "*\\\\MsSense.exe")',
        '| eval unknown_call_trace=if(like(CallTrace, "%UNKNOWN%"), "yes", "no")',
        '| stats count min(_time) as firstTime max(_time) as lastTime values(GrantedAccess) as granted_access values(unknown_call_trace) as unknown_call_trace by host SourceImage SourceUser',
        CTIME,
      ].join('\n'),
      kql: [
        'DeviceEvents',
        '| where Timestamp > ago(30d)',
        '| where ActionType == "OpenProcessApiCall" and FileName =~ "lsass.exe"',
        '| extend DesiredAccess = tolong(parse_json(AdditionalFields).DesiredAccess)',
        '| where binary_and(DesiredAccess, 0x10) == 0x10',
        '| where not(InitiatingProcessFileName in~ ("svchost.exe", "wininit.exe", "csrss.exe", "lsm.exe", "services.exe", "smss.exe", "WmiPrvSE.exe", "MsMpEng.exe", "MsSense.exe", "SenseIR.exe")',
        '    and InitiatingProcessFolderPath matches regex @"(?i)^[a-z]:\\\\(Windows\\\\System32|ProgramData\\\\Microsoft\\\\Windows Defender|Program Files\\\\Windows Defender)")',
        '| summarize Opens = count(), Access = make_set(DesiredAccess, 10), FirstSeen = min(Timestamp), LastSeen = max(Timestamp)',
        '    by DeviceName, InitiatingProcessAccountName, InitiatingProcessFileName, InitiatingProcessFolderPath, InitiatingProcessSHA256, InitiatingProcessCommandLine',
        '| order by FirstSeen desc',
      ].join('\n'),
      sigma: {
        logsource: { category: 'process_access', product: 'windows' },
        detection: {
          selection: {
            'TargetImage|endswith': '\\lsass.exe',
            // PROCESS_VM_READ (0x10) set: the second hex digit from the right is odd
            'GrantedAccess|re|i': '[13579bdf][0-9a-f]$',
          },
          filter_main_system: {
            'SourceImage|endswith': ['\\svchost.exe', '\\wininit.exe', '\\csrss.exe', '\\lsm.exe', '\\services.exe', '\\smss.exe', '\\WmiPrvSE.exe', '\\MsMpEng.exe', '\\MsSense.exe', '\\SenseIR.exe'],
            'SourceImage|startswith': ['C:\\Windows\\System32\\', 'C:\\ProgramData\\Microsoft\\Windows Defender\\', 'C:\\Program Files\\Windows Defender\\'],
          },
        },
        condition: 'selection and not filter_main_system',
      },
      falsePositives: ['Third-party EDR, backup, password-filter and monitoring agents open LSASS; add their signed binaries to the exclusion list after checking them.'],
      examples: {
        fire: [
          'The implant opens a handle to LSASS with PROCESS_VM_READ and copies the credential material.',
          'The tool reads LSASS process memory through direct system calls to avoid hooks.',
          'Operators extracted plaintext credentials from LSASS on two servers.',
        ],
        quiet: [
          'Alert when an unsigned process reads LSASS memory.',
          'LSASS handles authentication requests for local and domain users.',
          'The malware never accessed LSASS during the sandbox run.',
        ],
      },
    },
    {
      id: 'UC_KERBEROASTING',
      title: 'Kerberoasting: bursts of RC4 service tickets and SPN enumeration',
      description: 'Finds one account requesting RC4-encrypted (0x17/0x18) Kerberos service tickets for several different ' +
        'user-account SPNs within an hour (Security event 4769), LDAP queries enumerating servicePrincipalName, and Kerberoasting ' +
        'tools or the .NET KerberosRequestorSecurityToken class on endpoints. The tickets are encrypted with the service ' +
        'account\'s password hash and can be cracked offline without touching the account again.',
      phase: 'actions',
      techniques: ['T1558.003'],
      telemetry: { splunk: ['XmlWinEventLog:Security'], defender: ['IdentityQueryEvents', 'DeviceProcessEvents'] },
      trigger: {
        techniques: ['T1558.003'],
        phrases: [
          /kerberoast\w*/i,
          /(?:request|harvest|crack|collect)\w* (?:\w+ ){0,3}(?:TGS|service) tickets? (?:\w+ ){0,4}(?:offline|crack\w*|for service accounts)/i,
          /GetUserSPNs(?:\.py)?/i,
          /RC4(?:-HMAC)?[- ]encrypted (?:service |TGS |Kerberos )?tickets?/i,
        ],
      },
      spl: [
        'index=* (source="XmlWinEventLog:Security" OR source="WinEventLog:Security") EventCode=4769 Status="0x0"',
        '    TicketEncryptionType IN ("0x17", "0x18")',
        '    NOT ServiceName="*$" NOT ServiceName IN ("krbtgt", "kadmin/changepw")',
        '| bin _time span=1h',
        '| stats dc(ServiceName) as services values(ServiceName) as service_names min(_time) as firstTime max(_time) as lastTime by _time IpAddress TargetUserName',
        '| where services >= 3',
        CTIME,
      ].join('\n'),
      kql: [
        'let lookback = 30d;',
        'union',
        '(IdentityQueryEvents',
        '  | where Timestamp > ago(lookback)',
        '  | where ActionType has "LDAP" and Query has "servicePrincipalName"',
        '  | extend UserObjects = Query has_any ("805306368", "objectCategory=person", "objectClass=user")',
        '  | summarize Queries = count(), UserSpnQueries = countif(UserObjects), Examples = make_set(Query, 5), FirstSeen = min(Timestamp) by Account = AccountName, DeviceName, Source = "SPN LDAP query"),',
        '(DeviceProcessEvents',
        '  | where Timestamp > ago(lookback)',
        '  | where ProcessCommandLine has_any ("kerberoast", "GetUserSPNs", "KerberosRequestorSecurityToken")',
        '      or (FileName =~ "setspn.exe" and ProcessCommandLine matches regex @"(?i)\\s[-/]q\\s+\\*/\\*")',
        '      or (ProcessCommandLine has "asktgs" and ProcessCommandLine has "/spn")',
        '  | summarize Queries = count(), Examples = make_set(ProcessCommandLine, 5), FirstSeen = min(Timestamp) by Account = AccountName, DeviceName, Source = "tool command line")',
        '| order by FirstSeen desc',
      ].join('\n'),
      sigma: {
        logsource: { category: 'process_creation', product: 'windows' },
        detection: {
          selection_tools: { 'CommandLine|contains': ['kerberoast', 'GetUserSPNs', 'KerberosRequestorSecurityToken'] },
          selection_setspn: { 'Image|endswith': '\\setspn.exe', 'CommandLine|contains': [' -q \\*/\\*', ' /q \\*/\\*'] },
          selection_asktgs: { 'CommandLine|contains|all': ['asktgs', '/spn'] },
        },
        condition: '1 of selection_*',
        note: 'This rule covers the tools\' command lines; the hunt also counts LDAP queries for servicePrincipalName seen by Defender for Identity.',
      },
      falsePositives: [
        'Legacy applications and old service accounts still get RC4 tickets; the signal is many distinct SPNs requested by one account in a short window.',
        'Vulnerability scanners and AD audit tools (PingCastle, BloodHound collectors used by the red team) enumerate SPNs.',
      ],
      examples: {
        fire: [
          'The attackers performed Kerberoasting against four service accounts and cracked one password offline.',
          'Using GetUserSPNs.py the actor requested service tickets for every SPN in the domain.',
          'The logs show a burst of RC4-encrypted service tickets requested from a single workstation.',
        ],
        quiet: [
          'Use long, random passwords for service accounts to mitigate Kerberoasting.',
          'Kerberos is the default authentication protocol in Active Directory.',
          'Service tickets are issued by the key distribution center.',
        ],
      },
    },
    {
      id: 'UC_ASREP_ROASTING',
      title: 'AS-REP roasting: TGTs issued without pre-authentication',
      description: 'Finds Kerberos TGT requests granted without pre-authentication (Security event 4768 with pre-auth type 0) ' +
        'using RC4, LDAP queries for accounts flagged DONT_REQ_PREAUTH (userAccountControl bit 4194304), and AS-REP roasting ' +
        'tools on endpoints. Accounts without pre-authentication hand out encrypted material anyone can request and crack offline.',
      phase: 'actions',
      techniques: ['T1558.004'],
      telemetry: { splunk: ['XmlWinEventLog:Security'], defender: ['IdentityQueryEvents', 'DeviceProcessEvents'] },
      trigger: {
        techniques: ['T1558.004'],
        phrases: [
          /AS-?REP[- ]?roast\w*/i,
          /GetNPUsers(?:\.py)?/i,
          /(?:request|harvest|crack|dump|collect)\w* (?:\w+ ){0,3}AS-REP (?:hashes|responses|tickets|messages)/i,
        ],
      },
      spl: [
        'index=* (source="XmlWinEventLog:Security" OR source="WinEventLog:Security") EventCode=4768 Status="0x0"',
        '    PreAuthType="0" TicketEncryptionType IN ("0x17", "0x18")',
        '| stats dc(TargetUserName) as accounts values(TargetUserName) as account_names count min(_time) as firstTime max(_time) as lastTime by IpAddress',
        CTIME,
      ].join('\n'),
      kql: [
        'let lookback = 30d;',
        'union',
        '(IdentityQueryEvents',
        '  | where Timestamp > ago(lookback)',
        '  | where ActionType has "LDAP" and Query has "4194304"',
        '  | project Timestamp, Account = AccountName, DeviceName, Source = "DONT_REQ_PREAUTH LDAP query", Detail = Query),',
        '(DeviceProcessEvents',
        '  | where Timestamp > ago(lookback)',
        '  | where ProcessCommandLine has_any ("asreproast", "GetNPUsers", "Get-ASREPHash", "Invoke-ASREPRoast")',
        '  | project Timestamp, Account = AccountName, DeviceName, Source = "tool command line", Detail = ProcessCommandLine)',
        '| order by Timestamp desc',
      ].join('\n'),
      sigma: {
        logsource: { category: 'process_creation', product: 'windows' },
        detection: {
          selection: { 'CommandLine|contains': ['asreproast', 'GetNPUsers', 'Get-ASREPHash', 'Invoke-ASREPRoast'] },
        },
        condition: 'selection',
        note: 'This rule covers the tools\' command lines; the hunt also looks for LDAP queries for accounts without Kerberos pre-authentication (4194304) seen by Defender for Identity.',
      },
      falsePositives: ['A few legacy Unix or appliance integrations need accounts without pre-authentication; list them and alert on any other account.'],
      examples: {
        fire: [
          'The intruders used ASREPRoast to obtain hashes for accounts without Kerberos pre-authentication.',
          'With GetNPUsers.py they requested AS-REP hashes for three accounts and cracked them offline.',
        ],
        quiet: [
          'Require Kerberos pre-authentication for every account to prevent AS-REP roasting.',
          'AS-REQ and AS-REP messages are part of every Kerberos logon.',
          'No AS-REP roasting was detected in the environment.',
        ],
      },
    },
    {
      id: 'UC_DCSYNC_REPLICATION',
      title: 'DCSync: directory replication requested by a non-DC account',
      description: 'Finds directory replication (DRSUAPI GetNCChanges) requested by accounts that are not domain controllers: ' +
        'Defender for Identity "Directory Services replication" events from user accounts, Security event 4662 with the ' +
        'Replicating Directory Changes (All / In Filtered Set) rights by a non-machine account, and DCSync tooling on endpoints. ' +
        'DCSync pulls password hashes for any account, including krbtgt, without touching the DC\'s disk.',
      phase: 'actions',
      techniques: ['T1003.006'],
      telemetry: { splunk: ['XmlWinEventLog:Security'], defender: ['IdentityDirectoryEvents', 'DeviceProcessEvents'] },
      trigger: {
        techniques: ['T1003.006'],
        phrases: [
          /DCSync/i,
          /DRSUAPI|DsGetNCChanges|GetNCChanges/i,
          /secretsdump(?:\.py)? (?:\S+ ){0,3}-just-dc/i,
          /(?:imitat|impersonat|pos|mimic)\w* (?:as )?(?:a )?domain controller (?:\w+ ){0,3}(?:to )?(?:request|replicat|pull)\w*/i,
        ],
      },
      spl: [
        'index=* (source="XmlWinEventLog:Security" OR source="WinEventLog:Security") EventCode=4662 AccessMask="0x100"',
        '    (Properties="*1131f6aa-9c07-11d1-f79f-00c04fc2dcd2*" OR Properties="*1131f6ad-9c07-11d1-f79f-00c04fc2dcd2*" OR Properties="*89e95b76-444d-4c62-991a-0facbeda640c*")',
        '    NOT SubjectUserName="*$"',
        '| stats count min(_time) as firstTime max(_time) as lastTime values(Properties) as rights by host SubjectDomainName SubjectUserName',
        CTIME,
      ].join('\n'),
      kql: [
        'let lookback = 30d;',
        'union',
        '(IdentityDirectoryEvents',
        '  | where Timestamp > ago(lookback)',
        '  | where ActionType == "Directory Services replication"',
        '  | where not(AccountName endswith "$") and not(AccountName startswith "MSOL_" or AccountName startswith "AAD_" or AccountName startswith "Sync_")',
        '  | project Timestamp, Account = AccountName, Source = strcat("replication from ", DeviceName, " ", IPAddress), Target = DestinationDeviceName, Detail = tostring(AdditionalFields)),',
        '(DeviceProcessEvents',
        '  | where Timestamp > ago(lookback)',
        '  | where ProcessCommandLine has_any ("lsadump::dcsync", "Invoke-DCSync", "-just-dc", "Get-ADReplAccount", "DSInternals")',
        '  | project Timestamp, Account = AccountName, Source = strcat("command line on ", DeviceName), Target = "", Detail = ProcessCommandLine)',
        '| order by Timestamp desc',
      ].join('\n'),
      sigma: {
        logsource: { product: 'windows', service: 'security' },
        detection: {
          selection: {
            EventID: 4662,
            AccessMask: '0x100',
            'Properties|contains': ['1131f6aa-9c07-11d1-f79f-00c04fc2dcd2', '1131f6ad-9c07-11d1-f79f-00c04fc2dcd2', '89e95b76-444d-4c62-991a-0facbeda640c'],
          },
          filter_main_machine: { 'SubjectUserName|endswith': '$' },
          filter_main_sync: { 'SubjectUserName|startswith': ['MSOL_', 'AAD_', 'Sync_'] },
        },
        condition: 'selection and not 1 of filter_main_*',
        note: 'Directory replication requested by a user account (Windows security event 4662 with the replication rights); the hunt also looks for DCSync tools on command lines.',
      },
      falsePositives: ['Entra ID (Azure AD) Connect and some identity-management products replicate password hashes with a dedicated account (MSOL_…); keep them on an explicit list.'],
      examples: {
        fire: [
          'With domain admin rights the actor ran a DCSync to retrieve the krbtgt hash.',
          'The tool sends DRSUAPI GetNCChanges requests from a workstation to replicate password data.',
          'They ran secretsdump.py -just-dc against the primary domain controller.',
        ],
        quiet: [
          'Restrict replication rights to domain controllers.',
          'Domain controllers replicate changes to each other every few minutes.',
          'The threat actor did not perform DCSync in this case.',
        ],
      },
    },
    {
      id: 'UC_BROWSER_CREDENTIAL_THEFT',
      title: 'Browser password, cookie and key stores touched by a non-browser process',
      description: 'Finds processes other than the browser creating, copying or naming Chromium Login Data, Cookies, Web Data ' +
        'and Local State files or Firefox logins.json, key4.db and cookies.sqlite, and browsers started headless with a remote ' +
        'debugging port (used to pull decrypted cookies). Infostealers copy these databases to a staging folder before they ' +
        'decrypt and upload them. File reads only appear in Splunk with object-access auditing or an EDR that records them.',
      phase: 'actions',
      techniques: ['T1555.003', 'T1539'],
      telemetry: { splunk: ['Endpoint.Filesystem', 'Endpoint.Processes'], defender: ['DeviceFileEvents', 'DeviceProcessEvents'] },
      trigger: {
        techniques: ['T1555.003', 'T1539'],
        phrases: [
          /(?:steal|harvest|extract|collect|dump|grab|exfiltrat|loot|target)\w* (?:\w+ ){0,3}(?:saved |stored )?(?:browser|Chrome|Firefox|Edge|Chromium|Brave|Opera)(?:-based)? (?:\w+ )?(?:passwords|credentials|cookies|login data|autofill(?: data)?)/i,
          /(?:Chrome|Chromium|Edge|Brave|browser)(?:'s)? (?:\w+ ){0,2}"?Login Data"?(?: files?| databases?)?/i,
          /logins\.json|key4\.db|cookies\.sqlite/i,
          /--remote-debugging-port/i,
        ],
      },
      spl: [
        TSTATS,
        '  from datamodel=Endpoint.Filesystem',
        '  where Filesystem.file_name IN ("Login Data", "Login Data For Account", "Cookies", "Web Data", "Local State", "logins.json", "key4.db", "key3.db", "cookies.sqlite", "signons.sqlite")',
        '    NOT Filesystem.process_name IN ("chrome.exe", "msedge.exe", "brave.exe", "opera.exe", "vivaldi.exe", "firefox.exe", "MsMpEng.exe", "explorer.exe")',
        '  by Filesystem.dest Filesystem.user Filesystem.process_name Filesystem.process_path Filesystem.file_path Filesystem.file_name',
        '| `drop_dm_object_name(Filesystem)`',
        '| append',
        '    [| tstats `security_content_summariesonly` count min(_time) as firstTime max(_time) as lastTime',
        '       from datamodel=Endpoint.Processes',
        '       where ((Processes.process="*\\\\User Data\\\\*Login Data*" OR Processes.process="*\\\\User Data\\\\*Cookies*" OR Processes.process="*\\\\User Data\\\\Local State*" OR Processes.process="*logins.json*" OR Processes.process="*key4.db*" OR Processes.process="*cookies.sqlite*")',
        '           NOT Processes.process_name IN ("chrome.exe", "msedge.exe", "brave.exe", "opera.exe", "vivaldi.exe", "firefox.exe"))',
        '          OR (Processes.process_name IN ("chrome.exe", "msedge.exe", "brave.exe") Processes.process="*--remote-debugging-port*" Processes.process="*--headless*")',
        '       by Processes.dest Processes.user Processes.parent_process_name Processes.process_name Processes.process',
        '     | `drop_dm_object_name(Processes)`]',
        CTIME,
      ].join('\n'),
      kql: [
        'let lookback = 30d;',
        'let browsers = dynamic(["chrome.exe", "msedge.exe", "brave.exe", "opera.exe", "vivaldi.exe", "firefox.exe"]);',
        'let stores = dynamic(["Login Data", "Login Data For Account", "Cookies", "Web Data", "Local State", "logins.json", "key4.db", "key3.db", "cookies.sqlite", "signons.sqlite"]);',
        'union',
        '(DeviceFileEvents',
        '  | where Timestamp > ago(lookback)',
        '  | where FileName in~ (stores)',
        '  | where not(InitiatingProcessFileName in~ (browsers)) and not(InitiatingProcessFileName in~ ("MsMpEng.exe", "explorer.exe"))',
        '  | project Timestamp, DeviceName, Account = InitiatingProcessAccountName, Source = strcat("file ", ActionType), InitiatingProcessFileName, InitiatingProcessFolderPath, Detail = FolderPath),',
        '(DeviceProcessEvents',
        '  | where Timestamp > ago(lookback)',
        '  | where (ProcessCommandLine has_any (@"\\User Data\\", "logins.json", "key4.db", "cookies.sqlite") and ProcessCommandLine has_any ("Login Data", "Cookies", "Local State", "logins.json", "key4.db", "cookies.sqlite")',
        '         and not(FileName in~ (browsers)))',
        '      or (FileName in~ (browsers) and ProcessCommandLine has "--remote-debugging-port" and ProcessCommandLine has "--headless")',
        '  | project Timestamp, DeviceName, Account = AccountName, Source = "command line", InitiatingProcessFileName, InitiatingProcessFolderPath, Detail = ProcessCommandLine)',
        '| order by Timestamp desc',
      ].join('\n'),
      sigma: {
        logsource: { category: 'file_access', product: 'windows' },
        detection: {
          selection: {
            'TargetFilename|endswith': ['\\Login Data', '\\Login Data For Account', '\\Cookies', '\\Web Data', '\\Local State', '\\logins.json', '\\key4.db', '\\key3.db', '\\cookies.sqlite', '\\signons.sqlite'],
          },
          filter_main_browsers: { 'Image|endswith': ['\\chrome.exe', '\\msedge.exe', '\\brave.exe', '\\opera.exe', '\\vivaldi.exe', '\\firefox.exe', '\\MsMpEng.exe', '\\explorer.exe'] },
        },
        condition: 'selection and not filter_main_browsers',
        note: 'This rule covers the browser stores read by other programs; the hunt also looks for command lines naming them and for headless browsers with a remote-debugging port.',
      },
      falsePositives: [
        'Backup, profile-migration and sync tools copy whole browser profiles; they run from Program Files under known service accounts.',
        'Test automation (Puppeteer, Playwright, Selenium) starts headless browsers with a debugging port, normally on build agents with a throwaway profile.',
      ],
      examples: {
        fire: [
          'The stealer harvests saved Chrome passwords and cookies and zips them for upload.',
          'It copies the Chrome Login Data database to %TEMP% before decrypting it with the key from Local State.',
          'The malware also reads logins.json and key4.db from every Firefox profile.',
        ],
        quiet: [
          'Clear your browser cookies regularly to protect your privacy.',
          'Chrome stores saved passwords encrypted on disk.',
          'The login data of employees is protected by MFA.',
        ],
      },
    },
    {
      id: 'UC_CRYPTO_WALLET_FILE_ACCESS',
      title: 'Crypto-wallet files and wallet-extension storage touched by an unexpected process',
      description: 'Finds processes other than the wallet application or browser creating, copying or naming wallet.dat, ' +
        'Electrum, Exodus, Atomic and Ethereum keystore files, or the Local Extension Settings folders of wallet extensions ' +
        '(MetaMask, Phantom, Coinbase Wallet, Binance Wallet, TronLink). Nearly every commodity infostealer ships a wallet module ' +
        'that sweeps these paths; a loss is immediate and irreversible.',
      phase: 'actions',
      techniques: ['T1005', 'T1552.001'],
      telemetry: { splunk: ['Endpoint.Filesystem', 'Endpoint.Processes'], defender: ['DeviceFileEvents', 'DeviceProcessEvents'] },
      trigger: {
        phrases: [
          /(?:steal|harvest|target|exfiltrat|grab|collect|drain|loot|sweep|search)\w* (?:[\w,]+ ){0,5}(?:crypto(?:currency)?|Bitcoin|Ethereum|Exodus|Electrum|MetaMask|Phantom|Atomic|Coinbase|Trust)[- ]?wallets?/i,
          /wallet\.dat/i,
          /(?:MetaMask|Phantom|TronLink|Coinbase Wallet) (?:vaults?|extension (?:data|storage|files))/i,
          /(?:crypto(?:currency)?[- ]?)?wallet (?:browser )?extensions? (?:\w+ ){0,3}(?:stolen|targeted|harvested|exfiltrated)/i,
        ],
      },
      spl: [
        TSTATS,
        '  from datamodel=Endpoint.Filesystem',
        '  where (Filesystem.file_name="wallet.dat" OR Filesystem.file_path="*\\\\Electrum\\\\wallets\\\\*" OR Filesystem.file_path="*\\\\Exodus\\\\exodus.wallet\\\\*" OR Filesystem.file_path="*\\\\Ethereum\\\\keystore\\\\*"',
        '     OR Filesystem.file_path="*\\\\atomic\\\\Local Storage\\\\leveldb\\\\*"',
        '     OR Filesystem.file_path="*\\\\Local Extension Settings\\\\nkbihfbeogaeaoehlefnkodbefgpgknn*" OR Filesystem.file_path="*\\\\Local Extension Settings\\\\bfnaelmomeimhlpmgjnjophhpkkoljpa*"',
        '     OR Filesystem.file_path="*\\\\Local Extension Settings\\\\hnfanknocfeofbddgcijnmhnfnkdnaad*" OR Filesystem.file_path="*\\\\Local Extension Settings\\\\fhbohimaelbohpjbbldcngcnapndodjp*"',
        '     OR Filesystem.file_path="*\\\\Local Extension Settings\\\\ibnejdfjmmkpcnlpebklmnkoeoihofec*")',
        '    NOT Filesystem.process_name IN ("chrome.exe", "msedge.exe", "brave.exe", "opera.exe", "firefox.exe", "Exodus.exe", "electrum.exe", "Atomic Wallet.exe", "bitcoin-qt.exe", "geth.exe", "MsMpEng.exe")',
        '  by Filesystem.dest Filesystem.user Filesystem.process_name Filesystem.process_path Filesystem.file_path Filesystem.file_name',
        '| `drop_dm_object_name(Filesystem)`',
        '| append',
        '    [| tstats `security_content_summariesonly` count min(_time) as firstTime max(_time) as lastTime',
        '       from datamodel=Endpoint.Processes',
        '       where (Processes.process="*wallet.dat*" OR Processes.process="*exodus.wallet*" OR Processes.process="*\\\\Electrum\\\\wallets*" OR Processes.process="*\\\\Ethereum\\\\keystore*" OR Processes.process="*nkbihfbeogaeaoehlefnkodbefgpgknn*")',
        '       by Processes.dest Processes.user Processes.parent_process_name Processes.process_name Processes.process',
        '     | `drop_dm_object_name(Processes)`]',
        CTIME,
      ].join('\n'),
      kql: [
        'let lookback = 30d;',
        'let walletPaths = dynamic([@"\\Electrum\\wallets", @"\\Exodus\\exodus.wallet", @"\\Ethereum\\keystore", @"\\atomic\\Local Storage\\leveldb",',
        '    "nkbihfbeogaeaoehlefnkodbefgpgknn", "bfnaelmomeimhlpmgjnjophhpkkoljpa", "hnfanknocfeofbddgcijnmhnfnkdnaad", "fhbohimaelbohpjbbldcngcnapndodjp", "ibnejdfjmmkpcnlpebklmnkoeoihofec"]);',
        'let walletApps = dynamic(["chrome.exe", "msedge.exe", "brave.exe", "opera.exe", "firefox.exe", "Exodus.exe", "electrum.exe", "Atomic Wallet.exe", "bitcoin-qt.exe", "geth.exe", "MsMpEng.exe"]);',
        'union',
        '(DeviceFileEvents',
        '  | where Timestamp > ago(lookback)',
        '  | where FileName =~ "wallet.dat" or FolderPath has_any (walletPaths)',
        '  | where not(InitiatingProcessFileName in~ (walletApps))',
        '  | project Timestamp, DeviceName, Account = InitiatingProcessAccountName, Source = strcat("file ", ActionType), InitiatingProcessFileName, InitiatingProcessFolderPath, Detail = FolderPath),',
        '(DeviceProcessEvents',
        '  | where Timestamp > ago(lookback)',
        '  | where ProcessCommandLine has "wallet.dat" or ProcessCommandLine has_any (walletPaths)',
        '  | where not(FileName in~ (walletApps))',
        '  | project Timestamp, DeviceName, Account = AccountName, Source = "command line", InitiatingProcessFileName, InitiatingProcessFolderPath, Detail = ProcessCommandLine)',
        '| order by Timestamp desc',
      ].join('\n'),
      sigma: {
        logsource: { category: 'file_access', product: 'windows' },
        detection: {
          selection_file: { 'TargetFilename|endswith': '\\wallet.dat' },
          selection_folder: {
            'TargetFilename|contains': ['\\Electrum\\wallets', '\\Exodus\\exodus.wallet', '\\Ethereum\\keystore', '\\atomic\\Local Storage\\leveldb', 'nkbihfbeogaeaoehlefnkodbefgpgknn', 'bfnaelmomeimhlpmgjnjophhpkkoljpa', 'hnfanknocfeofbddgcijnmhnfnkdnaad', 'fhbohimaelbohpjbbldcngcnapndodjp', 'ibnejdfjmmkpcnlpebklmnkoeoihofec'],
          },
          filter_main_wallets: { 'Image|endswith': ['\\chrome.exe', '\\msedge.exe', '\\brave.exe', '\\opera.exe', '\\firefox.exe', '\\Exodus.exe', '\\electrum.exe', '\\Atomic Wallet.exe', '\\bitcoin-qt.exe', '\\geth.exe', '\\MsMpEng.exe'] },
        },
        condition: '1 of selection_* and not filter_main_wallets',
        note: 'This rule covers wallet files read by other programs; the hunt also looks for command lines naming them.',
      },
      falsePositives: ['Wallet backups made by the owner and backup software copying the whole profile; extension updates are written by the browser itself and are excluded.'],
      examples: {
        fire: [
          'The stealer targets more than 40 cryptocurrency wallets, including Exodus and Electrum.',
          'It searches every drive for wallet.dat files and uploads them to the C2.',
          'MetaMask vault data is copied out of the Chrome profile.',
        ],
        quiet: [
          'Bitcoin prices rose sharply after the ETF approval.',
          'Store large holdings in a hardware wallet.',
          'The shop accepts payments into its crypto wallet.',
        ],
      },
    },
    {
      id: 'UC_SAM_HIVE_DUMP',
      title: 'SAM, SECURITY or SYSTEM hive saved or copied for offline hash extraction',
      description: 'Finds reg save / reg export of HKLM\\SAM, HKLM\\SECURITY and HKLM\\SYSTEM, copies of the hive files out of ' +
        'a volume shadow copy, and hive files written outside \\System32\\config. With SAM and SYSTEM an attacker extracts local ' +
        'account NTLM hashes offline; SECURITY adds LSA secrets and cached domain credentials.',
      phase: 'actions',
      techniques: ['T1003.002', 'T1003.004'],
      telemetry: { splunk: ['Endpoint.Processes'], defender: ['DeviceProcessEvents', 'DeviceFileEvents'] },
      trigger: {
        techniques: ['T1003.002', 'T1003.004'],
        phrases: [
          /reg(?:\.exe)? (?:save|export) (?:HKLM|HKEY_LOCAL_MACHINE)\\(?:SAM|SYSTEM|SECURITY)/i,
          /(?:dump|copy|copi|extract|steal|exfiltrat|sav)\w* (?:\w+ ){0,3}SAM(?:,? SYSTEM)?(?:,? and (?:SYSTEM|SECURITY))? (?:registry )?(?:hives?|database|files?)/i,
          /(?:SAM|Security Account Manager) (?:registry )?(?:hive|database) (?:was |were )?(?:dumped|copied|exported|saved|stolen)/i,
          /hashdump/i,
        ],
      },
      spl: [
        TSTATS,
        '  from datamodel=Endpoint.Processes',
        '  where (Processes.process_name="reg.exe" (Processes.process="* save *" OR Processes.process="* export *")',
        '      (Processes.process="*hklm\\\\sam*" OR Processes.process="*hklm\\\\security*" OR Processes.process="*hklm\\\\system *" OR Processes.process="*hkey_local_machine\\\\sam*" OR Processes.process="*hkey_local_machine\\\\security*" OR Processes.process="*hkey_local_machine\\\\system *"))',
        '    OR (Processes.process="*HarddiskVolumeShadowCopy*" (Processes.process="*\\\\config\\\\SAM*" OR Processes.process="*\\\\config\\\\SECURITY*" OR Processes.process="*\\\\config\\\\SYSTEM*"))',
        '  by Processes.dest Processes.user Processes.parent_process_name Processes.process_name Processes.process',
        '| `drop_dm_object_name(Processes)`',
        CTIME,
      ].join('\n'),
      kql: [
        'let lookback = 30d;',
        'union',
        '(DeviceProcessEvents',
        '  | where Timestamp > ago(lookback)',
        '  | where (FileName =~ "reg.exe" and ProcessCommandLine has_any ("save", "export") and ProcessCommandLine matches regex @"(?i)(hklm|hkey_local_machine)\\\\(sam|security|system)(\\s|""|$)")',
        '      or (ProcessCommandLine contains "HarddiskVolumeShadowCopy" and ProcessCommandLine has_any (@"\\config\\SAM", @"\\config\\SECURITY", @"\\config\\SYSTEM"))',
        '  | project Timestamp, DeviceName, Account = AccountName, Source = "command line", InitiatingProcessFileName, Detail = ProcessCommandLine),',
        '(DeviceFileEvents',
        '  | where Timestamp > ago(lookback)',
        '  | where ActionType in ("FileCreated", "FileRenamed")',
        '  | where FileName matches regex @"(?i)^(sam|security|system)(\\.(save|hiv|bak|dmp|tmp))?$"',
        '  | where not(FolderPath has_any (@"\\System32\\config\\", @"\\WinSxS\\", @"\\servicing\\"))',
        '  | project Timestamp, DeviceName, Account = InitiatingProcessAccountName, Source = "hive file", InitiatingProcessFileName, Detail = FolderPath)',
        '| order by Timestamp desc',
      ].join('\n'),
      sigma: {
        logsource: { category: 'process_creation', product: 'windows' },
        detection: {
          selection_reg: {
            'Image|endswith': '\\reg.exe',
            'CommandLine|contains': [' save ', ' export '],
            'CommandLine|re|i': '(hklm|hkey_local_machine)\\\\(sam|security|system)(\\s|"|$)',
          },
          selection_shadow: {
            'CommandLine|contains|all': ['HarddiskVolumeShadowCopy'],
            'CommandLine|contains': ['\\config\\SAM', '\\config\\SECURITY', '\\config\\SYSTEM'],
          },
        },
        condition: '1 of selection_*',
        note: 'This rule covers command lines; the hunt also looks for SAM, SECURITY or SYSTEM hive files written outside the system folders.',
      },
      falsePositives: ['Some backup products export hives; system-state backups run as a service account on a schedule, not from an interactive shell.'],
      examples: {
        fire: [
          'The operator ran reg save HKLM\\SAM C:\\ProgramData\\sam.save and then saved the SYSTEM hive.',
          'They copied the SAM and SYSTEM hives from a shadow copy to extract local hashes.',
          'The Meterpreter session was used to run hashdump on the server.',
        ],
        quiet: [
          'The Security Account Manager stores local account password hashes.',
          'Sam from the help desk reset the user password.',
          'Restrict access to the SAM database with LSA protection.',
        ],
      },
    },
    {
      id: 'UC_NTDS_DIT_EXTRACTION',
      title: 'NTDS.dit extracted with ntdsutil IFM, shadow copies or raw copy tools',
      description: 'Finds ntdsutil creating an install-from-media (IFM) snapshot, vssadmin or diskshadow creating a shadow copy on ' +
        'a domain controller, esentutl or copy commands naming ntds.dit, and ntds.dit files written outside \\Windows\\NTDS. With ' +
        'the Active Directory database and the SYSTEM hive an attacker gets every domain password hash offline.',
      phase: 'actions',
      techniques: ['T1003.003'],
      telemetry: { splunk: ['Endpoint.Processes'], defender: ['DeviceProcessEvents', 'DeviceFileEvents'] },
      trigger: {
        techniques: ['T1003.003'],
        phrases: [
          /NTDS\.dit/i,
          /ntdsutil(?:\.exe)? (?:\S+ ){0,4}"?(?:ifm|create full)/i,
          /(?:dump|copy|copi|extract|steal|exfiltrat|obtain)\w* (?:\w+ ){0,3}(?:Active Directory|AD) database/i,
          /vssadmin(?:\.exe)? create shadow/i,
        ],
      },
      spl: [
        TSTATS,
        '  from datamodel=Endpoint.Processes',
        '  where (Processes.process_name="ntdsutil.exe" (Processes.process="*ifm*" OR Processes.process="*create full*"))',
        '    OR (Processes.process_name="vssadmin.exe" Processes.process="*create shadow*")',
        '    OR (Processes.process_name="diskshadow.exe" Processes.process="*/s *")',
        '    OR Processes.process="*ntds.dit*"',
        '  by Processes.dest Processes.user Processes.parent_process_name Processes.process_name Processes.process',
        '| `drop_dm_object_name(Processes)`',
        CTIME,
      ].join('\n'),
      kql: [
        'let lookback = 30d;',
        'union',
        '(DeviceProcessEvents',
        '  | where Timestamp > ago(lookback)',
        '  | where (FileName =~ "ntdsutil.exe" and ProcessCommandLine has_any ("ifm", "create full"))',
        '      or (FileName =~ "vssadmin.exe" and ProcessCommandLine has "create" and ProcessCommandLine has "shadow")',
        '      or (FileName =~ "diskshadow.exe" and ProcessCommandLine has "/s")',
        '      or ProcessCommandLine has "ntds.dit"',
        '  | project Timestamp, DeviceName, Account = AccountName, Source = "command line", InitiatingProcessFileName, Detail = ProcessCommandLine),',
        '(DeviceFileEvents',
        '  | where Timestamp > ago(lookback)',
        '  | where ActionType in ("FileCreated", "FileRenamed") and FileName =~ "ntds.dit"',
        '  | where not(FolderPath has @"\\Windows\\NTDS\\")',
        '  | project Timestamp, DeviceName, Account = InitiatingProcessAccountName, Source = "ntds.dit copy", InitiatingProcessFileName, Detail = FolderPath)',
        '| order by Timestamp desc',
      ].join('\n'),
      sigma: {
        logsource: { category: 'process_creation', product: 'windows' },
        detection: {
          selection_ntdsutil: { 'Image|endswith': '\\ntdsutil.exe', 'CommandLine|contains': ['ifm', 'create full'] },
          selection_vssadmin: { 'Image|endswith': '\\vssadmin.exe', 'CommandLine|contains|all': ['create', 'shadow'] },
          selection_diskshadow: { 'Image|endswith': '\\diskshadow.exe', 'CommandLine|contains': '/s' },
          selection_ntds: { 'CommandLine|contains': 'ntds.dit' },
        },
        condition: '1 of selection_*',
        note: 'This rule covers command lines; the hunt also looks for copies of ntds.dit written outside \\Windows\\NTDS\\.',
      },
      falsePositives: ['Domain controller promotion from IFM media and AD backup products create IFM sets or shadow copies; they are planned and run by known admins or backup services.'],
      examples: {
        fire: [
          'On the domain controller the actor ran ntdsutil "ac i ntds" "ifm" "create full c:\\temp\\x" q q.',
          'They created a volume shadow copy and copied NTDS.dit and the SYSTEM hive to a staging share.',
          'The group extracted the Active Directory database to crack every domain password.',
        ],
        quiet: [
          'The NTDS service runs on every domain controller.',
          'Back up the directory with Windows Server Backup every night.',
          'Audit access to shadow copies on domain controllers.',
        ],
      },
    },
    {
      id: 'UC_CREDENTIAL_DUMPER_COMMANDLINE',
      title: 'Credential-dumping tool recognised by its command-line syntax',
      description: 'Finds credential dumpers by what they are told to do rather than by file name: Mimikatz-style module::command ' +
        'arguments (sekurlsa::logonpasswords, lsadump::sam, lsadump::secrets, kerberos::list /export, dpapi::, token::elevate, ' +
        'privilege::debug), Invoke-Mimikatz and -DumpCreds, pypykatz, lsassy, LaZagne all, and Impacket secretsdump targets. ' +
        'Renamed or recompiled builds keep this syntax, so the hunt survives the rename that defeats a tool-name list.',
      phase: 'actions',
      techniques: ['T1003', 'T1003.001'],
      telemetry: { splunk: ['Endpoint.Processes'], defender: ['DeviceProcessEvents'] },
      trigger: {
        techniques: ['T1003'],
        phrases: [
          /mimikatz/i,
          /(?:sekurlsa|lsadump|kerberos|dpapi|token|vault|crypto)::\w+|privilege::debug/i,
          /pypykatz|lsassy|LaZagne|secretsdump(?:\.py)?/i,
          /credential[- ]dump(?:ing|ers?)? (?:tools?|utilit(?:y|ies)|modules?)/i,
        ],
      },
      spl: [
        TSTATS,
        '  from datamodel=Endpoint.Processes',
        '  where Processes.process IN ("*sekurlsa::*", "*lsadump::*", "*privilege::debug*", "*kerberos::list*", "*kerberos::ptt*", "*kerberos::golden*", "*dpapi::*", "*token::elevate*", "*vault::cred*", "*crypto::capi*",',
        '      "*Invoke-Mimikatz*", "*-DumpCreds*", "*pypykatz*", "*lsassy*", "*secretsdump*", "*lazagne*")',
        '    OR Processes.original_file_name="mimikatz.exe"',
        '  by Processes.dest Processes.user Processes.parent_process_name Processes.process_name Processes.original_file_name Processes.process',
        '| `drop_dm_object_name(Processes)`',
        CTIME,
      ].join('\n'),
      kql: [
        'DeviceProcessEvents',
        '| where Timestamp > ago(30d)',
        '| where ProcessCommandLine matches regex @"(?i)\\b(sekurlsa|lsadump|kerberos|dpapi|token|vault|crypto|misc)::[a-z]+"',
        '    or ProcessCommandLine has_any ("privilege::debug", "Invoke-Mimikatz", "-DumpCreds", "pypykatz", "lsassy", "secretsdump", "lazagne")',
        '    or ProcessVersionInfoOriginalFileName =~ "mimikatz.exe" or ProcessVersionInfoProductName has "mimikatz"',
        '| project Timestamp, DeviceName, AccountName, FileName, FolderPath, ProcessVersionInfoOriginalFileName, SHA256, InitiatingProcessFileName, ProcessCommandLine',
        '| order by Timestamp desc',
      ].join('\n'),
      sigma: {
        logsource: { category: 'process_creation', product: 'windows' },
        detection: {
          selection_modules: { 'CommandLine|contains': ['sekurlsa::', 'lsadump::', 'kerberos::', 'dpapi::', 'token::', 'vault::', 'crypto::', 'misc::'] },
          selection_tools: { 'CommandLine|contains': ['privilege::debug', 'Invoke-Mimikatz', '-DumpCreds', 'pypykatz', 'lsassy', 'secretsdump', 'lazagne'] },
          selection_pe: [{ OriginalFileName: 'mimikatz.exe' }, { 'Product|contains': 'mimikatz' }],
        },
        condition: '1 of selection_*',
      },
      falsePositives: ['Authorised penetration tests and red-team exercises; confirm the engagement window and operator hosts.'],
      examples: {
        fire: [
          'The operators executed sekurlsa::logonpasswords from a renamed Mimikatz binary.',
          'A PowerShell stager loads Invoke-Mimikatz -DumpCreds in memory.',
          'They used LaZagne and lsassy to collect credentials across the network.',
        ],
        quiet: [
          'Credential Guard mitigates Mimikatz-style attacks.',
          'The report does not mention Mimikatz at all.',
          'The password manager syncs credentials across devices.',
        ],
      },
    },
  ];
}
